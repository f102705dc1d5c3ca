"""The one owner of `wren.db`: conversations, messages, settings, models, downloads, documents.

Rules (after qutebrowser's misc/sql.py):
- one Store object per process owns the connection; everything goes through its methods;
- WAL journal, every write in a transaction (`with store.transaction():`);
- schema version in `PRAGMA user_version`, upgraded by ordered migrations (app.core.migrations);
  a database written by a newer Wren is refused untouched;
- "the disk is full" is a DiskFullError with a clear message, other SQLite errors are StoreErrors.
"""
from __future__ import annotations

import functools
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.errors import DiskFullError, StoreError
from app.core.fts import HL_END, HL_START, SearchHit, parse_marked, to_fts_query
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


_DOWNLOAD_FIELDS = ("repo_id", "filename", "revision", "model_id", "size_bytes", "sha256",
                    "part_path", "status", "bytes_done", "error")


def now() -> float:
    return time.time()


def _nearly_full(path: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(path.parent).free < 4 * 1024 * 1024
    except OSError:
        return False


# How long a connection waits for another process's lock before saying the file is locked.
BUSY_TIMEOUT_S = 10.0

def _translate(e: sqlite3.Error, path: Path) -> StoreError:
    msg = str(e)
    if isinstance(e, sqlite3.OperationalError) and ("disk is full" in msg or "database or disk is full" in msg):
        return DiskFullError(f"The disk holding {path.parent} is full: free some space (nothing was lost)")
    if "disk I/O error" in msg and _nearly_full(path):
        # SQLite reports ENOSPC while growing the WAL as a generic I/O error.
        return DiskFullError(f"The disk holding {path.parent} is full: free some space (nothing was lost)")
    if "readonly" in msg or "read-only" in msg:
        return StoreError(f"The database {path} is read-only")
    if isinstance(e, sqlite3.DatabaseError) and ("malformed" in msg or "not a database" in msg):
        # Tell the next start to run the full check (app.core.backup skips it when it ran
        # recently and the last session ended cleanly).
        try:
            path.with_name(path.name + ".suspect").touch()
        except OSError:
            pass
        return StoreError(f"The database {path} is damaged ({msg})")
    return StoreError(f"Database error in {path.name}: {msg}")


class Store:
    """Owner of the SQLite database. Thread-safe by a lock; one instance per process."""

    def __init__(self, path: str | Path, *, backup_dir: str | Path | None = None):
        self.path = Path(path)
        self.backup_dir = Path(backup_dir) if backup_dir else self.path.parent / "backups"
        self._lock = threading.RLock()
        self._depth = 0
        self._close_hooks: list[Callable[[], None]] = []
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(
                str(self.path), timeout=BUSY_TIMEOUT_S, isolation_level=None,
                check_same_thread=False
            )
        except sqlite3.Error as e:
            raise _translate(e, self.path) from None
        self.conn = conn
        try:
            version = self._user_version()
            if version > LATEST_VERSION:
                conn.close()
                raise StoreError(
                    f"{self.path} was written by a newer version of Wren (schema {version}; this "
                    f"version knows up to {LATEST_VERSION}). Update Wren; the file was not changed."
                )
            self._set_wal()
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
            self._migrate(version)
        except sqlite3.Error as e:
            conn.close()
            raise _translate(e, self.path) from None

    @functools.cached_property
    def db(self) -> Any:
        """sqlite-utils over the same connection, for its table helpers. Created on first use:
        importing sqlite_utils (and NumPy with it) costs ~0.15 s of the window's start."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    # ------------------------------------------------------------------ basics
    def close(self) -> None:
        with self._lock:
            try:
                self.conn.close()
            except sqlite3.Error:
                pass
            hooks, self._close_hooks = self._close_hooks, []
        for hook in hooks:
            hook()

    def on_close(self, hook: Callable[[], None]) -> None:
        """Run `hook` once after the connection is closed (open_store's clean-exit marker)."""
        self._close_hooks.append(hook)

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

    def query(self, sql: str, params: tuple | dict = ()) -> list[dict[str, Any]]:
        """Rows of a read query as dicts (column -> value), under the store's lock."""
        with self._lock:
            try:
                cur = self.conn.execute(sql, params)
                cols = [d[0] for d in cur.description] if cur.description else []
                return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
            except sqlite3.Error as e:
                raise _translate(e, self.path) from None

    def _set_wal(self) -> None:
        """Switch the file to WAL (a no-op once it is). Switching needs the file to itself, and
        SQLite does not wait on its busy handler where waiting could deadlock (this connection
        has read the schema version while another process migrates a new file): it says
        "locked" at once. So wait here, for as long as the connection's busy timeout."""
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) and "busy" not in str(e) \
                        or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def _migrate(self, version: int) -> None:
        if version == LATEST_VERSION:
            return
        if version > 0 and self.path.exists():
            self.backup(reason=f"before-migration-v{version}-to-v{LATEST_VERSION}")
        # One process migrates, in one transaction: another Wren opening the file meanwhile
        # (the window and a `chat` on first use) waits on the write lock and then finds it
        # done; it never sees a half-migrated schema (and so never backs up a new file).
        with self.transaction():
            version = self._user_version()  # re-read under the write lock
            if version >= LATEST_VERSION:
                return
            for target, migration in enumerate(MIGRATIONS, start=1):
                if target > version:
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
        # Written under a temporary name and renamed when complete, so a crash mid-backup
        # never leaves a half file that looks like a backup.
        # (per process: two Wrens backing up at the same second must not write one file)
        part = dest.with_name(f"{dest.name}.{os.getpid()}.part")
        with self._lock:
            try:
                target = sqlite3.connect(str(part))
                with target:
                    self.conn.backup(target)
                target.close()
                part.replace(dest)
            except sqlite3.Error as e:
                part.unlink(missing_ok=True)
                raise _translate(e, dest) from None
        return dest

    def integrity_check(self) -> str:
        return str(self.query("PRAGMA integrity_check")[0]["integrity_check"])

    # --------------------------------------------------------------- settings
    def get_setting(self, key: str, default: Any = None) -> Any:
        rows = self.query("SELECT value FROM settings WHERE key = ?", (key,))
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
            return inserted_id(cur)

    def get_conversation(self, conversation_id: int) -> Conversation | None:
        rows = self.query("SELECT * FROM conversations WHERE id = ?", (conversation_id,))
        return _conversation(rows[0]) if rows else None

    def list_conversations(self, limit: int = 1000, offset: int = 0) -> list[Conversation]:
        rows = self.query(
            "SELECT * FROM conversations ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [_conversation(r) for r in rows]

    def update_conversation(self, conversation_id: int, **fields: Any) -> None:
        allowed = {"title", "model", "system_prompt", "settings", "updated_at", "title_source"}
        bad = set(fields) - allowed
        if bad:
            raise ValueError(f"unknown conversation fields: {sorted(bad)}")
        if "title" in fields:  # an edited title is never replaced by a generated one
            fields.setdefault("title_source", "user")
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
            return inserted_id(cur)

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
        rows = self.query("SELECT * FROM messages WHERE id = ?", (message_id,))
        return _message(rows[0]) if rows else None

    def messages(self, conversation_id: int) -> list[Message]:
        rows = self.query(
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
        return int(self.query("SELECT COUNT(*) AS n FROM messages")[0]["n"])

    # ----------------------------------------------------------------- models
    def upsert_model(self, model_id: str, path: str, **fields: Any) -> None:
        row = {"id": model_id, "path": path, "added_at": now()}
        row.update(fields)
        with self.transaction():
            self.db["models"].upsert(row, pk="id", alter=False)

    def list_models(self) -> list[dict[str, Any]]:
        return self.query("SELECT * FROM models ORDER BY id")

    def get_model(self, model_id: str) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM models WHERE id = ?", (model_id,))
        return rows[0] if rows else None

    def delete_model(self, model_id: str) -> None:
        with self.transaction() as c:
            c.execute("DELETE FROM models WHERE id = ?", (model_id,))

    # --------------------------------------------------------- context overflow
    def delete_messages(self, message_ids: list[int]) -> None:
        """Delete the given messages (context overflow: "drop the oldest turns")."""
        if not message_ids:
            return
        with self.transaction() as c:
            c.executemany("DELETE FROM messages WHERE id = ?", [(int(i),) for i in message_ids])

    # ===================================================================== history
    # Full-text search, titles, export/import support. Search runs on any thread (the lock
    # serializes it with writes); the window calls it from a worker thread.
    SEARCH_TITLE_WEIGHT = 2.0  # a title match counts double (bm25 scores are negative)
    SEARCH_RANK_WINDOW = 2000  # matches ranked by bm25 per query (the newest ones)

    def search(self, query: str, limit: int = 20, offset: int = 0, *,
               prefix_last: bool = False, snippet_tokens: int = 16) -> list[SearchHit]:
        """Messages and conversation titles matching `query`, best (bm25) first.

        `query` is what a person typed (see app.core.fts.to_fts_query): it can never raise an
        FTS5 syntax error. Snippets are computed only for the hits returned."""
        expr = to_fts_query(query, prefix_last=prefix_last)
        if not expr or limit <= 0:
            return []
        want = limit + max(offset, 0)
        ranked: list[tuple[float, str, int]] = []
        # Ranking first (rowid, score only), so snippets are not built for every match.
        for kind, fts, weight in (("message", "messages_fts", 1.0),
                                  ("title", "conversations_fts", self.SEARCH_TITLE_WEIGHT)):
            # bm25 must score every matching row; a word found in most of 100,000 messages
            # would take hundreds of ms. Walking the matches newest-first costs almost nothing,
            # so rank only the newest SEARCH_RANK_WINDOW matches (all of them, usually).
            floor = self.query(
                f"SELECT rowid AS id FROM {fts} WHERE {fts} MATCH ? ORDER BY rowid DESC "
                f"LIMIT 1 OFFSET ?",
                (expr, self.SEARCH_RANK_WINDOW - 1),
            )
            low = int(floor[0]["id"]) if floor else 0
            rows = self.query(
                f"SELECT rowid AS id, bm25({fts}) AS score FROM {fts} WHERE {fts} MATCH ? "
                f"AND rowid >= ? ORDER BY score LIMIT ?",
                (expr, low, want),
            )
            ranked += [(float(r["score"]) * weight, kind, int(r["id"])) for r in rows]
        ranked.sort(key=lambda t: (t[0], t[1], -t[2]))
        page = ranked[max(offset, 0):want]
        found: dict[tuple[str, int], SearchHit] = {}
        for kind, fts in (("message", "messages_fts"), ("title", "conversations_fts")):
            ids = [rowid for _s, k, rowid in page if k == kind]
            if ids:
                scores = {rowid: sc for sc, k, rowid in page if k == kind}
                for hit in self._search_hits(kind, fts, ids, expr, scores, snippet_tokens):
                    found[(kind, hit.message_id or hit.conversation_id)] = hit
        return [found[(k, rowid)] for _s, k, rowid in page if (k, rowid) in found]

    def _search_hits(self, kind: str, fts: str, ids: list[int], expr: str,
                     scores: dict[int, float], tokens: int) -> list[SearchHit]:
        """Snippets for a page of hits in one pass. The matches between the lowest and highest
        id are walked unscored and snippet() runs only for the wanted ids (one MATCH per id
        would re-expand a prefix query each time)."""
        marks = ", ".join("?" for _ in ids)
        if kind == "message":
            fn = f"snippet({fts}, 0, '{HL_START}', '{HL_END}', '…', {max(1, min(tokens, 64))})"
        else:
            fn = f"highlight({fts}, 0, '{HL_START}', '{HL_END}')"
        marked = {
            int(r["id"]): r["m"] for r in self.query(
                f"SELECT rowid AS id, CASE WHEN rowid IN ({marks}) THEN {fn} END AS m "
                f"FROM {fts} WHERE {fts} MATCH ? AND rowid >= ? AND rowid <= ?",
                (*ids, expr, min(ids), max(ids)),
            ) if r["m"] is not None
        }
        hits = []
        if kind == "message":
            rows = self.query(
                "SELECT m.id, m.conversation_id, m.role, m.created_at, c.title FROM messages m "
                f"JOIN conversations c ON c.id = m.conversation_id WHERE m.id IN ({marks})",
                tuple(ids),
            )
            for r in rows:
                text, spans = parse_marked(marked.get(int(r["id"]), ""))
                hits.append(SearchHit("message", int(r["conversation_id"]), int(r["id"]),
                                      r["title"] or "", r["role"], text, spans,
                                      scores[int(r["id"])], float(r["created_at"] or 0)))
        else:
            rows = self.query(
                f"SELECT id, updated_at FROM conversations WHERE id IN ({marks})", tuple(ids))
            for r in rows:
                text, spans = parse_marked(marked.get(int(r["id"]), ""))
                hits.append(SearchHit("title", int(r["id"]), None, text, "", text, spans,
                                      scores[int(r["id"])], float(r["updated_at"] or 0)))
        return hits

    def rebuild_search_index(self) -> None:
        """Rebuild both FTS indexes from their tables (repair; never needed in normal use)."""
        with self.transaction() as c:
            c.execute("INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')")
            c.execute("INSERT INTO conversations_fts(conversations_fts) VALUES ('rebuild')")

    def title_source(self, conversation_id: int) -> str | None:
        rows = self.query("SELECT title_source FROM conversations WHERE id = ?",
                           (conversation_id,))
        return rows[0]["title_source"] if rows else None

    def set_generated_title(self, conversation_id: int, title: str, expected_old: str) -> bool:
        """Set a generated title unless the title changed meanwhile (e.g. the user edited it).
        Returns whether it was set."""
        with self.transaction() as c:
            cur = c.execute(
                "UPDATE conversations SET title = ?, title_source = 'model' "
                "WHERE id = ? AND title = ? AND title_source <> 'user'",
                (title, conversation_id, expected_old),
            )
            return cur.rowcount == 1

    def conversation_rows(self, conversation_id: int | None = None) -> list[dict[str, Any]]:
        """Raw conversation rows (all columns), oldest first, for export."""
        if conversation_id is None:
            return self.query("SELECT * FROM conversations ORDER BY created_at, id")
        return self.query("SELECT * FROM conversations WHERE id = ?", (conversation_id,))

    def message_rows(self, conversation_id: int) -> list[dict[str, Any]]:
        """Raw message rows (all columns) of a conversation in order, for export."""
        return self.query("SELECT * FROM messages WHERE conversation_id = ? ORDER BY id",
                           (conversation_id,))

    def document_row(self, document_id: int) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM documents WHERE id = ?", (document_id,))
        return rows[0] if rows else None

    def ids_free(self, table: str, ids: list[int]) -> bool:
        """Whether none of `ids` is used in `table` (conversations, messages or documents)."""
        if table not in ("conversations", "messages", "documents"):
            raise ValueError(table)
        if not ids:
            return True
        marks = ", ".join("?" for _ in ids)
        rows = self.query(f"SELECT COUNT(*) AS n FROM {table} WHERE id IN ({marks})", tuple(ids))
        return int(rows[0]["n"]) == 0


    # ---------------------------------------------------------------- engines
    # (remote engines; the API key is never here: it lives in the keyring)
    def add_engine(self, name: str, base_url: str, kind: str = "openai") -> int:
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO engines(name, base_url, kind, created_at) VALUES (?, ?, ?, ?)",
                (name, base_url, kind, now()),
            )
            return inserted_id(cur)

    def list_engines(self) -> list[dict[str, Any]]:
        return self.query("SELECT * FROM engines ORDER BY name, id")

    def get_engine(self, name: str) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM engines WHERE name = ? ORDER BY id LIMIT 1", (name,))
        return rows[0] if rows else None

    def delete_engine(self, name: str) -> bool:
        with self.transaction() as c:
            cur = c.execute("DELETE FROM engines WHERE name = ?", (name,))
            return cur.rowcount > 0

    # -------------------------------------------------------------- downloads
    def add_download(self, repo_id: str, filename: str, revision: str = "main",
                     **fields: Any) -> int:
        t = now()
        row = {"repo_id": repo_id, "filename": filename, "revision": revision,
               "created_at": t, "updated_at": t}
        row.update({k: v for k, v in fields.items() if k in _DOWNLOAD_FIELDS})
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        with self.transaction() as c:
            cur = c.execute(f"INSERT INTO downloads({cols}) VALUES ({marks})", tuple(row.values()))
            return inserted_id(cur)

    def get_download(self, download_id: int) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM downloads WHERE id = ?", (download_id,))
        return rows[0] if rows else None

    def update_download(self, download_id: int, **fields: Any) -> None:
        bad = set(fields) - set(_DOWNLOAD_FIELDS)
        if bad:
            raise ValueError(f"unknown download fields: {sorted(bad)}")
        fields["updated_at"] = now()
        cols = ", ".join(f"{k} = ?" for k in fields)
        with self.transaction() as c:
            c.execute(f"UPDATE downloads SET {cols} WHERE id = ?", (*fields.values(), download_id))

    def list_downloads(self, statuses: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
        if statuses:
            marks = ", ".join("?" for _ in statuses)
            return self.query(f"SELECT * FROM downloads WHERE status IN ({marks}) ORDER BY id",
                               tuple(statuses))
        return self.query("SELECT * FROM downloads ORDER BY id")

    def find_unfinished_download(self, repo_id: str, filename: str,
                                 revision: str = "main") -> dict[str, Any] | None:
        rows = self.query(
            "SELECT * FROM downloads WHERE repo_id = ? AND filename = ? AND revision = ? "
            "AND status NOT IN ('done', 'cancelled') ORDER BY id DESC LIMIT 1",
            (repo_id, filename, revision))
        return rows[0] if rows else None

    # -------------------------------------------------------------- documents
    def add_document(self, *, name: str, text: str, conversation_id: int | None = None,
                     path: str = "", sha256: str = "", kind: str = "", pages: int = 0,
                     tokens: int = 0) -> int:
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO documents(conversation_id, name, path, sha256, kind, pages, chars, tokens,"
                " text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (conversation_id, name, path, sha256, kind, pages, len(text), tokens, text, now()),
            )
            return inserted_id(cur)

    def get_document(self, document_id: int) -> DocumentRecord | None:
        rows = self.query("SELECT * FROM documents WHERE id = ?", (document_id,))
        return DocumentRecord(**rows[0]) if rows else None

    def list_documents(self, conversation_id: int | None = None) -> list[DocumentRecord]:
        if conversation_id is None:
            rows = self.query("SELECT * FROM documents ORDER BY id")
        else:
            rows = self.query("SELECT * FROM documents WHERE conversation_id = ? ORDER BY id",
                               (conversation_id,))
        return [DocumentRecord(**r) for r in rows]

    def message_extra(self, message_id: int) -> dict[str, Any]:
        rows = self.query("SELECT extra FROM messages WHERE id = ?", (message_id,))
        if not rows:
            return {}
        try:
            v = json.loads(rows[0]["extra"] or "{}")
        except ValueError:
            return {}
        return v if isinstance(v, dict) else {}


_STAT_FIELDS = (
    "prompt_tokens",
    "completion_tokens",
    "ttft_s",
    "prompt_tokens_per_s",
    "decode_tokens_per_s",
    "n_ctx",
    "n_threads",
)


def inserted_id(cur: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just wrote (sqlite3 types lastrowid as optional)."""
    if cur.lastrowid is None:
        raise StoreError("The database did not return the new row's id")
    return cur.lastrowid


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
