"""The one owner of `wren.db`: conversations, messages, settings, models, downloads, documents.

Rules (after qutebrowser's misc/sql.py):
- one Store object per process owns the connection; everything goes through its methods;
- WAL journal, every write in a transaction (`with store.transaction():`);
- schema version in `PRAGMA user_version`, upgraded by ordered migrations (app.core.migrations);
  a database written by a newer Wren is refused untouched;
- "the disk is full" is a DiskFullError with a clear message, other SQLite errors are StoreErrors.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from app.core.errors import DiskFullError, StoreError
from app.core.migrations import LATEST_VERSION, MIGRATIONS

MESSAGE_STATUSES = ("complete", "partial", "cancelled", "error")


@dataclass(frozen=True)
class Conversation:
    id: int
    title: str
    created_at: float
    updated_at: float
    model: str
    system_prompt: str
    settings: dict[str, Any]


@dataclass(frozen=True)
class Message:
    id: int
    conversation_id: int
    role: str
    text: str
    model: str
    status: str
    prompt_tokens: int
    completion_tokens: int
    ttft_s: float
    prompt_tokens_per_s: float
    decode_tokens_per_s: float
    n_ctx: int
    n_threads: int
    created_at: float
    updated_at: float
    document_id: int | None = None


def now() -> float:
    return time.time()


def _translate(e: sqlite3.Error, path: Path) -> StoreError:
    msg = str(e)
    if isinstance(e, sqlite3.OperationalError) and ("disk is full" in msg or "database or disk is full" in msg):
        return DiskFullError(f"The disk holding {path.parent} is full: free some space (nothing was lost)")
    if "readonly" in msg or "read-only" in msg:
        return StoreError(f"The database {path} is read-only")
    if isinstance(e, sqlite3.DatabaseError) and ("malformed" in msg or "not a database" in msg):
        return StoreError(f"The database {path} is damaged ({msg})")
    return StoreError(f"Database error in {path.name}: {msg}")


class Store:
    """Owner of the SQLite database. Thread-safe by a lock; one instance per process."""

    def __init__(self, path: str | Path, *, backup_dir: str | Path | None = None):
        self.path = Path(path)
        self.backup_dir = Path(backup_dir) if backup_dir else self.path.parent / "backups"
        self._lock = threading.RLock()
        self._depth = 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(
                str(self.path), timeout=10.0, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as e:
            raise _translate(e, self.path) from None
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        try:
            version = self._user_version()
            if version > LATEST_VERSION:
                conn.close()
                raise StoreError(
                    f"{self.path} was written by a newer version of Wren (schema {version}; this "
                    f"version knows up to {LATEST_VERSION}). Update Wren; the file was not changed."
                )
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA busy_timeout=10000")
            self._migrate(version)
        except sqlite3.Error as e:
            conn.close()
            raise _translate(e, self.path) from None

    # ------------------------------------------------------------------ basics
    def close(self) -> None:
        with self._lock:
            try:
                self.conn.close()
            except sqlite3.Error:
                pass

    def _user_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @property
    def schema_version(self) -> int:
        return self._user_version()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All writes go through here: BEGIN IMMEDIATE ... COMMIT, rollback on error. Nestable."""
        with self._lock:
            outer = self._depth == 0
            try:
                if outer:
                    self.conn.execute("BEGIN IMMEDIATE")
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                if outer:
                    self.conn.execute("COMMIT")
            except sqlite3.Error as e:
                if outer and self.conn.in_transaction:
                    try:
                        self.conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                raise _translate(e, self.path) from None
            except BaseException:
                if outer and self.conn.in_transaction:
                    try:
                        self.conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                raise

    def _query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                cur = self.conn.execute(sql, params)
                cols = [d[0] for d in cur.description] if cur.description else []
                return [dict(zip(cols, row)) for row in cur.fetchall()]  # type: ignore[misc]
            except sqlite3.Error as e:
                raise _translate(e, self.path) from None

    def _migrate(self, version: int) -> None:
        if version == LATEST_VERSION:
            return
        if version > 0 and self.path.exists():
            self.backup(reason=f"before-migration-v{version}-to-v{LATEST_VERSION}")
        for target, migration in enumerate(MIGRATIONS, start=1):
            if target <= version:
                continue
            with self.transaction():
                migration(self.conn)
                self.conn.execute(f"PRAGMA user_version={target}")

    def backup(self, reason: str = "manual") -> Path:
        """Copy the database with SQLite's online backup API into backups/."""
        self.backup_dir.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        dest = self.backup_dir / f"wren-{stamp}-{reason}.db"
        n = 1
        while dest.exists():
            dest = self.backup_dir / f"wren-{stamp}-{reason}-{n}.db"
            n += 1
        with self._lock:
            try:
                target = sqlite3.connect(str(dest))
                with target:
                    self.conn.backup(target)
                target.close()
            except sqlite3.Error as e:
                dest.unlink(missing_ok=True)
                raise _translate(e, dest) from None
        return dest

    def integrity_check(self) -> str:
        return str(self._query("PRAGMA integrity_check")[0]["integrity_check"])

    # --------------------------------------------------------------- settings
    def get_setting(self, key: str, default: Any = None) -> Any:
        rows = self._query("SELECT value FROM settings WHERE key = ?", (key,))
        if not rows:
            return default
        try:
            return json.loads(rows[0]["value"])
        except (TypeError, ValueError):
            return default

    def set_setting(self, key: str, value: Any) -> None:
        with self.transaction() as c:
            c.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )

    # ---------------------------------------------------------- conversations
    def create_conversation(
        self,
        title: str = "New chat",
        model: str = "",
        system_prompt: str = "",
        settings: dict[str, Any] | None = None,
    ) -> int:
        t = now()
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO conversations(title, created_at, updated_at, model, system_prompt, settings) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (title, t, t, model, system_prompt, json.dumps(settings or {})),
            )
            return int(cur.lastrowid)

    def get_conversation(self, conversation_id: int) -> Conversation | None:
        rows = self._query("SELECT * FROM conversations WHERE id = ?", (conversation_id,))
        return _conversation(rows[0]) if rows else None

    def list_conversations(self, limit: int = 1000, offset: int = 0) -> list[Conversation]:
        rows = self._query(
            "SELECT * FROM conversations ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [_conversation(r) for r in rows]

    def update_conversation(self, conversation_id: int, **fields: Any) -> None:
        allowed = {"title", "model", "system_prompt", "settings", "updated_at"}
        bad = set(fields) - allowed
        if bad:
            raise ValueError(f"unknown conversation fields: {sorted(bad)}")
        if "settings" in fields and not isinstance(fields["settings"], str):
            fields["settings"] = json.dumps(fields["settings"])
        fields.setdefault("updated_at", now())
        cols = ", ".join(f"{k} = ?" for k in fields)
        with self.transaction() as c:
            c.execute(f"UPDATE conversations SET {cols} WHERE id = ?", (*fields.values(), conversation_id))

    def delete_conversation(self, conversation_id: int) -> None:
        with self.transaction() as c:
            c.execute("DELETE FROM messages WHERE conversation_id = ?", (conversation_id,))
            c.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,))

    # --------------------------------------------------------------- messages
    def add_message(
        self,
        conversation_id: int,
        role: str,
        text: str,
        *,
        model: str = "",
        status: str = "complete",
        document_id: int | None = None,
        **stats: Any,
    ) -> int:
        if status not in MESSAGE_STATUSES:
            raise ValueError(f"bad message status {status!r}")
        t = now()
        row = {
            "conversation_id": conversation_id,
            "role": role,
            "text": text,
            "model": model,
            "status": status,
            "document_id": document_id,
            "created_at": t,
            "updated_at": t,
        }
        row.update(_stats_fields(stats))
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        with self.transaction() as c:
            cur = c.execute(f"INSERT INTO messages({cols}) VALUES ({marks})", tuple(row.values()))
            c.execute("UPDATE conversations SET updated_at = ? WHERE id = ?", (t, conversation_id))
            return int(cur.lastrowid)

    def update_message(self, message_id: int, **fields: Any) -> None:
        """Update text/status/stats of a message (used while a reply streams)."""
        if "status" in fields and fields["status"] not in MESSAGE_STATUSES:
            raise ValueError(f"bad message status {fields['status']!r}")
        row: dict[str, Any] = {}
        for k in ("text", "status", "model"):
            if k in fields:
                row[k] = fields.pop(k)
        row.update(_stats_fields(fields))
        if fields:
            raise ValueError(f"unknown message fields: {sorted(fields)}")
        row["updated_at"] = now()
        cols = ", ".join(f"{k} = ?" for k in row)
        with self.transaction() as c:
            c.execute(f"UPDATE messages SET {cols} WHERE id = ?", (*row.values(), message_id))

    def get_message(self, message_id: int) -> Message | None:
        rows = self._query("SELECT * FROM messages WHERE id = ?", (message_id,))
        return _message(rows[0]) if rows else None

    def messages(self, conversation_id: int) -> list[Message]:
        rows = self._query(
            "SELECT * FROM messages WHERE conversation_id = ? ORDER BY id", (conversation_id,)
        )
        return [_message(r) for r in rows]

    def delete_messages_from(self, conversation_id: int, message_id: int) -> None:
        """Delete a message and everything after it (edit & re-run, regenerate)."""
        with self.transaction() as c:
            c.execute(
                "DELETE FROM messages WHERE conversation_id = ? AND id >= ?",
                (conversation_id, message_id),
            )

    def count_messages(self) -> int:
        return int(self._query("SELECT COUNT(*) AS n FROM messages")[0]["n"])

    # ----------------------------------------------------------------- models
    def upsert_model(self, model_id: str, path: str, **fields: Any) -> None:
        row = {"id": model_id, "path": path, "added_at": now()}
        row.update(fields)
        with self.transaction():
            self.db["models"].upsert(row, pk="id", alter=False)

    def list_models(self) -> list[dict[str, Any]]:
        return self._query("SELECT * FROM models ORDER BY id")

    def get_model(self, model_id: str) -> dict[str, Any] | None:
        rows = self._query("SELECT * FROM models WHERE id = ?", (model_id,))
        return rows[0] if rows else None

    def delete_model(self, model_id: str) -> None:
        with self.transaction() as c:
            c.execute("DELETE FROM models WHERE id = ?", (model_id,))


_STAT_FIELDS = (
    "prompt_tokens",
    "completion_tokens",
    "ttft_s",
    "prompt_tokens_per_s",
    "decode_tokens_per_s",
    "n_ctx",
    "n_threads",
)


def _stats_fields(stats: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k in list(stats):
        if k in _STAT_FIELDS:
            out[k] = stats.pop(k)
        elif k == "extra":
            v = stats.pop(k)
            out["extra"] = v if isinstance(v, str) else json.dumps(v)
    return out


def _conversation(r: dict[str, Any]) -> Conversation:
    try:
        settings = json.loads(r.get("settings") or "{}")
    except ValueError:
        settings = {}
    return Conversation(
        id=int(r["id"]),
        title=r["title"] or "",
        created_at=float(r["created_at"] or 0),
        updated_at=float(r["updated_at"] or 0),
        model=r["model"] or "",
        system_prompt=r["system_prompt"] or "",
        settings=settings,
    )


def _message(r: dict[str, Any]) -> Message:
    return Message(
        id=int(r["id"]),
        conversation_id=int(r["conversation_id"]),
        role=r["role"],
        text=r["text"] or "",
        model=r["model"] or "",
        status=r["status"],
        prompt_tokens=int(r["prompt_tokens"] or 0),
        completion_tokens=int(r["completion_tokens"] or 0),
        ttft_s=float(r["ttft_s"] or 0),
        prompt_tokens_per_s=float(r["prompt_tokens_per_s"] or 0),
        decode_tokens_per_s=float(r["decode_tokens_per_s"] or 0),
        n_ctx=int(r["n_ctx"] or 0),
        n_threads=int(r["n_threads"] or 0),
        created_at=float(r["created_at"] or 0),
        updated_at=float(r["updated_at"] or 0),
        document_id=r.get("document_id"),
    )


# ---------------------------------------------------------------------------------------------
# Documents (issue 5: documents and summaries). Kept in one block to ease merging.
@dataclass(frozen=True)
class DocumentRecord:
    id: int
    conversation_id: int | None
    name: str
    path: str
    sha256: str
    kind: str
    pages: int
    chars: int
    tokens: int
    text: str
    created_at: float


def _store_add_document(self: Store, *, name: str, text: str, conversation_id: int | None = None,
                        path: str = "", sha256: str = "", kind: str = "", pages: int = 0,
                        tokens: int = 0) -> int:
    with self.transaction() as c:
        cur = c.execute(
            "INSERT INTO documents(conversation_id, name, path, sha256, kind, pages, chars, tokens,"
            " text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (conversation_id, name, path, sha256, kind, pages, len(text), tokens, text, now()),
        )
        return int(cur.lastrowid)


def _store_get_document(self: Store, document_id: int) -> DocumentRecord | None:
    rows = self._query("SELECT * FROM documents WHERE id = ?", (document_id,))
    return DocumentRecord(**rows[0]) if rows else None


def _store_list_documents(self: Store, conversation_id: int | None = None) -> list[DocumentRecord]:
    if conversation_id is None:
        rows = self._query("SELECT * FROM documents ORDER BY id")
    else:
        rows = self._query("SELECT * FROM documents WHERE conversation_id = ? ORDER BY id",
                           (conversation_id,))
    return [DocumentRecord(**r) for r in rows]


def _store_message_extra(self: Store, message_id: int) -> dict[str, Any]:
    rows = self._query("SELECT extra FROM messages WHERE id = ?", (message_id,))
    if not rows:
        return {}
    try:
        v = json.loads(rows[0]["extra"] or "{}")
    except ValueError:
        return {}
    return v if isinstance(v, dict) else {}


Store.add_document = _store_add_document  # type: ignore[attr-defined]
Store.get_document = _store_get_document  # type: ignore[attr-defined]
Store.list_documents = _store_list_documents  # type: ignore[attr-defined]
Store.message_extra = _store_message_extra  # type: ignore[attr-defined]
