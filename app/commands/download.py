"""`python main.py download MODEL`: MODEL is a catalog id or REPO_ID:FILENAME.

Resumable (run it again after an interruption), verified against the Hub's sha256, with a
progress bar on stderr.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from app.core.errors import BadInput


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("download", parents=[common], help="download a model from Hugging Face")
    p.add_argument("model", help="catalog id (see `models`) or REPO_ID:FILENAME")
    p.add_argument("--quant", "-q", help="quantization of a catalog model (default: Q4_K_M)")
    p.add_argument("--revision", default="main", help="repo revision (default: main)")
    p.add_argument("--token-stdin", action="store_true",
                   help="read a Hugging Face token from standard input and save it in the keyring")
    p.add_argument("--json", action="store_true", help="print one JSON object when done")
    p.set_defaults(func=run)


def parse_spec(spec: str, quant: str | None) -> tuple[str, str]:
    from app.core.catalog import find_entry

    entry = find_entry(spec)
    if entry is not None:
        q = entry.quant(quant)
        if q is None:
            have = ", ".join(x.quantization for x in entry.quants)
            raise BadInput(f"{spec} has no quantization {quant}: choose one of {have}")
        return entry.repo_id, q.filename
    if ":" in spec:
        repo_id, filename = spec.split(":", 1)
        if repo_id.count("/") == 1 and filename:
            return repo_id, filename
    raise BadInput(f"unknown model '{spec}': use a catalog id (see `python main.py models`) "
                   f"or REPO_ID:FILENAME")


class _Bar:
    """A one-line progress bar on stderr (a line per 10% when stderr is not a terminal)."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last_decile = -1
        self.last = 0.0

    def __call__(self, p: Any) -> None:
        if p.status in ("starting", "error"):
            return  # the error itself is printed once, as the command's one-line message
        now = time.monotonic()
        frac = p.fraction
        eta = f"{p.eta_s:4.0f}s" if p.eta_s is not None else "   ?"
        line = (f"{p.filename[:40]:<40} {frac * 100:5.1f}% {p.bytes_done / 1e6:8.1f}/"
                f"{p.total / 1e6:.1f} MB {p.speed_bps / 1e6:6.1f} MB/s ETA {eta} {p.status}")
        if p.message:
            line += f" ({p.message})"
        if self.tty:
            if now - self.last >= 0.1 or p.status != "downloading":
                bar = "#" * int(frac * 20)
                sys.stderr.write(f"\r[{bar:<20}] {line}\033[K")
                sys.stderr.flush()
                self.last = now
        else:
            decile = int(frac * 10)
            if decile != self.last_decile or p.status != "downloading":
                self.last_decile = decile
                print(line, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.tty:
            sys.stderr.write("\n")


def run(args: argparse.Namespace, ctx: Any) -> int:
    from app.core import credentials
    from app.core.downloads import Downloader

    if args.token_stdin:
        saved = credentials.set_hf_token(sys.stdin.readline())
        print(f"wren: {saved.message}", file=sys.stderr)
    repo_id, filename = parse_spec(args.model, args.quant)
    dl = Downloader(ctx.store, ctx.data)
    job = dl.enqueue(repo_id, filename, args.revision)
    bar = _Bar()
    try:
        result = dl.run(job, on_progress=bar)
    except KeyboardInterrupt:
        bar.close()
        print("wren: download paused: run the same command again to resume", file=sys.stderr)
        raise
    finally:
        bar.close()
    if args.json:
        print(json.dumps({"model_id": result.model_id, "path": result.path,
                          "size_bytes": result.size_bytes, "sha256": result.sha256,
                          "bytes_fetched": result.bytes_fetched,
                          "resumed_from": result.resumed_from, "seconds": result.seconds}))
    else:
        print(f"downloaded {result.model_id}: {result.path}")
    return 0
