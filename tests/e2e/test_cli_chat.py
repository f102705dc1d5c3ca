"""`python main.py chat` in a child process, on the real starter model and a real database."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from app import __version__
from tests.conftest import ROOT, run_cli

JSON_FIELDS = {"text", "model", "conversation_id", "prompt_tokens", "completion_tokens", "n_ctx",
               "n_threads", "ttft_s", "prompt_tokens_per_s", "decode_tokens_per_s"}


def test_version():
    r = run_cli("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"Wren {__version__}"


def test_chat_streams_and_stores(data_dir):
    r = run_cli("chat", "Hello! Who are you?", "--max-tokens", "24", "--seed", "1",
                data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip()
    db = sqlite3.connect(data_dir / "wren.db")
    rows = db.execute("SELECT role, text, status, model FROM messages ORDER BY id").fetchall()
    assert rows[0][:3] == ("user", "Hello! Who are you?", "complete")
    assert rows[1][0] == "assistant" and rows[1][2] == "complete"
    assert rows[1][1].strip() == r.stdout.strip()
    assert rows[1][3] == "smollm2-135m-instruct"


def test_json_fields_consistent_and_conversation_continues(data_dir):
    r = run_cli("chat", "Name three fruits.", "--json", "--max-tokens", "20", "--temperature", "0",
                data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert JSON_FIELDS <= out.keys()
    assert out["completion_tokens"] > 0 and out["prompt_tokens"] > 0
    assert out["n_threads"] >= 1 and out["n_ctx"] >= 512
    assert out["ttft_s"] > 0 and out["prompt_tokens_per_s"] > 0
    assert out["model"] == "smollm2-135m-instruct"
    cid = out["conversation_id"]
    r2 = run_cli("chat", "And three vegetables?", "--json", "--conversation", str(cid),
                 "--max-tokens", "20", data_dir=data_dir)
    assert r2.returncode == 0, r2.stderr
    out2 = json.loads(r2.stdout)
    assert out2["conversation_id"] == cid
    assert out2["prompt_tokens"] > out["prompt_tokens"]
    db = sqlite3.connect(data_dir / "wren.db")
    n = db.execute("SELECT COUNT(*) FROM messages WHERE conversation_id=?", (cid,)).fetchone()[0]
    assert n == 4
    stored = db.execute("SELECT text, completion_tokens FROM messages WHERE id=?",
                        (out2["message_id"],)).fetchone()
    assert stored == (out2["text"], out2["completion_tokens"])


def test_model_by_path_and_last_used(data_dir, no_template_model):
    r = run_cli("chat", "Hi", "--model", str(no_template_model), "--json", "--max-tokens", "8",
                data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["model"] == "smollm2-no-template"
    assert "no chat template" in json.loads(r.stdout).get("notice", "")


@pytest.mark.parametrize("args,needle", [
    (["chat", "hi", "--model", "/nonexistent/model.gguf"], "not found"),
    (["chat", "hi", "--model", "no-such-model"], "unknown model"),
    (["chat", "   "], "empty"),
    (["chat", "hi", "--conversation", "999"], "does not exist"),
    (["chat", "hi", "--max-tokens", "0"], "positive"),
    (["chat"], "required"),
    (["nonsense-command"], "invalid choice"),
])
def test_bad_input_exits_2_with_one_line(data_dir, args, needle):
    r = run_cli(*args, data_dir=data_dir)
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert needle in r.stderr
    assert "Traceback" not in r.stderr
    err_lines = [ln for ln in r.stderr.splitlines() if ln.startswith("wren: error")]
    assert len(err_lines) == 1


@pytest.mark.parametrize("content", [b"", b"GGUF" + b"\x03\x00\x00\x00" + b"\xff" * 100,
                                     b"just text, not a model"])
def test_bad_model_files_exit_2(data_dir, tmp_path, content):
    p = tmp_path / "broken.gguf"
    p.write_bytes(content)
    r = run_cli("chat", "hi", "--model", str(p), data_dir=data_dir)
    assert r.returncode == 2
    assert "broken.gguf" in r.stderr and "Traceback" not in r.stderr


def test_truncated_model_exits_2(data_dir, tmp_path, starter_model):
    p = tmp_path / "half.gguf"
    with open(starter_model, "rb") as f:
        p.write_bytes(f.read(starter_model.stat().st_size // 2))
    r = run_cli("chat", "hi", "--model", str(p), data_dir=data_dir)
    assert r.returncode == 2 and "truncated" in r.stderr


def test_newer_database_exits_with_message(data_dir):
    db = sqlite3.connect(data_dir / "wren.db")
    db.execute("PRAGMA user_version=999")
    db.commit()
    db.close()
    r = run_cli("chat", "hi", data_dir=data_dir)
    assert r.returncode == 1 and "newer version" in r.stderr


def test_killed_chat_leaves_partial_reply_and_sound_database(data_dir):
    """SIGKILL mid-stream: the reply so far is in the database, marked partial."""
    cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "chat",
           "Write a long, detailed story about a lighthouse keeper.", "--max-tokens", "2000",
           "--temperature", "0.8"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=str(ROOT))
    db_path = data_dir / "wren.db"
    deadline = time.monotonic() + 120
    text = ""
    try:
        while time.monotonic() < deadline:
            if db_path.exists():
                try:
                    c = sqlite3.connect(db_path, timeout=1)
                    row = c.execute("SELECT text FROM messages WHERE role='assistant'").fetchone()
                    c.close()
                except sqlite3.Error:
                    row = None
                if row and len(row[0]) > 40:
                    text = row[0]
                    break
            assert proc.poll() is None, proc.stderr.read()
            time.sleep(0.05)
        assert text, "the reply was never persisted while streaming"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
    c = sqlite3.connect(db_path)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    role, status, stored = c.execute(
        "SELECT role, status, text FROM messages WHERE role='assistant'").fetchone()
    assert status == "partial"
    assert stored.startswith(text[:40])
    assert c.execute("SELECT text FROM messages WHERE role='user'").fetchone()[0].startswith("Write")
