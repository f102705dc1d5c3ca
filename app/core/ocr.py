"""Offline OCR for scanned PDF pages and images (PNG, JPEG, TIFF), with RapidOCR on onnxruntime.

The detection and recognition models ship inside the `rapidocr-onnxruntime` wheel
(`rapidocr_onnxruntime/models/*.onnx`): nothing is downloaded at run time. The engine is created
once per process (about 0.5 s and ~100 MB) and shared; pages are read one at a time, so a
cancel takes effect between pages. OCR text is cached in the data dir's cache/ocr/ by the
file's sha256 and page number, written after every page, so a second summary (or a run that was
cancelled or killed half-way) does not read the same page again.
"""
from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import Cancelled

# A prior for the plan before any page has been read on this machine: seconds per A4 page at
# OCR_DPI with the bundled PP-OCRv4 models (a page of text lines took 4.5-5.5 s
# on the 2-core development machine while other jobs ran). Replaced by the rate measured on this
# machine (cache/ocr/rate.json) as soon as one page has been read, and refined page by page.
OCR_SECONDS_PER_PAGE = 5.0
# PDF pages are rendered at this resolution for OCR: 200 dpi reads 9-pt text and keeps the
# detector's input (which it shrinks anyway) small.
OCR_DPI = 200
# Recognised lines below this confidence are dropped as noise (stains, stamps, bars).
MIN_CONFIDENCE = 0.5
ENGINE_NAME = "rapidocr-onnxruntime"
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
UNREADABLE_PAGE = "OCR found no readable text on this page"


@dataclass(frozen=True)
class OcrProgress:
    """Progress of one document's OCR (plain data for the UI thread / stderr)."""

    name: str
    done: int  # pages finished (read or taken from the cache)
    total: int  # pages that need OCR
    page: int  # 1-based page number just finished (0 before the first)
    rate_s: float  # seconds per page measured so far (or the estimate)
    eta_s: float

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0

    @property
    def label(self) -> str:
        return f"OCR of {self.name}: page {self.done} of {self.total}"


@dataclass(frozen=True)
class OcrPlan:
    """What OCR a document needs before it can be summarized."""

    name: str
    pages: tuple[int, ...]  # 1-based pages without a text layer
    cached: int  # of those, already in the cache
    seconds_per_page: float

    @property
    def to_read(self) -> int:
        return len(self.pages) - self.cached

    @property
    def estimate_s(self) -> float:
        return self.to_read * self.seconds_per_page

    @property
    def text(self) -> str:
        n = len(self.pages)
        s = f"{n} page{'s' if n != 1 else ''} need{'s' if n == 1 else ''} OCR"
        if self.to_read == 0:
            return s + " (all in the OCR cache: no reading needed)"
        if self.cached:
            s += f" ({self.cached} in the OCR cache)"
        return s + f", about {_fmt_s(self.estimate_s)}"


def _fmt_s(s: float) -> str:
    if s < 90:
        return f"{max(1, round(s))} s"
    return f"{s / 60:.0f} min"


@dataclass
class OcrOptions:
    """How extraction may OCR: where to cache, whom to tell, when to stop."""

    enabled: bool = True
    cache_dir: Path | None = None  # the data dir's cache/ (None: no cache, nothing written)
    on_plan: Callable[[OcrPlan], None] | None = None
    on_progress: Callable[[OcrProgress], None] | None = None
    cancel: threading.Event = field(default_factory=threading.Event)


@dataclass(frozen=True)
class OcrPage:
    text: str
    confidence: float  # mean over kept lines (0 when none)
    seconds: float


# ---------------------------------------------------------------------------- the engine
_ENGINE: Any = None
_ENGINE_LOCK = threading.Lock()


def ocr_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


def engine_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{ENGINE_NAME} {version(ENGINE_NAME)}"
    except PackageNotFoundError:
        return ENGINE_NAME


def get_engine() -> Any:
    """The process's RapidOCR instance (its models come from the installed package)."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            # opencv-python (a RapidOCR dependency) points QT_QPA_PLATFORM_PLUGIN_PATH,
            # QT_QPA_FONTDIR and LD_LIBRARY_PATH at its own Qt copy when imported: child
            # processes (model vetting, a second window) would load the wrong Qt plugins.
            saved = dict(os.environ)
            try:
                from rapidocr_onnxruntime import RapidOCR
            finally:
                for k in set(os.environ) - set(saved):
                    del os.environ[k]
                for k, v in saved.items():
                    if os.environ.get(k) != v:
                        os.environ[k] = v

            # onnxruntime's default threads: OCR runs before the document is read by the model,
            # never at the same time as llama.cpp's threads in one job.
            _ENGINE = RapidOCR()
        return _ENGINE


def recognise(image: Any) -> OcrPage:
    """OCR one image (a NumPy RGB array). Lines are joined top to bottom."""
    import numpy as np

    arr = np.ascontiguousarray(image)
    t0 = time.perf_counter()
    result, _ = get_engine()(arr)
    lines = []
    confs = []
    for box, text, conf in result or []:
        if float(conf) >= MIN_CONFIDENCE and str(text).strip():
            top = min(p[1] for p in box)
            left = min(p[0] for p in box)
            lines.append((top, left, str(text).strip()))
            confs.append(float(conf))
    return OcrPage(_join_lines(lines), sum(confs) / len(confs) if confs else 0.0,
                   time.perf_counter() - t0)


def _join_lines(lines: list[tuple[float, float, str]]) -> str:
    """Boxes on one visual line (tops within half a line height) are joined left to right."""
    if not lines:
        return ""
    lines.sort()
    out: list[list[tuple[float, float, str]]] = []
    for ln in lines:
        if out and abs(ln[0] - out[-1][0][0]) < 12:
            out[-1].append(ln)
        else:
            out.append([ln])
    return "\n".join(" ".join(t for _, _, t in sorted(row, key=lambda r: r[1])) for row in out)


# ---------------------------------------------------------------------------- the cache
class OcrCache:
    """cache/ocr/<sha256>.json: {"engine", "dpi", "pages": {"3": {"text", "confidence"}}}."""

    def __init__(self, cache_dir: Path | None):
        self.dir = Path(cache_dir) / "ocr" if cache_dir is not None else None

    def _path(self, sha256: str) -> Path | None:
        return self.dir / f"{sha256}.json" if self.dir is not None else None

    def load(self, sha256: str) -> dict[int, dict[str, Any]]:
        p = self._path(sha256)
        if p is None or not p.is_file():
            return {}
        try:
            data = json.loads(p.read_text("utf-8"))
        except (OSError, ValueError):
            return {}  # a damaged cache file is read again, never trusted
        if data.get("engine") != engine_version() or data.get("dpi") != OCR_DPI:
            return {}
        pages = data.get("pages") or {}
        return {int(k): v for k, v in pages.items() if isinstance(v, dict) and "text" in v}

    def save(self, sha256: str, pages: dict[int, dict[str, Any]]) -> None:
        p = self._path(sha256)
        if p is None:
            return
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            tmp = p.with_name(p.name + ".tmp")
            tmp.write_text(json.dumps({"engine": engine_version(), "dpi": OCR_DPI,
                                       "pages": {str(k): v for k, v in sorted(pages.items())}},
                                      ensure_ascii=False), "utf-8")
            os.replace(tmp, p)
        except OSError:
            pass  # a cache that cannot be written costs time, never the result

    def seconds_per_page(self) -> float:
        """The rate measured on this machine (rate.json), else the built-in estimate."""
        if self.dir is not None:
            try:
                v = float(json.loads((self.dir / "rate.json").read_text())["seconds_per_page"])
                if 0 < v < 600:
                    return v
            except (OSError, ValueError, KeyError, TypeError):
                pass
        return OCR_SECONDS_PER_PAGE

    def save_rate(self, seconds_per_page: float) -> None:
        if self.dir is None or seconds_per_page <= 0:
            return
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            tmp = self.dir / "rate.json.tmp"
            tmp.write_text(json.dumps({"seconds_per_page": round(seconds_per_page, 3)}))
            os.replace(tmp, self.dir / "rate.json")
        except OSError:
            pass


# ---------------------------------------------------------------------------- reading pages
def read_pages(name: str, sha256: str, pages: list[int], render: Callable[[int], Any],
               options: OcrOptions) -> tuple[dict[int, str], list[int]]:
    """OCR the given 1-based pages (render(page) gives an RGB array). Returns the text per
    page and the pages OCR could not read (no text recognised). Raises Cancelled between pages."""
    from app.core.errors import WrenError

    if not ocr_available():
        raise WrenError(f"{name}: this document needs OCR, but the OCR engine "
                        f"({ENGINE_NAME}) is not installed")
    cache = OcrCache(options.cache_dir)
    known = cache.load(sha256) if options.cache_dir is not None else {}
    rate = cache.seconds_per_page()
    plan = OcrPlan(name, tuple(pages), sum(1 for p in pages if p in known), rate)
    if options.on_plan is not None:
        options.on_plan(plan)
    texts: dict[int, str] = {}
    unreadable: list[int] = []
    spent, read = 0.0, 0
    total = len(pages)

    def report(done: int, page: int) -> None:
        if options.on_progress is not None:
            left = sum(1 for p in pages[done:] if p not in known)
            options.on_progress(OcrProgress(name, done, total, page, rate, left * rate))

    report(0, 0)
    for i, page in enumerate(pages, 1):
        if options.cancel.is_set():
            raise Cancelled()
        hit = known.get(page)
        if hit is None:
            result = recognise(render(page))
            hit = {"text": result.text, "confidence": round(result.confidence, 4)}
            known[page] = hit
            cache.save(sha256, known)  # after every page: a cancel or a kill keeps the work
            spent += result.seconds
            read += 1
            rate = spent / read
        text = str(hit.get("text", "")).strip()
        texts[page] = text
        if not text:
            unreadable.append(page)
        report(i, page)
    if read:
        cache.save_rate(rate)
    return texts, unreadable


def render_pdf_page(pdf: Any, page: int) -> Any:
    """A PDF page (1-based) as an RGB NumPy array at OCR_DPI."""
    p = pdf[page - 1]
    try:
        bitmap = p.render(scale=OCR_DPI / 72, rev_byteorder=True)
        try:
            arr = bitmap.to_numpy()
            return arr[:, :, :3].copy() if arr.ndim == 3 and arr.shape[2] == 4 else arr.copy()
        finally:
            bitmap.close()
    finally:
        p.close()


__all__ = ["OcrOptions", "OcrPlan", "OcrProgress", "OcrCache", "read_pages", "recognise",
           "get_engine", "ocr_available", "engine_version", "render_pdf_page", "IMAGE_SUFFIXES",
           "OCR_SECONDS_PER_PAGE", "OCR_DPI", "UNREADABLE_PAGE"]
