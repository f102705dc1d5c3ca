"""open_store: quick_check on start, restore the last good backup if damaged (and say so),
never start empty silently; daily backups, keep the last N; newer databases refused untouched."""
import os
import sqlite3
import time

import pytest

from app.core.backup import (
    check_database,
    daily_backup,
    list_backups,
    open_store,
    prune_backups,
)
from app.core.errors import StoreError
from app.core.paths import DataDir


@pytest.fixture
def dd(data_dir):
    return DataDir(data_dir)


def chat(store, text):
    cid = store.create_conversation("c")
    store.add_message(cid, "user", text)
    return cid


def damage(path, offset=0, n=4096):
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write(os.urandom(n))


def test_fresh_start_no_notice_no_backup(dd):
    s, notice = open_store(dd)
    s.close()
    assert notice is None and list_backups(dd.backups) == []


def test_daily_backup_once_a_day_and_pruned(dd):
    s, _ = open_store(dd)
    chat(s, "hello")
    s.close()
    s, _ = open_store(dd)  # has data now: first daily backup
    assert [b.kind for b in list_backups(dd.backups)] == ["daily"]
    assert daily_backup(s) is None  # not again the same day
    later = time.time() + 25 * 3600
    assert daily_backup(s, now=later) is not None
    for i in range(10):
        p = s.backup(reason="daily")
        os.utime(p, (later + i, later + i))
    stale = dd.backups / "wren-20200101-000000-daily.db.part"  # from a killed copy
    stale.write_bytes(b"half")
    os.utime(stale, (0, 0))
    fresh = dd.backups / "wren-20990101-000000-daily.db.part"  # maybe being written now
    fresh.write_bytes(b"half")
    prune_backups(dd.backups, keep=3)
    assert not stale.exists() and fresh.exists()
    kept = list_backups(dd.backups)
    assert len(kept) == 3 and all(b.kind == "daily" for b in kept)
    assert all(check_database(b.path) == "ok" for b in kept)
    s.close()


@pytest.mark.parametrize("where", ["header", "pages"])
def test_damaged_database_restored_from_backup_with_notice(dd, where):
    s, _ = open_store(dd)
    chat(s, "kept in the backup")
    s.backup(reason="daily")
    chat(s, "written after the backup")
    s.close()
    size = dd.db_path.stat().st_size
    damage(dd.db_path, 0 if where == "header" else 4096, 100 if where == "header" else size - 4096)
    assert check_database(dd.db_path) != "ok"
    s, notice = open_store(dd)
    try:
        assert notice and "damaged" in notice and "restored the backup" in notice
        assert s.integrity_check() == "ok"
        texts = [m.text for c in s.list_conversations() for m in s.messages(c.id)]
        assert texts == ["kept in the backup"]
        assert s.search("kept")  # the restored index works
    finally:
        s.close()
    aside = list(dd.root.glob("wren.db.damaged-*"))
    assert aside, "the damaged file is kept for the user"


def test_damaged_without_backup_refuses_and_keeps_file(dd):
    s, _ = open_store(dd)
    chat(s, "x")
    s.close()
    damage(dd.db_path, 0, 100)
    before = dd.db_path.read_bytes()
    with pytest.raises(StoreError, match="no good backup"):
        open_store(dd)
    assert dd.db_path.read_bytes() == before


def test_damaged_backups_are_skipped(dd):
    s, _ = open_store(dd)
    chat(s, "good one")
    good = s.backup(reason="daily")
    os.utime(good, (time.time() - 100, time.time() - 100))
    chat(s, "bad one")
    bad = s.backup(reason="manual")
    s.close()
    damage(bad, 0, 100)
    damage(dd.db_path, 0, 100)
    s, notice = open_store(dd)
    try:
        assert good.name in notice
        assert [m.text for c in s.list_conversations() for m in s.messages(c.id)] == ["good one"]
    finally:
        s.close()


def test_newer_database_refused_untouched(dd):
    dd.ensure()
    c = sqlite3.connect(dd.db_path)
    c.execute("CREATE TABLE future(x)")
    c.execute("PRAGMA user_version=99")
    c.commit()
    c.close()
    before = dd.db_path.read_bytes()
    with pytest.raises(StoreError, match="newer version of Wren"):
        open_store(dd)
    assert dd.db_path.read_bytes() == before
    assert list_backups(dd.backups) == []


def test_after_crash_wal_is_not_mistaken_for_damage(dd):
    s, _ = open_store(dd)
    chat(s, "in the wal only")
    # Simulate a crash: no checkpoint, connection never closed cleanly.
    wal = dd.db_path.with_name("wren.db-wal")
    assert wal.exists() and wal.stat().st_size > 0
    assert check_database(dd.db_path) == "ok"
    s2, notice = open_store(dd)
    assert notice is None
    assert s2.search("wal")
    s2.close()
    s.close()


def test_big_database_checked_daily_or_after_unclean_exit(dd, monkeypatch):
    import app.core.backup as backup

    monkeypatch.setattr(backup, "ALWAYS_CHECK_BYTES", 0)  # treat every database as big
    s, _ = open_store(dd)
    chat(s, "x")
    s.close()
    db = dd.db_path
    s, _ = open_store(dd)  # checked (no stamp yet), stamped, daily backup taken
    s.close()
    assert (db.parent / "wren.db.checked").exists()
    assert not list(db.parent.glob("wren.db.open-*")), "a clean close removes the marker"
    assert not backup._needs_check(db)
    # a session that died (marker of a process that is gone) forces the check
    (db.parent / "wren.db.open-999999999").touch()
    assert backup._needs_check(db)
    assert not list(db.parent.glob("wren.db.open-999999999"))
    # a day-old check forces it
    old = time.time() - 2 * 86400
    os.utime(db.parent / "wren.db.checked", (old, old))
    assert backup._needs_check(db)
    (db.parent / "wren.db.checked").touch()
    # SQLite reporting damage forces it
    (db.parent / "wren.db.suspect").touch()
    assert backup._needs_check(db)


def test_skipped_check_still_restores_when_sqlite_finds_damage(dd, monkeypatch):
    import app.core.backup as backup

    monkeypatch.setattr(backup, "ALWAYS_CHECK_BYTES", 0)
    s, _ = open_store(dd)
    chat(s, "saved")
    s.close()
    s, _ = open_store(dd)  # check + daily backup
    s.close()
    assert not backup._needs_check(dd.db_path)
    damage(dd.db_path, 0, 100)  # header gone: the Store itself fails to open it
    s, notice = open_store(dd)
    try:
        assert notice and "restored" in notice
        assert [m.text for c in s.list_conversations() for m in s.messages(c.id)] == ["saved"]
    finally:
        s.close()
