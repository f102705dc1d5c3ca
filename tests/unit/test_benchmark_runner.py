"""The benchmark command runs and writes its results file (no timing is asserted)."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(tmp_path: Path, only: str) -> tuple[subprocess.CompletedProcess, list[dict]]:
    out = tmp_path / "results.json"
    r = subprocess.run([sys.executable, str(ROOT / "tests" / "benchmarks" / "run.py"), "--quick",
                        "--only", only, "--out", str(out)],
                       capture_output=True, text=True, timeout=300, cwd=str(ROOT))
    assert r.returncode == 0, r.stderr
    return r, json.loads(out.read_text())["results"]


def test_run_py_writes_results(tmp_path):
    r, (res,) = _run(tmp_path, "bandwidth")
    assert res["bandwidth_gb_s"] > 0 and res["bound_tok_s"] > 0
    assert "decode vs memory-bandwidth bound" in r.stdout


def test_module_results_become_table_rows(tmp_path):
    # bench_gui returns its own detail dict; the runner turns it into rows with targets.
    r, (stall, launch, returning) = _run(tmp_path, "bench_gui")
    assert stall["name"].startswith("GUI stall") and stall["target"] == "p99 <= 16 ms"
    assert stall["wren"] == stall["stall_p99_ms"] > 0 and isinstance(stall["met"], bool)
    assert launch["name"] == "launch to first frame, no model (s)" and launch["wren"] > 0
    assert launch["met"] == (launch["wren"] <= 1.0)
    assert returning["name"].startswith("launch to first frame, last conversation")
    for row in (stall, launch, returning):
        assert row["name"] in r.stdout


def test_citation_benchmark_quick_path(tmp_path):
    r, (share, counts) = _run(tmp_path, "bench_citations")
    assert share["name"].startswith("citation checking, share of a summary's time")
    assert share["target"] == "<= 2 %" and isinstance(share["met"], bool)
    [doc] = share["documents"]
    assert doc["document"] == "minutes.pdf" and doc["pages"] == 3 and doc["summary_s"] > 0
    assert counts["raw"] == doc["citations"] >= 1 and counts["wren"] == doc["supported"]
    assert share["name"] in r.stdout and counts["name"] in r.stdout
