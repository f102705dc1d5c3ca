"""Batches and OCR: Wren's OCR path against the OCR engine called directly on the same pages,
OCR's share of a scanned document's summary, a 20-document batch against the sum of single
summaries of the same documents, and memory across the batch.

    python tests/benchmarks/bench_batch.py [--quick]

`run(quick) -> dict` joins tests/benchmarks/run.py. Times are reported, never asserted.
"""
from __future__ import annotations

import gc
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

LINES = ["The harbour council met on Monday to discuss the budget.",
         "The bridge repairs will start in March and end in June.",
         "Tickets for the museum cost twelve euros for adults.",
         "The library opens late on Thursdays for students."]


def _median(xs: list[float]) -> float:
    return float(statistics.median(xs)) if xs else 0.0


def _starter() -> Any:
    from app.core.models import InstalledModel
    from app.core.starter import find_starter_model

    p = find_starter_model()
    if p is None:
        raise SystemExit("the starter model is not installed")
    return InstalledModel("smollm2-135m-instruct", str(p), "SmolLM2 135M Instruct",
                          p.stat().st_size, "starter")


def _scanned(path: Path, pages: int) -> Path:
    from tests.doc_factory import scanned_text_pdf

    return scanned_text_pdf(path, [[f"Page {i + 1}."] + LINES[i % 2:] for i in range(pages)])


# ----------------------------------------------------------------------------- OCR
def bench_ocr(quick: bool) -> list[dict[str, Any]]:
    """Pages/s of extract_document (render + OCR + assembly, no cache) vs RapidOCR called
    directly on the same pages already rendered; interleaved, median of the runs."""
    import numpy as np
    import pypdfium2 as pdfium
    from rapidocr_onnxruntime import RapidOCR

    from app.core.documents import extract_document
    from app.core.ocr import OcrOptions, recognise, render_pdf_page

    pages = 2 if quick else 8
    runs = 1 if quick else 4
    with tempfile.TemporaryDirectory() as tmp:
        pdf_path = _scanned(Path(tmp) / "scan.pdf", pages)
        pdf = pdfium.PdfDocument(str(pdf_path))
        images = [np.ascontiguousarray(render_pdf_page(pdf, i)) for i in range(1, pages + 1)]
        pdf.close()
        direct_engine = RapidOCR()
        # Both engines created and run once before timing (onnxruntime's first run allocates).
        recognise(images[0])
        direct_engine(images[0])
        wren, direct = [], []

        def run_wren() -> Any:
            t0 = time.perf_counter()
            d = extract_document(pdf_path, ocr=OcrOptions(cache_dir=None))
            wren.append(pages / (time.perf_counter() - t0))
            return d

        def run_direct() -> None:
            t0 = time.perf_counter()
            for img in images:
                direct_engine(img)
            direct.append(pages / (time.perf_counter() - t0))

        for i in range(runs):  # A/B, the order alternating
            if i % 2 == 0:
                doc = run_wren()
                run_direct()
            else:
                run_direct()
                doc = run_wren()
        assert doc.extra["ocr_pages"] == list(range(1, pages + 1))
    w, d = _median(wren), _median(direct)
    return [{"name": f"OCR pages/s through Wren vs RapidOCR directly ({pages} pages)",
             "wren": round(w, 3), "raw": round(d, 3), "ratio": round(w / d, 3) if d else None,
             "target": ">= 0.9", "met": bool(d and w / d >= 0.9), "runs": runs,
             "samples": {"wren": [round(x, 3) for x in wren], "raw": [round(x, 3) for x in direct]}}]


def bench_ocr_share(quick: bool) -> list[dict[str, Any]]:
    """OCR's share of the whole time to summarize a scanned PDF (extraction + summary)."""
    from app.core.documents import extract_document
    from app.core.ocr import OcrOptions
    from app.core.store import Store
    from app.core.summarize import Summarizer, SummaryOptions

    pages = 2 if quick else 6
    model = _starter()
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        pdf_path = _scanned(tmpd / "scan.pdf", pages)
        store = Store(tmpd / "wren.db")
        s = Summarizer(store, tmpd / "cache")
        t0 = time.perf_counter()
        doc = extract_document(pdf_path, ocr=OcrOptions(cache_dir=tmpd / "cache"))
        t_ocr = time.perf_counter() - t0
        r = s.summarize(doc, model, SummaryOptions(length="short", temperature=0.0))
        total = time.perf_counter() - t0
        s.engine.unload()
        store.close()
    return [{"name": f"OCR share of a scanned {pages}-page PDF's summary (%)",
             "wren": round(100 * t_ocr / total, 1), "raw": None, "ratio": None,
             "target": "(reported)", "met": None, "ocr_s": round(t_ocr, 2),
             "total_s": round(total, 2), "mode": r.plan.mode}]


# ----------------------------------------------------------------------------- batch
def _rss() -> int:
    import psutil

    return int(psutil.Process().memory_info().rss)


def bench_batch(quick: bool) -> list[dict[str, Any]]:
    """A batch of N documents through BatchRunner vs the sum of N single summaries
    (Summarizer.summarize, same engine, same options), and RSS after every document."""
    from app.core.batch import BatchQueue, BatchRunner, expand_paths
    from app.core.engine import Engine
    from app.core.store import Store
    from app.core.summarize import Summarizer, SummaryOptions
    from tests.doc_factory import prose

    n = 4 if quick else 20
    model = _starter()
    opts = SummaryOptions(length="short", temperature=0.0, seed=1)
    engine = Engine()
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        docs = tmpd / "docs"
        docs.mkdir()
        for i in range(n):
            (docs / f"doc{i:02d}.txt").write_text("\n\n".join(prose(3, 60, seed=100 + i)))
        files = sorted(docs.iterdir())
        # Warm-up: the first load of the model is not part of either side.
        warm = Store(tmpd / "warm.db")
        Summarizer(warm, tmpd / "cache-w", engine).summarize(files[0], model, opts)
        warm.close()

        single_store = Store(tmpd / "single.db")
        single = Summarizer(single_store, tmpd / "cache-s", engine)
        t0 = time.perf_counter()
        for f in files:
            single.summarize(f, model, opts)
        single_total = time.perf_counter() - t0
        single_store.close()

        batch_store = Store(tmpd / "batch.db")
        summ = Summarizer(batch_store, tmpd / "cache-b", engine)
        queue = BatchQueue(batch_store)
        bid, _ = queue.open(expand_paths([docs]), model=model.id)
        runner = BatchRunner(batch_store, summ, model, opts, tmpd / "cache-b")
        rss: list[int] = []

        def on_event(ev: Any) -> None:
            if ev.kind == "done":
                gc.collect()
                rss.append(_rss())

        t0 = time.perf_counter()
        report = runner.run(bid, on_event=on_event)
        batch_total = time.perf_counter() - t0
        batch_store.close()
    engine.unload()
    assert len(report.done) == n, report.to_json()
    # Growth per document: least-squares slope of RSS over the documents after the first.
    ys = rss[1:] if len(rss) > 2 else rss
    xs = list(range(len(ys)))
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    slope = (sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
             / max(1e-9, sum((x - mx) ** 2 for x in xs))) if len(ys) > 1 else 0.0
    ratio = single_total / batch_total if batch_total else None
    return [
        {"name": f"{n}-document batch vs the sum of {n} single summaries (time ratio)",
         "wren": round(batch_total, 2), "raw": round(single_total, 2), "unit": "s",
         "ratio": round(ratio, 3) if ratio else None, "target": ">= 0.95 (single / batch)",
         "met": bool(ratio and ratio >= 0.95)},
        {"name": f"RSS growth per document across the {n}-document batch (MB)",
         "wren": round(slope / 2**20, 2), "raw": None, "ratio": None, "target": "<= 50 MB",
         "met": slope / 2**20 <= 50, "rss_mb": [round(x / 2**20, 1) for x in rss]},
    ]


def run(quick: bool = False) -> dict[str, Any]:
    from app.core.ocr import ocr_available

    results: list[dict[str, Any]] = []
    if ocr_available():
        results += bench_ocr(quick) + bench_ocr_share(quick)
    else:
        results.append({"name": "OCR", "skipped": "pip install rapidocr-onnxruntime"})
    results += bench_batch(quick)
    return {"name": "batch", "results": results}


if __name__ == "__main__":
    res = run("--quick" in sys.argv)
    for r in res["results"]:
        print(json.dumps(r))
