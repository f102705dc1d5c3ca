"""`python main.py export [--conversation ID] [--format md|json] [--out FILE]` and
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
                       help="export one or all conversations to Markdown or JSON")
    p.add_argument("--conversation", "-c", type=int, metavar="ID", help="only conversation ID")
    p.add_argument("--format", "-f", choices=("md", "json"),
                   help="md or json (default: from --out's extension, else json)")
    p.add_argument("--out", "-o", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(func=run_export)

    q = sub.add_parser("import-chats", parents=[common],
                       help="import conversations from a Wren JSON export")
    q.add_argument("file", metavar="FILE.json")
    q.add_argument("--json", action="store_true", help="print one JSON object")
    q.set_defaults(func=run_import)


def run_export(args: argparse.Namespace, ctx: Any) -> int:
    from app.core.history import export_json, export_markdown, write_atomic

    fmt = args.format
    out = Path(args.out) if args.out else None
    if fmt is None:
        fmt = "md" if out is not None and out.suffix.lower() in (".md", ".markdown") else "json"
    if out is not None:
        if out.is_dir():
            raise BadInput(f"{out} is a folder: give a file name")
        if not out.parent.is_dir():
            raise BadInput(f"{out.parent}: folder not found")
    if args.conversation is not None and args.conversation <= 0:
        raise BadInput("--conversation must be a positive id")
    text = (export_markdown if fmt == "md" else export_json)(ctx.store, args.conversation)
    if out is None:
        sys.stdout.write(text)
    else:
        try:
            write_atomic(out, text)
        except OSError as e:
            raise BadInput(f"{out}: cannot write ({e.strerror})") from None
        print(f"wrote {out}", file=sys.stderr)
    return 0


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
