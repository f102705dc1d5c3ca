"""SIGKILL at random moments, 100 times in all, across `chat`, `download` and `summarize`
sharing one data dir.

Only kills that land mid-work count: a kill that lands after the run's work is done (its reply
or summary complete, its download recorded) is counted apart as late. Each lane keeps starting
runs until it has its kills, within a time limit that the test reports, so a faster or slower
machine changes how long the test takes, not whether it passes. Kill delays are drawn up to the
time a finished run of the same lane took (a fixed window at first).

Three lanes run at once on the same database, so a kill in one also lands while another writes:
- chat: `python main.py chat` killed 0-2.6 s after it starts (start-up, opening the database,
  loading and vetting the model, reading the prompt, streaming, storing); every 4th run (every
  6th in summarize) is left to finish, so there are complete messages for later kills to lose;
- download: `python main.py download` from the fake Hub, throttled to 4 MB/s so a 6 MiB file
  takes ~1.5 s after a ~1.3 s start; killed 0-4 s after it starts. The same file is run again
  until one run finishes; that run must resume from the partial file and match the sha256;
- summarize: `python main.py summarize` of a short text file, killed 0-4.5 s after it starts
  (extraction, planning, reading the document, saving the model state to cache/, the summary).
After every trial: `PRAGMA integrity_check` is ok; every message that was complete is still
there with the same text; at most one .part file (no larger than the file) and no growing
pile of *.tmp files; at most one unfinished download record per file.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.fakehub import FakeHub
from tests.reliability.conftest import make_small_gguf

KILLS = {"chat": 34, "download": 33, "summarize": 33}  # 100 in all
TIME_LIMIT_S = 1080.0  # a quiet 2-core machine needs about 2-3 minutes
REPO = "kill/test-GGUF"
MB = 1024 * 1024


def _spawn(data_dir: Path, *args: str, env: dict | None = None) -> subprocess.Popen:
    cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args]
    return subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _run_and_maybe_kill(proc: subprocess.Popen, delay: float) -> tuple[bool, str, str]:
    try:
        proc.wait(timeout=delay)
        killed = False
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        killed = True
    out, err = proc.communicate(timeout=120)
    return killed, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


class Lane:
    """A lane's counts, its clock, and the kill window learnt from runs left to finish."""

    def __init__(self, name: str, first_window: float, t0: float):
        self.name = name
        self.window = first_window
        self.t0 = t0
        self.stats = {"trials": 0, "kills": 0, "late": 0, "completed": 0}
        self.durations: list[float] = []

    def going(self) -> bool:
        return (self.stats["kills"] < KILLS[self.name]
                and time.monotonic() - self.t0 < TIME_LIMIT_S)

    def delay(self, rng: random.Random) -> float:
        if self.durations:  # up to the median time a whole run of this lane takes here
            self.window = sorted(self.durations)[len(self.durations) // 2]
        return rng.uniform(0.0, self.window)

    def finished_in(self, seconds: float) -> None:
        self.durations.append(seconds)


class Ledger:
    """What must survive, checked after every trial under one lock."""

    def __init__(self, data_dir: Path, file_size: int):
        self.data_dir = data_dir
        self.file_size = file_size
        self.lock = threading.Lock()
        self.known: dict[int, tuple[str, str]] = {}  # complete messages: id -> (role, text)
        self.max_parts = 0
        self.max_part_bytes = 0
        self.max_tmp = 0
        self.max_cache = 0
        self.checks = 0

    def check(self) -> None:
        d = self.data_dir
        if (d / "wren.db").exists():
            c = sqlite3.connect(d / "wren.db", timeout=30)
            try:
                assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                rows = {mid: (role, text, status) for mid, role, text, status in c.execute(
                    "SELECT id, role, text, status FROM messages")}
                for mid, (role, text) in self.known.items():
                    assert mid in rows and rows[mid][:2] == (role, text), f"message {mid} lost"
                for mid, (role, text, status) in rows.items():
                    if status == "complete":
                        self.known[mid] = (role, text)
                unfinished = c.execute(
                    "SELECT repo_id, filename, COUNT(*) FROM downloads WHERE status NOT IN "
                    "('done', 'cancelled') GROUP BY repo_id, filename").fetchall()
                assert all(n == 1 for *_, n in unfinished), unfinished
            finally:
                c.close()
        parts = list((d / "downloads").glob("*.part")) if (d / "downloads").exists() else []
        tmps = [p for p in d.rglob("*") if p.name.endswith((".tmp", ".part")) and p not in parts]
        assert len(parts) <= 1, parts
        part_bytes = sum(p.stat().st_size for p in parts)
        assert part_bytes <= self.file_size
        assert len(tmps) <= 1, tmps  # a copy killed mid-way is cleaned by the next one
        self.max_parts = max(self.max_parts, len(parts))
        self.max_part_bytes = max(self.max_part_bytes, part_bytes)
        self.max_tmp = max(self.max_tmp, len(tmps))
        cache = d / "cache"
        self.max_cache = max(self.max_cache, sum(p.stat().st_size for p in cache.rglob("*")
                                                 if p.is_file()) if cache.exists() else 0)
        self.checks += 1


def _read_only(data_dir: Path) -> sqlite3.Connection | None:
    """The database if a run has made it (never creating an empty file where a run hasn't)."""
    db = data_dir / "wren.db"
    if not db.exists():
        return None
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)


def _chat_reply_complete(data_dir: Path, prompt: str) -> bool:
    c = _read_only(data_dir)
    if c is None:
        return False
    try:
        row = c.execute("SELECT r.status FROM messages u JOIN messages r ON r.conversation_id = "
                        "u.conversation_id AND r.role = 'assistant' WHERE u.role = 'user' AND "
                        "u.text = ?", (prompt,)).fetchone()
    except sqlite3.OperationalError:  # killed before the schema existed
        return False
    finally:
        c.close()
    return row is not None and row[0] == "complete"


def _complete_summaries(data_dir: Path) -> int:
    c = _read_only(data_dir)
    if c is None:
        return 0
    try:
        return c.execute("SELECT COUNT(*) FROM messages WHERE role = 'assistant' AND status = "
                         "'complete' AND conversation_id IN (SELECT conversation_id FROM "
                         "documents)").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        c.close()


def _chat_lane(data_dir: Path, ledger: Ledger, rng: random.Random, lane: Lane) -> None:
    stats = lane.stats
    while lane.going():
        i = stats["trials"]
        stats["trials"] += 1
        prompt = f"Kill trial {i}: two lines about rivers."
        started = time.monotonic()
        proc = _spawn(data_dir, "chat", prompt, "--max-tokens", "24", "--seed", str(i))
        # Every 4th run is left to finish, so complete messages exist for later kills to lose.
        killed, out, err = _run_and_maybe_kill(proc, 120.0 if i % 4 == 3 else lane.delay(rng))
        with ledger.lock:
            if not killed:
                assert proc.returncode == 0, err
                lane.finished_in(time.monotonic() - started)
                stats["completed"] += 1
                c = sqlite3.connect(data_dir / "wren.db", timeout=30)
                try:
                    conv = c.execute("SELECT conversation_id FROM messages WHERE role='user' AND "
                                     "text=?", (prompt,)).fetchone()
                    reply = c.execute("SELECT text, status FROM messages WHERE conversation_id=? "
                                      "AND role='assistant'", (conv[0],)).fetchone()
                finally:
                    c.close()
                assert reply[1] == "complete" and reply[0].strip() == out.strip()
            elif _chat_reply_complete(data_dir, prompt):
                stats["late"] += 1  # the reply was stored complete: the kill hit the exit
            else:
                stats["kills"] += 1
            ledger.check()


def _summarize_lane(data_dir: Path, doc: Path, ledger: Ledger, rng: random.Random,
                    lane: Lane) -> None:
    stats = lane.stats
    while lane.going():
        i = stats["trials"]
        stats["trials"] += 1
        with ledger.lock:
            before = _complete_summaries(data_dir)
        started = time.monotonic()
        proc = _spawn(data_dir, "summarize", str(doc), "--length", "short", "--json")
        killed, out, err = _run_and_maybe_kill(proc, 120.0 if i % 6 == 5 else lane.delay(rng))
        with ledger.lock:
            if killed:
                if _complete_summaries(data_dir) > before:
                    stats["late"] += 1  # the summary was stored complete before the kill
                else:
                    stats["kills"] += 1
            else:
                assert proc.returncode == 0, err
                lane.finished_in(time.monotonic() - started)
                res = json.loads(out)
                c = sqlite3.connect(data_dir / "wren.db", timeout=30)
                try:
                    row = c.execute("SELECT text, status FROM messages WHERE id=?",
                                    (res["message_id"],)).fetchone()
                finally:
                    c.close()
                assert row == (res["text"], "complete"), (row, res["text"])
                stats["completed"] += 1
            ledger.check()


def _download_lane(data_dir: Path, hub: FakeHub, files: list[tuple[str, str]], ledger: Ledger,
                   rng: random.Random, lane: Lane) -> None:
    env = {"HF_ENDPOINT": hub.url}
    stats = lane.stats
    cur = 0
    while lane.going():
        stats["trials"] += 1
        # A 6 MB file at 4 MB/s takes ~1.6 s with the process start: most trials are killed.
        if stats["trials"] % 2:
            _download_one(data_dir, env, files[cur], ledger, lane, lane.delay(rng))
        else:  # killed once the partial file reaches a random size: resumes get exercised
            # however long this machine takes to start the process
            _download_one(data_dir, env, files[cur], ledger, lane, 120.0,
                          kill_at_bytes=int(rng.uniform(0.1, 0.9) * ledger.file_size))
        if stats["last_done"]:
            cur += 1
    # The last file, killed or not, finishes now from wherever it was left.
    _download_one(data_dir, env, files[cur], ledger, lane, 120.0)
    assert stats["last_done"]


def _kill_at_size(proc: subprocess.Popen, part_glob: tuple[Path, str], size: int,
                  limit: float) -> tuple[bool, str, str]:
    """Kill `proc` once a file matching `part_glob` holds `size` bytes (polled: the event is a
    file growing), or let it finish if it does before."""
    folder, pattern = part_glob
    deadline = time.monotonic() + limit
    while proc.poll() is None and time.monotonic() < deadline:
        parts = list(folder.glob(pattern)) if folder.exists() else []
        try:
            if parts and parts[0].stat().st_size >= size:
                break
        except FileNotFoundError:  # moved into models/ between the glob and the stat
            pass
        time.sleep(0.01)
    return _run_and_maybe_kill(proc, 0.0)


def _download_one(data_dir: Path, env: dict, file: tuple[str, str], ledger: Ledger, lane: Lane,
                  delay: float, kill_at_bytes: int | None = None) -> None:
    stats = lane.stats
    name, sha = file
    parts = list((data_dir / "downloads").glob(f"*{name}.part")) \
        if (data_dir / "downloads").exists() else []
    before = parts[0].stat().st_size if parts else 0
    if (data_dir / "models" / name).exists():  # killed after the move, before recording it
        before = (data_dir / "models" / name).stat().st_size
        stats["adopted"] += 1
    started = time.monotonic()
    proc = _spawn(data_dir, "download", f"{REPO}:{name}", "--json", env=env)
    if kill_at_bytes is not None and kill_at_bytes > before:
        killed, out, err = _kill_at_size(proc, (data_dir / "downloads", f"*{name}.part"),
                                         kill_at_bytes, delay)
    else:
        killed, out, err = _run_and_maybe_kill(proc, delay)
    stats["last_done"] = False
    with ledger.lock:
        if killed:
            c = _read_only(data_dir)
            try:
                done = c is not None and c.execute(
                    "SELECT 1 FROM downloads d JOIN models m ON m.id = d.model_id "
                    "WHERE d.filename = ? AND d.status = 'done'", (name,)).fetchone()
            except sqlite3.OperationalError:  # killed before the schema existed
                done = None
            finally:
                if c is not None:
                    c.close()
            if done:  # killed after it had finished, before it printed: the file is complete
                target = data_dir / "models" / name
                assert hashlib.sha256(target.read_bytes()).hexdigest() == sha
                stats["late"] += 1
                stats["completed"] += 1
                stats["last_done"] = True
            else:
                stats["kills"] += 1
        else:
            assert proc.returncode == 0, err
            if before == 0:  # a whole download from nothing: how long one takes here
                lane.finished_in(time.monotonic() - started)
            res = json.loads(out)
            assert res["resumed_from"] == before, (res, before)
            assert res["sha256"] == sha
            assert hashlib.sha256(Path(res["path"]).read_bytes()).hexdigest() == sha
            stats["resumed"] += before > 0
            stats["completed"] += 1
            stats["last_done"] = True
        ledger.check()


@pytest.mark.slow
@pytest.mark.timeout(1500)
def test_hundred_kills_across_chat_download_and_summarize(data_dir, tmp_path, starter_model):
    t0 = time.monotonic()
    files = []
    hub = FakeHub()
    for k in range(48):  # more than the lane can finish: one new file after each completion
        p = make_small_gguf(tmp_path / f"k{k}.gguf", mb=6, seed=k)
        name = f"kill-{k}.Q8_0.gguf"
        files.append((name, hub.add_file(REPO, name, path=p).sha256))
    hub.slow_bps = 4 * MB
    hub.start()
    ledger = Ledger(data_dir, max(Path(tmp_path / "k0.gguf").stat().st_size, 1))
    doc = tmp_path / "minutes.txt"
    doc.write_text("The council met on Tuesday. It approved a budget for road repairs and a new "
                   "library, and asked for a report on bus routes by June. " * 3, encoding="utf-8")
    chat_lane = Lane("chat", 2.6, t0)
    summ_lane = Lane("summarize", 4.5, t0)
    dl_lane = Lane("download", 2.5, t0)
    dl_lane.stats.update(resumed=0, adopted=0, last_done=False)
    chat, summ, dl = chat_lane.stats, summ_lane.stats, dl_lane.stats
    errors: list[BaseException] = []

    def lane(fn, *args) -> None:
        try:
            fn(*args)
        except BaseException as e:  # reported by the main thread
            errors.append(e)

    threads = [threading.Thread(target=lane, args=(_chat_lane, data_dir, ledger,
                                                   random.Random(1), chat_lane)),
               threading.Thread(target=lane, args=(_download_lane, data_dir, hub, files, ledger,
                                                   random.Random(2), dl_lane)),
               threading.Thread(target=lane, args=(_summarize_lane, data_dir, doc, ledger,
                                                   random.Random(3), summ_lane))]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        hub.stop()
    if errors:
        raise errors[0]

    kills = chat["kills"] + dl["kills"] + summ["kills"]
    late = chat["late"] + dl["late"] + summ["late"]
    elapsed = time.monotonic() - t0
    assert kills >= sum(KILLS.values()), (
        f"{kills} kills landed mid-work ({late} late) within the {TIME_LIMIT_S:.0f} s limit",
        chat, dl, summ)
    assert dl["resumed"] >= 1, dl  # at least one killed download was resumed to the end
    assert chat["completed"] >= 5 and summ["completed"] >= 4, (chat, summ)
    assert len(ledger.known) >= 20  # complete messages that every later check found intact
    from app.core.backup import open_store
    from app.core.paths import DataDir

    store, notice = open_store(DataDir(data_dir))
    try:
        assert notice is None and store.integrity_check() == "ok"
        installed = {m["filename"] for m in store.list_models() if m.get("filename")}
        assert installed == {name for name, _ in files[:dl["completed"]]}
    finally:
        store.close()
    summary = (f"{kills} kills mid-work ({chat['kills']} chat in {chat['trials']} runs "
               f"({chat['completed']} left to finish), {dl['kills']} download in "
               f"{dl['trials'] + 1} runs, {summ['kills']} summarize in {summ['trials']} runs "
               f"({summ['completed']} left to finish)), {late} more landed after the work was "
               f"done and were not counted, "
               f"{dl['completed']} downloads completed "
               f"({dl['resumed']} resumed after a kill, {dl['adopted']} found moved but unrecorded), {len(ledger.known)} complete messages "
               f"kept, 0 lost, max .part files {ledger.max_parts} ({ledger.max_part_bytes} B), "
               f"max stray tmp {ledger.max_tmp}, max cache/ {ledger.max_cache} B, "
               f"{elapsed:.0f} s (limit {TIME_LIMIT_S:.0f} s)")
    print("\n" + summary)
    (Path(os.environ.get("WREN_RELIABILITY_OUT", tmp_path)) / "kills.txt").write_text(summary)


def test_download_killed_between_move_and_record_is_finished_on_rerun(small_gguf, data_dir,
                                                                       store) -> None:
    """The state a kill leaves when it lands after the verified file was moved into models/
    and before the models row was written (found by the test above): the next run records it
    instead of refusing with "already in models/"."""
    from app.core.downloads import Downloader
    from app.core.paths import DataDir

    hub = FakeHub()
    hub.add_file(REPO, "moved.Q8_0.gguf", path=small_gguf)
    hub.start()
    try:
        dl = Downloader(store, DataDir(data_dir), endpoint=hub.url, token=lambda: None)
        job = dl.enqueue(REPO, "moved.Q8_0.gguf")
        done = dl.run(job)
        store.delete_model(done.model_id)  # as if the process died before recording it
        store.update_download(job, status="verifying")
        hub.reset_log()
        again = dl.run(dl.enqueue(REPO, "moved.Q8_0.gguf"))
    finally:
        hub.stop()
    assert again.job_id == job and again.bytes_fetched == 0 and again.sha256 == done.sha256
    assert hub.gets() == []  # nothing fetched again
    assert [m["path"] for m in store.list_models()] == [done.path]
    assert store.get_download(job)["status"] == "done"
    # Killed a moment later: the model row written, the download record not yet closed.
    store.update_download(job, status="verifying")
    third = dl.run(dl.enqueue(REPO, "moved.Q8_0.gguf"))
    assert third.model_id == done.model_id and store.get_download(job)["status"] == "done"
    assert len(store.list_models()) == 1
    # Someone else's file of the same name is still refused.
    other = data_dir / "models" / "other.Q8_0.gguf"
    other.write_bytes(b"GGUF not ours")
    from app.core.errors import BadInput

    hub2 = FakeHub()
    hub2.add_file(REPO, "other.Q8_0.gguf", path=small_gguf)
    hub2.start()
    try:
        dl2 = Downloader(store, DataDir(data_dir), endpoint=hub2.url, token=lambda: None)
        with pytest.raises(BadInput, match="already in"):
            dl2.run(dl2.enqueue(REPO, "other.Q8_0.gguf"))
    finally:
        hub2.stop()
