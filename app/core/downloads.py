"""The download manager: resumable, verified downloads of GGUF files from the Hugging Face Hub.

huggingface_hub 2.x no longer resumes a partial file across runs nor checks sha256, so we do the
transfer ourselves: URL from `hf_hub_url`, size and LFS sha256 from `get_hf_file_metadata`,
headers from `build_hf_headers`, and streaming `Range` GETs with httpx2 (the client
huggingface_hub uses). A partial file lives in downloads/ and is recorded in the `downloads`
table, so a later run (even after a crash or kill) continues from its last byte. The finished
file is checked against the Hub's sha256 and header, then moved atomically into models/ and
recorded in the `models` table.
"""
from __future__ import annotations

import errno
import functools
import hashlib
import logging
import os
import shutil
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

import httpx2
from huggingface_hub.utils import build_hf_headers

from app.core import hub
from app.core.catalog import entry_for_file
from app.core.errors import BadInput, Cancelled, DiskFullError, WrenError
from app.core.models import model_id_for_path
from app.core.paths import DataDir, copy_atomically
from app.core.store import Store

log = logging.getLogger("wren.downloads")

CHUNK = 1024 * 1024
# Room left on the disk after a download, so the system and the database keep working.
DISK_MARGIN = 64 * 1024 * 1024
ACTIVE = ("queued", "downloading", "paused", "error")


class Paused(WrenError):
    def __init__(self, message: str = "Paused"):
        super().__init__(message)


def safe_model_filename(filename: str) -> str:
    """The bare file name a Hub path may be saved under in models/, or BadInput.

    A Hub file name comes from a server: it must not climb out of models/ (`..`, absolute
    paths, drive letters, backslashes) and must be a .gguf file.
    """
    if not filename or "\x00" in filename or "\\" in filename:
        raise BadInput(f"refusing unsafe file name from the Hub: {filename!r}")
    p = PurePosixPath(filename)
    if p.is_absolute() or (len(filename) > 1 and filename[1] == ":"):
        raise BadInput(f"refusing absolute file name from the Hub: {filename!r}")
    if any(part in ("..", ".", "") for part in filename.split("/")):
        raise BadInput(f"refusing file name with '..' from the Hub: {filename!r}")
    name = p.name
    if not name.lower().endswith(".gguf"):
        raise BadInput(f"{filename}: not a GGUF file (Wren downloads .gguf model files)")
    return name


def _inside(child: Path, parent: Path) -> bool:
    try:
        child.resolve().relative_to(parent.resolve())
        return True
    except ValueError:
        return False


@dataclass(frozen=True)
class Progress:
    job_id: int
    repo_id: str
    filename: str
    status: str
    bytes_done: int
    total: int
    speed_bps: float
    eta_s: float | None
    message: str = ""

    @property
    def fraction(self) -> float:
        return self.bytes_done / self.total if self.total else 0.0


@dataclass(frozen=True)
class DownloadResult:
    job_id: int
    model_id: str
    path: str
    size_bytes: int
    sha256: str | None
    bytes_fetched: int  # bytes that came over the network in this run
    resumed_from: int  # bytes already on disk when this run started
    seconds: float


@dataclass
class JobControl:
    """Set from any thread; the download checks between chunks."""

    pause: threading.Event = field(default_factory=threading.Event)
    cancel: threading.Event = field(default_factory=threading.Event)

    def wait(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end and not (self.pause.is_set() or self.cancel.is_set()):
            time.sleep(min(0.05, max(0.0, end - time.monotonic())))


class _ServerBusy(Exception):
    """HTTP 429 or 5xx on a file request: worth retrying, after Retry-After if given."""

    def __init__(self, status: int, retry_after: str | None):
        super().__init__(f"HTTP {status}")
        self.status = status
        self.retry_after: float | None = None
        if retry_after and retry_after.strip().isdigit():  # the HTTP-date form is rare: ignore it
            self.retry_after = min(60.0, float(retry_after.strip()))


def disk_free(path: Path) -> int:
    return shutil.disk_usage(path).free


class _Rate:
    """Speed over a sliding window of a few seconds, and the ETA that follows from it."""

    def __init__(self, window: float = 3.0):
        self.window = window
        self.samples: list[tuple[float, int]] = []

    def add(self, t: float, done: int) -> None:
        self.samples.append((t, done))
        while len(self.samples) > 2 and t - self.samples[0][0] > self.window:
            self.samples.pop(0)

    def speed(self) -> float:
        if len(self.samples) < 2:
            return 0.0
        (t0, d0), (t1, d1) = self.samples[0], self.samples[-1]
        return (d1 - d0) / (t1 - t0) if t1 > t0 else 0.0


def _bigger_socket_reads(size: int = CHUNK) -> None:
    """httpcore reads 64 KiB per socket read; on fast links the Python overhead per read halves
    the rate (measured on loopback: 98 MB/s vs 172 MB/s with 1 MiB reads, curl 171). The knob is
    a class attribute of httpx2's transport; raising it only changes a buffer size."""
    try:
        from httpcore2._sync.http11 import HTTP11Connection

        if HTTP11Connection.READ_NUM_BYTES < size:
            HTTP11Connection.READ_NUM_BYTES = size
    except (ImportError, AttributeError):  # internals moved: keep the default
        pass


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One TLS context for every download in this process. httpx2 builds a new one per Client and
    loads the CA bundle each time: 45 ms per download here (measured with cProfile), which is
    half of curl's whole transfer of the 98 MB starter over loopback. A context is safe to share
    between connections and threads."""
    import httpcore2

    try:
        return httpcore2.default_ssl_context()
    except (AttributeError, TypeError):  # helper moved: let httpx2 build its default
        return ssl.create_default_context()


def _body(r: httpx2.Response, size: int, read_timeout: float) -> Iterator[bytes]:
    """The response body, read straight off the connection where that is safe.

    httpx2 hands body bytes through h11, which copies each read three times (into its receive
    buffer, out of it twice) and httpcore once more: with cProfile that was about as much time as
    the socket reads themselves. For a plain HTTP/1.1 body with a Content-Length we take the first
    chunk through httpx2 (h11 hands over everything it buffered after the headers in one Data
    event), then read the rest from the connection (the `network_stream` response extension)
    ourselves, counting bytes against Content-Length. The connection is then closed rather than
    reused, because h11 did not see those bytes. Anything else (chunked, compressed, no length,
    no stream) goes through iter_raw as before. sha256 checks every byte either way.
    """
    stream = r.extensions.get("network_stream")
    length = r.headers.get("content-length", "")
    direct = (stream is not None and hasattr(stream, "read") and length.isdigit()
              and "transfer-encoding" not in r.headers
              and r.headers.get("content-encoding", "identity").lower() == "identity"
              and r.extensions.get("http_version", b"HTTP/1.1") == b"HTTP/1.1")
    raw = r.iter_raw()
    if not direct or stream is None:
        yield from raw
        return
    left = int(length)
    first = next(raw, b"")
    if first:
        left -= len(first)
        yield first
    import httpcore2

    while left > 0:
        try:
            b = stream.read(min(size, left), read_timeout)
        except httpcore2.TimeoutException as e:
            raise httpx2.ReadTimeout(str(e)) from None
        except (httpcore2.NetworkError, httpcore2.ProtocolError, OSError) as e:
            raise httpx2.ReadError(str(e)) from None
        if not b:
            raise httpx2.RemoteProtocolError("connection closed before the end of the body")
        left -= len(b)
        yield b


class _Hasher:
    """sha256 on its own thread: hashlib releases the GIL, so hashing overlaps the network
    reads instead of adding to them (sha256 runs at about the loopback transfer rate here)."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Start over (the server ignored a Range request and sends the whole file)."""
        import queue

        if getattr(self, "t", None) is not None:
            self.close()
        self.h = hashlib.sha256()
        self.q: queue.Queue[bytes | None] = queue.Queue(maxsize=256)
        self.t = threading.Thread(target=self._run, name="wren-sha256", daemon=True)
        self.t.start()

    def _run(self) -> None:
        while (b := self.q.get()) is not None:
            self.h.update(b)

    def update(self, b: bytes) -> None:
        self.q.put(b)

    def close(self) -> None:
        if self.t.is_alive():
            self.q.put(None)
            self.t.join()

    def hexdigest(self) -> str:
        self.close()
        return self.h.hexdigest()


class Downloader:
    """Runs one download job at a time (call from a worker thread, never the GUI thread)."""

    def __init__(self, store: Store, data: DataDir, *, endpoint: str | None = None,
                 token: str | Callable[[], str | None] | None = None, chunk_size: int = CHUNK,
                 max_retries: int = 6, backoff_s: float = 0.5,
                 free_space: Callable[[Path], int] = disk_free,
                 open_part: Callable[[Path, str], IO[bytes]] | None = None,
                 verify_sha256: bool = True):
        self.store = store
        self.data = data.ensure()
        self.endpoint = endpoint
        self._token = token
        self.chunk_size = chunk_size
        self.max_retries = max_retries
        self.backoff_s = backoff_s
        self.free_space = free_space
        self.open_part = open_part or open
        # Off only in the benchmark, to separate the client's transfer rate from hashing cost.
        self.verify_sha256 = verify_sha256

    def token(self) -> str | None:
        if callable(self._token):
            return self._token()
        if self._token is not None:
            return self._token
        from app.core.credentials import get_hf_token

        return get_hf_token()

    # ------------------------------------------------------------------ jobs
    def enqueue(self, repo_id: str, filename: str, revision: str = "main",
                model_id: str = "") -> int:
        """A download record (new, or the unfinished one for the same file, to resume it)."""
        if "/" not in repo_id or repo_id.startswith("/") or ".." in repo_id.split("/"):
            raise BadInput(f"'{repo_id}' is not a Hugging Face repo id (owner/name)")
        name = safe_model_filename(filename)
        existing = self.store.find_unfinished_download(repo_id, filename, revision)
        if existing:
            if existing["status"] != "downloading":  # a running one keeps its status
                self.store.update_download(existing["id"], status="queued", error="")
            return int(existing["id"])
        part = self.data.downloads / f"{repo_id.replace('/', '--')}--{name}.part"
        return self.store.add_download(repo_id, filename, revision, model_id=model_id,
                                       part_path=str(part), status="queued")

    def discard(self, job_id: int) -> None:
        """Cancel: delete the partial file and mark the record cancelled."""
        rec = self.store.get_download(job_id)
        if rec is None:
            return
        if rec["part_path"]:
            part = Path(rec["part_path"])
            if _inside(part, self.data.downloads):
                part.unlink(missing_ok=True)
        self.store.update_download(job_id, status="cancelled", bytes_done=0)

    def run(self, job_id: int, control: JobControl | None = None,
            on_progress: Callable[[Progress], None] | None = None) -> DownloadResult:
        control = control or JobControl()
        rec = self.store.get_download(job_id)
        if rec is None:
            raise BadInput(f"no download with id {job_id}")
        repo_id, filename, revision = rec["repo_id"], rec["filename"], rec["revision"] or "main"
        try:
            return self._run(job_id, rec, repo_id, filename, revision, control, on_progress)
        except Cancelled:
            self.discard(job_id)
            self._emit(on_progress, job_id, rec, "cancelled", 0, int(rec["size_bytes"] or 0), 0.0)
            raise
        except Paused:
            part = Path(rec["part_path"])
            done = part.stat().st_size if part.exists() else 0
            self.store.update_download(job_id, status="paused", bytes_done=done)
            self._emit(on_progress, job_id, rec, "paused", done, int(rec["size_bytes"] or 0), 0.0)
            raise
        except KeyboardInterrupt:
            part = Path(rec["part_path"])
            done = part.stat().st_size if part.exists() else 0
            self.store.update_download(job_id, status="paused", bytes_done=done)
            raise
        except WrenError as e:
            self.store.update_download(job_id, status="error", error=e.message)
            log.warning("download %s/%s failed: %s", repo_id, filename, e.message)
            self._emit(on_progress, job_id, rec, "error", 0, 0, 0.0, e.message)
            raise

    def _emit(self, cb: Callable[[Progress], None] | None, job_id: int, rec: dict[str, Any],
              status: str, done: int, total: int, speed: float, message: str = "") -> None:
        if cb is None:
            return
        eta = (total - done) / speed if speed > 0 and total > done else None
        cb(Progress(job_id, rec["repo_id"], rec["filename"], status, done, total, speed, eta,
                    message))

    def _run(self, job_id: int, rec: dict[str, Any], repo_id: str, filename: str, revision: str,
             control: JobControl, on_progress: Callable[[Progress], None] | None) -> DownloadResult:
        started = time.monotonic()
        name = safe_model_filename(filename)
        target = self.data.models / name
        if not _inside(target, self.data.models):
            raise BadInput(f"refusing file name that leaves models/: {filename!r}")
        part = Path(rec["part_path"]) if rec["part_path"] else \
            self.data.downloads / f"{repo_id.replace('/', '--')}--{name}.part"
        if not _inside(part, self.data.downloads):
            raise BadInput("refusing a partial-file path outside downloads/")
        if target.exists():
            adopted = self._adopt_moved_file(job_id, rec, repo_id, filename, name, target, part,
                                             started)
            if adopted is not None:
                self._emit(on_progress, job_id, rec, "done", adopted.size_bytes,
                           adopted.size_bytes, 0.0)
                return adopted
            raise BadInput(f"{name} is already in {self.data.models}: delete it first to download it again")
        token = self.token()
        self._emit(on_progress, job_id, rec, "starting", 0, int(rec["size_bytes"] or 0), 0.0)
        meta = hub.file_metadata(repo_id, filename, revision, token=token, endpoint=self.endpoint)
        total = meta.size_bytes
        if rec["sha256"] and meta.sha256 and rec["sha256"] != meta.sha256 and part.exists():
            log.info("%s changed on the Hub since the partial download: starting over", filename)
            part.unlink()
        self.store.update_download(job_id, size_bytes=total, sha256=meta.sha256 or "",
                                   part_path=str(part), status="downloading", error="")
        rec = dict(rec, size_bytes=total)
        have = part.stat().st_size if part.exists() else 0
        if total and have > total:
            part.unlink()
            have = 0
        self._check_space(total - have, total, name)

        hasher = _Hasher() if meta.sha256 and self.verify_sha256 else None
        try:
            return self._transfer(job_id, rec, repo_id, filename, revision, control, on_progress,
                                  started, name, target, part, meta, total, have, hasher, token)
        finally:
            if hasher:
                hasher.close()

    def _transfer(self, job_id: int, rec: dict[str, Any], repo_id: str, filename: str,
                  revision: str, control: JobControl, on_progress: Callable[[Progress], None] | None,
                  started: float, name: str, target: Path, part: Path, meta: hub.FileMeta,
                  total: int, have: int, hasher: _Hasher | None, token: str | None) -> DownloadResult:
        if hasher and have:
            with open(part, "rb") as fh:  # the bytes already here are not fetched again
                while block := fh.read(8 * CHUNK):
                    hasher.update(block)
        resumed_from = have
        fetched = 0
        attempt = 0
        rate = _Rate()
        rate.add(time.monotonic(), have)
        last_emit = last_db = 0.0
        headers = build_hf_headers(token=token or False)
        headers["Accept-Encoding"] = "identity"
        timeout = httpx2.Timeout(30.0, connect=10.0)
        _bigger_socket_reads()
        with httpx2.Client(timeout=timeout, follow_redirects=True, verify=_ssl_context()) as client:
            while not total or have < total:
                if control.cancel.is_set():
                    raise Cancelled(f"Download of {name} cancelled")
                if control.pause.is_set():
                    raise Paused(f"Download of {name} paused")
                h = dict(headers)
                if have:
                    h["Range"] = f"bytes={have}-"
                got_this_attempt = 0
                try:
                    with client.stream("GET", meta.url, headers=h) as r:
                        if r.status_code in (401, 403):
                            raise hub.GatedRepo(repo_id, bool(token))
                        if r.status_code == 404:
                            raise BadInput(f"{filename}: no such file in {repo_id}")
                        if r.status_code == 416 and total and have >= total:
                            break
                        if r.status_code == 416:
                            # The file ends before the size the Hub announced: it lied about
                            # the size (or the file changed); this partial file cannot be trusted.
                            part.unlink(missing_ok=True)
                            self.store.update_download(job_id, bytes_done=0)
                            raise WrenError(
                                f"{name}: the Hub announced {total:,} bytes but the file ends at "
                                f"{have:,}; the partial file was deleted, try again later")
                        if r.status_code >= 500 or r.status_code == 429:
                            raise _ServerBusy(r.status_code, r.headers.get("Retry-After"))
                        if r.status_code not in (200, 206):
                            raise WrenError(f"the Hub answered HTTP {r.status_code} for {filename}")
                        if have and r.status_code == 200:
                            # Server ignored Range: start over rather than append a second copy.
                            have = 0
                            if hasher:
                                hasher.reset()
                        mode = "ab" if have else "wb"
                        with self.open_part(part, mode) as fh:
                            for chunk in _body(r, self.chunk_size, timeout.read or 30.0):
                                if control.cancel.is_set():
                                    raise Cancelled(f"Download of {name} cancelled")
                                if control.pause.is_set():
                                    raise Paused(f"Download of {name} paused")
                                try:
                                    fh.write(chunk)
                                except OSError as e:
                                    if e.errno in (errno.ENOSPC, errno.EDQUOT):
                                        raise self._disk_full(name) from None
                                    raise WrenError(f"cannot write {part.name}: {e.strerror or e}") from None
                                if hasher:
                                    hasher.update(chunk)
                                n = len(chunk)
                                have += n
                                fetched += n
                                got_this_attempt += n
                                now = time.monotonic()
                                if now - last_emit >= 0.1:
                                    rate.add(now, have)
                                    last_emit = now
                                    self._emit(on_progress, job_id, rec, "downloading", have,
                                               total, rate.speed())
                                if now - last_db >= 1.0:
                                    last_db = now
                                    self.store.update_download(job_id, bytes_done=have)
                            try:
                                fh.flush()
                            except OSError as e:
                                if e.errno in (errno.ENOSPC, errno.EDQUOT):
                                    raise self._disk_full(name) from None
                                raise
                    if not total:
                        break
                    if have < total:
                        raise httpx2.RemoteProtocolError("connection closed before the end of the file")
                except (httpx2.TransportError, httpx2.StreamError, _ServerBusy) as e:
                    if got_this_attempt:
                        attempt = 0  # progress was made: the connection is flaky, not dead
                    attempt += 1
                    busy = e if isinstance(e, _ServerBusy) else None
                    reason = f"the Hub answered HTTP {busy.status}" if busy else type(e).__name__
                    if attempt > self.max_retries:
                        raise WrenError(
                            f"download of {name} failed after {self.max_retries} retries "
                            f"({reason}); the partial file was kept: run it again to resume"
                        ) from None
                    delay = min(30.0, self.backoff_s * 2 ** (attempt - 1))
                    if busy and busy.retry_after is not None:
                        delay = busy.retry_after  # the server said when to come back
                    log.info("download of %s interrupted at %d bytes (%s); retry %d in %.1fs",
                             name, have, type(e).__name__, attempt, delay)
                    self.store.update_download(job_id, bytes_done=have)
                    self._emit(on_progress, job_id, rec, "retrying", have, total, 0.0,
                               f"{reason if busy else 'connection lost'}, retry {attempt} "
                               f"in {delay:.0f}s")
                    control.wait(delay)
                    continue

        self.store.update_download(job_id, bytes_done=have, status="verifying")
        self._emit(on_progress, job_id, rec, "verifying", have, total, rate.speed())
        if total and have != total:
            part.unlink(missing_ok=True)
            raise WrenError(f"{name}: got {have} bytes, the Hub said {total}; the partial file "
                            f"was deleted, try again")
        digest = hasher.hexdigest() if hasher else None
        if digest is not None and meta.sha256 and digest != meta.sha256:
            part.unlink(missing_ok=True)
            self.store.update_download(job_id, bytes_done=0)
            raise WrenError(f"{name}: the downloaded data does not match the Hub's sha256 "
                            f"(expected {meta.sha256[:12]}..., got {digest[:12]}...); "
                            f"the partial file was deleted, try again")
        from app.core.gguf_info import read_gguf_info

        try:
            info = read_gguf_info(part)
        except WrenError as e:
            part.unlink(missing_ok=True)
            raise WrenError(f"{name}: downloaded, but it is not a usable GGUF file ({e.message}); "
                            f"it was deleted") from None
        self._move_into_models(part, target, total)
        model_id = self._record_model(job_id, rec, repo_id, filename, name, target, info,
                                      meta.sha256 or "", have)
        self._emit(on_progress, job_id, rec, "done", have, total, rate.speed())
        return DownloadResult(job_id, model_id, str(target), have, meta.sha256, fetched,
                              resumed_from, time.monotonic() - started)

    # --------------------------------------------------------------- helpers
    def _record_model(self, job_id: int, rec: dict[str, Any], repo_id: str, filename: str,
                      name: str, target: Path, info: Any, sha256: str, size: int) -> str:
        model_id = rec.get("model_id") or self._model_id(repo_id, filename, name)
        self.store.upsert_model(
            model_id, str(target), name=self._display_name(repo_id, filename, info),
            architecture=info.architecture, quantization=info.quantization or hub.quantization_of(name),
            size_bytes=target.stat().st_size, context_length=info.context_length, source="download",
            repo_id=repo_id, filename=filename, sha256=sha256, linked=0)
        self.store.update_download(job_id, status="done", bytes_done=size, model_id=model_id)
        return model_id

    def _adopt_moved_file(self, job_id: int, rec: dict[str, Any], repo_id: str, filename: str,
                          name: str, target: Path, part: Path, started: float
                          ) -> DownloadResult | None:
        """Finish a download whose process died after moving the verified file into models/ but
        before closing its record (a kill, a power cut): the record still holds the Hub's size
        and sha256, and the file in models/ has exactly those. Otherwise None (someone else's)."""
        sha, size = rec.get("sha256") or "", int(rec.get("size_bytes") or 0)
        if not sha or not size or part.exists() or target.stat().st_size != size:
            return None
        row = next((m for m in self.store.list_models() if m.get("path") == str(target)), None)
        if row is not None:
            if row.get("sha256") != sha:
                return None  # an installed model from elsewhere: not ours to adopt
            # Killed between recording the model and closing the download record.
            self.store.update_download(job_id, status="done", bytes_done=size, model_id=row["id"])
            return DownloadResult(job_id, row["id"], str(target), size, sha, 0, size,
                                  time.monotonic() - started)
        h = hashlib.sha256()
        with open(target, "rb") as fh:
            while block := fh.read(8 * CHUNK):
                h.update(block)
        if h.hexdigest() != sha:
            return None
        from app.core.gguf_info import read_gguf_info

        try:
            info = read_gguf_info(target)
        except WrenError:
            return None
        log.info("%s was moved into models/ by a run that stopped before recording it: recorded now",
                 name)
        model_id = self._record_model(job_id, rec, repo_id, filename, name, target, info, sha, size)
        return DownloadResult(job_id, model_id, str(target), size, sha, 0, size,
                              time.monotonic() - started)

    def _disk_full(self, name: str) -> DiskFullError:
        return DiskFullError(f"the disk is full while downloading {name} to {self.data.downloads}: "
                             f"free some space and resume (the partial file was kept)")

    def _check_space(self, remaining: int, total: int, name: str) -> None:
        free = self.free_space(self.data.downloads)
        need = remaining + DISK_MARGIN
        same_fs = os.stat(self.data.downloads).st_dev == os.stat(self.data.models).st_dev
        if free < need:
            raise DiskFullError(
                f"not enough disk space for {name}: needs {_mb(remaining)} more, "
                f"{_mb(free)} free in {self.data.downloads}")
        if not same_fs and self.free_space(self.data.models) < total + DISK_MARGIN:
            raise DiskFullError(f"not enough disk space in {self.data.models} for {name} "
                                f"({_mb(total)} needed)")

    def _move_into_models(self, part: Path, target: Path, total: int) -> None:
        try:
            os.replace(part, target)  # atomic on one filesystem
        except OSError as e:
            if e.errno != errno.EXDEV:
                raise WrenError(f"cannot move {part.name} into {target.parent}: {e.strerror or e}") from None
            try:
                copy_atomically(part, target)
            except OSError as e2:
                if e2.errno in (errno.ENOSPC, errno.EDQUOT):
                    raise DiskFullError(f"the disk holding {target.parent} is full: free "
                                        f"{_mb(total)} and resume") from None
                raise WrenError(f"cannot copy into {target.parent}: {e2.strerror or e2}") from None
            part.unlink(missing_ok=True)

    @staticmethod
    def _model_id(repo_id: str, filename: str, name: str) -> str:
        hit = entry_for_file(repo_id, filename)
        if hit:
            entry, quant = hit
            if quant.quantization.upper() == entry.default_quantization.upper():
                return entry.id
            return f"{entry.id}-{quant.quantization.lower()}"
        return model_id_for_path(name)

    @staticmethod
    def _display_name(repo_id: str, filename: str, info: Any) -> str:
        hit = entry_for_file(repo_id, filename)
        if hit:
            return f"{hit[0].name} {hit[1].quantization}"
        return info.display_name


def _mb(n: int) -> str:
    return f"{n / 1e6:,.0f} MB" if n < 1e9 else f"{n / 1e9:,.2f} GB"


# ------------------------------------------------------------------------------ the queue
@dataclass(frozen=True)
class JobEvent:
    """A job left the queue: done (result), failed (message), cancelled or paused."""

    job_id: int
    status: str
    message: str = ""
    result: DownloadResult | None = None


class DownloadQueue:
    """Several downloads, one at a time, with pause/resume/cancel from any thread.

    `serve()` runs on a worker thread (a QThread in the window) until `stop()`.
    """

    def __init__(self, downloader: Downloader):
        self.downloader = downloader
        self._cond = threading.Condition()
        self._pending: list[int] = []
        self._controls: dict[int, JobControl] = {}
        self._active: int | None = None
        self._stopping = False

    def add(self, job_id: int) -> None:
        with self._cond:
            if job_id not in self._pending and job_id != self._active:
                self._pending.append(job_id)
                self._controls[job_id] = JobControl()
            self._cond.notify_all()

    def pending(self) -> list[int]:
        with self._cond:
            return list(self._pending)

    @property
    def active(self) -> int | None:
        return self._active

    def pause(self, job_id: int) -> None:
        with self._cond:
            if job_id in self._pending:
                self._pending.remove(job_id)
                self.downloader.store.update_download(job_id, status="paused")
            elif job_id in self._controls:
                self._controls[job_id].pause.set()

    def resume(self, job_id: int) -> None:
        self.downloader.store.update_download(job_id, status="queued", error="")
        self.add(job_id)

    def cancel(self, job_id: int) -> None:
        with self._cond:
            running = job_id == self._active
            if job_id in self._pending:
                self._pending.remove(job_id)
            if running:
                self._controls[job_id].cancel.set()
        if not running:
            self.downloader.discard(job_id)

    def stop(self) -> None:
        """Stop serving; a running download is paused (its partial file stays resumable)."""
        with self._cond:
            self._stopping = True
            if self._active is not None:
                self._controls[self._active].pause.set()
            self._cond.notify_all()

    def serve(self, on_progress: Callable[[Progress], None] | None = None,
              on_event: Callable[[JobEvent], None] | None = None, *, until_empty: bool = False) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._stopping:
                    if until_empty:
                        return
                    self._cond.wait(0.5)
                if self._stopping:
                    return
                job_id = self._pending.pop(0)
                self._active = job_id
                control = self._controls.setdefault(job_id, JobControl())
            try:
                result = self.downloader.run(job_id, control, on_progress)
                event = JobEvent(job_id, "done", result=result)
            except Cancelled as e:
                event = JobEvent(job_id, "cancelled", e.message)
            except Paused as e:
                event = JobEvent(job_id, "paused", e.message)
            except WrenError as e:
                event = JobEvent(job_id, "error", e.message)
            except Exception as e:  # a bug: report it, keep the queue alive
                log.exception("download %s crashed", job_id)
                event = JobEvent(job_id, "error", f"unexpected error: {type(e).__name__}")
            finally:
                with self._cond:
                    self._active = None
                    self._controls.pop(job_id, None)
            if on_event:
                on_event(event)
