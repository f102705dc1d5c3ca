"""Several Wren processes opening a data dir's brand-new database at the same moment (the
window and a `chat` on first use, two lanes of a batch): every one must open it.

SQLite does not wait on its busy handler where waiting could deadlock: a connection that reads
(for the schema version) and then asks to switch the file to WAL while another process holds the
write lock for its migration gets "database is locked" at once, whatever the timeout. Found by
tests/e2e/test_kill_chat.py on a fresh clone, where its first two `chat` processes start together.
"""
from __future__ import annotations

import subprocess
import sys
import time

from tests.conftest import ROOT

OPENERS = 6
ROUNDS = 4

CHILD = """
import pathlib, sys, time
from app.core.store import Store
ready, go, db = (pathlib.Path(a) for a in sys.argv[1:4])
ready.touch()
while not go.exists():
    time.sleep(0.0005)
store = Store(db)
store.close()
"""


def test_processes_opening_a_new_database_at_once_all_open_it(tmp_path):
    failures = []
    for r in range(ROUNDS):
        base = tmp_path / f"round{r}"
        base.mkdir()
        go = base / "go"
        procs = [subprocess.Popen([sys.executable, "-c", CHILD, str(base / f"ready{i}"), str(go),
                                   str(base / "wren.db")], cwd=str(ROOT),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for i in range(OPENERS)]
        # Wait until every child is waiting on the start signal (an event, not a delay).
        deadline = time.monotonic() + 120
        while not all((base / f"ready{i}").exists() for i in range(OPENERS)):
            assert time.monotonic() < deadline, "the children did not start"
            assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
            time.sleep(0.01)
        go.touch()
        for p in procs:
            out, err = p.communicate(timeout=120)
            if p.returncode != 0:
                failures.append(err.strip().splitlines()[-1] if err.strip() else p.returncode)
    assert failures == [], f"{len(failures)} of {OPENERS * ROUNDS} opens failed: {failures[:3]}"
