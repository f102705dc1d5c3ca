"""`python main.py summarize FILE`: read a document, stream its summary, store it like the window.

The plan and the reading progress go to stderr; the summary to stdout (or one JSON object).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("summarize", parents=[common], help="summarize a document (PDF, DOCX, TXT...)")
    p.add_argument("file", help="the document: .pdf .docx .txt .md .rst .csv .html")
    p.add_argument("--model", "-m", help="catalog id, installed model id, or a .gguf path")
    p.add_argument("--length", choices=("short", "medium", "detailed"), default="medium")
    p.add_argument("--format", choices=("paragraph", "bullets"), default="paragraph")
    p.add_argument("--focus", default="", help='who the summary is for, e.g. "a lawyer"')
    p.add_argument("--conversation", "-c", type=int, metavar="ID",
                   help="add the document to conversation ID")
    p.add_argument("--max-ctx", type=int, metavar="N", help="cap the context size (tokens)")
    p.add_argument("--gpu", default="auto", metavar="auto|off|N",
                   help="layers on the GPU: auto (planned from its free memory), off, or N")
    p.add_argument("--plan", action="store_true",
                   help="print how the document would be read (GPU, cache, time) and exit")
    p.add_argument("--speculative", choices=("auto", "off"), default="auto",
                   help="lookup decoding: draft from the document and verify in one batch where "
                   "it pays (auto, the default; same text either way) or never (off)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of streaming")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Any) -> int:
    from app.core.devices import gpu_memory_cap
    from app.core.documents import extract_document
    from app.core.models import resolve_model
    from app.core.summarize import Summarizer, SummaryOptions

    opts = SummaryOptions(length=args.length, format=args.format, focus=args.focus,
                          max_ctx=args.max_ctx, gpu=args.gpu,
                          speculative=args.speculative)
    opts.check()
    doc = extract_document(args.file)  # bad documents fail before any model is loaded
    store = ctx.store
    opts = dataclasses.replace(opts, gpu_cap=gpu_memory_cap(store))
    model = resolve_model(args.model, store, ctx.data)
    ctx.data.ensure()
    summarizer = Summarizer(store, ctx.data.cache)
    if args.plan:
        plan, n_doc = summarizer.plan(doc, model, opts)
        if args.json:
            print(json.dumps({"model": model.id, "document": doc.name,
                              "document_tokens": n_doc, "plan": plan.to_dict()},
                             ensure_ascii=False))
        else:
            print(plan.text)
        return 0
    err = sys.stderr
    out = sys.stdout
    last = [0.0]

    def on_plan(plan: Any) -> None:
        print(f"wren: {plan.text}", file=err, flush=True)

    def on_progress(p: Any) -> None:
        now = time.monotonic()
        if now - last[0] < 0.5 and p.done < p.total:
            return
        last[0] = now
        eta = f", ETA {p.eta_s:.0f} s" if p.eta_s else ""
        print(f"wren: {p.label}: {p.done:,}/{p.total:,} tokens ({100 * p.fraction:.0f}%), "
              f"{p.rate:,.0f} tok/s{eta}", file=err, flush=True)

    def on_text(piece: str) -> None:
        out.write(piece)
        out.flush()

    pages = f", {doc.pages} pages" if doc.pages else ""
    print(f"wren: {doc.name} ({doc.kind}{pages}, {doc.chars:,} characters)", file=err, flush=True)
    try:
        result = summarizer.summarize(doc, model, opts, conversation_id=args.conversation,
                                      on_plan=on_plan, on_progress=on_progress,
                                      on_text=None if args.json else on_text)
    except KeyboardInterrupt:
        summarizer.cancel()
        raise
    finally:
        summarizer.engine.unload()
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        if not result.text.endswith("\n"):
            out.write("\n")
        print(f"wren: conversation {result.conversation_id} ({result.plan.mode}, "
              f"{result.chunks} chunk(s), {result.elapsed_s:.1f} s)", file=err)
    return 0
