"""Export conversations to Markdown and JSON, and import that JSON back.

The JSON format is versioned and documented in docs/history.md (JSON_SCHEMA below is the
machine-readable form, checked on import). Export is deterministic: exporting, importing into an
empty database and exporting again gives the same bytes (ids are kept when they are free).
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import __version__
from app.core.errors import BadInput
from app.core.store import MESSAGE_STATUSES, Store, inserted_id

FORMAT = "wren-conversations"
FORMAT_VERSION = 1
ROLES = ("system", "user", "assistant", "document")
TIMING_FIELDS = ("prompt_tokens", "completion_tokens", "ttft_s", "prompt_tokens_per_s",
                 "decode_tokens_per_s", "n_ctx", "n_threads")
DOCUMENT_FIELDS = ("name", "path", "sha256", "kind", "pages", "chars", "tokens", "created_at")
TITLE_SOURCES = ("prompt", "model", "user", "import")

_num = {"type": "number", "minimum": 0}
_int = {"type": "integer", "minimum": 0}
JSON_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Wren conversations export",
    "type": "object",
    "required": ["format", "version", "conversations"],
    "properties": {
        "format": {"const": FORMAT},
        "version": {"type": "integer", "minimum": 1},
        "app_version": {"type": "string"},
        "conversations": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["title", "created_at", "messages"],
                "properties": {
                    "id": {"type": "integer", "minimum": 1},
                    "title": {"type": "string"},
                    "title_source": {"enum": list(TITLE_SOURCES)},
                    "created_at": _num,
                    "updated_at": _num,
                    "model": {"type": "string"},
                    "system_prompt": {"type": "string"},
                    "settings": {"type": "object"},
                    "messages": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["role", "text"],
                            "properties": {
                                "id": {"type": "integer", "minimum": 1},
                                "role": {"enum": list(ROLES)},
                                "text": {"type": "string"},
                                "model": {"type": "string"},
                                "status": {"enum": list(MESSAGE_STATUSES)},
                                "created_at": _num,
                                "updated_at": _num,
                                "timings": {
                                    "type": "object",
                                    "properties": {
                                        "prompt_tokens": _int,
                                        "completion_tokens": _int,
                                        "ttft_s": _num,
                                        "prompt_tokens_per_s": _num,
                                        "decode_tokens_per_s": _num,
                                        "n_ctx": _int,
                                        "n_threads": _int,
                                    },
                                    "additionalProperties": False,
                                },
                                "extra": {"type": "object"},
                                "document": {
                                    "type": ["object", "null"],
                                    "required": ["name"],
                                    "properties": {
                                        "name": {"type": "string"},
                                        "path": {"type": "string"},
                                        "sha256": {"type": "string"},
                                        "kind": {"type": "string"},
                                        "pages": _int,
                                        "chars": _int,
                                        "tokens": _int,
                                        "created_at": _num,
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}


@dataclass
class ImportReport:
    conversations: int = 0
    messages: int = 0
    skipped: int = 0  # already present (same start time, first message and length)
    conversation_ids: list[int] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"imported_conversations": self.conversations, "imported_messages": self.messages,
                "skipped_conversations": self.skipped, "conversation_ids": self.conversation_ids}


def _loads(s: str | None, default: Any) -> Any:
    try:
        v = json.loads(s or "")
    except (TypeError, ValueError):
        return default
    return v if isinstance(v, type(default)) else default


# ------------------------------------------------------------------------- export
def export_data(store: Store, conversation_id: int | None = None) -> dict[str, Any]:
    """One conversation (or all of them, oldest first) as a JSON-ready dict."""
    rows = store.conversation_rows(conversation_id)
    if conversation_id is not None and not rows:
        raise BadInput(f"conversation {conversation_id} does not exist")
    convs = []
    for c in rows:
        msgs = []
        for m in store.message_rows(int(c["id"])):
            doc = store.document_row(int(m["document_id"])) if m.get("document_id") else None
            msgs.append({
                "id": int(m["id"]),
                "role": m["role"],
                "text": m["text"] or "",
                "model": m["model"] or "",
                "status": m["status"],
                "created_at": float(m["created_at"] or 0),
                "updated_at": float(m["updated_at"] or 0),
                "timings": {k: m[k] or 0 for k in TIMING_FIELDS},
                "extra": _loads(m.get("extra"), {}),
                "document": ({k: doc[k] for k in DOCUMENT_FIELDS} if doc else None),
            })
        convs.append({
            "id": int(c["id"]),
            "title": c["title"] or "",
            "title_source": c.get("title_source") or "prompt",
            "created_at": float(c["created_at"] or 0),
            "updated_at": float(c["updated_at"] or 0),
            "model": c["model"] or "",
            "system_prompt": c["system_prompt"] or "",
            "settings": _loads(c.get("settings"), {}),
            "messages": msgs,
        })
    return {"format": FORMAT, "version": FORMAT_VERSION, "app_version": __version__,
            "conversations": convs}


def export_json(store: Store, conversation_id: int | None = None) -> str:
    return json.dumps(export_data(store, conversation_id), ensure_ascii=False, indent=2) + "\n"


def _when(t: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(t)) if t else "?"


def _timing_line(m: dict[str, Any]) -> str:
    t = m["timings"]
    parts = []
    if t["completion_tokens"]:
        parts.append(f"{t['completion_tokens']} tokens")
    if t["ttft_s"]:
        parts.append(f"{t['ttft_s']:.2f} s to first token")
    if t["decode_tokens_per_s"]:
        parts.append(f"{t['decode_tokens_per_s']:.1f} tokens/s")
    if m["status"] != "complete":
        parts.append(f"reply {m['status']}")
    return " · ".join(parts)


def conversation_markdown(conv: dict[str, Any]) -> str:
    """One exported conversation (a dict from export_data) as Markdown."""
    lines = [f"# {conv['title'] or 'Untitled'}", ""]
    if conv["model"]:
        lines.append(f"- Model: `{conv['model']}`")
    lines.append(f"- Started: {_when(conv['created_at'])}")
    if conv["settings"]:
        s = ", ".join(f"{k} {v}" for k, v in sorted(conv["settings"].items()))
        lines.append(f"- Settings: {s}")
    if conv["system_prompt"]:
        lines.append(f"- System prompt: {' '.join(conv['system_prompt'].split())}")
    lines.append("")
    for m in conv["messages"]:
        if m["role"] == "user":
            who = "You"
        elif m["role"] == "assistant":
            who = f"Assistant ({m['model']})" if m["model"] else "Assistant"
        elif m["role"] == "document":
            who = f"Document: {m['document']['name']}" if m.get("document") else "Document"
        else:
            who = "System"
        from app.core.report import markdown_message_body  # citations and their sources

        lines += [f"## {who} · {_when(m['created_at'])}", "", *markdown_message_body(m), ""]
        if m["role"] == "assistant":
            t = _timing_line(m)
            if t:
                lines += [f"*{t}*", ""]
    return "\n".join(lines).rstrip() + "\n"


def export_markdown(store: Store, conversation_id: int | None = None) -> str:
    data = export_data(store, conversation_id)
    return "\n---\n\n".join(conversation_markdown(c) for c in data["conversations"])


# ------------------------------------------------------------------------- import
def validate(data: Any) -> None:
    """Raise BadInput (one line, where and what) unless `data` follows JSON_SCHEMA."""
    import jsonschema

    if isinstance(data, dict) and data.get("format") == FORMAT:
        v = data.get("version")
        if isinstance(v, int) and v > FORMAT_VERSION:
            raise BadInput(f"this export is format version {v}, written by a newer Wren; this "
                           f"version reads up to {FORMAT_VERSION}")
    validator = jsonschema.Draft202012Validator(JSON_SCHEMA)
    err = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if err is not None:
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err.absolute_path)
        msg = err.message if len(err.message) < 160 else err.message[:157] + "..."
        raise BadInput(f"not a Wren conversations export: {where.lstrip('.') or 'top level'}: {msg}")


def load_export(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    if not p.is_file():
        raise BadInput(f"{p}: file not found")
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise BadInput(f"{p.name}: not a text file (expected JSON)") from None
    except json.JSONDecodeError as e:
        raise BadInput(f"{p.name}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    except OSError as e:
        raise BadInput(f"{p}: cannot read ({e.strerror})") from None
    validate(data)
    return data


def import_data(store: Store, data: dict[str, Any]) -> ImportReport:
    """Add the export's conversations to `store`, all or nothing (one transaction).

    A conversation already present (same start time, same number of messages, same first
    message) is skipped, so importing a file twice adds nothing. Original ids are kept when
    they are free, new ones are used otherwise."""
    validate(data)
    report = ImportReport()
    with store.transaction() as c:
        for conv in data["conversations"]:
            msgs = conv["messages"]
            if _already_present(c, conv):
                report.skipped += 1
                continue
            created = float(conv["created_at"])
            cid_wanted = conv.get("id")
            mids_wanted = [m.get("id") for m in msgs]
            keep_ids = (
                cid_wanted is not None
                and all(i is not None for i in mids_wanted)
                and len(set(mids_wanted)) == len(mids_wanted)
                and store.ids_free("conversations", [cid_wanted])
                and store.ids_free("messages", mids_wanted)
            )
            cur = c.execute(
                "INSERT INTO conversations(id, title, title_source, created_at, updated_at, model, "
                "system_prompt, settings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (cid_wanted if keep_ids else None, conv["title"],
                 conv.get("title_source", "import"), created,
                 float(conv.get("updated_at", created)), conv.get("model", ""),
                 conv.get("system_prompt", ""),
                 json.dumps(conv.get("settings", {}), ensure_ascii=False)),
            )
            cid = inserted_id(cur)
            for m in msgs:
                doc_id = None
                doc = m.get("document")
                if doc:
                    doc_id = inserted_id(c.execute(
                        "INSERT INTO documents(conversation_id, name, path, sha256, kind, pages, "
                        "chars, tokens, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (cid, doc["name"], doc.get("path", ""), doc.get("sha256", ""),
                         doc.get("kind", ""), doc.get("pages", 0), doc.get("chars", 0),
                         doc.get("tokens", 0), float(doc.get("created_at", created))),
                    ))
                t = m.get("timings", {})
                mc = float(m.get("created_at", created))
                c.execute(
                    "INSERT INTO messages(id, conversation_id, role, text, model, status, "
                    + ", ".join(TIMING_FIELDS)
                    + ", document_id, extra, created_at, updated_at) VALUES ("
                    + ", ".join("?" for _ in range(10 + len(TIMING_FIELDS))) + ")",
                    (m["id"] if keep_ids else None, cid, m["role"], m["text"], m.get("model", ""),
                     m.get("status", "complete"), *(t.get(k, 0) for k in TIMING_FIELDS), doc_id,
                     json.dumps(m.get("extra", {}), ensure_ascii=False), mc,
                     float(m.get("updated_at", mc))),
                )
                report.messages += 1
            report.conversations += 1
            report.conversation_ids.append(cid)
    return report


def _already_present(c: Any, conv: dict[str, Any]) -> bool:
    msgs = conv["messages"]
    for (cid,) in c.execute("SELECT id FROM conversations WHERE created_at = ?",
                            (float(conv["created_at"]),)).fetchall():
        n, first = c.execute(
            "SELECT COUNT(*), (SELECT text FROM messages WHERE conversation_id = ? ORDER BY id "
            "LIMIT 1) FROM messages WHERE conversation_id = ?", (cid, cid)).fetchone()
        if n == len(msgs) and (first or "") == (msgs[0]["text"] if msgs else ""):
            return True
    return False


def import_file(store: Store, path: str | Path) -> ImportReport:
    return import_data(store, load_export(path))
