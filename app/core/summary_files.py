"""A summary as a file: Markdown or DOCX (python-docx), with the source's name, pages and date,
and its citations when the summary has them (`citations`: objects with `sentence`, `page` or
`section`, `supported`, `passage`, as `summarize --json` prints them). The summary and its
citations are written by app.core.report, as in a conversation export.

Files are written whole to a temporary name and renamed, so a cancel or a kill never leaves a
half-written summary under the final name.
"""
from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.citations import Citation
from app.core.errors import BadInput, WrenError
from app.core.paths import write_atomically
from app.core.report import add_cited_docx, cited_markdown, docx_bytes

FORMATS = ("md", "docx")


@dataclass(frozen=True)
class SummaryFile:
    """What goes into the file (plain data)."""

    source_name: str
    text: str
    source_path: str = ""
    pages: int = 0
    model: str = ""
    created_at: float = field(default_factory=time.time)
    citations: tuple[dict[str, Any], ...] = ()
    warnings: tuple[str, ...] = ()


def output_name(source_name: str, fmt: str, taken: set[str] | None = None) -> str:
    """'report.pdf' -> 'report.pdf.summary.md' (the source's suffix kept: report.pdf and
    report.docx in one folder get two files); ' (2)' added when the name is taken."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", source_name).strip() or "document"
    base = f"{safe}.summary"
    name = f"{base}.{fmt}"
    n = 2
    while taken is not None and name.lower() in taken:
        name = f"{base} ({n}).{fmt}"
        n += 1
    if taken is not None:
        taken.add(name.lower())
    return name


def _meta_line(s: SummaryFile) -> str:
    bits = [s.source_name]
    if s.pages:
        bits.append(f"{s.pages} page{'s' if s.pages != 1 else ''}")
    bits.append(time.strftime("%Y-%m-%d %H:%M", time.localtime(s.created_at)))
    if s.model:
        bits.append(f"model {s.model}")
    return " · ".join(bits)


def _citations(s: SummaryFile) -> list[Citation]:
    return [Citation.from_json(c) for c in s.citations if isinstance(c, dict)]


def to_markdown(s: SummaryFile) -> str:
    out = [f"# Summary of {s.source_name}", "", f"*{_meta_line(s)}*", ""]
    out += [*cited_markdown(s.text, _citations(s)), ""]
    if s.warnings:
        out += ["## Notes", ""] + [f"- {w}" for w in s.warnings] + [""]
    return "\n".join(out)


def _docx_bytes(s: SummaryFile) -> bytes:
    import docx

    d = docx.Document()
    d.core_properties.title = f"Summary of {s.source_name}"
    d.add_heading(f"Summary of {s.source_name}", level=1)
    d.add_paragraph(_meta_line(s)).runs[0].italic = True
    add_cited_docx(d, s.text, _citations(s))
    if s.warnings:
        d.add_heading("Notes", level=2)
        for w in s.warnings:
            d.add_paragraph(w, style="List Bullet")
    return docx_bytes(d)


def write_summary_file(s: SummaryFile, out_dir: str | os.PathLike[str], fmt: str,
                       name: str | None = None) -> Path:
    """Write the summary into out_dir as `name` (default output_name). Returns the path."""
    if fmt not in FORMATS:
        raise BadInput(f"the summary file format must be one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BadInput(f"{out}: cannot create the folder for summaries ({e.strerror or e})") from None
    dest = out / (name or output_name(s.source_name, fmt))
    try:
        write_atomically(dest, to_markdown(s) if fmt == "md" else _docx_bytes(s))
    except OSError as e:
        raise WrenError(f"{dest}: cannot write the summary ({e.strerror or e})") from None
    return dest


__all__ = ["SummaryFile", "write_summary_file", "to_markdown", "output_name", "FORMATS"]
