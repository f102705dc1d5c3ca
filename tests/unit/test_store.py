import sqlite3

import pytest

from app.core.errors import StoreError
from app.core.migrations import LATEST_VERSION
from app.core.store import Store


def test_fresh_database_schema(store):
    assert store.schema_version == LATEST_VERSION
    mode = store.conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    assert store.integrity_check() == "ok"


def test_conversation_and_messages_roundtrip(store):
    cid = store.create_conversation("Trip", model="m", system_prompt="be nice")
    store.add_message(cid, "user", "hello")
    rid = store.add_message(cid, "assistant", "", status="partial", model="m")
    store.update_message(rid, text="hi there", status="complete", prompt_tokens=12,
                         completion_tokens=3, ttft_s=0.1, decode_tokens_per_s=40.0)
    msgs = store.messages(cid)
    assert [(m.role, m.text, m.status) for m in msgs] == [
        ("user", "hello", "complete"), ("assistant", "hi there", "complete")]
    assert msgs[1].prompt_tokens == 12 and msgs[1].decode_tokens_per_s == 40.0
    conv = store.get_conversation(cid)
    assert conv.title == "Trip" and conv.system_prompt == "be nice"


def test_list_newest_first(store):
    a = store.create_conversation("a")
    b = store.create_conversation("b")
    store.add_message(a, "user", "bump")  # touching a makes it newest
    assert [c.id for c in store.list_conversations()] == [a, b]


def test_bad_status_rejected(store):
    cid = store.create_conversation()
    with pytest.raises(ValueError):
        store.add_message(cid, "assistant", "x", status="weird")


def test_failed_transaction_rolls_back(store):
    cid = store.create_conversation()
    with pytest.raises(RuntimeError):
        with store.transaction() as c:
            c.execute("INSERT INTO messages(conversation_id, role, text, created_at, updated_at) "
                      "VALUES (?, 'user', 'lost', 0, 0)", (cid,))
            raise RuntimeError("boom")
    assert store.messages(cid) == []


def test_settings(store):
    assert store.get_setting("x", 5) == 5
    store.set_setting("x", {"a": [1, 2]})
    assert store.get_setting("x") == {"a": [1, 2]}


def test_delete_messages_from(store):
    cid = store.create_conversation()
    ids = [store.add_message(cid, r, t) for r, t in
           [("user", "1"), ("assistant", "2"), ("user", "3"), ("assistant", "4")]]
    store.delete_messages_from(cid, ids[2])
    assert [m.text for m in store.messages(cid)] == ["1", "2"]


def test_newer_database_refused_untouched(tmp_path):
    p = tmp_path / "wren.db"
    c = sqlite3.connect(p)
    c.execute("CREATE TABLE future(x)")
    c.execute(f"PRAGMA user_version={LATEST_VERSION + 7}")
    c.commit()
    c.close()
    before = p.read_bytes()
    with pytest.raises(StoreError, match="newer version of Wren"):
        Store(p)
    assert p.read_bytes() == before


def test_garbage_file_is_a_clear_error(tmp_path):
    p = tmp_path / "wren.db"
    p.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as ei:
        Store(p)
    assert "wren.db" in str(ei.value)


def test_backup_copies_everything(store, tmp_path):
    cid = store.create_conversation("keep")
    store.add_message(cid, "user", "precious")
    dest = store.backup("test")
    copy = Store(dest)
    try:
        assert [m.text for m in copy.messages(cid)] == ["precious"]
    finally:
        copy.close()


def test_disk_full_is_reported_as_such(tmp_path):
    """A tiny max_page_count makes SQLite hit 'database or disk is full' for real."""
    from app.core.errors import DiskFullError

    s = Store(tmp_path / "wren.db")
    try:
        cid = s.create_conversation()
        pages = s.conn.execute("PRAGMA page_count").fetchone()[0]
        s.conn.execute(f"PRAGMA max_page_count={pages + 2}")
        with pytest.raises(DiskFullError, match="full"):
            for _ in range(200):
                s.add_message(cid, "user", "x" * 10000)
        assert s.integrity_check() == "ok"
    finally:
        s.close()
