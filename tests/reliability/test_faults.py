"""Faults from the outside world: a full disk under the database, a plan too big for RAM."""
from __future__ import annotations

import sqlite3

from gguf import GGUFValueType

from tests.conftest import run_cli
from tests.gguf_factory import copy_gguf


def _fill(path, leave_bytes: int) -> None:
    import os

    st = os.statvfs(path)
    free = st.f_bavail * st.f_frsize
    with open(path / "filler.bin", "wb") as f:
        f.write(b"\0" * max(0, free - leave_bytes))


def test_disk_full_while_writing_the_database(tiny_fs):
    data = tiny_fs(2048)
    r = run_cli("chat", "Say hello.", "--max-tokens", "8", "--temperature", "0", data_dir=data)
    assert r.returncode == 0, r.stderr
    _fill(data, 0)
    r = run_cli("chat", "Write a long poem about the sea. " * 40, "--max-tokens", "64",
                data_dir=data)
    assert r.returncode == 1
    assert "full" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    (data / "filler.bin").unlink()
    c = sqlite3.connect(data / "wren.db")
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = c.execute("SELECT role, status FROM messages ORDER BY id").fetchall()
    assert rows[:2] == [("user", "complete"), ("assistant", "complete")]
    # With space again, the next chat works.
    r = run_cli("chat", "Hi again", "--max-tokens", "8", data_dir=data)
    assert r.returncode == 0, r.stderr


def test_context_beyond_native_refused(data_dir):
    r = run_cli("chat", "hi", "--ctx", "20000", data_dir=data_dir)
    assert r.returncode == 2
    assert "8,192" in r.stderr and "context" in r.stderr


def test_out_of_memory_plan_refused_before_loading(starter_model, tmp_path, data_dir):
    """A 10M-token context would need ~215 GB of KV cache: refused from the plan, no load."""
    big = copy_gguf(starter_model, tmp_path / "huge-context.gguf",
                    set_values={"llama.context_length": (10_000_000, GGUFValueType.UINT32)})
    r = run_cli("chat", "hi", "--model", str(big), "--ctx", "10000000", data_dir=data_dir)
    assert r.returncode == 2, r.stderr
    assert "RAM" in r.stderr
