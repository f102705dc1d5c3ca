"""The Hub misbehaving, the disk filling up and the keyring failing, through `python main.py
download` as a user runs it. Each fault: exit code and one line, no model entry, no .part file
growing across attempts; transient faults are survived (the download completes, sha256 checked).

The no-keyring path (keyring's `fail` backend) is tested in tests/e2e/test_download_cli.py
(test_gated_download_via_cli_with_and_without_a_keyring); here the backend exists but raises.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.fakehub import FakeHub
from tests.reliability.conftest import db_rows, one_line_error

REPO = "fault/small-GGUF"
FILE = "small.Q8_0.gguf"
GATED = "fault/gated-GGUF"
TOKEN = "hf_reliability_token_9c1e77b2"
MB = 1024 * 1024


@pytest.fixture
def hub(small_gguf: Path):
    h = FakeHub()
    h.add_file(REPO, FILE, path=small_gguf)
    h.add_file(GATED, FILE, path=small_gguf, gated=True, tokens={TOKEN})
    h.start()
    yield h
    h.stop()


def _download(hub: FakeHub, data_dir: Path, *extra: str, spec: str = f"{REPO}:{FILE}",
              env: dict | None = None, input: str | None = None):
    return run_cli("download", spec, *extra, data_dir=data_dir, input=input,
                   env={"HF_ENDPOINT": hub.url, **(env or {})}, timeout=120)


def _parts(data_dir: Path) -> list[tuple[str, int]]:
    d = data_dir / "downloads"
    return sorted((p.name, p.stat().st_size) for p in d.glob("*")) if d.exists() else []


def _assert_nothing_installed(data_dir: Path) -> None:
    assert db_rows(data_dir, "SELECT id FROM models") == []
    models = data_dir / "models"
    assert not models.exists() or list(models.iterdir()) == []


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


# (fail_status, methods, times, Retry-After, exit code, words in the message)
PERSISTENT = {
    "401-on-HEAD": (401, {"HEAD", "GET"}, "", 1, "is gated: save a Hugging Face token"),
    "401-on-GET": (401, {"GET"}, "", 1, "is gated: save a Hugging Face token"),
    "403-on-HEAD": (403, {"HEAD", "GET"}, "", 1, "is gated"),
    "403-on-GET": (403, {"GET"}, "", 1, "is gated"),
    "404-on-HEAD-no-hub-code": (404, {"HEAD", "GET"}, "", 2, "no such file in fault/small-GGUF"),
    "404-on-GET": (404, {"GET"}, "", 2, "no such file in fault/small-GGUF"),
    "429-always": (429, {"GET"}, "0", 1, "failed after 6 retries (the Hub answered HTTP 429)"),
    "500-always": (500, {"GET"}, "0", 1, "failed after 6 retries (the Hub answered HTTP 500)"),
    "503-always": (503, {"GET"}, "0", 1, "failed after 6 retries (the Hub answered HTTP 503)"),
}


@pytest.mark.parametrize("case", list(PERSISTENT))
def test_hub_error_status_is_one_line_and_installs_nothing(case, hub, data_dir) -> None:
    status, methods, retry_after, code, words = PERSISTENT[case]
    hub.fail_status, hub.fail_methods, hub.fail_times = status, methods, -1
    hub.retry_after = retry_after or None
    r = _download(hub, data_dir)
    assert r.returncode == code, r.stderr
    assert words in one_line_error(r.stderr)
    _assert_nothing_installed(data_dir)
    first = _parts(data_dir)
    assert all(size == 0 for _, size in first), first  # no body was ever written
    if status >= 429:  # retried faults: again, the same message, and nothing grows
        r = _download(hub, data_dir)
        assert r.returncode == code and words in one_line_error(r.stderr)
        assert _parts(data_dir) == first
    rows = db_rows(data_dir, "SELECT status FROM downloads")
    assert len(rows) <= 1 and all(s == "error" for (s,) in rows), rows  # one record, reused


# (fail_status, methods, times, expected GETs of the file)
TRANSIENT = {
    "429-twice-then-ok": (429, {"GET"}, 2),
    "500-twice-then-ok": (500, {"GET"}, 2),
    "502-once-on-HEAD-then-ok": (502, {"HEAD"}, 1),
}


@pytest.mark.parametrize("case", list(TRANSIENT))
def test_transient_hub_errors_are_survived(case, hub, data_dir, small_gguf) -> None:
    status, methods, times = TRANSIENT[case]
    hub.fail_status, hub.fail_methods, hub.fail_times = status, methods, times
    r = _download(hub, data_dir, "--json")  # no Retry-After: the downloader's own backoff
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["sha256"] == _sha(small_gguf) == _sha(Path(out["path"]))
    faults = [q for q in hub.requests if q["status"] == status]
    assert len(faults) == times
    assert _parts(data_dir) == []


def test_connection_dropped_mid_stream_resumes_with_range(hub, data_dir, small_gguf) -> None:
    hub.drop_after, hub.drop_times = 3 * MB, 2
    r = _download(hub, data_dir, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["sha256"] == _sha(small_gguf) == _sha(Path(out["path"]))
    gets = hub.gets(FILE)
    assert [g["range"] for g in gets] == [None, f"bytes={3 * MB}-", f"bytes={6 * MB}-"]
    assert sum(g["sent"] for g in gets) == small_gguf.stat().st_size  # nothing fetched twice


def test_connection_that_always_drops_without_progress_gives_up(hub, data_dir, store) -> None:
    """Through the core with a short backoff (the CLI's would wait 31 s): a server that always
    closes before the first byte ends in one clear message, the partial record kept."""
    from app.core.downloads import Downloader
    from app.core.errors import WrenError
    from app.core.paths import DataDir

    hub.drop_after, hub.drop_times = 0, 1000
    dl = Downloader(store, DataDir(data_dir), endpoint=hub.url, token=lambda: None,
                    backoff_s=0.01)
    job = dl.enqueue(REPO, FILE)
    with pytest.raises(WrenError, match=r"failed after 6 retries \(RemoteProtocolError\).*resume"):
        dl.run(job)
    assert len(hub.gets(FILE)) == 7
    assert store.get_download(job)["status"] == "error"
    assert [s for _, s in _parts(data_dir)] in ([], [0])
    assert store.list_models() == []


@pytest.mark.parametrize("lie", [+1000, -1000, +5 * MB], ids=["larger-by-1000", "smaller-by-1000",
                                                              "larger-by-5MB"])
def test_hub_lying_about_the_size(lie, hub, data_dir) -> None:
    hub.size_lie = lie
    r = _download(hub, data_dir)
    assert r.returncode == 1, r.stderr
    line = one_line_error(r.stderr)
    if lie > 0:
        assert "the Hub announced" in line and "the partial file was deleted" in line
    else:
        assert "does not match the Hub's sha256" in line
    _assert_nothing_installed(data_dir)
    assert _parts(data_dir) == []  # the untrusted bytes are gone
    hub.size_lie = 0  # the Hub tells the truth again: the download works
    r = _download(hub, data_dir)
    assert r.returncode == 0, r.stderr


def test_disk_full_while_downloading(tiny_fs, small_gguf, hub) -> None:
    """An 80 MB tmpfs as data dir passes the free-space check (8 MB + 64 MB margin); a filler
    file then takes the rest while the transfer runs: ENOSPC mid-write."""
    data = tiny_fs(80 * 1024)
    hub.slow_bps = 2 * MB
    cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "download",
           f"{REPO}:{FILE}"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "HF_ENDPOINT": hub.url},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    part = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and part is None:
        found = [p for p in (data / "downloads").glob("*.part")] if (data / "downloads").exists() else []
        if found and found[0].stat().st_size > MB:
            part = found[0]
        time.sleep(0.02)
    assert part is not None, "the download never started"
    with open(data / "filler.bin", "wb") as f:  # take every free block, racing the download
        try:
            while True:
                f.write(b"\0" * MB)
                f.flush()
        except OSError:
            pass
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err
    line = one_line_error(err)
    # The part file's write or the database's progress update hits ENOSPC first: either way
    # the user reads that the disk is full.
    assert "full" in line, line
    _assert_nothing_installed(data)
    kept = part.stat().st_size
    assert MB < kept < small_gguf.stat().st_size
    (data / "filler.bin").unlink()
    hub.slow_bps = None
    hub.reset_log()
    r = _download(hub, data, "--json")
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    assert res["resumed_from"] == kept and res["sha256"] == _sha(small_gguf)
    assert hub.gets(FILE)[0]["range"] == f"bytes={kept}-"


def test_not_enough_space_refused_before_the_transfer(tiny_fs, hub) -> None:
    data = tiny_fs(16 * 1024)  # 16 MB: less than the file plus the 64 MB safety margin
    r = _download(hub, data)
    assert r.returncode == 1
    assert "not enough disk space" in one_line_error(r.stderr)
    assert hub.gets(FILE) == []  # not a byte fetched
    _assert_nothing_installed(data)


# ----------------------------------------------------------------------------- the keyring
FAILING = {"PYTHON_KEYRING_BACKEND": "tests.reliability.failing_keyring.FailingKeyring"}


def test_keyring_that_raises_keeps_the_token_for_the_session(hub, data_dir) -> None:
    spec = f"{GATED}:{FILE}"
    r = _download(hub, data_dir, "--token-stdin", spec=spec, env=FAILING, input=TOKEN + "\n")
    assert r.returncode == 0, r.stderr
    assert "for this session only" in r.stderr and "Traceback" not in r.stderr
    assert any(q["auth"] and q["status"] == 200 for q in hub.requests)  # the token was used
    assert TOKEN not in r.stdout + r.stderr
    # A new process has no token: it was never written anywhere.
    other = data_dir.parent / "other-data"
    r = _download(hub, other, spec=spec, env=FAILING)
    assert r.returncode == 1 and "is gated: save a Hugging Face token" in one_line_error(r.stderr)
    for d in (data_dir, other):
        for p in d.rglob("*"):
            if p.is_file():
                assert TOKEN.encode() not in p.read_bytes(), p


@pytest.fixture
def failing_keyring():
    import keyring

    from app.core import api_keys, credentials
    from tests.reliability.failing_keyring import FailingKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(FailingKeyring())
    FailingKeyring.calls = 0
    yield FailingKeyring
    credentials.clear_hf_token()
    with api_keys._lock:
        api_keys._session.clear()
    keyring.set_keyring(previous)


def test_keyring_that_raises_in_process(failing_keyring, store) -> None:
    """The window's path: token and engine API key both fall back to this session's memory."""
    from app.core import api_keys, credentials, engines_registry

    saved = credentials.set_hf_token(TOKEN)
    assert not saved.in_keyring and "for this session only" in saved.message
    assert credentials.get_hf_token() == TOKEN
    assert not credentials.keyring_available()
    res = api_keys.set_secret("engine:gpu", "sk-reliability-key")
    assert not res.stored and "session only" in res.message
    assert api_keys.get_secret("engine:gpu") == "sk-reliability-key"
    added = engines_registry.add_engine(store, "gpu", "http://127.0.0.1:9/v1",
                                        api_key="sk-other-key")
    assert "session only" in added.message
    assert engines_registry.endpoint(store, "gpu").api_key == "sk-other-key"
    assert failing_keyring.calls >= 3  # the backend really was asked, and really failed
    for p in Path(store.path).parent.rglob("*"):
        if p.is_file():
            assert b"sk-other-key" not in p.read_bytes(), p
