"""The download manager against a real HTTP server (the fake Hub) on 127.0.0.1."""
from __future__ import annotations

import errno
import hashlib
import logging
import subprocess
import threading
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from keyrings.alt.file import PlaintextKeyring

from app.core import credentials, hub
from app.core.downloads import Downloader, DownloadQueue, safe_model_filename
from app.core.errors import BadInput, Cancelled, DiskFullError, WrenError
from app.core.paths import DataDir
from app.core.store import Store
from tests.fakehub import GATED_REPO, GOOD_TOKEN, TEST_FILE, TEST_REPO, fake_hub  # noqa: F401

MB = 1024 * 1024


@pytest.fixture
def data(data_dir: Path) -> DataDir:
    return DataDir(data_dir).ensure()


@pytest.fixture
def dstore(data: DataDir):
    s = Store(data.db_path)
    yield s
    s.close()


def make(dstore, data, fake, **kw) -> Downloader:
    kw.setdefault("token", lambda: None)
    kw.setdefault("backoff_s", 0.01)
    return Downloader(dstore, data, endpoint=fake.url, **kw)


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_download_end_to_end(fake_hub, dstore, data, starter_model) -> None:  # noqa: F811
    dl = make(dstore, data, fake_hub)
    seen = []
    res = dl.run(dl.enqueue(TEST_REPO, TEST_FILE), on_progress=seen.append)
    target = data.models / TEST_FILE
    assert res.path == str(target) and sha(target) == sha(starter_model)
    assert res.bytes_fetched == starter_model.stat().st_size and res.resumed_from == 0
    row = dstore.get_model(res.model_id)
    assert row["sha256"] == res.sha256 and row["repo_id"] == TEST_REPO and row["architecture"] == "llama"
    assert dstore.get_download(res.job_id)["status"] == "done"
    assert not list(data.downloads.iterdir())  # the partial file was moved, not copied
    assert seen[-1].status == "done" and seen[-1].bytes_done == seen[-1].total
    from app.core.models import installed_models

    assert res.model_id in {m.id for m in installed_models(dstore, data)}


def test_dropped_connection_is_retried_from_where_it_stopped(fake_hub, dstore, data, starter_model) -> None:  # noqa: F811
    fake_hub.drop_after = 10 * MB
    fake_hub.drop_times = 2
    dl = make(dstore, data, fake_hub)
    res = dl.run(dl.enqueue(TEST_REPO, TEST_FILE))
    size = starter_model.stat().st_size
    gets = fake_hub.gets(TEST_FILE)
    assert len(gets) == 3 and [g.get("dropped", False) for g in gets] == [True, True, False]
    assert gets[0]["range"] is None
    assert gets[1]["range"] == f"bytes={10 * MB}-" and gets[2]["range"] == f"bytes={20 * MB}-"
    assert sum(g["sent"] for g in gets) == size  # nothing fetched twice
    assert sha(Path(res.path)) == sha(starter_model)


def test_too_many_drops_fail_clearly_and_keep_the_partial(fake_hub, dstore, data) -> None:  # noqa: F811
    fake_hub.drop_after = 0
    fake_hub.drop_times = 100
    dl = make(dstore, data, fake_hub, max_retries=2)
    job = dl.enqueue(TEST_REPO, TEST_FILE)
    with pytest.raises(WrenError, match="failed after 2 retries.*partial file was kept"):
        dl.run(job)
    assert dstore.get_download(job)["status"] == "error"
    assert dstore.list_models() == []


def test_wrong_bytes_are_rejected_and_the_partial_deleted(fake_hub, dstore, data) -> None:  # noqa: F811
    fake_hub.corrupt = True
    dl = make(dstore, data, fake_hub)
    job = dl.enqueue(TEST_REPO, TEST_FILE)
    with pytest.raises(WrenError, match="does not match the Hub's sha256.*partial file was deleted"):
        dl.run(job)
    assert not list(data.downloads.iterdir()) and not list(data.models.iterdir())
    assert dstore.list_models() == []
    assert dstore.get_download(job)["status"] == "error"


def test_a_file_that_is_not_gguf_is_rejected_after_download(fake_hub, dstore, data) -> None:  # noqa: F811
    dl = make(dstore, data, fake_hub)
    with pytest.raises(WrenError, match="not a usable GGUF file"):
        dl.run(dl.enqueue("wren-test/other-GGUF", "small.gguf"))
    assert dstore.list_models() == [] and not list(data.models.iterdir())


def _mount_tmpfs(path: Path, size: str) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                       capture_output=True)
    return r.returncode == 0


class _FullDisk:
    """Fault hook for machines where a tmpfs cannot be mounted: ENOSPC after N bytes."""

    def __init__(self, path: Path, mode: str, limit: int):
        self.fh = open(path, mode)  # noqa: SIM115
        self.left = limit

    def write(self, b: bytes) -> int:
        if len(b) > self.left:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.left -= len(b)
        return self.fh.write(b)

    def flush(self) -> None:
        self.fh.flush()

    def __enter__(self):
        return self

    def __exit__(self, *a) -> None:
        self.fh.close()


def test_disk_full_during_download_is_a_clear_error_with_no_model(fake_hub, dstore, data) -> None:  # noqa: F811
    mounted = _mount_tmpfs(data.downloads, "24m")
    try:
        hook = {} if mounted else {"open_part": lambda p, m: _FullDisk(p, m, 24 * MB)}
        # Pretend the up-front check passed, so the writes themselves hit the full disk.
        dl = make(dstore, data, fake_hub, free_space=lambda p: 1 << 40, **hook)
        job = dl.enqueue(TEST_REPO, TEST_FILE)
        with pytest.raises(DiskFullError, match="disk is full while downloading"):
            dl.run(job)
        assert dstore.list_models() == [] and not list(data.models.iterdir())
        assert dstore.get_download(job)["status"] == "error"
    finally:
        if mounted:
            subprocess.run(["umount", str(data.downloads)], check=False)


def test_free_space_is_checked_before_starting(fake_hub, dstore, data) -> None:  # noqa: F811
    mounted = _mount_tmpfs(data.downloads, "16m")
    try:
        kw = {} if mounted else {"free_space": lambda p: 16 * MB}
        dl = make(dstore, data, fake_hub, **kw)
        with pytest.raises(DiskFullError, match="not enough disk space"):
            dl.run(dl.enqueue(TEST_REPO, TEST_FILE))
        assert fake_hub.gets(TEST_FILE) == []  # refused before fetching anything
        assert dstore.list_models() == []
    finally:
        if mounted:
            subprocess.run(["umount", str(data.downloads)], check=False)


@pytest.mark.parametrize("bad", ["../evil.gguf", "/etc/evil.gguf", "a/../../evil.gguf",
                                 "..\\evil.gguf", "C:/evil.gguf", "sub/./x.gguf", "model.bin", ""])
def test_unsafe_hub_file_names_are_refused(fake_hub, dstore, data, bad) -> None:  # noqa: F811
    dl = make(dstore, data, fake_hub)
    with pytest.raises(BadInput):
        dl.enqueue(TEST_REPO, bad)
    assert fake_hub.requests == [] and dstore.list_downloads() == []


def test_subfolder_files_land_flat_in_models() -> None:
    assert safe_model_filename("Q4_K_M/model-Q4_K_M.gguf") == "model-Q4_K_M.gguf"


def _run_queue(q: DownloadQueue, on_progress=None):
    events = []
    t = threading.Thread(target=q.serve, kwargs={"on_progress": on_progress,
                                                  "on_event": events.append, "until_empty": True})
    t.start()
    return t, events


def test_cancel_deletes_the_partial_file(fake_hub, dstore, data) -> None:  # noqa: F811
    fake_hub.slow_bps = 8 * MB
    dl = make(dstore, data, fake_hub)
    q = DownloadQueue(dl)
    job = dl.enqueue(TEST_REPO, TEST_FILE)
    q.add(job)
    part = Path(dstore.get_download(job)["part_path"])

    def on_progress(p):
        if p.bytes_done > 2 * MB and p.status == "downloading":
            assert part.exists()
            q.cancel(job)

    t, events = _run_queue(q, on_progress)
    t.join(60)
    assert [e.status for e in events] == ["cancelled"]
    assert not part.exists() and dstore.get_download(job)["status"] == "cancelled"
    assert dstore.list_models() == []


def test_pause_then_resume_fetches_only_the_rest(fake_hub, dstore, data, starter_model) -> None:  # noqa: F811
    fake_hub.slow_bps = 8 * MB
    dl = make(dstore, data, fake_hub)
    q = DownloadQueue(dl)
    job = dl.enqueue(TEST_REPO, TEST_FILE)
    q.add(job)
    q.add(job)  # adding twice queues it once
    assert q.pending() == [job]

    def on_progress(p):
        if p.bytes_done > 3 * MB and p.status == "downloading":
            q.pause(job)

    t, events = _run_queue(q, on_progress)
    t.join(60)
    assert [e.status for e in events] == ["paused"]
    part = Path(dstore.get_download(job)["part_path"])
    have = part.stat().st_size
    assert dstore.get_download(job)["status"] == "paused" and have > 3 * MB
    fake_hub.slow_bps = None
    q.resume(job)
    t, events = _run_queue(q)
    t.join(60)
    assert [e.status for e in events] == ["done"]
    res = events[0].result
    assert res.resumed_from == have and res.bytes_fetched == starter_model.stat().st_size - have
    gets = fake_hub.gets(TEST_FILE)
    # The resume asks for exactly the missing bytes (what was in flight at the pause is lost).
    assert gets[-1]["range"] == f"bytes={have}-"
    assert gets[-1]["sent"] == starter_model.stat().st_size - have
    assert sha(Path(res.path)) == sha(starter_model)


def test_queue_runs_several_downloads_in_order(fake_hub, dstore, data) -> None:  # noqa: F811
    dl = make(dstore, data, fake_hub)
    q = DownloadQueue(dl)
    a = dl.enqueue(TEST_REPO, TEST_FILE)
    b = dl.enqueue("wren-test/other-GGUF", "small.gguf")
    q.add(a)
    q.add(b)
    t, events = _run_queue(q)
    t.join(60)
    assert [(e.job_id, e.status) for e in events] == [(a, "done"), (b, "error")]
    assert "not a usable GGUF" in events[1].message


# ------------------------------------------------------------------------ gated + token
@pytest.fixture
def file_keyring(tmp_path: Path):
    prev = keyring.get_keyring()
    kr = PlaintextKeyring()
    kr.file_path = str(tmp_path / "keyring" / "keyring_pass.cfg")
    keyring.set_keyring(kr)
    credentials.clear_hf_token()
    yield kr
    credentials.clear_hf_token()
    keyring.set_keyring(prev)


@pytest.fixture
def no_keyring():
    prev = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    credentials.clear_hf_token()
    yield
    credentials.clear_hf_token()
    keyring.set_keyring(prev)


def _all_bytes_under(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())


def test_gated_repo_needs_a_token_kept_in_the_keyring_only(fake_hub, data, dstore, file_keyring,  # noqa: F811
                                                          caplog, tmp_path) -> None:
    caplog.set_level(logging.DEBUG)
    dl = Downloader(dstore, data, endpoint=fake_hub.url, backoff_s=0.01)  # token from credentials
    job = dl.enqueue(GATED_REPO, "gated-chat.Q4_1.gguf")
    with pytest.raises(hub.GatedRepo, match="is gated: save a Hugging Face token"):
        dl.run(job)
    saved = credentials.set_hf_token("hf_not_allowed_123")
    assert saved.in_keyring
    with pytest.raises(hub.GatedRepo, match="no access"):
        dl.run(job)
    saved = credentials.set_hf_token(GOOD_TOKEN)
    assert saved.in_keyring and "keyring" in saved.message
    assert "[Wren]" in Path(file_keyring.file_path).read_text()  # in the keyring backend's file
    res = dl.run(job)
    assert Path(res.path).is_file()
    assert all(r["auth"] for r in fake_hub.requests[-2:])
    dstore.close()
    # The token is nowhere in Wren's data: database (and WAL), settings, logs, partials.
    blob = _all_bytes_under(data.root)
    for tok in (GOOD_TOKEN, "hf_not_allowed_123"):
        assert tok.encode() not in blob
        assert tok not in caplog.text
    assert credentials.get_hf_token() == GOOD_TOKEN  # read back from the keyring


def test_without_a_keyring_the_token_is_kept_for_the_session(fake_hub, data, dstore, no_keyring) -> None:  # noqa: F811
    assert not credentials.keyring_available()
    assert credentials.get_hf_token() is None
    saved = credentials.set_hf_token(GOOD_TOKEN)
    assert not saved.in_keyring and "this session only" in saved.message
    assert credentials.get_hf_token() == GOOD_TOKEN
    dl = Downloader(dstore, data, endpoint=fake_hub.url)
    res = dl.run(dl.enqueue(GATED_REPO, "gated-chat.Q4_1.gguf"))
    assert Path(res.path).is_file()
    credentials.clear_hf_token()
    assert credentials.get_hf_token() is None
    dstore.close()
    assert GOOD_TOKEN.encode() not in _all_bytes_under(data.root)


def test_empty_token_is_bad_input(no_keyring) -> None:
    with pytest.raises(BadInput, match="empty"):
        credentials.set_hf_token("   \n")


def test_cancelled_error_type_for_direct_run(fake_hub, dstore, data) -> None:  # noqa: F811
    from app.core.downloads import JobControl

    dl = make(dstore, data, fake_hub)
    c = JobControl()
    c.cancel.set()
    job = dl.enqueue(TEST_REPO, TEST_FILE)
    with pytest.raises(Cancelled):
        dl.run(job, c)
    assert dstore.get_download(job)["status"] == "cancelled"


# ---------------------------------------------------------------- body reading (performance path)
@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_body_reader_returns_exactly_the_requested_bytes(fake_hub, starter_model, chunked) -> None:  # noqa: F811
    """Plain bodies are read straight off the connection, chunked ones through httpx2: both must
    give exactly bytes [start, end) for any Range, and leave the client usable for the next one."""
    import httpx2

    from app.core.downloads import _body

    fake_hub.chunked = chunked
    blob = starter_model.read_bytes()
    url = hub.file_url(TEST_REPO, TEST_FILE, endpoint=fake_hub.url)
    with httpx2.Client() as client:
        for start in (0, 1, 5 * MB + 3, len(blob) - 1):
            with client.stream("GET", url, headers={"Range": f"bytes={start}-",
                                                    "Accept-Encoding": "identity"}) as r:
                assert r.status_code == 206
                assert ("transfer-encoding" in r.headers) == chunked
                h, n = hashlib.sha256(), 0
                for chunk in _body(r, 256 * 1024, 30.0):
                    h.update(chunk)
                    n += len(chunk)
            assert n == len(blob) - start
            assert h.hexdigest() == hashlib.sha256(blob[start:]).hexdigest()


def test_chunked_download_with_a_drop_is_retried(fake_hub, dstore, data, starter_model) -> None:  # noqa: F811
    fake_hub.chunked = True
    fake_hub.drop_after = 10 * MB
    fake_hub.drop_times = 1
    dl = make(dstore, data, fake_hub)
    res = dl.run(dl.enqueue(TEST_REPO, TEST_FILE))
    gets = fake_hub.gets(TEST_FILE)
    assert [g["range"] for g in gets] == [None, f"bytes={10 * MB}-"]
    assert sum(g["sent"] for g in gets) == starter_model.stat().st_size
    assert sha(Path(res.path)) == sha(starter_model)


def test_connection_closed_early_on_a_plain_body_resumes(fake_hub, dstore, data, starter_model) -> None:  # noqa: F811
    """A drop in the first chunk (before the direct reads start) and one later both resume."""
    fake_hub.drop_after = 1000
    fake_hub.drop_times = 1
    dl = make(dstore, data, fake_hub)
    res = dl.run(dl.enqueue(TEST_REPO, TEST_FILE))
    gets = fake_hub.gets(TEST_FILE)
    assert [g["range"] for g in gets] == [None, "bytes=1000-"]
    assert sha(Path(res.path)) == sha(starter_model)
