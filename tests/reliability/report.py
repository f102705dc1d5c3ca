"""Run the reliability suite and write docs/reliability.md: every case, by category, with its
result, and the closing counts. The table comes from the test ids, not from hand-kept lists.

    python -m tests.reliability.report            # runs the suite (~5 min), writes the doc
    python -m tests.reliability.report --junit X  # only rebuild the doc from a junit XML file
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "reliability.md"

# Tests kept elsewhere that this suite relies on instead of repeating them.
ELSEWHERE = [
    "tests/e2e/test_api_server.py::test_bound_to_loopback_only",
    "tests/e2e/test_api_server.py::test_non_loopback_host_is_refused",
    "tests/e2e/test_api_server.py::test_wrong_or_missing_key_is_401",
    "tests/e2e/test_download_cli.py::test_gated_download_via_cli_with_and_without_a_keyring",
    "tests/ui/test_markdown_safety.py::test_hostile_markdown_is_inert",
]

CATEGORY = {  # file -> category
    "test_model_files": "Model files",
    "test_documents": "Documents",
    "test_faults": "Faults",
    "test_hub_faults": "Faults",
    "test_kills": "Kills",
    "test_secrets": "Security",
    "test_chat_pane": "Security",
    "test_api_server": "Security",
    "test_markdown_safety": "Security",
    "test_download_cli": "Faults",
}
ORDER = ["Model files", "Documents", "Faults", "Kills", "Security"]


def run_suite(junit: Path, out_dir: Path) -> int:
    env = dict(os.environ, WREN_RELIABILITY_OUT=str(out_dir))
    cmd = [sys.executable, "-m", "pytest", "tests/reliability", *ELSEWHERE, "-q",
           "-p", "no:cacheprovider", f"--junitxml={junit}"]
    return subprocess.call(cmd, cwd=ROOT, env=env)


def cases(junit: Path) -> list[dict]:
    out = []
    for tc in ET.parse(junit).getroot().iter("testcase"):
        module = tc.get("classname", "").rsplit(".", 1)[-1]
        result = "passed"
        for child in tc:
            if child.tag in ("failure", "error"):
                result = "FAILED"
            elif child.tag == "skipped":
                result = "skipped"
        out.append({"file": module, "name": tc.get("name", ""), "result": result,
                    "seconds": float(tc.get("time") or 0),
                    "category": CATEGORY.get(module, "Other")})
    return out


def _is_input(c: dict) -> bool:
    """A test case that feeds one bad or hostile input (a file, a name, a reply)."""
    return c["category"] in ("Model files", "Documents") or \
        c["name"].startswith(("test_hub_listing_file_names", "test_hostile", "test_message_body"))


def render(rows: list[dict], kills_summary: str) -> str:
    by = defaultdict(list)
    for c in rows:
        by[c["category"]].append(c)
    passed = [c for c in rows if c["result"] == "passed"]
    inputs = sum(1 for c in passed if _is_input(c))
    faults = sum(1 for c in passed if c["category"] == "Faults")
    m = re.match(r"(\d+) kills", kills_summary)
    kill_test_ok = any(c["name"].startswith("test_hundred_kills") and c["result"] == "passed"
                       for c in rows)
    kills = int(m.group(1)) if (m and kill_test_ok) else 0
    lost = re.search(r"(\d+) lost", kills_summary)
    lines = []
    lines.append("| Category | Cases | Passed | Failed | Skipped | Seconds |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    for cat in ORDER + sorted(set(by) - set(ORDER)):
        cs = by.get(cat, [])
        if not cs:
            continue
        lines.append(f"| {cat} | {len(cs)} | {sum(c['result'] == 'passed' for c in cs)} | "
                     f"{sum(c['result'] == 'FAILED' for c in cs)} | "
                     f"{sum(c['result'] == 'skipped' for c in cs)} | "
                     f"{sum(c['seconds'] for c in cs):.0f} |")
    lines.append("")
    for cat in ORDER + sorted(set(by) - set(ORDER)):
        cs = by.get(cat, [])
        if not cs:
            continue
        lines.append(f"### {cat}\n")
        lines.append("| Case | Test file | Result |")
        lines.append("|---|---|---|")
        for c in cs:
            name = c["name"].replace("|", "\\|")
            lines.append(f"| `{name}` | {c['file']}.py | {c['result']} |")
        lines.append("")
    counts = (f"**Counts:** inputs tried: **{inputs}**; faults survived: **{faults}**; kills "
              f"survived: **{kills}**; messages lost: **{lost.group(1) if lost and kill_test_ok else 'n/a'}**.")
    return "\n".join(lines), counts, kills_summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--junit", type=Path, help="rebuild from this junit XML instead of running")
    ap.add_argument("--kills", type=Path, help="kills.txt written by the kill test")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="wren-reliability-"))
    junit = args.junit or tmp / "junit.xml"
    rc = 0
    if args.junit is None:
        rc = run_suite(junit, tmp)
    kills_file = args.kills or tmp / "kills.txt"
    kills_summary = kills_file.read_text().strip() if kills_file.exists() else ""
    table, counts, ks = render(cases(junit), kills_summary)
    head, _, _ = DOC.read_text(encoding="utf-8").partition("<!-- generated -->") \
        if DOC.exists() else ("# Reliability\n\n", "", "")
    body = (f"<!-- generated -->\n<!-- by `python -m tests.reliability.report`; edit the text "
            f"above this line only -->\n\n{table}\n"
            f"Kill test: {ks or 'not run'}\n\n{counts}\n")
    DOC.write_text(head + body, encoding="utf-8")
    print(counts)
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
