"""50 SIGKILLs of `python main.py chat` that land while the reply streams.

A kill lands after a random number of streamed bytes (not after a delay), so whether it lands
mid-stream does not depend on this machine's speed; trials go on until 50 kills have landed,
within a time limit that the test reports. Every 5th trial is left to finish.

After every kill the database must pass `PRAGMA integrity_check` and hold every message that
was complete before (with the same text); the reply being streamed is either missing its tail
(status partial) or complete, and what was stored is what had been printed. Two chat processes
run at a time on the same database, so kills also land while the other one writes.
"""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from app.core.backup import open_store
from app.core.paths import DataDir
from tests.conftest import ROOT

KILLS = 50
PARALLEL = 2
MAX_TOKENS = "32"
MAX_KILL_BYTE = 80  # a 32-token reply prints about 100-170 bytes
TIME_LIMIT_S = 840.0  # a quiet 2-core machine needs about 1-2 minutes


def _trial(i: int, data_dir, rng_seed: int) -> dict:
    rng = random.Random(rng_seed)
    prompt = f"Trial {i}: write a few lines about the sea."
    # A small context (the prompt and reply need ~80 tokens; a 8192-token cache only makes every
    # load slower) and one llama.cpp thread per child: two children share the cores, and one
    # that sampled idle cores would pick threads that spin-wait on each other.
    cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "chat", prompt,
           "--max-tokens", MAX_TOKENS, "--seed", str(i), "--temperature", "0.9", "--ctx", "512"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=str(ROOT),
                            env={**os.environ, "WREN_THREADS": "1"})
    # Kill after the k-th streamed byte: the reply is still being written then, however fast
    # or slow this machine is. Every 5th trial reads to the end instead.
    kill_at = 10**9 if i % 5 == 4 else rng.randint(1, MAX_KILL_BYTE)
    printed = b""
    while len(printed) < kill_at:
        b = proc.stdout.read(1)
        if not b:
            break
        printed += b
    killed = proc.poll() is None and len(printed) >= kill_at
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    rest = proc.stdout.read()
    err = proc.stderr.read()
    proc.wait(timeout=60)
    proc.stdout.close()
    proc.stderr.close()
    return {"i": i, "prompt": prompt, "printed": (printed + rest).decode("utf-8", "replace"),
            "killed": killed, "returncode": proc.returncode, "stderr": err.decode(errors="replace"),
            "kill_at": kill_at}


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_fifty_kills_during_streaming(data_dir):
    t0 = time.monotonic()
    known: dict[int, tuple[str, str]] = {}  # message id -> (role, text) once complete
    lock = threading.Lock()
    outcomes = []

    def check(r: dict) -> None:
        if not r["killed"]:
            assert r["returncode"] == 0, r["stderr"]
        c = sqlite3.connect(data_dir / "wren.db", timeout=30)
        try:
            assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            rows = {mid: (role, text, status) for mid, role, text, status in c.execute(
                "SELECT id, role, text, status FROM messages")}
            for mid, (role, text) in known.items():
                assert mid in rows and rows[mid][:2] == (role, text), f"message {mid} lost"
            user = c.execute("SELECT id, conversation_id FROM messages WHERE role='user' AND "
                             "text=?", (r["prompt"],)).fetchone()
            assert user is not None, f"trial {r['i']}: the user's message is missing"
            reply = c.execute("SELECT text, status FROM messages WHERE conversation_id=? AND "
                              "role='assistant'", (user[1],)).fetchone()
            if not r["killed"]:
                assert reply is not None and reply[1] == "complete"
                assert reply[0].strip() == r["printed"].strip()
            elif reply is not None:
                assert reply[1] in ("partial", "complete")
                assert r["printed"].startswith(reply[0]), "stored text was never printed"
            for mid, (role, text, status) in rows.items():
                if status == "complete":
                    known[mid] = (role, text)
        finally:
            c.close()

    counter = iter(range(10**6))
    failed = threading.Event()

    def lane() -> None:
        while time.monotonic() - t0 < TIME_LIMIT_S and not failed.is_set():
            with lock:
                if sum(r["killed"] for r in outcomes) >= KILLS:
                    return
                i = next(counter)
            r = _trial(i, data_dir, 1000 + i)
            with lock:
                try:
                    check(r)
                except BaseException:
                    failed.set()  # the other lane stops too; the first failure is reported
                    raise
                outcomes.append(r)

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        futures = [pool.submit(lane) for _ in range(PARALLEL)]
        for f in futures:
            f.result()

    kills = sum(r["killed"] for r in outcomes)
    elapsed = time.monotonic() - t0
    assert kills >= KILLS, (f"only {kills} kills landed mid-stream in {len(outcomes)} trials "
                            f"within the {TIME_LIMIT_S:.0f} s limit")
    # The app's own opener finds nothing to repair.
    store, notice = open_store(DataDir(data_dir))
    try:
        assert notice is None and store.integrity_check() == "ok"
        assert store.count_messages() >= KILLS
        store.rebuild_search_index()  # and the FTS index agrees with the table after all that
        assert store.search("sea")
    finally:
        store.close()
    print(f"\n{len(outcomes)} trials, {kills} killed mid-stream, {len(known)} complete messages "
          f"kept, {elapsed:.1f} s (limit {TIME_LIMIT_S:.0f} s)")
