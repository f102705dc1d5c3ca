"""Wren's local API server: the loaded local model over the OpenAI-compatible HTTP API
(`GET /v1/models`, `POST /v1/chat/completions`, streaming or not), for other programs on this
computer.

Design notes:
- stdlib `ThreadingHTTPServer`: no extra dependency for the installers, and the API is small.
  Each connection gets a (daemon) handler thread; none of them touches the model. They queue a
  job for the one worker thread that owns the Engine while the server runs, so requests are
  answered one at a time, in arrival order, and a `Llama` is never used by two threads at once.
- The window shares the same Engine: it passes a `FifoGate` it also holds around its own chat
  turns, and hooks `on_status` (plain data, called from server threads) to show "busy". Each
  request is its own turn (app.core.chat.answer) with its own cancel token: Stop in the window
  never cuts an API reply, and a client that leaves stops only its own.
- Loopback only unless the caller explicitly allows another address; every /v1 request needs
  `Authorization: Bearer <key>` (constant-time compare). The key lives in the keyring.
- Requests are stored as conversations only when the user turned that on.
"""
from __future__ import annotations

import hmac
import ipaddress
import json
import queue
import secrets
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from app.core.api_keys import SecretResult, get_secret, set_secret
from app.core.engine import ChatEngine, ReplyStats, SamplingParams
from app.core.errors import BadInput, ContextOverflow, WrenError
from app.core.setting_names import API_LOG_CONVERSATIONS as LOG_CONVERSATIONS_SETTING

API_KEY_SECRET = "api-server"
DEFAULT_PORT = 8765
MAX_BODY_BYTES = 8 * 2**20
MAX_QUEUE = 32
MAX_TOKENS_CAP = 8192


# ------------------------------------------------------------------------------ API key
def get_or_create_api_key(regenerate: bool = False) -> tuple[str, bool, SecretResult]:
    """The server's key: from the keyring, or a new one stored there. Returns
    (key, created_now, where-it-is-stored)."""
    key = None if regenerate else get_secret(API_KEY_SECRET)
    if key:
        return key, False, SecretResult(True)
    key = "wren-" + secrets.token_urlsafe(32)
    return key, True, set_secret(API_KEY_SECRET, key)


def is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# ------------------------------------------------------------------------ shared model
class FifoGate:
    """A first-come-first-served lock around the model, shared by the window and the server."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._next_ticket = 0
        self._serving = 0
        self.holder = ""

    @contextmanager
    def hold(self, who: str) -> Iterator[None]:
        with self._cond:
            ticket = self._next_ticket
            self._next_ticket += 1
            while ticket != self._serving:
                self._cond.wait()
            self.holder = who
        try:
            yield
        finally:
            with self._cond:
                self._serving += 1
                self.holder = ""
                self._cond.notify_all()

    @property
    def waiting(self) -> int:
        with self._cond:
            return self._next_ticket - self._serving


@dataclass(frozen=True)
class ServerStatus:
    """What the window shows about the server. Sent from server threads."""

    running: bool
    busy: bool
    queued: int  # requests waiting behind the one running
    served: int
    url: str = ""
    last_error: str = ""


@dataclass
class ChatRequest:
    messages: list[dict[str, str]]
    params: SamplingParams
    stream: bool
    include_usage: bool
    stops: list[str]
    model: str


@dataclass
class _Job:
    request: ChatRequest
    events: queue.Queue = field(default_factory=queue.Queue)  # ("piece", s) / ("done", stats) / ("error", code, msg)
    cancelled: threading.Event = field(default_factory=threading.Event)


class _ApiError(Exception):
    def __init__(self, status: int, message: str, type_: str = "invalid_request_error",
                 code: str | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type_
        self.code = code


_DEFAULTS = SamplingParams()


def parse_chat_request(body: Any, default_max_tokens: int = _DEFAULTS.max_tokens) -> ChatRequest:
    """Validate an OpenAI chat request body. Raises _ApiError(400) with a clear message."""
    if not isinstance(body, dict):
        raise _ApiError(400, "the request body must be a JSON object")
    msgs = body.get("messages")
    if not isinstance(msgs, list) or not msgs:
        raise _ApiError(400, "'messages' must be a non-empty list", code="invalid_messages")
    out: list[dict[str, str]] = []
    for i, m in enumerate(msgs):
        if not isinstance(m, dict):
            raise _ApiError(400, f"messages[{i}] must be an object")
        role = m.get("role")
        if role == "developer":
            role = "system"
        if role not in ("system", "user", "assistant"):
            raise _ApiError(400, f"messages[{i}].role must be system, user or assistant")
        content = m.get("content")
        if isinstance(content, list):  # [{"type": "text", "text": ...}, ...]
            texts = []
            for part in content:
                if not isinstance(part, dict) or part.get("type") != "text":
                    raise _ApiError(400, f"messages[{i}]: only text content is supported")
                texts.append(str(part.get("text", "")))
            content = "".join(texts)
        if content is None:
            content = ""
        if not isinstance(content, str):
            raise _ApiError(400, f"messages[{i}].content must be a string")
        out.append({"role": role, "content": content})
    n = body.get("n", 1)
    if n not in (1, None):
        raise _ApiError(400, "only n=1 is supported")

    def num(name: str, lo: float, hi: float, default: Any, kind: type = float) -> Any:
        v = body.get(name)
        if v is None:
            return default
        if isinstance(v, bool) or not isinstance(v, (int, float)) or (kind is int and v != int(v)):
            raise _ApiError(400, f"'{name}' must be a number")
        if not lo <= v <= hi:
            raise _ApiError(400, f"'{name}' must be between {lo:g} and {hi:g}")
        return kind(v)

    max_tokens = body.get("max_completion_tokens", body.get("max_tokens"))
    max_tokens = num("max_completion_tokens" if "max_completion_tokens" in body else "max_tokens",
                     1, MAX_TOKENS_CAP, default_max_tokens, int) if max_tokens is not None \
        else default_max_tokens
    seed = body.get("seed")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise _ApiError(400, "'seed' must be an integer")
    params = SamplingParams(
        max_tokens=max_tokens,
        temperature=num("temperature", 0, 5, _DEFAULTS.temperature),
        top_p=num("top_p", 0, 1, _DEFAULTS.top_p),
        seed=seed,
    )
    stop = body.get("stop")
    if stop is None:
        stops: list[str] = []
    elif isinstance(stop, str):
        stops = [stop]
    elif isinstance(stop, list) and all(isinstance(s, str) for s in stop):
        stops = [s for s in stop if s]
    else:
        raise _ApiError(400, "'stop' must be a string or a list of strings")
    opts = body.get("stream_options") or {}
    return ChatRequest(out, params, bool(body.get("stream", False)),
                       bool(isinstance(opts, dict) and opts.get("include_usage")), stops,
                       str(body.get("model") or ""))


class ApiServer:
    """Serves one loaded local Engine. `start()`, then `stop()`."""

    def __init__(
        self,
        engine: ChatEngine,
        model_name: str,
        api_key: str,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        allow_remote: bool = False,
        store: Any = None,
        log_conversations: bool | None = None,
        on_status: Callable[[ServerStatus], None] | None = None,
        gate: FifoGate | None = None,
        max_queue: int = MAX_QUEUE,
    ):
        if not is_loopback_host(host) and not allow_remote:
            raise BadInput(f"refusing to serve on {host}: the API server listens on 127.0.0.1 "
                           "only, unless you pass --allow-remote")
        if not api_key:
            raise BadInput("the API server needs an API key")
        if not engine.loaded:
            raise WrenError("No model is loaded")
        if not engine.local:
            raise WrenError("The local API server needs a loaded local model")
        self.engine = engine
        self.model_name = model_name
        self.api_key = api_key
        self.host = host
        self.requested_port = port
        self.store = store
        self._log_override = log_conversations
        self.on_status = on_status
        self.gate = gate or FifoGate()
        self.max_queue = max_queue
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._pending = 0
        self._busy = False
        self._served = 0
        self._state_lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._threads: list[threading.Thread] = []

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> str:
        """Bind and serve in background threads. Returns the base URL (…/v1)."""
        handler = _make_handler(self)
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET

        class _Server(ThreadingHTTPServer):
            address_family = family
            daemon_threads = True
            allow_reuse_address = True

        try:
            self._httpd = _Server((self.host, self.requested_port), handler)
        except OSError as e:
            raise WrenError(f"cannot listen on {self.host}:{self.requested_port} "
                            f"({e.strerror or e})") from None
        t1 = threading.Thread(target=self._httpd.serve_forever, name="wren-api-http",
                              kwargs={"poll_interval": 0.2})
        t2 = threading.Thread(target=self._worker, name="wren-api-worker")
        self._threads = [t1, t2]
        t1.start()
        t2.start()
        self._emit()
        return self.url

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1]) if self._httpd else 0

    @property
    def url(self) -> str:
        h = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{h}:{self.port}/v1"

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._httpd.shutdown()
        self._httpd.server_close()
        self._jobs.put(None)
        for t in self._threads:
            t.join(timeout=30)
        self._httpd = None
        self._emit(running=False)

    def __enter__(self) -> ApiServer:
        self.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # ------------------------------------------------------------------ status
    def status(self, running: bool = True) -> ServerStatus:
        with self._state_lock:
            return ServerStatus(running, self._busy, max(self._pending - (1 if self._busy else 0), 0),
                                self._served, self.url if self._httpd else "")

    def _emit(self, running: bool = True) -> None:
        if self.on_status is not None:
            try:
                self.on_status(self.status(running))
            except Exception:
                pass  # a broken status hook must not take the server down

    def log_conversations(self) -> bool:
        if self._log_override is not None:
            return self._log_override
        return bool(self.store is not None and self.store.get_setting(LOG_CONVERSATIONS_SETTING, False))

    # ------------------------------------------------------------------ jobs
    def submit(self, request: ChatRequest) -> _Job:
        with self._state_lock:
            if self._pending >= self.max_queue:
                raise _ApiError(503, "the server is busy: too many requests are waiting",
                                "server_error", "queue_full")
            self._pending += 1
        job = _Job(request)
        self._jobs.put(job)
        self._emit()
        return job

    def _worker(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            try:
                if job.cancelled.is_set():
                    continue
                with self.gate.hold("api"):
                    with self._state_lock:
                        self._busy = True
                    self._emit()
                    self._run(job)
            finally:
                with self._state_lock:
                    self._busy = False
                    self._pending -= 1
                    self._served += 1
                self._emit()

    def _run(self, job: _Job) -> None:
        from app.core.chat import answer

        req = job.request
        try:
            result = answer(self.engine, req.messages, req.params, stops=req.stops,
                            cancel=job.cancelled,
                            on_text=lambda piece: job.events.put(("piece", piece)),
                            store=self.store if self.log_conversations() else None,
                            model_id=self.model_name)
            job.events.put(("done", result.stats))
        except ContextOverflow as e:
            job.events.put(("error", 400, str(e), "context_length_exceeded"))
        except WrenError as e:
            job.events.put(("error", 500, str(e), None))
        except Exception as e:  # a bug: the client still gets an answer, the worker lives on
            job.events.put(("error", 500, f"internal error: {type(e).__name__}", None))


def _finish_reason(stats: ReplyStats) -> str:
    return "stop" if stats.finish_reason in ("stop", "cancelled") else "length"


def _make_handler(server: ApiServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "Wren"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass  # no request log on stderr (prompts are private)

        # -------------------------------------------------------------- helpers
        def _json(self, status: int, obj: Any) -> None:
            data = json.dumps(obj).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            if status == 401:
                self.send_header("WWW-Authenticate", "Bearer")
            self.end_headers()
            self.wfile.write(data)

        def _error(self, e: _ApiError) -> None:
            self._json(e.status, {"error": {"message": e.message, "type": e.type,
                                            "param": None, "code": e.code}})

        def _authorized(self) -> bool:
            auth = self.headers.get("Authorization", "")
            scheme, _, token = auth.partition(" ")
            ok = scheme.lower() == "bearer" and hmac.compare_digest(
                token.strip().encode(), server.api_key.encode())
            if not ok:
                self._error(_ApiError(401, "invalid or missing API key (Authorization: Bearer "
                                      "<key>; `python main.py serve --show-key` shows it)",
                                      "invalid_request_error", "invalid_api_key"))
            return ok

        def _chunk(self, data: bytes) -> None:
            self.wfile.write(f"{len(data):X}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

        def _sse(self, obj: Any) -> None:
            payload = obj if isinstance(obj, str) else json.dumps(obj)
            self._chunk(f"data: {payload}\n\n".encode())

        # -------------------------------------------------------------- routes
        def do_GET(self) -> None:  # noqa: N802
            path = self.path.split("?", 1)[0].rstrip("/")
            if path == "/health":
                self._json(200, {"status": "ok"})
                return
            if not path.startswith("/v1"):
                self._error(_ApiError(404, f"no route {path}", code="not_found"))
                return
            if not self._authorized():
                return
            if path == "/v1/models":
                n_ctx = server.engine.context_length
                self._json(200, {"object": "list", "data": [{
                    "id": server.model_name, "object": "model", "created": 0,
                    "owned_by": "wren", "max_model_len": n_ctx, "context_length": n_ctx}]})
            else:
                self._error(_ApiError(404, f"no route {path}", code="not_found"))

        def do_POST(self) -> None:  # noqa: N802
            path = self.path.split("?", 1)[0].rstrip("/")
            if not path.startswith("/v1"):
                self._error(_ApiError(404, f"no route {path}", code="not_found"))
                return
            if not self._authorized():
                return
            if path != "/v1/chat/completions":
                self._error(_ApiError(404, f"no route {path}", code="not_found"))
                return
            try:
                length = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                length = -1
            if length <= 0 or length > MAX_BODY_BYTES:
                self.close_connection = True
                self._error(_ApiError(413 if length > 0 else 400,
                                      "the request needs a JSON body of at most 8 MB"))
                return
            try:
                body = json.loads(self.rfile.read(length))
                req = parse_chat_request(body)
                job = server.submit(req)
            except json.JSONDecodeError:
                self._error(_ApiError(400, "the request body is not valid JSON"))
                return
            except _ApiError as e:
                self._error(e)
                return
            try:
                self._answer(job)
            except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, OSError):
                job.cancelled.set()  # the client left: stop generating for it
                self.close_connection = True

        def _answer(self, job: _Job) -> None:
            req = job.request
            cid = "chatcmpl-" + uuid.uuid4().hex[:24]
            created = int(time.time())
            first = job.events.get()
            if first[0] == "error":
                _, status, msg, code = first
                self._error(_ApiError(status, msg,
                                      "invalid_request_error" if status == 400 else "server_error",
                                      code))
                return
            if not req.stream:
                parts = []
                ev = first
                while ev[0] == "piece":
                    parts.append(ev[1])
                    ev = job.events.get()
                if ev[0] == "error":
                    _, status, msg, code = ev
                    self._error(_ApiError(status, msg, "server_error", code))
                    return
                stats: ReplyStats = ev[1]
                self._json(200, {
                    "id": cid, "object": "chat.completion", "created": created,
                    "model": server.model_name,
                    "choices": [{"index": 0, "message": {"role": "assistant",
                                                         "content": "".join(parts)},
                                 "logprobs": None, "finish_reason": _finish_reason(stats)}],
                    "usage": _usage(stats)})
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()

            def chunk(delta: dict[str, Any], finish: str | None) -> dict[str, Any]:
                return {"id": cid, "object": "chat.completion.chunk", "created": created,
                        "model": server.model_name,
                        "choices": [{"index": 0, "delta": delta, "logprobs": None,
                                     "finish_reason": finish}]}

            self._sse(chunk({"role": "assistant", "content": ""}, None))
            ev = first
            while ev[0] == "piece":
                self._sse(chunk({"content": ev[1]}, None))
                ev = job.events.get()
            if ev[0] == "error":
                # Headers are gone: report in-band, the way OpenAI-compatible servers do.
                self._sse({"error": {"message": ev[2], "type": "server_error", "code": ev[3]}})
            else:
                stats = ev[1]
                self._sse(chunk({}, _finish_reason(stats)))
                if req.include_usage:
                    self._sse({"id": cid, "object": "chat.completion.chunk", "created": created,
                               "model": server.model_name, "choices": [],
                               "usage": _usage(stats)})
            self._sse("[DONE]")
            self._chunk(b"")

    return Handler


def _usage(stats: ReplyStats) -> dict[str, int]:
    return {"prompt_tokens": stats.prompt_tokens, "completion_tokens": stats.completion_tokens,
            "total_tokens": stats.prompt_tokens + stats.completion_tokens}
