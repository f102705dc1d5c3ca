"""Vet a model file in a child process before the app's own process loads it.

llama.cpp validates most of a file and raises, but some malformed files hit a GGML_ASSERT and
abort the whole process - which would take the window (and any unsaved reply) with it. So the
first time Wren sees a file (by path, size and mtime) a short-lived child process loads it and
evaluates one token; if the child dies, the file is refused with a clear message instead.
"""
from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from app.core.backends import CHILD_PRELUDE
from app.core.errors import ModelFileError

_CHILD = CHILD_PRELUDE + r"""
import sys
import llama_cpp
path, full = sys.argv[1], sys.argv[2] == "1"
llm = llama_cpp.Llama(path, n_ctx=256, n_batch=32, n_ubatch=32, n_threads=1,
                      n_threads_batch=1, verbose=False)
if full:
    toks = llm.tokenize(b"Hi", add_bos=False, special=False) or [0]
    llm.eval(toks[:1])
print("ok")
"""

# Files above this size are only loaded (lazily mmapped), not run, to keep vetting quick.
FULL_CHECK_MAX_BYTES = 1_500_000_000
VET_TIMEOUT_S = 120.0

log = logging.getLogger("wren.vetting")
_lock = threading.Lock()
_memo: dict[tuple[str, int, int], str] = {}  # key -> "" (ok) or the error message
_cache_file: Path | None = None


def set_cache_file(path: Path | None) -> None:
    """Remember verdicts across runs in a small JSON file (e.g. DATA/cache/vetted.json)."""
    global _cache_file
    _cache_file = path
    if path and path.is_file():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            with _lock:
                for k, v in data.items():
                    p, size, mtime = k.rsplit("|", 2)
                    _memo[(p, int(size), int(mtime))] = v
        except (ValueError, OSError):
            pass


def _save() -> None:
    if _cache_file is None:
        return
    try:
        _cache_file.parent.mkdir(parents=True, exist_ok=True)
        data = {f"{p}|{s}|{m}": v for (p, s, m), v in _memo.items()}
        tmp = _cache_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, _cache_file)
    except OSError:
        pass  # a cache, nothing more


def vet_model_file(path: str | os.PathLike[str]) -> None:
    """Raise ModelFileError if loading `path` crashes or fails in a child process."""
    if os.environ.get("WREN_SKIP_VETTING") == "1":
        return
    p = Path(path).resolve()
    try:
        st = p.stat()
    except OSError as e:
        raise ModelFileError(f"{p.name}: cannot be read ({e.strerror or e})") from None
    key = (str(p), st.st_size, int(st.st_mtime))
    with _lock:
        verdict = _memo.get(key)
    if verdict is None:
        log.info("vetting %s in a child process", p)  # once per file: then the cache answers
        verdict = _run_child(p, st.st_size)
        with _lock:
            _memo[key] = verdict
            _save()
    if verdict:
        raise ModelFileError(verdict)


def child_main(argv: list[str]) -> int:
    """Entry point of the vetting child in a frozen app (`wren __vet-model__ PATH FULL`)."""
    sys.argv = ["vet", *argv]
    exec(compile(_CHILD, "<vet>", "exec"), {"__name__": "__vet__"})
    return 0


def _run_child(p: Path, size: int) -> str:
    full = "1" if size <= FULL_CHECK_MAX_BYTES else "0"
    env = dict(os.environ)
    env["WREN_SKIP_VETTING"] = "1"
    if getattr(sys, "frozen", False):
        cmd = [sys.executable, "__vet-model__", str(p), full]
    else:
        cmd = [sys.executable, "-c", _CHILD, str(p), full]
    try:
        r = subprocess.run(
            cmd,
            capture_output=True, text=True, timeout=VET_TIMEOUT_S, env=env,
        )
    except subprocess.TimeoutExpired:
        return f"{p.name}: llama.cpp took too long to open this file; it may be damaged"
    except OSError as e:
        return f"{p.name}: could not check the file ({e})"
    if r.returncode == 0 and "ok" in r.stdout:
        return ""
    if r.returncode < 0:
        return (f"{p.name}: llama.cpp crashed reading this file ({_signal_name(-r.returncode)}); "
                "the file is damaged or unsupported")
    reason = _reason(r.stderr)
    return f"{p.name}: llama.cpp could not load this model ({reason})"


def _reason(stderr: str) -> str:
    lines = [ln.strip() for ln in stderr.splitlines() if ln.strip()]
    for ln in reversed(lines):
        low = ln.lower()
        if ("error" in low or "failed" in low or "assert" in low) and "traceback" not in low:
            return ln[-200:]
    return lines[-1][-200:] if lines else "unknown reason"


def _signal_name(number: int) -> str:
    """"SIGABRT" for 6; the number itself for one this platform does not name."""
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)
