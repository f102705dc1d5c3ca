"""Summaries as documents to pass on: Markdown, DOCX and (through app.ui.pdf_export) PDF, each
with the summary's citations and its source file's name, pages and date.

The one writer of a summary with its citations: conversation exports (the input is the export
form of a conversation, app.core.history.export_data, the same data the JSON export writes) and
the document queue's summary files (app.core.summary_files) both go through `cited_markdown`
and `add_cited_docx`, so every format says the same thing. Citations are numbered in the text
("... grew 4% [1]") and listed under "Sources" with their page, whether Wren could support
them, and the supporting passage.
"""
from __future__ import annotations

import html
import io
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.citations import Citation
from app.core.paths import write_atomically

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

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


def supported_count(cites: Sequence[Citation]) -> str:
    """"2 of 3 sentences supported by the document."."""
    ok = sum(c.supported for c in cites)
    return f"{ok} of {len(cites)} sentences supported by the document."


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
def cited_markdown(text: str, cites: Sequence[Citation], source: str = "") -> list[str]:
    """Markdown lines of a summary: the source document's line (when given), the text with its
    citation numbers, the Sources list and how many sentences held."""
    if not cites:
        return [text.rstrip()]
    numbered = "".join(p + (f" [{n}]" if n else "") for p, n in segments(text, cites))
    lines = [f"*Source: {source}*", ""] if source else []
    lines += [numbered.strip(), "", "**Sources**", ""]
    lines += [f"- {source_line(n, c)}" for n, c in enumerate(cites, 1)]
    lines += ["", f"*{supported_count(cites)}*"]
    return lines


def markdown_message_body(m: dict[str, Any]) -> list[str]:
    """Lines for one message of history.conversation_markdown: the text with its citation
    numbers, the source document and a Sources list (nothing extra for plain chat)."""
    cites = message_citations(m) if m["role"] == "assistant" else []
    src = document_line(m.get("document"), m.get("created_at", 0)) if cites else ""
    return cited_markdown(m["text"], cites, src)


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
                parts.append(f"</ul><p><i>{e(supported_count(cites))}</i></p>")
    parts.append("</body></html>")
    return "".join(parts)


# ----------------------------------------------------------------------------- DOCX
def add_cited_docx(d: DocxDocument, text: str, cites: Sequence[Citation],
                   source: str = "") -> None:
    """A summary into a python-docx document: the source document's line (when given), the
    text by paragraph (bullet lines as a list) with superscript citation numbers, the Sources
    list (unsupported ones in bold) and how many sentences held."""
    from docx.shared import Pt, RGBColor

    if source:
        d.add_paragraph().add_run(f"Source: {source}").italic = True
    for bullet, runs in _paragraphs(segments(text, cites)):
        p = d.add_paragraph(style="List Bullet") if bullet else d.add_paragraph()
        for piece, n in runs:
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
        d.add_paragraph().add_run(supported_count(cites)).italic = True


def docx_bytes(d: DocxDocument) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def write_docx(conversations: Sequence[dict[str, Any]], path: str | Path) -> None:
    """The conversations as a Word document (python-docx), written through a temporary file."""
    import docx

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
            add_cited_docx(d, m["text"], cites, src)
    write_atomically(path, docx_bytes(d))


_BULLETS = ("- ", "* ", "• ")


def _paragraphs(segs: list[tuple[str, int | None]]
                ) -> list[tuple[bool, list[tuple[str, int | None]]]]:
    """Segments regrouped into paragraphs: (is a list item, its runs). A blank line ends a
    paragraph and the lines of one are joined with a space; a line starting with "- ", "* " or
    "• " is a list item of its own (its marker dropped), which indented lines continue."""
    lines: list[list[tuple[str, int | None]]] = [[]]
    for piece, n in segs:
        parts = piece.split("\n")
        # The number goes after the cited sentence's last word, not onto the next line.
        last = max((i for i, part in enumerate(parts) if part.strip()), default=len(parts) - 1)
        for i, part in enumerate(parts):
            if i:
                lines.append([])
            lines[-1].append((part, n if i == last else None))
    paras: list[tuple[bool, list[tuple[str, int | None]]]] = []
    is_open = False  # whether the next line may continue the last paragraph
    for line in lines:
        if not "".join(t for t, _ in line).strip():
            numbers = [("", n) for _, n in line if n]
            if numbers and paras:
                paras[-1][1].extend(numbers)
            is_open = False
            continue
        k = next(i for i, (t, _) in enumerate(line) if t.strip())
        first = line[k][0].lstrip()
        bullet = first.startswith(_BULLETS)
        runs = [*(("", n) for _, n in line[:k] if n),
                (first[2:].lstrip() if bullet else first, line[k][1]), *line[k + 1:]]
        continues = is_open and not bullet and (not paras[-1][0] or line[0][0][:1].isspace())
        if continues:
            paras[-1][1].extend([(" ", None), *runs])
        else:
            paras.append((bullet, runs))
        is_open = True
    return paras
