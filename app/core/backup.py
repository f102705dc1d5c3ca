"""Backups of wren.db and the one way to open it: check, restore if damaged, back up daily.

`open_store(data_dir)` is what the CLI and the window call. On start it runs
`PRAGMA quick_check` (for databases over 16 MB: when the last check is a day old, after a
session that did not end cleanly, or after SQLite reported damage); if the database is damaged
it moves the damaged file aside, restores the newest backup that passes the same check, and
returns a notice the caller must show. It never starts silently with an empty database: with
no good backup it refuses with a message.
Backups are made with SQLite's online backup API (Store.backup) before every schema migration
(Store does that) and once a day here; the newest KEEP_PER_KIND of each kind are kept.
"""
from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from app.core.errors import StoreError
from app.core.migrations import LATEST_VERSION
from app.core.paths import DataDir
from app.core.store import Store

KEEP_PER_KIND = 7
DAILY_S = 24 * 3600
ALWAYS_CHECK_BYTES = 16 * 2**20  # smaller databases are checked at every start (< 0.1 s)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str  # daily, migration, manual, restore
    mtime: float


def _kind(name: str) -> str:
    if "before-migration" in name:
        return "migration"
    for k in ("daily", "before-restore"):
        if k in name:
            return k
    return "manual"


def list_backups(backup_dir: Path) -> list[BackupInfo]:
    """Backups in `backup_dir`, newest first."""
    if not backup_dir.is_dir():
        return []
    out = [BackupInfo(p, _kind(p.name), p.stat().st_mtime)
           for p in backup_dir.glob("wren-*.db") if p.is_file()]
    out.sort(key=lambda b: (b.mtime, b.path.name), reverse=True)
    return out


def check_database(path: Path) -> str:
    """'ok', or why the file cannot be used (PRAGMA quick_check). A normal connection, not a
    read-only one: after a crash a read-only one may be unable to read the WAL, and a false
    "damaged" would throw the newest messages away."""
    try:
        c = sqlite3.connect(str(path), timeout=10)
    except sqlite3.Error as e:
        return str(e)
    try:
        rows = c.execute("PRAGMA quick_check").fetchall()
        result = "; ".join(str(r[0]) for r in rows[:3])
        return "ok" if result == "ok" else result
    except sqlite3.Error as e:
        return str(e)
    finally:
        c.close()


def _version(path: Path) -> int:
    c = sqlite3.connect(str(path))
    try:
        return int(c.execute("PRAGMA user_version").fetchone()[0])
    finally:
        c.close()


def prune_backups(backup_dir: Path, keep: int = KEEP_PER_KIND) -> list[Path]:
    """Delete all but the newest `keep` backups of each kind. Returns what was deleted."""
    seen: dict[str, int] = {}
    deleted = []
    # Half-written backups of a process that was killed mid-copy (an hour is plenty for a copy).
    for part in backup_dir.glob("wren-*.db.*part") if backup_dir.is_dir() else []:
        if time.time() - part.stat().st_mtime > 3600:
            part.unlink(missing_ok=True)
            deleted.append(part)
    for b in list_backups(backup_dir):
        seen[b.kind] = seen.get(b.kind, 0) + 1
        if seen[b.kind] > keep:
            b.path.unlink(missing_ok=True)
            deleted.append(b.path)
    return deleted


def daily_backup(store: Store, keep: int = KEEP_PER_KIND, now: float | None = None) -> Path | None:
    """Back up unless a daily backup younger than a day exists. Returns the new file or None."""
    now = time.time() if now is None else now
    dailies = [b for b in list_backups(store.backup_dir) if b.kind == "daily"]
    if dailies and now - dailies[0].mtime < DAILY_S:
        return None
    dest = store.backup(reason="daily")
    prune_backups(store.backup_dir, keep)
    return dest


def _good_backup(backup_dir: Path) -> BackupInfo | None:
    for b in list_backups(backup_dir):
        try:
            if check_database(b.path) == "ok" and _version(b.path) <= LATEST_VERSION:
                return b
        except sqlite3.Error:
            continue
    return None


def _move_aside(db: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    dest = db.with_name(f"{db.name}.damaged-{stamp}")
    n = 1
    while dest.exists():
        dest = db.with_name(f"{db.name}.damaged-{stamp}-{n}")
        n += 1
    db.replace(dest)
    for suffix in ("-wal", "-shm"):  # they belong to the damaged file
        side = db.with_name(db.name + suffix)
        if side.exists():
            side.replace(dest.with_name(dest.name + suffix))
    return dest


def restore_backup(backup: Path, db: Path) -> None:
    """Copy `backup` into `db` with the backup API (db must not be open elsewhere)."""
    tmp = db.with_name(db.name + ".restoring")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(str(backup))
    dst = sqlite3.connect(tmp)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    tmp.replace(db)


def _needs_check(db: Path, now: float | None = None) -> bool:
    """quick_check reads the whole file (about 2 s for 100,000 messages on a busy machine), so
    big databases are checked at start only if the last check is over a day old, a session
    did not end cleanly (a marker of a process that is gone), or SQLite reported damage."""
    now = time.time() if now is None else now
    if db.stat().st_size <= ALWAYS_CHECK_BYTES:
        return True
    if db.with_name(db.name + ".suspect").exists():
        return True
    unclean = False
    for m in db.parent.glob(db.name + ".open-*"):
        try:
            pid = int(m.name.rsplit("-", 1)[1])
        except ValueError:
            continue
        if pid != os.getpid() and not psutil.pid_exists(pid):
            unclean = True
            m.unlink(missing_ok=True)
    stamp = db.with_name(db.name + ".checked")
    return unclean or not stamp.exists() or now - stamp.stat().st_mtime > DAILY_S


def _stamp(db: Path) -> None:
    try:
        db.with_name(db.name + ".checked").touch()
        db.with_name(db.name + ".suspect").unlink(missing_ok=True)
    except OSError:
        pass


def _check_and_restore(db: Path, backups: Path) -> str | None:
    """quick_check `db`; if damaged, restore the newest good backup. Returns the notice."""
    problem = check_database(db)
    if problem == "ok":
        _stamp(db)
        return None
    good = _good_backup(backups)
    if good is None:
        raise StoreError(
            f"The database {db} is damaged ({problem}) and there is no good backup in "
            f"{backups}. The file was left as it is; Wren did not start with an empty one."
        )
    aside = _move_aside(db)
    restore_backup(good.path, db)
    _stamp(db)
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(good.mtime))
    return (
        f"The database was damaged ({problem}). Wren restored the backup of {when} "
        f"({good.path.name}); changes made after it are lost. The damaged file was kept "
        f"as {aside.name}."
    )


def open_store(data_dir: DataDir, *, keep: int = KEEP_PER_KIND,
               daily: bool = True) -> tuple[Store, str | None]:
    """Open wren.db for the CLI or the window: (Store, notice for the user or None).

    Raises StoreError (one clear line) for a database from a newer Wren (left untouched) or a
    damaged database with no good backup (left in place)."""
    data_dir.ensure()
    db = data_dir.db_path
    backups = data_dir.backups
    notice: str | None = None
    checked = False
    if db.exists() and db.stat().st_size > 0 and _needs_check(db):
        notice, checked = _check_and_restore(db, backups), True
    try:
        store = Store(db, backup_dir=backups)
    except StoreError:
        # The check was skipped (big database, checked recently) but SQLite just found damage.
        if checked or not db.with_name(db.name + ".suspect").exists():
            raise
        notice, checked = _check_and_restore(db, backups), True
        store = Store(db, backup_dir=backups)
    marker = db.with_name(f"{db.name}.open-{os.getpid()}")
    try:
        marker.touch()
        store.on_close(lambda: marker.unlink(missing_ok=True))
    except OSError:
        pass
    # Back up only a database that passed the check in this start, so a damaged one can
    # never push the good backups out.
    if daily and checked:
        try:
            if store.list_conversations(limit=1):  # nothing to keep in an empty database
                daily_backup(store, keep)
            prune_backups(backups, keep)
        except (StoreError, OSError):
            pass  # a failed daily backup must not stop the app; the next start retries
    return store, notice

