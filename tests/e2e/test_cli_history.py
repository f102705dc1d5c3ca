"""search / export / import-chats in a child process, and the CLI's start-up checks of the
database (damaged -> restored with a message; newer -> refused untouched; no backup -> refused)."""
import json
import os
import sqlite3

import pytest

from app.core.paths import DataDir
from app.core.store import Store
from tests.conftest import run_cli


@pytest.fixture
def chats(data_dir):
    s = Store(data_dir / "wren.db", backup_dir=data_dir / "backups")
    a = s.create_conversation("Crème brûlée", model="smollm2", settings={"temperature": 0.2})
    s.add_message(a, "user", "How do I caramelise the sugar on a crème brûlée?")
    r = s.add_message(a, "assistant", "Use a blowtorch or the oven grill.", model="smollm2")
    s.update_message(r, completion_tokens=9, ttft_s=0.2, decode_tokens_per_s=30.0)
    b = s.create_conversation("Lighthouses")
    s.add_message(b, "user", "Tell me about lighthouse keepers")
    s.close()
    return a, b


def test_search_text_and_json(data_dir, chats):
    r = run_cli("search", "creme brulee", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert "[crème] [brûlée]" in r.stdout and f"conversation {chats[0]}" in r.stdout
    r = run_cli("search", "lighthouse*", "--json", "--limit", "1", data_dir=data_dir)
    out = json.loads(r.stdout)
    assert out["count"] == 1 and out["results"][0]["conversation_id"] == chats[1]
    snip = out["results"][0]["snippet"]
    a, b = out["results"][0]["highlights"][0]
    assert snip[a:b].lower().startswith("lighthouse")


def test_search_no_results_exit_0(data_dir, chats):
    r = run_cli("search", "zebra", "--json", data_dir=data_dir)
    assert r.returncode == 0 and json.loads(r.stdout)["count"] == 0


@pytest.mark.parametrize("args,needle", [
    (["search", "  ?? "], "no words"),
    (["search", "x", "--limit", "0"], "positive"),
    (["export", "--conversation", "999"], "does not exist"),
    (["export", "--format", "rtf"], "invalid choice"),
    (["export", "--format", "pdf"], "--format pdf writes a file: give it with --out FILE.pdf"),
    (["export", "--out", "/nonexistent-dir/x.json"], "folder not found"),
    (["import-chats", "/nonexistent/file.json"], "not found"),
])
def test_bad_input_exits_2(data_dir, chats, args, needle):
    r = run_cli(*args, data_dir=data_dir)
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert needle in r.stderr and "Traceback" not in r.stderr
    assert len([ln for ln in r.stderr.splitlines() if ln.startswith("wren: error")]) == 1


def test_export_import_round_trip_via_cli(data_dir, chats, tmp_path):
    out = tmp_path / "all.json"
    r = run_cli("export", "--out", str(out), data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    other = tmp_path / "other-data"
    r = run_cli("import-chats", str(out), "--json", data_dir=other)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["imported_conversations"] == 2
    r2 = run_cli("export", data_dir=other)
    assert r2.stdout == out.read_text(encoding="utf-8")
    again = run_cli("import-chats", str(out), data_dir=other)
    assert "imported 0 conversations" in again.stdout and "skipped 2" in again.stdout
    md = run_cli("export", "-c", str(chats[0]), "--out", str(tmp_path / "one.md"), data_dir=data_dir)
    assert md.returncode == 0
    text = (tmp_path / "one.md").read_text(encoding="utf-8")
    assert text.startswith("# Crème brûlée") and "Lighthouses" not in text


def test_bad_export_file_changes_nothing(data_dir, chats, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "wren-conversations", "version": 1, "conversations": [{}]}')
    before = run_cli("export", data_dir=data_dir).stdout
    r = run_cli("import-chats", str(bad), data_dir=data_dir)
    assert r.returncode == 2 and "not a Wren conversations export" in r.stderr
    assert run_cli("export", data_dir=data_dir).stdout == before


def test_damaged_database_restored_with_message(data_dir, chats):
    r = run_cli("search", "lighthouse", data_dir=data_dir)  # first start: daily backup
    assert r.returncode == 0
    assert list((data_dir / "backups").glob("*daily*.db"))
    db = data_dir / "wren.db"
    with open(db, "r+b") as f:
        f.write(os.urandom(100))
    r = run_cli("search", "lighthouse", "--json", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert "damaged" in r.stderr and "restored the backup" in r.stderr
    assert json.loads(r.stdout)["count"] >= 1
    assert list(data_dir.glob("wren.db.damaged-*"))
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    c.close()


def test_damaged_without_backup_refused_not_emptied(data_dir, chats):
    db = data_dir / "wren.db"
    with open(db, "r+b") as f:
        f.write(os.urandom(100))
    before = db.read_bytes()
    r = run_cli("search", "x", data_dir=data_dir)
    assert r.returncode == 1 and "no good backup" in r.stderr and "Traceback" not in r.stderr
    assert db.read_bytes() == before


@pytest.mark.parametrize("cmd", [["search", "x"], ["export"], ["import-chats", "EXPORT"]])
def test_newer_database_refused_untouched(data_dir, tmp_path, cmd):
    export = tmp_path / "e.json"
    export.write_text('{"format": "wren-conversations", "version": 1, "conversations": []}')
    cmd = [str(export) if a == "EXPORT" else a for a in cmd]
    DataDir(data_dir).ensure()
    c = sqlite3.connect(data_dir / "wren.db")
    c.execute("CREATE TABLE t(x)")
    c.execute("PRAGMA user_version=999")
    c.commit()
    c.close()
    before = (data_dir / "wren.db").read_bytes()
    r = run_cli(*cmd, data_dir=data_dir)
    assert r.returncode == 1 and "newer version of Wren" in r.stderr
    assert (data_dir / "wren.db").read_bytes() == before
    assert list(data_dir.glob("backups/*.db")) == []
