"""`python main.py export [--conversation ID] [--format md|json|docx|pdf] [--out FILE]` and
`python main.py import-chats FILE.json` (registered here too: they are one feature)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.core.errors import BadInput


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common],
                       help="export one or all conversations to Markdown, JSON, DOCX or PDF")
    p.add_argument("--conversation", "-c", type=int, metavar="ID", help="only conversation ID")
    p.add_argument("--format", "-f", choices=("md", "json", "docx", "pdf"),
                   help="md, json, docx or pdf (default: from --out's extension, else json); "
                        "docx and pdf need --out")
    p.add_argument("--out", "-o", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(func=run_export)

    q = sub.add_parser("import-chats", parents=[common],
                       help="import conversations from a Wren JSON export")
    q.add_argument("file", metavar="FILE.json")
    q.add_argument("--json", action="store_true", help="print one JSON object")
    q.set_defaults(func=run_import)


def run_export(args: argparse.Namespace, ctx: Any) -> int:
    from app.core.history import export_json, export_markdown
    from app.core.paths import write_atomically

    fmt = args.format
    out = Path(args.out) if args.out else None
    if fmt is None:
        fmt = format_for(out)
    if fmt in ("docx", "pdf") and out is None:
        raise BadInput(f"--format {fmt} writes a file: give it with --out FILE.{fmt}")
    if out is not None:
        if out.is_dir():
            raise BadInput(f"{out} is a folder: give a file name")
        if not out.parent.is_dir():
            raise BadInput(f"{out.parent}: folder not found")
    if args.conversation is not None and args.conversation <= 0:
        raise BadInput("--conversation must be a positive id")
    if fmt in ("docx", "pdf"):
        assert out is not None
        write_report(ctx.store, args.conversation, fmt, out)
        print(f"wrote {out}", file=sys.stderr)
        return 0
    text = (export_markdown if fmt == "md" else export_json)(ctx.store, args.conversation)
    if out is None:
        sys.stdout.write(text)
    else:
        try:
            write_atomically(out, text)
        except OSError as e:
            raise BadInput(f"{out}: cannot write ({e.strerror})") from None
        print(f"wrote {out}", file=sys.stderr)
    return 0


def format_for(out: Path | None) -> str:
    """The format an output file's extension names (json when it names none)."""
    suffix = out.suffix.lower() if out is not None else ""
    return {".md": "md", ".markdown": "md", ".docx": "docx", ".pdf": "pdf"}.get(suffix, "json")


def write_report(store: Any, conversation_id: int | None, fmt: str, out: Path) -> None:
    """DOCX or PDF of one conversation (or all), with citations; used by the window too."""
    from app.core.history import export_data
    from app.core.report import report_html, write_docx

    convs = export_data(store, conversation_id)["conversations"]
    try:
        if fmt == "docx":
            write_docx(convs, out)
        else:
            from app.ui.pdf_export import write_pdf

            title = convs[0]["title"] if len(convs) == 1 else "Wren conversations"
            write_pdf(report_html(convs), out, title=title or "Wren summary")
    except OSError as e:
        raise BadInput(f"{out}: cannot write ({e.strerror or e})") from None


def run_import(args: argparse.Namespace, ctx: Any) -> int:
    from app.core.history import import_data, load_export

    data = load_export(args.file)  # validated before the database is even opened
    report = import_data(ctx.store, data)
    if args.json:
        print(json.dumps(report.to_json()))
    else:
        print(f"imported {report.conversations} conversations ({report.messages} messages)"
              + (f", skipped {report.skipped} already present" if report.skipped else ""))
    return 0
