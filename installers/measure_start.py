"""Start-up times of the frozen app against `python main.py` (numbers for docs/installers.md).

    python installers/measure_start.py dist/wren/wren [--runs 5] [--display :99]

Median and min of N runs of `--version` and of start-to-window-shown (the window probe of
installers/rthooks/smoke_window.py; offscreen unless --display). The first frozen run after a
build or install is the coldest one and is reported separately.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import smoke  # noqa: E402


def time_version(cmd: list[str]) -> float:
    started = time.monotonic()
    subprocess.run(cmd + ["--version"], capture_output=True, check=True, env=smoke.base_env())
    return time.monotonic() - started


def series(fn, runs: int) -> dict:
    values = [fn() for _ in range(runs)]
    return {"first_s": round(values[0], 3), "median_s": round(statistics.median(values), 3),
            "min_s": round(min(values), 3), "runs": runs}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("launcher")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--display")
    args = parser.parse_args()
    report = {}
    for label, cmd in (("frozen", [str(Path(args.launcher).absolute())]),
                       ("python main.py", smoke.python_main_command())):
        report[f"{label} --version"] = series(lambda c=cmd: time_version(c), args.runs)
        with tempfile.TemporaryDirectory() as tmp:
            def window(c=cmd, d=Path(tmp)) -> float:
                try:
                    return smoke.check_window(c, d, args.display)["start_to_window_s"]
                except smoke.WindowNotBuilt:
                    return float("nan")
            report[f"{label} to window shown"] = series(window, args.runs)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
