"""Citation checking: its share of a summary's time (target <= 2 %), and how many citations of
the test documents Wren could support.

    python tests/benchmarks/bench_citations.py [--quick]

Summarizes real documents (PDFs with known page texts from tests/doc_factory.py, a Markdown
file) with the starter model, then times the citation step alone on the same summary, median of
several runs, against the summary's whole time. `run(quick) -> list` joins
tests/benchmarks/run.py. Times are reported, never asserted.
"""
from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_PCT = 2.0


def _documents(tmp: Path, quick: bool) -> list[Path]:
    from tests.doc_factory import prose, text_pdf, wrap

    minutes = text_pdf(tmp / "minutes.pdf", [
        wrap(["The harbour council met on Monday to approve the new lighthouse budget. "
              "Members agreed to spend 4200 pounds on lantern repairs before winter."]),
        wrap(["The village library will open on Sundays from March. Volunteers from the "
              "orchard society offered to staff the reading room."]),
        wrap(["A railway bridge over the river needs urgent inspection. Engineers reported "
              "cracks in two stone arches near the meadow."]),
    ])
    docs = [minutes]
    if quick:
        return docs
    report = text_pdf(tmp / "report.pdf",
                      [wrap(prose(3, seed=s, tag=f"Chapter {s}. ")) for s in range(1, 13)])
    notes = tmp / "notes.md"
    notes.write_text("\n\n".join(f"# Part {i}\n\n" + "\n\n".join(prose(2, seed=20 + i))
                                 for i in range(1, 7)), encoding="utf-8")
    return docs + [report, notes]


def _starter() -> Any:
    from app.core.models import InstalledModel
    from app.core.starter import find_starter_model

    p = find_starter_model()
    if p is None:
        raise SystemExit("the starter model is not installed")
    return InstalledModel("smollm2-135m-instruct", str(p), "SmolLM2 135M Instruct",
                          p.stat().st_size, "starter")


def run(quick: bool = False) -> list[dict[str, Any]]:
    from app.core.citations import SourceIndex, cite
    from app.core.documents import extract_document
    from app.core.engine import Engine
    from app.core.store import Store
    from app.core.summarize import Summarizer, SummaryOptions

    tmp = Path(tempfile.mkdtemp(prefix="wren-bench-cite-"))
    store = Store(tmp / "wren.db")
    engine = Engine()
    summarizer = Summarizer(store, tmp / "cache", engine)
    model = _starter()
    repeats = 5 if quick else 11
    per_doc = []
    try:
        for path in _documents(tmp, quick):
            doc = extract_document(path)
            r = summarizer.summarize(doc, model, SummaryOptions(length="medium"))
            times = []
            for _ in range(repeats):  # the whole step: index the document, split, check
                t0 = time.perf_counter()
                cites = cite(r.text, SourceIndex.for_document(doc))
                times.append(time.perf_counter() - t0)
            cite_s = statistics.median(times)
            per_doc.append({
                "document": path.name, "pages": doc.pages, "mode": r.plan.mode,
                "summary_s": round(r.elapsed_s, 3), "citation_s": round(cite_s, 5),
                "share_pct": round(100 * cite_s / r.elapsed_s, 3) if r.elapsed_s else None,
                "citations": len(cites), "supported": sum(c.supported for c in cites),
                "cited_by_model": sum(c.source == "cited" for c in cites),
                # A small model repeats itself ("- Tower Bridge" 60 times): count each once too.
                "distinct_sentences": len({c.sentence for c in cites}),
                "distinct_supported": len({c.sentence for c in cites if c.supported}),
            })
    finally:
        engine.unload()
        store.close()
    worst = max(d["share_pct"] or 0 for d in per_doc)
    total = sum(d["citations"] for d in per_doc)
    ok = sum(d["supported"] for d in per_doc)
    return [
        {"name": "citation checking, share of a summary's time (worst document, %)",
         "wren": worst, "raw": None, "ratio": None, "target": f"<= {TARGET_PCT:g} %",
         "met": worst <= TARGET_PCT, "documents": per_doc},
        {"name": "citations of the test documents supported (count)", "wren": ok, "raw": total,
         "ratio": round(ok / total, 3) if total else None, "target": "(reported)", "met": None,
         "cited_by_model": sum(d["cited_by_model"] for d in per_doc),
         "distinct_supported": sum(d["distinct_supported"] for d in per_doc),
         "distinct_sentences": sum(d["distinct_sentences"] for d in per_doc)},
    ]


if __name__ == "__main__":
    rows = run("--quick" in sys.argv)
    print(json.dumps(rows, indent=2))
