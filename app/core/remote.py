"""A remote engine: a model served by vLLM, Ollama, llama.cpp's server (or Wren's own API server)
over the OpenAI-compatible HTTP API, behind the same `ChatEngine` protocol as the local `Engine`
(app/core/engine.py): a call returns a `Reply` with its own stats and cancel token.

Design notes:
- HTTP goes through the maintained `openai` client (SSE parsing, timeouts, error types); we only
  translate its errors into one-line WrenErrors that never contain the API key.
- Retries are off for chat: a retried streaming request would duplicate the prompt cost and hide
  a dead server behind a long wait. Listing models retries once.
- The context length comes from the server when it says (vLLM `max_model_len`, llama.cpp server
  `meta.n_ctx_train` or `/props`, Ollama `/api/show`, others' `context_length`); otherwise it is
  None and the caller must ask the user (or pass LoadOptions(n_ctx=...)).
- Token counts are not available before the reply, so `count_tokens` is an estimate (chars/3,
  deliberately high so context checks err on the safe side); the reply's usage, when the server
  sends it, replaces the estimate in the reply's stats.
- Stop strings go to the server with the request (`stop`): it ends the reply there.
"""
from __future__ import annotations

import json
import threading
import time
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from app.core.engine import (
    ChatEngine,
    LoadOptions,
    ProgressFn,
    Prompt,
    Reply,
    SamplingParams,
)
from app.core.errors import BadInput, ContextOverflow, WrenError

REMOTE_PREFIX = "remote:"
DEFAULT_CONNECT_TIMEOUT_S = 5.0
# Seconds without a byte from the server before we give up (covers a long prompt evaluation).
DEFAULT_READ_TIMEOUT_S = 120.0
CHARS_PER_TOKEN_ESTIMATE = 3.0


class RemoteError(WrenError):
    """A remote engine failed; `kind` says how (connect, timeout, auth, not_found, server,
    protocol, disconnected, bad_request)."""

    def __init__(self, message: str, kind: str = "server"):
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class RemoteEndpoint:
    """Where a remote engine lives. `api_key` is held in memory only (the keyring keeps it)."""

    name: str
    base_url: str  # ends with /v1
    api_key: str | None = field(default=None, repr=False)
    connect_timeout_s: float = DEFAULT_CONNECT_TIMEOUT_S
    read_timeout_s: float = DEFAULT_READ_TIMEOUT_S


@dataclass(frozen=True)
class RemoteModelInfo:
    """One model a remote engine offers, for the picker."""

    engine: str
    model_id: str
    n_ctx: int | None
    owned_by: str = ""

    @property
    def spec(self) -> str:
        return f"{REMOTE_PREFIX}{self.engine}/{self.model_id}"


@dataclass(frozen=True)
class RemoteModel:
    """What the UI shows about a loaded remote model. Plain data."""

    path: str  # the spec remote:<engine>/<model>
    model_id: str
    engine_name: str
    base_url: str
    n_ctx: int | None  # None: the server did not say; ask the user
    n_ctx_source: str  # e.g. "server (max_model_len)", "user", ""
    load_s: float


def normalize_base_url(url: str) -> str:
    """Accept http(s)://host[:port][/path]; return it ending in /v1 (no trailing slash)."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadInput(f"'{url}' is not an http:// or https:// address of a server")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise BadInput(f"'{url}' has an invalid port") from None
    path = parts.path.rstrip("/")
    if not path.endswith("/v1"):
        path += "/v1"
    return f"{parts.scheme}://{parts.netloc}{path}"


def parse_remote_spec(spec: str) -> tuple[str, str]:
    """`remote:<engine>/<model-id>` -> (engine, model-id). Model ids may contain '/'."""
    if not spec.startswith(REMOTE_PREFIX):
        raise BadInput(f"'{spec}' is not a remote model (remote:<engine>/<model-id>)")
    rest = spec[len(REMOTE_PREFIX):]
    engine, sep, model = rest.partition("/")
    if not engine or not sep or not model:
        raise BadInput(f"'{spec}' must look like remote:<engine>/<model-id>")
    return engine, model


def _root_url(base_url: str) -> str:
    return base_url[: -len("/v1")] if base_url.endswith("/v1") else base_url


def _scrub(text: object, secret: str | None) -> str:
    text = " ".join(str(text).split())
    if secret:
        text = text.replace(secret, "***")
    return text[:200]


def _server_message(e: Any) -> str:
    """The server's own error text from an openai APIStatusError, short."""
    body = getattr(e, "body", None)
    if isinstance(body, dict):
        err = body.get("error", body)
        if isinstance(err, dict):
            msg = err.get("message") or err.get("detail")
            if msg:
                return str(msg)
        elif isinstance(err, str):
            return err
        if body.get("detail"):
            return str(body["detail"])
    resp = getattr(e, "response", None)
    try:
        return resp.text if resp is not None else ""
    except Exception:
        return ""


def translate_error(e: BaseException, ep: RemoteEndpoint, model: str = "") -> RemoteError:
    """An exception from the openai client / httpx2 -> a one-line RemoteError for the user."""
    import httpx2
    import openai

    where = f"the engine '{ep.name}' at {ep.base_url}"
    if isinstance(e, RemoteError):
        return e
    if isinstance(e, openai.APITimeoutError) or isinstance(e, httpx2.TimeoutException):
        return RemoteError(f"{where} did not answer in time (waited {ep.read_timeout_s:g} s)",
                           "timeout")
    if isinstance(e, openai.APIConnectionError) or isinstance(e, httpx2.ConnectError):
        cause = e.__cause__ or e.__context__ or e
        reason = "connection refused" if "refused" in str(cause).lower() else _scrub(cause, ep.api_key)
        return RemoteError(f"cannot reach {where}: {reason or 'connection failed'} "
                           "(is the server running and the address right?)", "connect")
    if isinstance(e, openai.APIStatusError):
        code = e.status_code
        if code in (401, 403):
            how = "no API key was given" if not ep.api_key else "the API key was refused"
            return RemoteError(f"{where} said HTTP {code}: {how} (set the key in the engine's "
                               "settings)", "auth")
        if code == 404:
            what = f"no model '{model}'" if model else "no such endpoint"
            return RemoteError(f"{where} has {what} (HTTP 404)", "not_found")
        msg = _scrub(_server_message(e), ep.api_key)
        if code in (400, 413, 422):
            if "context" in msg.lower() or "too long" in msg.lower() or "exceed" in msg.lower():
                return RemoteError(f"the prompt does not fit the remote model's context: {msg}",
                                   "context")
            return RemoteError(f"{where} rejected the request (HTTP {code}: {msg})", "bad_request")
        return RemoteError(f"{where} failed (HTTP {code}{': ' + msg if msg else ''})", "server")
    if isinstance(e, (httpx2.RemoteProtocolError, httpx2.ReadError, httpx2.StreamError,
                      httpx2.NetworkError)):
        return RemoteError(f"the connection to {where} broke off mid-reply "
                           f"({_scrub(e, ep.api_key) or type(e).__name__})", "disconnected")
    if isinstance(e, (json.JSONDecodeError, ValueError, KeyError, TypeError, AttributeError,
                      openai.APIResponseValidationError)):
        return RemoteError(f"{where} sent a reply Wren cannot read (malformed stream: "
                           f"{_scrub(e, ep.api_key) or type(e).__name__})", "protocol")
    if isinstance(e, openai.OpenAIError):
        return RemoteError(f"{where} failed: {_scrub(e, ep.api_key)}", "server")
    return RemoteError(f"{where} failed: {type(e).__name__}: {_scrub(e, ep.api_key)}", "server")


def _context_from_model_entry(entry: dict[str, Any]) -> tuple[int | None, str]:
    """vLLM: max_model_len; llama.cpp server: meta.n_ctx / meta.n_ctx_train; LM Studio and
    others: context_length / max_context_length / context_window."""
    for key in ("max_model_len", "context_length", "max_context_length", "context_window",
                "n_ctx"):
        v = entry.get(key)
        if isinstance(v, int) and v > 0:
            return v, f"server ({key})"
    meta = entry.get("meta")
    if isinstance(meta, dict):
        for key in ("n_ctx", "n_ctx_train"):
            v = meta.get(key)
            if isinstance(v, int) and v > 0:
                return v, f"server (meta.{key})"
    return None, ""


class RemoteClient:
    """Thin wrapper over `openai.OpenAI` for one endpoint."""

    def __init__(self, ep: RemoteEndpoint, max_retries: int = 0):
        import httpx2
        import openai

        self.ep = ep
        self.client = openai.OpenAI(
            base_url=ep.base_url,
            api_key=ep.api_key or "no-key",  # servers without auth ignore the header
            max_retries=max_retries,
            timeout=httpx2.Timeout(ep.read_timeout_s, connect=ep.connect_timeout_s),
        )

    def close(self) -> None:
        try:
            self.client.close()
        except Exception:
            pass

    def list_models(self) -> list[RemoteModelInfo]:
        """GET /v1/models, with each model's context length when the server reports it."""
        try:
            page = self.client.models.list()
            entries = [m.model_dump() if hasattr(m, "model_dump") else dict(m) for m in page.data]
        except Exception as e:
            raise translate_error(e, self.ep) from None
        out = []
        for entry in entries:
            mid = entry.get("id")
            if not isinstance(mid, str) or not mid:
                raise RemoteError(f"the engine '{self.ep.name}' at {self.ep.base_url} listed a "
                                  "model without an id (malformed /v1/models)", "protocol")
            n_ctx, _ = _context_from_model_entry(entry)
            out.append(RemoteModelInfo(self.ep.name, mid, n_ctx, str(entry.get("owned_by") or "")))
        return out

    def context_length(self, model_id: str) -> tuple[int | None, str]:
        """Ask the server how long the model's context is: /v1/models entry, then llama.cpp's
        /props, then Ollama's /api/show. (None, "") when it does not say."""
        try:
            page = self.client.models.list()
            entries = [m.model_dump() for m in page.data]
        except Exception as e:
            raise translate_error(e, self.ep, model_id) from None
        ids = [e.get("id") for e in entries]
        if model_id not in ids:
            shown = ", ".join(str(i) for i in ids[:5]) or "none"
            raise RemoteError(f"the engine '{self.ep.name}' has no model '{model_id}' "
                              f"(it offers: {shown})", "not_found")
        entry = entries[ids.index(model_id)]
        n, src = _context_from_model_entry(entry)
        if n:
            return n, src
        root = _root_url(self.ep.base_url)
        n = self._probe_llamacpp_props(root)
        if n:
            return n, "server (/props n_ctx)"
        n = self._probe_ollama(root, model_id)
        if n:
            return n, "server (ollama /api/show)"
        return None, ""

    def _raw(self, method: str, url: str, body: dict[str, Any] | None = None) -> Any:
        """A best-effort JSON call outside /v1 (probes); None on any failure."""
        import httpx2

        headers = {"Authorization": f"Bearer {self.ep.api_key}"} if self.ep.api_key else {}
        try:
            with httpx2.Client(timeout=httpx2.Timeout(5.0, connect=self.ep.connect_timeout_s)) as c:
                r = c.request(method, url, json=body, headers=headers)
            if r.status_code != 200:
                return None
            return r.json()
        except Exception:
            return None

    def _probe_llamacpp_props(self, root: str) -> int | None:
        data = self._raw("GET", root + "/props")
        if isinstance(data, dict):
            gen = data.get("default_generation_settings")
            if isinstance(gen, dict) and isinstance(gen.get("n_ctx"), int) and gen["n_ctx"] > 0:
                return int(gen["n_ctx"])
            if isinstance(data.get("n_ctx"), int) and data["n_ctx"] > 0:
                return int(data["n_ctx"])
        return None

    def _probe_ollama(self, root: str, model_id: str) -> int | None:
        data = self._raw("POST", root + "/api/show", {"model": model_id})
        if not isinstance(data, dict):
            return None
        # A num_ctx set in the Modelfile is what Ollama actually runs with; else the model's own.
        params = data.get("parameters")
        if isinstance(params, str):
            for line in params.splitlines():
                bits = line.split()
                if len(bits) == 2 and bits[0] == "num_ctx" and bits[1].isdigit():
                    return int(bits[1])
        info = data.get("model_info")
        if isinstance(info, dict):
            for k, v in info.items():
                if k.endswith(".context_length") and isinstance(v, int) and v > 0:
                    return v
        return None


class RemoteEngine(ChatEngine):
    """One model on an OpenAI-compatible server. Same use as Engine: one thread streams a
    Reply, whose `cancel()` works from any thread."""

    local = False

    def __init__(self, endpoint: RemoteEndpoint):
        self.endpoint = endpoint
        self.model: RemoteModel | None = None
        self._last: Reply | None = None
        self._client: RemoteClient | None = None

    @property
    def loaded(self) -> bool:
        return self.model is not None

    @property
    def notice(self) -> str:
        return ""

    def placement(self) -> dict[str, Any]:
        return {}

    def load(
        self,
        path: str,
        options: LoadOptions | None = None,
        *,
        wanted_ctx: int | None = None,
        **_: Any,
    ) -> RemoteModel:
        """`path` is `remote:<engine>/<model-id>` or a bare model id. Checks the server has the
        model and reads its context length. LoadOptions.n_ctx, when given, is the context length
        the user told us (used when the server does not report one)."""
        model_id = parse_remote_spec(path)[1] if path.startswith(REMOTE_PREFIX) else path
        t0 = time.perf_counter()
        client = self._client or RemoteClient(self.endpoint)
        self._client = client
        n_ctx, source = client.context_length(model_id)
        prev = self.model
        if n_ctx is None and prev is not None and prev.model_id == model_id and prev.n_ctx:
            n_ctx, source = prev.n_ctx, prev.n_ctx_source  # keep what the user told us
        if options is not None and options.n_ctx:
            if n_ctx is None:
                n_ctx, source = options.n_ctx, "user"
            else:
                n_ctx = min(n_ctx, options.n_ctx)
        if wanted_ctx and n_ctx is not None and wanted_ctx > n_ctx:
            raise ContextOverflow(f"{wanted_ctx:,} tokens are needed but the remote model's "
                                  f"context is {n_ctx:,} tokens")
        self.model = RemoteModel(
            path=f"{REMOTE_PREFIX}{self.endpoint.name}/{model_id}",
            model_id=model_id,
            engine_name=self.endpoint.name,
            base_url=self.endpoint.base_url,
            n_ctx=n_ctx,
            n_ctx_source=source,
            load_s=time.perf_counter() - t0,
        )
        return self.model

    def set_context_length(self, n_ctx: int) -> None:
        """The user's answer when the server does not report the context length."""
        if self.model is None:
            raise WrenError("No model is loaded")
        if n_ctx <= 0:
            raise BadInput("the context length must be positive")
        from dataclasses import replace

        self.model = replace(self.model, n_ctx=n_ctx, n_ctx_source="user")

    def unload(self) -> None:
        if self._last is not None:
            self._last.cancel()
        if self._client is not None:
            self._client.close()
        self._client = None
        self.model = None

    def count_tokens(self, messages: list[dict[str, str]]) -> int:
        """An estimate (the remote tokenizer is not here): ~3 characters a token, plus a few
        tokens of template per message."""
        chars = sum(len(m.get("content") or "") for m in messages)
        return int(chars / CHARS_PER_TOKEN_ESTIMATE) + 4 * len(messages) + 2

    def prepare(self, messages: list[dict[str, str]]) -> Prompt:
        return Prompt(list(messages), None, self.count_tokens(messages))

    def reply(
        self,
        prompt: Prompt,
        params: SamplingParams | None = None,
        *,
        stops: Sequence[str] = (),
        cancel: threading.Event | None = None,
        on_prompt_progress: ProgressFn | None = None,
    ) -> Reply:
        """The reply, streamed piece by piece as it is iterated. Raises RemoteError (the
        caller keeps the text already read)."""
        if self.model is None or self._client is None:
            raise WrenError("No model is loaded")
        model, client = self.model, self._client
        p = params or SamplingParams()

        def run(reply: Reply) -> Generator[str, None, None]:
            return self._stream(reply, client, model, prompt, p, list(stops))

        reply = Reply(run, cancel)
        self._last = reply
        return reply

    def _stream(self, reply: Reply, client: RemoteClient, model: RemoteModel, prompt: Prompt,
                params: SamplingParams, stops: list[str]) -> Generator[str, None, None]:
        ep = self.endpoint
        cancelled = reply.cancelled
        stats = reply.stats
        stats.prompt_tokens = prompt.n_tokens
        stats.n_ctx = model.n_ctx or 0
        messages = prompt.messages
        kwargs: dict[str, Any] = dict(
            model=model.model_id,
            messages=messages,
            stream=True,
            max_tokens=params.max_tokens,
            temperature=params.temperature,
            top_p=params.top_p,
            stream_options={"include_usage": True},
        )
        if params.seed is not None:
            kwargs["seed"] = params.seed
        if stops:
            kwargs["stop"] = stops
        t0 = time.perf_counter()
        if cancelled.is_set():
            stats.finish_reason = "cancelled"
            return
        try:
            stream = client.client.chat.completions.create(**kwargs)
        except Exception as e:
            if cancelled.is_set():
                stats.finish_reason = "cancelled"
                return
            raise translate_error(e, ep, model.model_id) from None

        def close_response() -> None:
            # Also unblocks a read that is waiting for the server's first token.
            try:
                stream.response.close()
            except Exception:
                pass

        reply.on_cancel(close_response)
        n_out = 0
        t_first = 0.0
        t_last = 0.0
        finish = ""
        usage: Any = None
        try:
            if cancelled.is_set():
                finish = "cancelled"
                return
            for chunk in stream:
                if getattr(chunk, "usage", None) is not None:
                    usage = chunk.usage
                if not chunk.choices:
                    continue
                choice = chunk.choices[0]
                piece = choice.delta.content if choice.delta is not None else None
                if piece:
                    now = time.perf_counter()
                    if n_out == 0:
                        t_first = now
                        stats.ttft_s = now - t0
                        stats.prompt_eval_s = stats.ttft_s
                    t_last = now
                    n_out += 1
                    yield piece
                if choice.finish_reason:
                    finish = "stop" if choice.finish_reason == "stop" else (
                        "length" if choice.finish_reason == "length" else choice.finish_reason)
                if cancelled.is_set():
                    finish = "cancelled"
                    break
            if not finish:
                if cancelled.is_set():
                    finish = "cancelled"
                else:
                    # The stream ended without a finish_reason: the server went away mid-reply.
                    raise RemoteError(f"the engine '{ep.name}' at {ep.base_url} closed the "
                                      "connection before the reply was finished", "disconnected")
        except RemoteError:
            raise
        except Exception as e:
            if cancelled.is_set():
                finish = "cancelled"
            else:
                raise translate_error(e, ep, model.model_id) from None
        finally:
            try:
                stream.close()
            except Exception:
                pass
            stats.finish_reason = finish or "cancelled"
            # Servers send one token per chunk (llama.cpp, vLLM, Ollama); usage, when sent,
            # is exact.
            stats.completion_tokens = n_out
            if usage is not None:
                stats.completion_tokens = int(getattr(usage, "completion_tokens", 0) or n_out)
                stats.prompt_tokens = int(getattr(usage, "prompt_tokens", 0) or stats.prompt_tokens)
                stats.prompt_tokens_evaluated = stats.prompt_tokens
            if n_out > 1 and t_last > t_first:
                stats.decode_s = t_last - t_first
                stats.decode_tokens_per_s = (n_out - 1) / stats.decode_s
            if stats.prompt_eval_s > 0 and stats.prompt_tokens:
                stats.prompt_tokens_per_s = stats.prompt_tokens / stats.prompt_eval_s


def check_connection(endpoint: RemoteEndpoint) -> list[RemoteModelInfo]:
    """List the engine's models (raises RemoteError with a clear message). For 'Test' buttons."""
    client = RemoteClient(endpoint, max_retries=0)
    try:
        return client.list_models()
    finally:
        client.close()
