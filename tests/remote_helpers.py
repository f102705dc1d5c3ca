"""Real loopback servers for the remote-engine tests: llama.cpp's own server
(`python -m llama_cpp.server`) and a small misbehaving OpenAI-style server for faults."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, timeout: float = 90.0, proc: subprocess.Popen | None = None,
              headers: dict[str, str] | None = None) -> None:
    import httpx2

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if httpx2.get(url, timeout=2, headers=headers or {}).status_code < 500:
                return
        except Exception:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up in {timeout} s")


class LlamaServer:
    """`python -m llama_cpp.server` on the starter model, on a free loopback port."""

    ALIAS = "smollm2"

    def __init__(self, model: Path, n_ctx: int = 2048, n_threads: int = 1):
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(model),
             "--model_alias", self.ALIAS, "--host", "127.0.0.1", "--port", str(self.port),
             "--n_ctx", str(n_ctx), "--n_threads", str(n_threads),
             "--n_threads_batch", str(n_threads)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            wait_http(self.base_url + "/models", proc=self.proc)
        except Exception:
            self.stop()
            raise

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


def _chunk(content: str | None, finish: str | None = None) -> dict[str, Any]:
    delta = {"content": content} if content is not None else {}
    return {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "m",
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


class FaultServer:
    """A loopback OpenAI-style server whose chat endpoint misbehaves as `mode` says:
    ok, 401, 500, garbage, cut (two pieces then the connection drops), hang (never answers).
    `models_extra` is merged into the /v1/models entry; `props`/`ollama_ctx` add those probes."""

    def __init__(self, mode: str = "ok", models_extra: dict[str, Any] | None = None,
                 props_ctx: int | None = None, ollama_ctx: int | None = None):
        self.mode = mode
        self.seen_auth: list[str] = []
        outer = self
        self.release = threading.Event()

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a: Any) -> None:
                pass

            def _send(self, code: int, obj: Any) -> None:
                data = json.dumps(obj).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:  # noqa: N802
                outer.seen_auth.append(self.headers.get("Authorization", ""))
                if outer.mode == "401":
                    self._send(401, {"error": {"message": "Incorrect API key provided: "
                                               + self.headers.get("Authorization", "")}})
                elif self.path == "/v1/models":
                    self._send(200, {"object": "list", "data": [
                        {"id": "m", "object": "model", "owned_by": "test", **(models_extra or {})}]})
                elif self.path == "/props" and props_ctx:
                    self._send(200, {"default_generation_settings": {"n_ctx": props_ctx}})
                else:
                    self._send(404, {"error": "not found"})

            def do_POST(self) -> None:  # noqa: N802
                n = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(n) or b"{}")
                if self.path == "/api/show" and ollama_ctx:
                    self._send(200, {"model_info": {"llama.context_length": ollama_ctx},
                                     "parameters": ""})
                    return
                if self.path != "/v1/chat/completions":
                    self._send(404, {"error": "not found"})
                    return
                mode = outer.mode
                if mode == "401":
                    self._send(401, {"error": {"message": "bad key"}})
                    return
                if mode == "500":
                    self._send(500, {"error": {"message": "CUDA out of memory"}})
                    return
                if mode == "hang":
                    outer.release.wait(30)
                    return
                if not body.get("stream"):
                    self._send(200, {"choices": [{"index": 0, "message": {
                        "role": "assistant", "content": "ok"}, "finish_reason": "stop"}]})
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                w = self.wfile
                if mode == "garbage":
                    w.write(b"data: {\"choices\": [{\"index\": 0, \"delta\": {\"content\": \"Hel\"}}]}\n\n")
                    w.write(b"data: this is not json {{{\n\n")
                    w.write(b"data: [DONE]\n\n")
                elif mode == "cut":
                    for piece in ("Hello", " wor"):
                        w.write(f"data: {json.dumps(_chunk(piece))}\n\n".encode())
                    w.flush()
                    # no finish_reason, no [DONE]: the server "died"
                else:
                    for piece in ("Hello", " world", "!"):
                        w.write(f"data: {json.dumps(_chunk(piece))}\n\n".encode())
                    w.write(f"data: {json.dumps(_chunk(None, 'stop'))}\n\n".encode())
                    w.write(b"data: [DONE]\n\n")
                w.flush()
                self.close_connection = True

        class S(ThreadingHTTPServer):
            daemon_threads = True

        self.httpd = S(("127.0.0.1", 0), H)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="fault-server")
        self.thread.start()

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(10)


def use_file_keyring(path: Path) -> Any:
    """A real keyring backend that needs no desktop session (keyrings.alt's file backend)."""
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    kr = PlaintextKeyring()
    kr.file_path = str(path)
    previous = keyring.get_keyring()
    keyring.set_keyring(kr)
    return previous


def child_keyring_env(tmp: Path) -> dict[str, str]:
    """Env for a child `python main.py` that keeps its keyring in `tmp`."""
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = str(tmp)
    env["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
    return env
