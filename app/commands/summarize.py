"""`python main.py summarize FILE... [--out DIR] [--format md|docx]`: read documents, stream their
summaries, store each like the window does (one conversation per document).

One file (and no --out): the summary streams to stdout, or one JSON object with --json, as
always. Several files, a folder, or --out: a batch (app/core/batch.py), kept in the database so
that the same command run again after a kill goes on where it stopped. Plans, OCR and reading
progress, and one line per file Wren cannot read go to stderr.

Exit codes for a batch: 0 when at least one document was summarized (the others are listed on
stderr, and in --json with their reason); 2 when none could be read (all unreadable or
unsupported); 1 when documents were readable but none could be summarized for another reason.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path
from typing import Any

from app.commands.options import add_run_options

STYLES = ("paragraph", "bullets")
FILE_FORMATS = ("md", "docx")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("summarize", parents=[common],
                       help="summarize documents (PDF, DOCX, TXT, images...) or folders of them")
    p.add_argument("file", nargs="+", metavar="FILE",
                   help="documents (.pdf .docx .txt .md .rst .csv .html .png .jpg .tiff) "
                        "or folders of them")
    p.add_argument("--model", "-m", help="catalog id, installed model id, or a .gguf path")
    p.add_argument("--length", choices=("short", "medium", "detailed"), default="medium")
    p.add_argument("--style", choices=STYLES, default=None,
                   help="the summary as prose (paragraph) or a bulleted list")
    p.add_argument("--format", choices=STYLES + FILE_FORMATS, default=None,
                   help="md or docx: the kind of file --out writes (default md); "
                        "paragraph or bullets: same as --style")
    p.add_argument("--out", metavar="DIR", help="write each summary to a file in DIR")
    p.add_argument("--focus", default="", help='who the summary is for, e.g. "a lawyer"')
    p.add_argument("--conversation", "-c", type=int, metavar="ID",
                   help="add the document to conversation ID (one document only)")
    p.add_argument("--max-ctx", type=int, metavar="N", help="cap the context size (tokens)")
    p.add_argument("--no-ocr", action="store_true",
                   help="do not OCR scanned pages and images (they are refused)")
    p.add_argument("--plan", action="store_true",
                   help="print how each document would be read (GPU, cache, time) and exit")
    add_run_options(p, draft_from="the document")
    p.set_defaults(func=run)


def _options(args: argparse.Namespace) -> tuple[Any, str]:
    from app.core.errors import BadInput
    from app.core.summarize import SummaryOptions

    style = args.style or (args.format if args.format in STYLES else "paragraph")
    if args.style and args.format in STYLES and args.format != args.style:
        raise BadInput(f"--style {args.style} and --format {args.format} disagree")
    file_format = args.format if args.format in FILE_FORMATS else "md"
    if args.format in FILE_FORMATS and not args.out:
        raise BadInput(f"--format {args.format} needs --out DIR (where to write the files)")
    opts = SummaryOptions(length=args.length, format=style, focus=args.focus,
                          max_ctx=args.max_ctx, gpu=args.gpu, speculative=args.speculative)
    opts.check()
    return opts, file_format


class _Throttle:
    """At most one progress line every 0.5 s (the last one always)."""

    def __init__(self) -> None:
        self.last = 0.0

    def ready(self, final: bool = False) -> bool:
        now = time.monotonic()
        if not final and now - self.last < 0.5:
            return False
        self.last = now
        return True


def run(args: argparse.Namespace, ctx: Any) -> int:
    from app.core.devices import gpu_memory_cap

    opts, file_format = _options(args)
    files = list(args.file)
    opts = dataclasses.replace(opts, gpu_cap=gpu_memory_cap(ctx.store))
    if args.plan:
        return _plans(args, ctx, files, opts)
    if len(files) == 1 and not args.out and not Path(files[0]).is_dir():
        return _single(args, ctx, files[0], opts)
    return _batch(args, ctx, files, opts, file_format)


def _plans(args: argparse.Namespace, ctx: Any, files: list[str], opts: Any) -> int:
    """--plan: how each document would be read, without reading it."""
    from app.core.batch import expand_paths
    from app.core.documents import extract_document
    from app.core.errors import BadInput
    from app.core.models import resolve_model
    from app.core.summarize import Summarizer

    entries = expand_paths(files)
    runnable = [e for e in entries if not e.reason]
    for e in entries:
        if e.reason:
            print(f"wren: skipped {e.reason}", file=sys.stderr, flush=True)
    if not runnable:
        raise BadInput("no readable documents in " + ", ".join(files))
    ctx.data.ensure()
    model = resolve_model(args.model, ctx.store, ctx.data)
    summarizer = Summarizer(ctx.store, ctx.data.cache)
    plans = []
    for e in runnable:
        doc = extract_document(e.path, ocr=_ocr_options(args, ctx, sys.stderr))
        plan, n_doc = summarizer.plan(doc, model, opts)
        plans.append({"model": model.id, "document": doc.name, "document_tokens": n_doc,
                      "plan": plan.to_dict()})
        if not args.json:
            print(f"{doc.name}: {plan.text}" if len(runnable) > 1 else plan.text)
    if args.json:
        print(json.dumps(plans[0] if len(plans) == 1 else {"documents": plans},
                         ensure_ascii=False))
    return 0


def _ocr_options(args: argparse.Namespace, ctx: Any, err: Any) -> Any:
    from app.core.ocr import OcrOptions

    throttle = _Throttle()

    def on_plan(p: Any) -> None:
        print(f"wren: {p.name}: {p.text}", file=err, flush=True)

    def on_progress(p: Any) -> None:
        if p.done and throttle.ready(p.done == p.total):
            eta = f", about {p.eta_s:.0f} s left" if p.eta_s else ""
            print(f"wren: {p.label}{eta}", file=err, flush=True)

    return OcrOptions(enabled=not args.no_ocr, cache_dir=ctx.data.cache, on_plan=on_plan,
                      on_progress=on_progress)


def _single(args: argparse.Namespace, ctx: Any, file: str, opts: Any) -> int:
    from app.core.documents import extract_document
    from app.core.models import resolve_model
    from app.core.summarize import Summarizer

    err = sys.stderr
    out = sys.stdout
    ctx.data.ensure()
    # Bad documents fail before any model is loaded (OCR, when needed, comes first too).
    doc = extract_document(file, ocr=_ocr_options(args, ctx, err))
    for w in doc.extra.get("warnings", []):
        print(f"wren: {w}", file=err, flush=True)
    store = ctx.store
    model = resolve_model(args.model, store, ctx.data)
    summarizer = Summarizer(store, ctx.data.cache)
    throttle = _Throttle()

    def on_plan(plan: Any) -> None:
        print(f"wren: {plan.text}", file=err, flush=True)

    def on_progress(p: Any) -> None:
        if not throttle.ready(p.done >= p.total):
            return
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
        data = result.to_json()
        if doc.extra.get("ocr_pages"):
            data["ocr_pages"] = list(doc.extra["ocr_pages"])
        if doc.extra.get("warnings"):
            data["warnings"] = list(doc.extra["warnings"])
        print(json.dumps(data, ensure_ascii=False))
    else:
        if not result.text.endswith("\n"):
            out.write("\n")
        print(f"wren: conversation {result.conversation_id} ({result.plan.mode}, "
              f"{result.chunks} chunk(s), {result.elapsed_s:.1f} s)", file=err)
    return 0


def _batch(args: argparse.Namespace, ctx: Any, files: list[str], opts: Any,
           file_format: str) -> int:
    from app.core.batch import BatchQueue, BatchRunner, expand_paths, options_key
    from app.core.errors import BadInput
    from app.core.models import resolve_model
    from app.core.summarize import Summarizer

    if args.conversation is not None:
        raise BadInput("--conversation takes one document, not several")
    err = sys.stderr
    out = sys.stdout
    entries = expand_paths(files)
    if not entries:
        raise BadInput("no documents found in " + ", ".join(files))
    runnable = [e for e in entries if not e.reason]
    for e in entries:
        if e.reason:
            print(f"wren: skipped {e.reason}", file=err, flush=True)
    out_dir = str(Path(args.out).expanduser().resolve()) if args.out else ""
    if not runnable:
        print(f"wren: error: none of the {len(entries)} file(s) can be read", file=err)
        return 2
    store = ctx.store
    ctx.data.ensure()
    model = resolve_model(args.model, store, ctx.data)
    queue = BatchQueue(store)
    opt_json = {**options_key(opts), "ocr": not args.no_ocr}
    batch_id, resumed = queue.open(entries, model=model.id, options=opt_json, out_dir=out_dir,
                                   out_format=file_format)
    items = queue.items(batch_id)
    finished = sum(1 for i in items if i.status == "done")
    todo = sum(1 for i in items if i.status == "queued")
    if resumed:
        print(f"wren: resuming batch {batch_id}: {finished} of {finished + todo} documents "
              f"already summarized, {todo} to go", file=err, flush=True)
    else:
        print(f"wren: batch {batch_id}: {todo} document(s) to summarize"
              + (f", {len(entries) - len(runnable)} skipped" if len(entries) > len(runnable) else ""),
              file=err, flush=True)
    summarizer = Summarizer(store, ctx.data.cache)
    runner = BatchRunner(store, summarizer, model, opts, ctx.data.cache, ocr=not args.no_ocr)
    throttle = _Throttle()

    def on_event(ev: Any) -> None:
        p = ev.progress
        tag = f"[{p.index}/{p.total}]" if p else ""
        it = ev.item
        if ev.kind == "started":
            print(f"wren: {tag} {it.name}", file=err, flush=True)
            if not args.json:
                out.write(f"==> {it.name} <==\n")
                out.flush()
        elif ev.kind in ("plan", "ocr-plan", "warning"):
            print(f"wren: {tag} {ev.message}", file=err, flush=True)
        elif ev.kind == "progress" and p is not None and throttle.ready():
            eta = f", ETA {p.eta_s:.0f} s" if p.eta_s else ""
            print(f"wren: {tag} {p.label} ({100 * p.item_fraction:.0f}%) · batch "
                  f"{100 * p.overall_fraction:.0f}%{eta}", file=err, flush=True)
        elif ev.kind == "done":
            if not args.json:
                text = ev.result.get("text", "")
                out.write(text + ("" if text.endswith("\n") else "\n") + "\n")
                out.flush()
            saved = f", saved {it.output_path}" if it.output_path else ""
            print(f"wren: {tag} done: {it.name} -> conversation {it.conversation_id} "
                  f"({it.elapsed_s:.1f} s{saved})", file=err, flush=True)
        elif ev.kind == "failed":
            print(f"wren: {tag} failed: {ev.message}", file=err, flush=True)
            if not args.json:
                out.write(f"(not summarized: {ev.message})\n\n")
                out.flush()

    try:
        report = runner.run(batch_id, resumed, on_event)
    except KeyboardInterrupt:
        runner.stop()
        raise
    finally:
        summarizer.engine.unload()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    bad = report.failed + report.unsupported
    summary = (f"wren: batch {batch_id}: {len(report.done)} summarized"
               + (f" ({report.skipped_done} in an earlier run)" if report.skipped_done else "")
               + (f", {len(bad)} could not be read" if bad else "")
               + (f", {len(report.cancelled)} cancelled" if report.cancelled else ""))
    print(summary, file=err)
    for i in bad:
        print(f"wren:   {i.error}", file=err)
    if report.done or not bad:
        return 0  # nothing failed (all cancelled, or all summarized in an earlier run)
    return 2 if all(i.error_kind != "error" for i in report.failed) else 1
