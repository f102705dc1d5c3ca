"""SIGKILL at random moments, 100 times in all, across `chat`, `download` and `summarize`
sharing one data dir.

Only kills that land mid-work count: a kill that lands after the run's work is done (its reply
or summary complete, its download recorded) is counted apart as late. Each lane keeps starting
runs until it has its kills, within a time limit that the test reports, so a faster or slower
machine changes how long the test takes, not whether it passes.

Where a kill lands is drawn per run, on what the child shows rather than on the wall clock
alone (Lane.kill_point): half the kills at a random time before the lane's marker of real work
(up to the median time recent runs took to reach it), half at a random time after the marker
(up to 90 % of the shortest time the rest of a recent finished run took). So kills spread over
every phase however slow the machine is, and few runs meant to be killed finish first (each
such run costs a whole run). Until a run has finished, delays are drawn up to a fixed first
window. The phase each kill landed in is read from what the child held open (/proc) and
reported.

Three lanes run at once on the same database, so a kill in one also lands while another writes;
each child uses one llama.cpp thread (three lanes share the cores):
- chat: `python main.py chat` (start-up, opening the database, loading and vetting the model,
  reading the prompt; marker: the first streamed byte; then streaming and storing); every 4th
  run (every 6th in summarize) is left to finish, so there are complete messages for later
  kills to lose;
- download: `python main.py download` from the fake Hub, throttled to 4 MB/s so a 6 MiB file
  takes ~1.5 s after a ~1 s start; every other run is killed 0-2.5 s after it starts (up to the
  median time a whole download took), the others once the partial file reaches a random size.
  The same file is run again until one run finishes; that run must resume from the partial
  file and match the sha256;
- summarize: `python main.py summarize` of a short text file (extraction, planning, loading,
  reading the document; marker: the document read to 100 %; then the summary, saving the model
  state to cache/, storing); kills that wait for the state's partial file are the test below.
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
    # One llama.cpp thread per child: three lanes share the cores, and a child that sampled idle
    # cores would pick threads that spin-wait on each other once the other lanes run.
    return subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "WREN_THREADS": "1", **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _phase(pid: int, data_dir: Path) -> str:
    """Where a child is, from what it holds open right now (Linux /proc; "?" elsewhere): for
    the report's distribution only, sampled just before the kill."""
    try:
        links = []
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                links.append(os.readlink(f"/proc/{pid}/fd/{fd}"))
            except OSError:
                pass
        maps = Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return "?"
    if any(ln.endswith(".part") and "/cache/" in ln for ln in links):
        return "saving state"
    if any(ln.endswith(".part") for ln in links):
        return "transferring"
    if not any(ln.startswith(str(data_dir / "wren.db")) for ln in links):
        return "start-up"
    if not any(ln.endswith(".gguf") for ln in links) and ".gguf" not in maps:
        return "database"
    return "loading"


class Trial:
    """One child: its output read as it comes, killed on a time or on something it printed."""

    def __init__(self, proc: subprocess.Popen, data_dir: Path):
        self.proc = proc
        self.data_dir = data_dir
        self.t0 = time.monotonic()
        self.wall0 = time.time()
        self.out = bytearray()
        self.err = bytearray()
        self.marker_s: float | None = None  # when the lane's marker of real work was seen
        self.phase = ""
        for f in (proc.stdout, proc.stderr):
            os.set_blocking(f.fileno(), False)

    def _pump(self) -> None:
        for f, buf in ((self.proc.stdout, self.out), (self.proc.stderr, self.err)):
            try:
                while chunk := os.read(f.fileno(), 65536):
                    buf.extend(chunk)
            except BlockingIOError:
                pass

    def run(self, marker, marked: str, kill_at: float | None = None,
            after_marker: float | None = None, until=None, limit: float = 120.0) -> bool:
        """Wait until `kill_at` s after spawn, `after_marker` s after `marker(self)` first held,
        `until(self)` holds, or the child exits (or `limit`); kill it unless it had exited, and
        note the phase the kill landed in (`marked` once the marker was seen). Returns whether
        it was killed."""
        killed = False
        while self.proc.poll() is None:
            now = time.monotonic() - self.t0
            self._pump()
            if self.marker_s is None and marker(self):
                self.marker_s = now
            if ((kill_at is not None and now >= kill_at)
                    or (after_marker is not None and self.marker_s is not None
                        and now >= self.marker_s + after_marker)
                    or (until is not None and until(self)) or now >= limit):
                held = _phase(self.proc.pid, self.data_dir)
                os.kill(self.proc.pid, signal.SIGKILL)
                killed = True
                self.phase = (marked if self.marker_s is not None
                              and held not in ("saving state", "transferring") else held)
                break
            time.sleep(0.01)
        self.proc.wait(timeout=120)
        self.duration = time.monotonic() - self.t0
        for f in (self.proc.stdout, self.proc.stderr):
            os.set_blocking(f.fileno(), True)
        self._pump_rest()
        return killed

    def _pump_rest(self) -> None:
        self.out.extend(self.proc.stdout.read())
        self.err.extend(self.proc.stderr.read())
        self.proc.stdout.close()
        self.proc.stderr.close()

    @property
    def stdout(self) -> str:
        return self.out.decode("utf-8", "replace")

    @property
    def stderr(self) -> str:
        return self.err.decode("utf-8", "replace")


class Lane:
    """A lane's counts, its clock, and its kill windows learnt from earlier runs.

    A kill is drawn either before the lane's marker of real work (chat: the first streamed
    byte; summarize: the document read to 100 %) - start-up, opening the database, loading
    and vetting the model, reading the prompt or the document - or after it, up to the shortest
    time the rest of a recent finished run took, so that few kills land after the work is done
    and few runs finish when they were meant to be killed."""

    def __init__(self, name: str, first_window: float, t0: float):
        self.name = name
        self.window = first_window
        self.t0 = t0
        self.stats = {"trials": 0, "kills": 0, "late": 0, "completed": 0}
        self.phases: dict[str, int] = {}
        self.durations: list[float] = []
        self.markers: list[float] = []  # spawn -> marker, in every run that reached it
        self.tails: list[float] = []  # marker -> exit, in runs left to finish

    def going(self) -> bool:
        return (self.stats["kills"] < KILLS[self.name]
                and time.monotonic() - self.t0 < TIME_LIMIT_S)

    def delay(self, rng: random.Random) -> float:
        if self.durations:  # up to the median time a whole run of this lane takes here
            self.window = sorted(self.durations)[len(self.durations) // 2]
        return rng.uniform(0.0, self.window)

    def kill_point(self, rng: random.Random) -> tuple[float | None, float | None]:
        """(s after spawn, None) or (None, s after the marker)."""
        if not self.markers or not self.tails:
            return self.delay(rng), None
        if rng.random() < 0.5:
            before = sorted(self.markers[-9:])[len(self.markers[-9:]) // 2]
            return rng.uniform(0.0, before), None
        # Short of the end: the last moments are the exit, after the work was stored.
        return None, rng.uniform(0.0, 0.9 * min(self.tails[-5:]))

    def finished_in(self, seconds: float) -> None:
        self.durations.append(seconds)

    def observed(self, trial: Trial, killed: bool) -> None:
        if trial.marker_s is not None:
            self.markers.append(trial.marker_s)
            if not killed:
                self.tails.append(trial.duration - trial.marker_s)

    def landed(self, phase: str) -> None:
        self.phases[phase] = self.phases.get(phase, 0) + 1


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
        # A small context: the prompt and reply need ~80 tokens, and a 8192-token cache only
        # makes every load slower.
        trial = Trial(_spawn(data_dir, "chat", prompt, "--max-tokens", "24", "--seed", str(i),
                             "--ctx", "512"), data_dir)
        # Every 4th run is left to finish, so complete messages exist for later kills to lose.
        kill_at, after = (None, None) if i % 4 == 3 else lane.kill_point(rng)
        killed = trial.run(lambda t: len(t.out) > 0, "streaming", kill_at, after)
        out, err, proc = trial.stdout, trial.stderr, trial.proc
        with ledger.lock:
            lane.observed(trial, killed)
            if not killed:
                assert proc.returncode == 0, err
                lane.finished_in(trial.duration)
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
                lane.landed(trial.phase)
            ledger.check()


def _summarize_lane(data_dir: Path, doc: Path, ledger: Ledger, rng: random.Random,
                    lane: Lane) -> None:
    stats = lane.stats
    while lane.going():
        i = stats["trials"]
        stats["trials"] += 1
        with ledger.lock:
            before = _complete_summaries(data_dir)
        trial = Trial(_spawn(data_dir, "summarize", str(doc), "--length", "short", "--json"),
                      data_dir)
        kill_at, after = (None, None) if i % 6 == 5 else lane.kill_point(rng)
        # The marker: the document read to 100 % (a progress line); the summary follows.
        killed = trial.run(lambda t: b"tokens (100%)" in t.err, "summary", kill_at, after)
        out, err, proc = trial.stdout, trial.stderr, trial.proc
        with ledger.lock:
            lane.observed(trial, killed)
            if killed:
                if _complete_summaries(data_dir) > before:
                    stats["late"] += 1  # the summary was stored complete before the kill
                else:
                    stats["kills"] += 1
                    lane.landed(trial.phase)
            else:
                assert proc.returncode == 0, err
                lane.finished_in(trial.duration)
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


class _HubFiles:
    """The download lane's files, made when first asked for: one new file after each
    completion, as many as the lane gets to."""

    def __init__(self, hub: FakeHub, folder: Path):
        self.hub = hub
        self.folder = folder
        self.made: list[tuple[str, str]] = []
        self[0]  # all of one size: the bound on a .part file
        self.size = (folder / "k0.gguf").stat().st_size

    def __getitem__(self, k: int) -> tuple[str, str]:
        while len(self.made) <= k:
            n = len(self.made)
            p = make_small_gguf(self.folder / f"k{n}.gguf", mb=6, seed=n)
            name = f"kill-{n}.Q8_0.gguf"
            self.made.append((name, self.hub.add_file(REPO, name, path=p).sha256))
        return self.made[k]


def _download_lane(data_dir: Path, hub: FakeHub, files: _HubFiles, ledger: Ledger,
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


def _written_since(folder: Path, pattern: str, since: float) -> bool:
    """A file matching `pattern` written to after `since` (one left by an earlier kill is not)."""
    for p in folder.glob(pattern) if folder.exists() else []:
        try:
            if p.stat().st_mtime >= since:
                return True
        except FileNotFoundError:  # renamed between the glob and the stat
            pass
    return False


def _part_size(folder: Path, pattern: str) -> int:
    """Bytes in the partial file matching `pattern` (-1: none yet)."""
    parts = list(folder.glob(pattern)) if folder.exists() else []
    try:
        return parts[0].stat().st_size if parts else -1
    except FileNotFoundError:  # moved into models/ between the glob and the stat
        return -1


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
    trial = Trial(_spawn(data_dir, "download", f"{REPO}:{name}", "--json", env=env), data_dir)
    folder, pattern = data_dir / "downloads", f"*{name}.part"
    if kill_at_bytes is not None and kill_at_bytes > before:
        # Killed once the partial file holds that many bytes (polled: the event is a file
        # growing), or left to finish if it does before.
        killed = trial.run(lambda t: False, "", until=lambda t: _part_size(folder, pattern)
                           >= kill_at_bytes, limit=delay)
    else:
        killed = trial.run(lambda t: False, "", kill_at=delay)
    out, err, proc = trial.stdout, trial.stderr, trial.proc
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
                lane.landed({"loading": "verifying"}.get(trial.phase, trial.phase))
        else:
            assert proc.returncode == 0, err
            if before == 0:  # a whole download from nothing: how long one takes here
                lane.finished_in(trial.duration)
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
    hub = FakeHub()
    files = _HubFiles(hub, tmp_path)
    hub.slow_bps = 4 * MB
    hub.start()
    ledger = Ledger(data_dir, max(files.size, 1))
    doc = tmp_path / "minutes.txt"
    # One short paragraph: what is checked does not depend on its length, and every phase of a
    # summary (reading, the summary, saving the state to cache/) still takes a while.
    doc.write_text("The council met on Tuesday. It approved a budget for road repairs and a new "
                   "library, and asked for a report on bus routes by June.", encoding="utf-8")
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

    lanes = (chat_lane, dl_lane, summ_lane)
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
        assert installed == {name for name, _ in files.made[:dl["completed"]]}
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
               f"{elapsed:.0f} s (limit {TIME_LIMIT_S:.0f} s); kills by phase: "
               + "; ".join(f"{ln.name} " + ", ".join(f"{k} {v}" for k, v in sorted(
                   ln.phases.items(), key=lambda kv: -kv[1])) for ln in lanes))
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


def test_a_summary_removes_partial_state_files_that_killed_writers_left(data_dir, tmp_path,
                                                                        starter_model) -> None:
    """A summary killed while saving its model state to cache/ (a few ms at its end, where a
    random kill rarely lands) leaves `<key>.wstate.npz.<pid>.part`, as big as a state, under a
    new key per document. The next save, in any process, removes those whose writer is gone
    (and the unnamed ones older versions left), never one a running process is writing."""
    cache = data_dir / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    stale = [cache / f"doc{k}-0123456789ab.wstate.npz.{gone.pid}.part" for k in range(3)]
    stale.append(cache / "doc9-0123456789ab.wstate.npz.part")
    live = cache / f"doc7-0123456789ab.wstate.npz.{os.getpid()}.part"  # this process: running
    for p in [*stale, live]:
        p.write_bytes(b"\0" * 4096)
    doc = tmp_path / "note.txt"
    doc.write_text("Note: the council met on Tuesday and approved a budget for road repairs.",
                   encoding="utf-8")
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir),
                        "summarize", str(doc), "--length", "short", "--json"],
                       cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    assert [p.name for p in stale if p.exists()] == []
    assert live.exists()
    assert len(list(cache.glob("*.wstate.npz"))) == 1  # the summary's own state was saved
