"""A batch of 20 documents killed half-way (SIGKILL of the CLI) resumes where it stopped.

The kill lands when the process says on stderr that document 10 is done (no sleeps, no timing
luck): whatever the process did after that line (it may have finished document 11 before the
signal arrived) is read from the database, and the second run must summarize exactly the
documents that were not stored, none twice."""
from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.doc_factory import prose

N_DOCS = 20
KILL_AFTER = 10


def _summarized(data_dir: Path) -> list[str]:
    c = sqlite3.connect(data_dir / "wren.db", timeout=30)
    try:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [n for (n,) in c.execute(
            "SELECT d.name FROM documents d JOIN messages m ON m.document_id = d.id "
            "WHERE m.role = 'assistant' AND m.status = 'complete' ORDER BY d.id")]
    finally:
        c.close()


@pytest.mark.slow
def test_killed_batch_resumes_without_redoing_finished_documents(tmp_path, data_dir):
    folder = tmp_path / "twenty"
    folder.mkdir()
    for i in range(1, N_DOCS + 1):
        (folder / f"doc{i:02d}.txt").write_text(f"Document {i}.\n\n" + prose(1, 40, seed=i)[0])
    out = tmp_path / "out"
    cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "summarize",
           str(folder), "--out", str(out), "--length", "short", "--max-ctx", "1024"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    seen = []
    killed = False
    for line in proc.stderr:  # type: ignore[union-attr]
        m = re.match(r"wren: \[(\d+)/20\] done: (doc\d+\.txt)", line)
        if m:
            seen.append(m.group(2))
            if int(m.group(1)) == KILL_AFTER:
                os.kill(proc.pid, signal.SIGKILL)
                killed = True
                break
    proc.stderr.read()  # type: ignore[union-attr]
    proc.wait(timeout=60)
    assert killed, f"the batch ended before document {KILL_AFTER} was done: {seen}"
    assert proc.returncode == -signal.SIGKILL
    assert seen == [f"doc{i:02d}.txt" for i in range(1, KILL_AFTER + 1)]
    before = _summarized(data_dir)
    assert before[:KILL_AFTER] == seen and len(before) in (KILL_AFTER, KILL_AFTER + 1)
    files_before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}

    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0, r.stderr
    assert re.search(rf"resuming batch 1: {len(before)} of 20 documents already summarized, "
                     rf"{N_DOCS - len(before)} to go", r.stderr), r.stderr
    redone = re.findall(r"done: (doc\d+\.txt)", r.stderr)
    assert redone == [f"doc{i:02d}.txt" for i in range(len(before) + 1, N_DOCS + 1)]
    after = _summarized(data_dir)
    assert after == [f"doc{i:02d}.txt" for i in range(1, N_DOCS + 1)]  # each exactly once
    files = sorted(p.name for p in out.iterdir())
    assert files == [f"doc{i:02d}.txt.summary.md" for i in range(1, N_DOCS + 1)]
    # The files of the first run were not written again.
    for name, mtime in files_before.items():
        if name.startswith(tuple(seen)):
            assert (out / name).stat().st_mtime_ns == mtime, name
    assert f"wren: batch 1: {N_DOCS} summarized ({len(before)} in an earlier run)" in r.stderr
