"""Ordered schema migrations for wren.db. Migration N upgrades schema N-1 to N.

Never edit a migration that has shipped: add a new one. Each runs in one transaction, and the
Store backs the database up before upgrading an existing file. tests/fixtures/schemas keeps a
database made by every earlier version for the upgrade tests.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable


def run_script(c: sqlite3.Connection, sql: str) -> None:
    """Run several statements inside the caller's transaction (executescript would COMMIT)."""
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            c.execute(buf)
            buf = ""
    if buf.strip():
        c.execute(buf)


def _v1(c: sqlite3.Connection) -> None:
    run_script(
        c,
        """
        CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            model TEXT NOT NULL DEFAULT '',
            system_prompt TEXT NOT NULL DEFAULT '',
            settings TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX conversations_updated ON conversations(updated_at);

        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER REFERENCES conversations(id) ON DELETE SET NULL,
            name TEXT NOT NULL,
            path TEXT NOT NULL DEFAULT '',
            sha256 TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT '',
            pages INTEGER NOT NULL DEFAULT 0,
            chars INTEGER NOT NULL DEFAULT 0,
            tokens INTEGER NOT NULL DEFAULT 0,
            text TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL
        );

        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant', 'document')),
            text TEXT NOT NULL DEFAULT '',
            model TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'complete'
                CHECK (status IN ('complete', 'partial', 'cancelled', 'error')),
            prompt_tokens INTEGER NOT NULL DEFAULT 0,
            completion_tokens INTEGER NOT NULL DEFAULT 0,
            ttft_s REAL NOT NULL DEFAULT 0,
            prompt_tokens_per_s REAL NOT NULL DEFAULT 0,
            decode_tokens_per_s REAL NOT NULL DEFAULT 0,
            n_ctx INTEGER NOT NULL DEFAULT 0,
            n_threads INTEGER NOT NULL DEFAULT 0,
            document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
            extra TEXT NOT NULL DEFAULT '{}',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE INDEX messages_conversation ON messages(conversation_id, id);

        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );

        CREATE TABLE models (
            id TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            architecture TEXT NOT NULL DEFAULT '',
            quantization TEXT NOT NULL DEFAULT '',
            size_bytes INTEGER NOT NULL DEFAULT 0,
            context_length INTEGER NOT NULL DEFAULT 0,
            source TEXT NOT NULL DEFAULT '',
            repo_id TEXT NOT NULL DEFAULT '',
            filename TEXT NOT NULL DEFAULT '',
            sha256 TEXT NOT NULL DEFAULT '',
            linked INTEGER NOT NULL DEFAULT 0,
            added_at REAL NOT NULL
        );

        CREATE TABLE downloads (
            id INTEGER PRIMARY KEY,
            repo_id TEXT NOT NULL,
            filename TEXT NOT NULL,
            revision TEXT NOT NULL DEFAULT 'main',
            model_id TEXT NOT NULL DEFAULT '',
            size_bytes INTEGER NOT NULL DEFAULT 0,
            sha256 TEXT NOT NULL DEFAULT '',
            part_path TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'queued',
            bytes_done INTEGER NOT NULL DEFAULT 0,
            error TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );

        CREATE TABLE engines (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            base_url TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'openai',
            created_at REAL NOT NULL
        );
        """
    )


# Tokenizer for all full-text indexes: unicode61 folds case for every script and, with
# remove_diacritics 2, matches "café" with "cafe" and "Müller" with "muller".
FTS_TOKENIZE = "unicode61 remove_diacritics 2"


def _fts_for(c: sqlite3.Connection, table: str, column: str) -> None:
    """An external-content FTS5 index named and triggered the way sqlite-utils' enable_fts()
    does it (so `sqlite_utils.Database(...)[table].detect_fts()`/`.search()` work too), built
    inside the caller's transaction (sqlite-utils would use executescript, which commits)."""
    fts = f"{table}_fts"
    run_script(
        c,
        f"""
        CREATE VIRTUAL TABLE "{fts}" USING FTS5 (
            "{column}",
            tokenize='{FTS_TOKENIZE}',
            prefix='2 3',
            content="{table}"
        );
        CREATE TRIGGER "{table}_ai" AFTER INSERT ON "{table}" BEGIN
          INSERT INTO "{fts}" (rowid, "{column}") VALUES (new.rowid, new."{column}");
        END;
        CREATE TRIGGER "{table}_ad" AFTER DELETE ON "{table}" BEGIN
          INSERT INTO "{fts}" ("{fts}", rowid, "{column}") VALUES('delete', old.rowid, old."{column}");
        END;
        -- Only when the indexed column changes: streaming replies also update stats columns.
        CREATE TRIGGER "{table}_au" AFTER UPDATE OF "{column}" ON "{table}" BEGIN
          INSERT INTO "{fts}" ("{fts}", rowid, "{column}") VALUES('delete', old.rowid, old."{column}");
          INSERT INTO "{fts}" (rowid, "{column}") VALUES (new.rowid, new."{column}");
        END;
        """,
    )
    # Index the rows that already exist.
    c.execute(f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')')


def _v2(c: sqlite3.Connection) -> None:
    """Full-text search over message text and conversation titles; where a title came from."""
    _fts_for(c, "messages", "text")
    _fts_for(c, "conversations", "title")
    # 'prompt' (first words of the first message), 'model' (generated), 'user' (edited) or
    # 'import'. Titles made before v2 came from the prompt.
    c.execute(
        "ALTER TABLE conversations ADD COLUMN title_source TEXT NOT NULL DEFAULT 'prompt'"
    )
    c.execute("CREATE INDEX messages_created ON messages(created_at)")


def _v3(c: sqlite3.Connection) -> None:
    """Document batches: the queue of a multi-document summary, kept so that a run that was
    killed resumes where it stopped (app/core/batch.py)."""
    run_script(
        c,
        """
        CREATE TABLE batches (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'running'
                CHECK (status IN ('running', 'done', 'cancelled')),
            model TEXT NOT NULL DEFAULT '',
            options TEXT NOT NULL DEFAULT '{}',
            out_dir TEXT NOT NULL DEFAULT '',
            out_format TEXT NOT NULL DEFAULT 'md',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE INDEX batches_key ON batches(key, status);

        CREATE TABLE batch_items (
            id INTEGER PRIMARY KEY,
            batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            path TEXT NOT NULL,
            name TEXT NOT NULL,
            size_bytes INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'queued'
                CHECK (status IN ('queued', 'running', 'paused', 'done', 'failed',
                                  'cancelled', 'unsupported')),
            error TEXT NOT NULL DEFAULT '',
            -- 'bad-input' (the file's fault: CLI exit 2 when no document succeeds) or 'error'
            error_kind TEXT NOT NULL DEFAULT '',
            warnings TEXT NOT NULL DEFAULT '[]',
            conversation_id INTEGER REFERENCES conversations(id) ON DELETE SET NULL,
            document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
            output_path TEXT NOT NULL DEFAULT '',
            elapsed_s REAL NOT NULL DEFAULT 0,
            started_at REAL NOT NULL DEFAULT 0,
            updated_at REAL NOT NULL
        );
        CREATE INDEX batch_items_batch ON batch_items(batch_id, position);
        """,
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3]
LATEST_VERSION = len(MIGRATIONS)
