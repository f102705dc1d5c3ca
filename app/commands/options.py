"""Options that several sub-commands share, defined once so that their meaning stays the same."""
from __future__ import annotations

import argparse


def add_run_options(p: argparse.ArgumentParser, *, draft_from: str, default: str | None = "auto",
                    default_note: str = "") -> None:
    """`--gpu`, `--speculative` and `--json`. `default` None leaves the choice to a stored
    setting (described by `default_note`); `draft_from` says what lookup decoding drafts from."""
    p.add_argument("--gpu", default=default, metavar="auto|off|N",
                   help="layers on the GPU: auto (planned from its free memory), off, or N"
                   + (f" ({default_note})" if default_note else ""))
    p.add_argument("--speculative", choices=("auto", "off"), default=default,
                   help=f"lookup decoding: draft from {draft_from} and verify in one batch where "
                   "it pays (auto, the default; same text either way) or never (off)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of streaming")
