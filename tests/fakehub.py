"""A Hugging Face Hub stand-in: a real HTTP server on 127.0.0.1 for tests and benchmarks.

Serves what huggingface_hub 2.4 and Wren's downloader ask for:
- HEAD/GET /{repo}/resolve/{rev}/{file}: X-Repo-Commit, ETag and X-Linked-Etag (the LFS
  sha256), X-Linked-Size, Content-Length, Range requests (206, Content-Range, 416);
- GET /api/models?search=&filter=gguf&limit=: search results;
- GET /api/models/{repo}[/revision/{rev}]?blobs=True: `siblings` with size and `lfs` {sha256,
  size, pointerSize} (`HfApi.model_info(files_metadata=True)` sends `blobs=True`);
- gated repos: 401 without a token, 403 with a token that has no access (X-Error-Code GatedRepo);
  404 with X-Error-Code RepoNotFound / EntryNotFound.
Fault switches: `drop_after` (close the connection after N body bytes, `drop_times` times),
`corrupt` (serve wrong bytes), `slow_bps` (throttle), `chunked` (GET bodies with
Transfer-Encoding: chunked instead of Content-Length), `fail_status` (answer file requests with
that HTTP status, `fail_times` times - negative: always - for the methods in `fail_methods`, with
`retry_after` as Retry-After), `size_lie` (announce Content-Length and X-Linked-Size that many
bytes off the real body; a body shorter than announced ends with a closed connection).
Every request is logged in `requests`.
"""
from __future__ import annotations

import hashlib
import json
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

COMMIT = "0123456789abcdef0123456789abcdef01234567"
_RESOLVE = re.compile(r"^/(?P<repo>[^/]+/[^/]+)/resolve/(?P<rev>[^/]+)/(?P<file>.+)$")
_INFO = re.compile(r"^/api/models/(?P<repo>[^/]+/[^/]+?)(?:/revision/(?P<rev>[^/]+))?$")


@dataclass
class HubFile:
    path: Path | None = None
    data: bytes | None = None
    _sha: str | None = None

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else self.path.stat().st_size  # type: ignore[union-attr]

    @property
    def sha256(self) -> str:
        if self._sha is None:
            h = hashlib.sha256()
            if self.data is not None:
                h.update(self.data)
            else:
                with open(self.path, "rb") as fh:  # type: ignore[arg-type]
                    while b := fh.read(1 << 22):
                        h.update(b)
            self._sha = h.hexdigest()
        return self._sha

    def read(self, start: int, end: int, chunk: int = 1 << 20):
        """Yield bytes [start, end)."""
        if self.data is not None:
            for i in range(start, end, chunk):
                yield self.data[i:min(end, i + chunk)]
            return
        with open(self.path, "rb") as fh:  # type: ignore[arg-type]
            fh.seek(start)
            left = end - start
            while left > 0:
                b = fh.read(min(chunk, left))
                if not b:
                    return
                left -= len(b)
                yield b


@dataclass
class Repo:
    files: dict[str, HubFile] = field(default_factory=dict)
    gated: bool = False
    allowed_tokens: set[str] = field(default_factory=set)
    downloads: int = 0


class FakeHub:
    def __init__(self) -> None:
        self.repos: dict[str, Repo] = {}
        self.requests: list[dict] = []
        self.drop_after: int | None = None
        self.drop_times = 0
        self.corrupt = False
        self.slow_bps: int | None = None
        self.chunked = False
        self.fail_status: int | None = None
        self.fail_times = -1
        self.fail_methods: set[str] = {"GET"}
        self.size_lie = 0
        self.retry_after: str | None = None  # Retry-After header sent with an injected fault
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ---------------------------------------------------------------- setup
    def add_file(self, repo_id: str, filename: str, *, path: Path | None = None,
                 data: bytes | None = None, gated: bool = False,
                 tokens: set[str] | None = None, downloads: int = 0) -> HubFile:
        repo = self.repos.setdefault(repo_id, Repo())
        repo.gated = repo.gated or gated
        repo.allowed_tokens |= set(tokens or ())
        repo.downloads = max(repo.downloads, downloads)
        f = HubFile(path=path, data=data)
        repo.files[filename] = f
        return f

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeHub:
        hub = self

        class Handler(_Handler):
            fake = hub

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="fakehub",
                                        kwargs={"poll_interval": 0.1}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)

    def reset_log(self) -> None:
        with self._lock:
            self.requests.clear()

    def gets(self, filename: str | None = None) -> list[dict]:
        with self._lock:
            return [r for r in self.requests if r["method"] == "GET" and r["kind"] == "resolve"
                    and (filename is None or r["file"] == filename)]

    def log(self, entry: dict) -> dict:
        with self._lock:
            self.requests.append(entry)
        return entry


class _Handler(BaseHTTPRequestHandler):
    fake: FakeHub
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def do_HEAD(self) -> None:
        self._handle("HEAD")

    def do_GET(self) -> None:
        self._handle("GET")

    # ----------------------------------------------------------------
    def _token(self) -> str | None:
        auth = self.headers.get("Authorization", "")
        return auth[7:] if auth.startswith("Bearer ") else None

    def _error(self, status: int, code: str, message: str, entry: dict,
               extra: dict[str, str] | None = None) -> None:
        body = json.dumps({"error": message}).encode()
        entry["status"] = status
        self.send_response(status)
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        if code:  # a proxy or CDN error carries no Hub error code
            self.send_header("X-Error-Code", code)
        self.send_header("X-Error-Message", message)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, obj: object, entry: dict) -> None:
        body = json.dumps(obj).encode()
        entry["status"] = 200
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _access(self, repo_id: str, entry: dict) -> Repo | None:
        repo = self.fake.repos.get(repo_id)
        if repo is None:
            self._error(404, "RepoNotFound", "Repository not found", entry)
            return None
        if repo.gated:
            tok = self._token()
            if tok is None:
                self._error(401, "GatedRepo", f"Access to model {repo_id} is restricted. "
                            "You must be authenticated to access it.", entry)
                return None
            if tok not in repo.allowed_tokens:
                self._error(403, "GatedRepo", f"Access to model {repo_id} is restricted and you "
                            "are not in the authorized list.", entry)
                return None
        return repo

    def _handle(self, method: str) -> None:
        split = urlsplit(self.path)
        path = unquote(split.path)
        query = parse_qs(split.query)
        entry = self.fake.log({"method": method, "path": path, "query": query, "kind": "",
                               "file": "", "range": self.headers.get("Range"),
                               "auth": self._token() is not None, "status": 0, "sent": 0})
        if path == "/api/models":
            entry["kind"] = "search"
            return self._search(query, entry)
        m = _INFO.match(path)
        if m:
            entry["kind"] = "info"
            repo = self._access(m["repo"], entry)
            if repo is None:
                return
            return self._json(_info(m["repo"], repo, "blobs" in query), entry)
        m = _RESOLVE.match(path)
        if m:
            entry["kind"] = "resolve"
            entry["file"] = m["file"]
            return self._resolve(method, m["repo"], m["file"], entry)
        self._error(404, "NotFound", "no such route", entry)

    def _search(self, query: dict, entry: dict) -> None:
        text = (query.get("search") or [""])[0].lower()
        filters = query.get("filter") or []
        limit = int((query.get("limit") or ["1000"])[0])
        out = []
        for rid, repo in sorted(self.fake.repos.items(), key=lambda kv: -kv[1].downloads):
            if text and text not in rid.lower():
                continue
            if "gguf" in filters and not any(f.endswith(".gguf") for f in repo.files):
                continue
            out.append({"id": rid, "modelId": rid, "downloads": repo.downloads, "likes": 0,
                        "gated": "manual" if repo.gated else False, "tags": ["gguf"],
                        "private": False})
        self._json(out[:limit], entry)

    def _resolve(self, method: str, repo_id: str, filename: str, entry: dict) -> None:
        repo = self._access(repo_id, entry)
        if repo is None:
            return
        f = repo.files.get(filename)
        if f is None:
            return self._error(404, "EntryNotFound", f"{filename} does not exist", entry)
        with self.fake._lock:
            fail = (self.fake.fail_status if self.fake.fail_status and self.fake.fail_times != 0
                    and method in self.fake.fail_methods else None)
            if fail and self.fake.fail_times > 0:
                self.fake.fail_times -= 1
        if fail:
            self.close_connection = True
            extra = {"Retry-After": self.fake.retry_after} if self.fake.retry_after else None
            return self._error(fail, "", f"injected HTTP {fail}", entry, extra=extra)
        size = f.size
        start, end = 0, size
        rng = self.headers.get("Range")
        status = 200
        if rng and method == "GET":
            mm = re.match(r"bytes=(\d+)-(\d*)$", rng.strip())
            if mm:
                start = int(mm[1])
                end = int(mm[2]) + 1 if mm[2] else size
                if start >= size:
                    entry["status"] = 416
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{size}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                end = min(end, size)
                status = 206
        entry["status"] = status
        self.send_response(status)
        self.send_header("X-Repo-Commit", COMMIT)
        self.send_header("ETag", f'"{f.sha256}"')
        self.send_header("X-Linked-Etag", f'"{f.sha256}"')
        lie = self.fake.size_lie
        self.send_header("X-Linked-Size", str(size + lie))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Type", "application/octet-stream")
        chunked = self.fake.chunked and method == "GET"
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(max(0, end - start + lie)))
        if lie:
            self.close_connection = True  # the body does not match Content-Length
        if status == 206:
            self.send_header("Content-Range", f"bytes {start}-{end - 1}/{size}")
        self.end_headers()
        if method == "HEAD":
            return
        fake = self.fake
        drop_at = None
        with fake._lock:
            if fake.drop_after is not None and fake.drop_times > 0:
                fake.drop_times -= 1
                drop_at = fake.drop_after
        sent = 0
        t0 = time.monotonic()

        def write(b: bytes) -> None:
            if chunked and b:
                b = b"%x\r\n" % len(b) + b + b"\r\n"
            self.wfile.write(b)

        try:
            for chunk in f.read(start, end, 1 << 16 if fake.slow_bps else 1 << 20):
                if fake.corrupt:
                    chunk = bytes(b ^ 0x5A for b in chunk[:64]) + chunk[64:]
                if drop_at is not None and sent + len(chunk) >= drop_at:
                    write(chunk[: max(0, drop_at - sent)])
                    sent += max(0, drop_at - sent)
                    entry["sent"] = sent
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                    entry["dropped"] = True
                    return
                write(chunk)
                sent += len(chunk)
                entry["sent"] = sent
                if fake.slow_bps:
                    ahead = sent / fake.slow_bps - (time.monotonic() - t0)
                    if ahead > 0:
                        time.sleep(ahead)
            if chunked:
                self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


def _info(repo_id: str, repo: Repo, blobs: bool) -> dict:
    siblings = []
    for name, f in sorted(repo.files.items()):
        s: dict = {"rfilename": name}
        if blobs:
            s["size"] = f.size
            s["blobId"] = hashlib.sha1(name.encode()).hexdigest()
            s["lfs"] = {"size": f.size, "sha256": f.sha256, "pointerSize": 135}
        siblings.append(s)
    return {"id": repo_id, "modelId": repo_id, "sha": COMMIT, "private": False,
            "gated": "manual" if repo.gated else False, "disabled": False, "downloads": repo.downloads,
            "likes": 0, "tags": ["gguf"], "siblings": siblings}


# ------------------------------------------------------------------------- pytest fixture
import pytest  # noqa: E402

TEST_REPO = "wren-test/tiny-chat-GGUF"
TEST_FILE = "tiny-chat.Q4_1.gguf"
GATED_REPO = "wren-test/gated-GGUF"
GOOD_TOKEN = "hf_wren_test_token_4f9a2c"


@pytest.fixture
def fake_hub(starter_model: Path):
    """A running fake Hub serving the real starter GGUF (plain and gated)."""
    hub = FakeHub()
    hub.add_file(TEST_REPO, TEST_FILE, path=starter_model, downloads=10)
    hub.add_file(GATED_REPO, "gated-chat.Q4_1.gguf", path=starter_model, gated=True,
                 tokens={GOOD_TOKEN}, downloads=5)
    hub.add_file("wren-test/other-GGUF", "small.gguf", data=b"GGUF" + b"\0" * 100)
    hub.start()
    yield hub
    hub.stop()


def main(argv: list[str] | None = None) -> None:
    """`python -m tests.fakehub REPO FILE PATH`: serve one file in its own process (benchmarks),
    printing the URL on the first line; stops when stdin closes."""
    import sys

    repo, name, path = (argv or sys.argv[1:])[:3]
    hub = FakeHub()
    hub.add_file(repo, name, path=Path(path))
    hub.start()
    print(hub.url, flush=True)
    sys.stdin.read()
    hub.stop()


if __name__ == "__main__":
    main()
