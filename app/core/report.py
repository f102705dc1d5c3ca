"""Summaries as documents to pass on: Markdown, DOCX and (through app.ui.pdf_export) PDF, each
with the summary's citations and its source file's name, pages and date.

The input is the export form of a conversation (app.core.history.export_data): the same data
the JSON export writes, so every format says the same thing. Citations are numbered in the text
("... grew 4% [1]") and listed under "Sources" with their page, whether Wren could support
them, and the supporting passage.
"""
from __future__ import annotations

import html
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.core.citations import Citation

FORMATS = ("md", "json", "docx", "pdf")


def message_citations(m: dict[str, Any]) -> list[Citation]:
    extra = m.get("extra") or {}
    raw = extra.get("citations") if isinstance(extra, dict) else None
    if not isinstance(raw, list):
        return []
    return [Citation.from_json(c) for c in raw if isinstance(c, dict)]


def segments(text: str, citations: Sequence[Citation]) -> list[tuple[str, int | None]]:
    """The text cut after each cited sentence: (piece, citation number or None)."""
    out: list[tuple[str, int | None]] = []
    pos = 0
    for n, c in sorted(enumerate(citations, 1), key=lambda x: x[1].end):
        end = min(max(c.end, pos), len(text))
        out.append((text[pos:end], n))
        pos = end
    out.append((text[pos:], None))
    return out


def status_words(c: Citation) -> str:
    """Whether a citation holds, in words (never only a colour or a mark)."""
    if c.supported:
        return "supported"
    return "NOT SUPPORTED" + (f" ({c.reason})" if c.reason else "")


def source_line(n: int, c: Citation) -> str:
    where = c.label
    how = "cited by the model" if c.source == "cited" else "matched by Wren"
    line = f"[{n}] {where}, {how}: {status_words(c)}"
    if c.passage:
        line += f" — “{_clip(c.passage, 400)}”"
    return line


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _when(t: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(t)) if t else "?"


def document_line(doc: dict[str, Any] | None, when: float = 0.0) -> str:
    """"report.pdf · 12 pages · read 2026-12-01 18:40"."""
    if not doc:
        return ""
    bits = [str(doc.get("name", ""))]
    if doc.get("pages"):
        bits.append(f"{doc['pages']} pages")
    elif doc.get("kind"):
        bits.append(str(doc["kind"]).upper())
    bits.append(f"read {_when(float(doc.get('created_at') or when))}")
    return " · ".join(b for b in bits if b)


def _who(m: dict[str, Any]) -> str:
    if m["role"] == "user":
        return "You"
    if m["role"] == "assistant":
        return f"Assistant ({m['model']})" if m.get("model") else "Assistant"
    return m["role"].capitalize()


# ----------------------------------------------------------------------------- Markdown
def markdown_message_body(m: dict[str, Any]) -> list[str]:
    """Lines for one message of history.conversation_markdown: the text with its citation
    numbers, the source document and a Sources list (nothing extra for plain chat)."""
    cites = message_citations(m) if m["role"] == "assistant" else []
    if not cites:
        return [m["text"].rstrip()]
    text = "".join(p + (f" [{n}]" if n else "") for p, n in segments(m["text"], cites))
    lines = []
    src = document_line(m.get("document"), m.get("created_at", 0))
    if src:
        lines += [f"*Source: {src}*", ""]
    lines += [text.rstrip(), "", "**Sources**", ""]
    lines += [f"- {source_line(n, c)}" for n, c in enumerate(cites, 1)]
    ok = sum(c.supported for c in cites)
    lines += ["", f"*{ok} of {len(cites)} sentences supported by the document.*"]
    return lines


# ----------------------------------------------------------------------------- HTML (PDF)
def report_html(conversations: Sequence[dict[str, Any]]) -> str:
    """The conversations as simple HTML for QTextDocument (the PDF export)."""
    e = html.escape
    parts = ["<html><body style='font-family: sans-serif; font-size: 10pt;'>"]
    for k, conv in enumerate(conversations):
        if k:
            parts.append("<hr/>")
        parts.append(f"<h1>{e(conv.get('title') or 'Untitled')}</h1>")
        meta = [f"Started {_when(conv.get('created_at', 0))}"]
        if conv.get("model"):
            meta.insert(0, f"Model {conv['model']}")
        parts.append(f"<p style='color:#555'>{e(' · '.join(meta))}</p>")
        for m in conv["messages"]:
            parts.append(f"<h3>{e(_who(m))} · {e(_when(m.get('created_at', 0)))}</h3>")
            cites = message_citations(m) if m["role"] == "assistant" else []
            src = document_line(m.get("document"), m.get("created_at", 0)) if cites else ""
            if src:
                parts.append(f"<p><i>Source: {e(src)}</i></p>")
            body = "".join(e(p) + (f"<sup>[{n}]</sup>" if n else "")
                           for p, n in segments(m["text"], cites))
            parts.append("<p>" + body.strip().replace("\n\n", "</p><p>").replace("\n", "<br/>")
                         + "</p>")
            if cites:
                parts.append("<p><b>Sources</b></p><ul>")
                for n, c in enumerate(cites, 1):
                    mark = "" if c.supported else "<b>⚠ </b>"
                    parts.append(f"<li>{mark}{e(source_line(n, c))}</li>")
                ok = sum(c.supported for c in cites)
                parts.append(f"</ul><p><i>{ok} of {len(cites)} sentences supported by the "
                             "document.</i></p>")
    parts.append("</body></html>")
    return "".join(parts)


# ----------------------------------------------------------------------------- DOCX
def write_docx(conversations: Sequence[dict[str, Any]], path: str | Path) -> None:
    """The conversations as a Word document (python-docx), written through a temporary file."""
    import os
    import tempfile

    import docx
    from docx.shared import Pt, RGBColor

    d = docx.Document()
    for k, conv in enumerate(conversations):
        if k:
            d.add_page_break()
        d.add_heading(conv.get("title") or "Untitled", level=1)
        meta = [f"Started {_when(conv.get('created_at', 0))}"]
        if conv.get("model"):
            meta.insert(0, f"Model {conv['model']}")
        d.add_paragraph(" · ".join(meta)).runs[0].italic = True
        for m in conv["messages"]:
            d.add_heading(f"{_who(m)} · {_when(m.get('created_at', 0))}", level=2)
            cites = message_citations(m) if m["role"] == "assistant" else []
            src = document_line(m.get("document"), m.get("created_at", 0)) if cites else ""
            if src:
                d.add_paragraph().add_run(f"Source: {src}").italic = True
            for block in _blocks(segments(m["text"], cites)):
                p = d.add_paragraph()
                for piece, n in block:
                    if piece:
                        p.add_run(piece)
                    if n:
                        r = p.add_run(f"[{n}]")
                        r.font.superscript = True
            if cites:
                d.add_paragraph().add_run("Sources").bold = True
                for n, c in enumerate(cites, 1):
                    p = d.add_paragraph(style="List Bullet")
                    r = p.add_run(source_line(n, c))
                    r.font.size = Pt(9)
                    if not c.supported:
                        r.bold = True
                        r.font.color.rgb = RGBColor(0xB0, 0x30, 0x00)
                ok = sum(c.supported for c in cites)
                d.add_paragraph().add_run(
                    f"{ok} of {len(cites)} sentences supported by the document.").italic = True
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        d.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _blocks(segs: list[tuple[str, int | None]]) -> list[list[tuple[str, int | None]]]:
    """Segments regrouped into paragraphs (blank lines in the text)."""
    blocks: list[list[tuple[str, int | None]]] = [[]]
    for piece, n in segs:
        parts = piece.split("\n\n")
        for i, part in enumerate(parts):
            if i:
                blocks.append([])
            last = i == len(parts) - 1
            text = part.replace("\n", " ")
            if text.strip() or (last and n):
                blocks[-1].append((text if blocks[-1] else text.lstrip(), n if last else None))
    return [b for b in blocks if b]
