"""`python main.py import FILE.gguf [--link]`: add a local GGUF file (header validated first)."""
from __future__ import annotations

import argparse
import json
from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import", parents=[common], help="add a local .gguf model file")
    p.add_argument("file", help="the .gguf file")
    p.add_argument("--link", action="store_true",
                   help="use the file where it is instead of copying it into models/")
    p.add_argument("--id", dest="model_id", help="model id to use (default: from the file name)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Any) -> int:
    from app.core.library import import_gguf

    m = import_gguf(ctx.store, ctx.data, args.file, link=args.link, model_id=args.model_id)
    if args.json:
        print(json.dumps(m.to_dict()))
    else:
        print(f"imported {m.id} ({m.size_bytes / 1e6:,.0f} MB){' linked' if args.link else ''}: {m.path}")
    return 0
