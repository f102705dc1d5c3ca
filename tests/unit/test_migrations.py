"""Upgrades from a database written by every earlier schema version (tests/fixtures/schemas)."""
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.core.migrations import LATEST_VERSION
from app.core.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schemas"
VERSIONS = sorted(int(p.stem[1:]) for p in FIXTURES.glob("v*.db"))


def test_a_fixture_for_every_version():
    assert VERSIONS == list(range(1, LATEST_VERSION + 1))


@pytest.mark.parametrize("version", VERSIONS)
def test_upgrade_from(version, tmp_path):
    db = tmp_path / "wren.db"
    shutil.copy(FIXTURES / f"v{version}.db", db)
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == version
    before = raw.execute("SELECT id, conversation_id, role, text FROM messages ORDER BY id").fetchall()
    titles = raw.execute("SELECT id, title FROM conversations ORDER BY id").fetchall()
    raw.close()
    s = Store(db, backup_dir=tmp_path / "backups")
    try:
        assert s.schema_version == LATEST_VERSION
        assert s.integrity_check() == "ok"
        after = s.conn.execute(
            "SELECT id, conversation_id, role, text FROM messages ORDER BY id").fetchall()
        assert after == before
        assert [(c.id, c.title) for c in sorted(s.list_conversations(), key=lambda c: c.id)] == titles
        # Old rows are in the full-text index, and new writes still work.
        assert {h.conversation_id for h in s.search("Kunsthaus")} == {1}
        assert any(h.kind == "title" for h in s.search("creme brulee"))
        s.add_message(1, "user", "a new message after the upgrade: quokka")
        assert s.search("quokka")
        backups = list((tmp_path / "backups").glob("*.db"))
        if version < LATEST_VERSION:
            # The pre-migration backup is the untouched old database.
            assert len(backups) == 1 and f"before-migration-v{version}" in backups[0].name
            b = sqlite3.connect(backups[0])
            assert b.execute("PRAGMA user_version").fetchone()[0] == version
            assert b.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == len(before)
            b.close()
        else:
            assert backups == []
    finally:
        s.close()


def test_v2_titles_from_v1_are_marked_prompt(tmp_path):
    db = tmp_path / "wren.db"
    shutil.copy(FIXTURES / "v1.db", db)
    s = Store(db)
    try:
        assert s.title_source(1) == "prompt"
        s.update_conversation(1, title="Mine")
        assert s.title_source(1) == "user"
    finally:
        s.close()


def test_v3_batches_survive_and_resume_after_upgrade(tmp_path):
    """A v2 database gains the batch tables; a v3 database's unfinished batch is still there."""
    from app.core.batch import BatchQueue

    db = tmp_path / "wren.db"
    shutil.copy(FIXTURES / "v2.db", db)
    s = Store(db)
    try:
        assert s.conn.execute("SELECT COUNT(*) FROM batches").fetchone()[0] == 0
    finally:
        s.close()
    shutil.copy(FIXTURES / "v3.db", db)
    s = Store(db)
    try:
        q = BatchQueue(s)
        (bid,) = q.unfinished()
        assert [(i.name, i.status, i.conversation_id) for i in q.items(bid)] == [
            ("minutes.pdf", "done", 1), ("budget.docx", "queued", None)]
        assert q.next_item(bid).name == "budget.docx"
        # Deleting the conversation keeps the item (its summary link is cleared).
        s.delete_conversation(1)
        assert q.items(bid)[0].conversation_id is None
    finally:
        s.close()
