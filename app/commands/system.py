"""`python main.py system [--json]`: the CPU, RAM, GPUs and llama.cpp backends Wren can use."""
from __future__ import annotations

import argparse
import json
from typing import Any


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("system", parents=[common],
                       help="show the CPU, RAM, GPUs and llama.cpp backends Wren can use")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Any) -> int:
    from app.core.devices import device_report, report_lines

    report = device_report()
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print("\n".join(report_lines(report)))
    return 0
