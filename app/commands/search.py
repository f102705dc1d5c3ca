"""`python main.py search "QUERY" [--json] [--limit N]`: full-text search over all chats."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.core.errors import BadInput


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("search", parents=[common], help="search all conversations")
    p.add_argument("query", help='words, "a phrase", prefix* ; OR/NOT in capitals')
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N results (20)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Any) -> int:
    from app.core.fts import to_fts_query

    if not to_fts_query(args.query):
        raise BadInput("the search has no words to look for")
    if args.limit <= 0:
        raise BadInput("--limit must be positive")
    hits = ctx.store.search(args.query, limit=args.limit)
    if args.json:
        print(json.dumps({"query": args.query, "count": len(hits),
                          "results": [h.to_json() for h in hits]}, ensure_ascii=False))
        return 0
    tty = sys.stdout.isatty()
    start, end = ("\x1b[1m", "\x1b[0m") if tty else ("[", "]")
    for h in hits:
        where = (f"conversation {h.conversation_id}, message {h.message_id} ({h.role})"
                 if h.kind == "message" else f"conversation {h.conversation_id} (title)")
        title = h.conversation_title if h.kind == "message" else ""
        print(f"{where}{': ' + title if title else ''}")
        print(f"    {' '.join(h.marked(start, end).split())}")
    if not hits:
        print("no results", file=sys.stderr)
    return 0
