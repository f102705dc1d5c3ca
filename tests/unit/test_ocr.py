"""Scanned PDFs and images read by the real OCR engine (RapidOCR on onnxruntime, models from the
installed wheel): real image-only PDFs and PNG/JPEG/TIFF files rendered here, checked word by
word; the OCR cache by file hash; the plan; cancel between pages; pages OCR cannot read."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.core.documents import NO_OCR_MESSAGE, SCANNED_MESSAGE, DocumentError, extract_document
from app.core.errors import Cancelled
from app.core.ocr import OcrCache, OcrOptions, OcrPlan, ocr_available
from tests.conftest import ROOT
from tests.doc_factory import image_file, scanned_pdf, scanned_text_pdf, text_image

pytestmark = pytest.mark.skipif(not ocr_available(),
                                reason="pip install rapidocr-onnxruntime (a Wren dependency)")

PAGE1 = ["The harbour council met on Monday.", "The budget for the bridge was approved."]
PAGE3 = ["The museum opens in March.", "Tickets cost twelve euros."]


def _words(text: str) -> set[str]:
    return {w.strip(".,;:").lower() for w in text.split()}


def _has_words(text: str, lines: list[str], need: float = 0.8) -> bool:
    """Most words of the rendered lines were recognised, in order (OCR may miss a letter here
    and there, and the PP-OCR models sometimes drop the space between two words: the words are
    looked for in the text with its spaces taken out)."""
    flat = "".join(text.lower().split())
    want = [w.strip(".,;:").lower() for w in " ".join(lines).split()]
    found, at = 0, 0
    for w in want:
        i = flat.find(w, at)
        if i >= 0:
            found, at = found + 1, i + len(w)
    return found >= need * len(want)


def test_scanned_pdf_is_read_by_ocr_in_page_order(tmp_path):
    p = scanned_text_pdf(tmp_path / "minutes.pdf", [PAGE1, ["-"], PAGE3],
                         text_pages={1: ["A typed page about the library."]})
    plans: list[OcrPlan] = []
    progress = []
    doc = extract_document(p, ocr=OcrOptions(cache_dir=tmp_path / "cache", on_plan=plans.append,
                                             on_progress=progress.append))
    assert doc.kind == "pdf" and doc.pages == 3
    assert doc.extra["ocr_pages"] == [1, 3]  # the page with a text layer is not OCR'd
    assert doc.extra["ocr_unreadable"] == []
    by_page = {s.page: s.text for s in doc.sections}
    assert _has_words(by_page[1], PAGE1) and _has_words(by_page[3], PAGE3)
    assert "library" in by_page[2]
    assert "harbour" in by_page[1].lower() and "museum" in by_page[3].lower()
    assert doc.text.index("[Page 1]") < doc.text.index("[Page 2]") < doc.text.index("[Page 3]")
    assert [p.pages for p in plans] == [(1, 3)] and plans[0].cached == 0
    assert plans[0].text.startswith("2 pages need OCR, about ")
    assert [(x.done, x.total) for x in progress] == [(0, 2), (1, 2), (2, 2)]
    assert progress[-1].eta_s == 0


def test_second_read_comes_from_the_cache(tmp_path):
    p = scanned_text_pdf(tmp_path / "scan.pdf", [PAGE1, PAGE3])
    cache = tmp_path / "cache"
    first = extract_document(p, ocr=OcrOptions(cache_dir=cache))
    files = list((cache / "ocr").glob("*.json"))
    assert {f.name for f in files} == {f"{first.sha256}.json", "rate.json"}
    plans: list[OcrPlan] = []
    again = extract_document(p, ocr=OcrOptions(cache_dir=cache, on_plan=plans.append))
    assert again.text == first.text
    assert plans[0].cached == 2 and plans[0].to_read == 0
    assert plans[0].text == "2 pages need OCR (all in the OCR cache: no reading needed)"
    # The measured rate replaces the built-in estimate for the next plan.
    rate = json.loads((cache / "ocr" / "rate.json").read_text())["seconds_per_page"]
    assert OcrCache(cache).seconds_per_page() == rate > 0


def test_a_damaged_cache_file_is_read_again(tmp_path):
    p = scanned_text_pdf(tmp_path / "scan.pdf", [PAGE1])
    cache = tmp_path / "cache"
    doc = extract_document(p, ocr=OcrOptions(cache_dir=cache))
    (cache / "ocr" / f"{doc.sha256}.json").write_text("{not json")
    plans: list[OcrPlan] = []
    again = extract_document(p, ocr=OcrOptions(cache_dir=cache, on_plan=plans.append))
    assert plans[0].cached == 0 and again.text == doc.text


def test_cancel_between_pages_keeps_the_pages_read(tmp_path):
    p = scanned_text_pdf(tmp_path / "long.pdf", [PAGE1, PAGE3, PAGE1])
    cache = tmp_path / "cache"
    cancel = threading.Event()

    def on_progress(pr):
        if pr.done == 1:
            cancel.set()  # as the Cancel button would, from another thread

    with pytest.raises(Cancelled):
        extract_document(p, ocr=OcrOptions(cache_dir=cache, on_progress=on_progress,
                                           cancel=cancel))
    plans: list[OcrPlan] = []
    extract_document(p, ocr=OcrOptions(cache_dir=cache, on_plan=plans.append))
    assert plans[0].cached == 1 and plans[0].to_read == 2


def test_png_jpeg_and_multipage_tiff(tmp_path):
    png = extract_document(image_file(tmp_path / "note.png", PAGE1))
    assert png.kind == "image" and png.pages == 1 and _has_words(png.text, PAGE1)
    jpg = extract_document(image_file(tmp_path / "photo.jpeg", PAGE3))
    assert _has_words(jpg.text, PAGE3)
    tif = extract_document(image_file(tmp_path / "fax.tiff", [PAGE1, PAGE3]))
    assert tif.pages == 2 and tif.extra["ocr_pages"] == [1, 2]
    by_page = {s.page: s.text for s in tif.sections}
    assert _has_words(by_page[1], PAGE1) and _has_words(by_page[2], PAGE3)


def test_a_page_ocr_cannot_read_is_said(tmp_path):
    # Page 2 holds only a black bar (scanned_pdf's page): no text to recognise.
    from PIL import Image

    blank = tmp_path / "bar.png"
    Image.new("RGB", (600, 300), "white").save(blank)
    tif = tmp_path / "two.tiff"
    text_image(PAGE1).save(tif, save_all=True, append_images=[Image.open(blank).convert("RGB")])
    doc = extract_document(tif)
    assert doc.extra["ocr_unreadable"] == [2]
    assert doc.extra["warnings"] == [
        "two.tiff: OCR could not read page 2 (no text recognised); the summary leaves it out"]
    assert _has_words(doc.text, PAGE1)


def test_nothing_readable_is_one_clear_line(tmp_path):
    with pytest.raises(DocumentError) as ei:
        extract_document(scanned_pdf(tmp_path / "bars.pdf"))
    assert str(ei.value) == f"bars.pdf: {SCANNED_MESSAGE}"
    with pytest.raises(DocumentError) as ei:
        extract_document(scanned_text_pdf(tmp_path / "s.pdf", [PAGE1]),
                         ocr=OcrOptions(enabled=False))
    assert str(ei.value) == f"s.pdf: {NO_OCR_MESSAGE}"


@pytest.mark.parametrize("name,data,words", [
    ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 40, "the image is corrupt"),
    ("text.jpg", b"just some text, not a picture\n" * 20, "not a PNG, JPEG or TIFF"),
    ("empty.tiff", b"", "empty"),
])
def test_bad_images(tmp_path, name, data, words):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(DocumentError) as ei:
        extract_document(p)
    msg = str(ei.value)
    assert msg.startswith(f"{name}: ") and words in msg and "\n" not in msg


def test_ocr_runs_with_the_network_cut_off(tmp_path):
    """The models come with the package: OCR works in a process where every socket fails."""
    img = image_file(tmp_path / "offline.png", PAGE1)
    code = (
        "import socket\n"
        "def _no(*a, **k):\n    raise OSError('network disabled by the test')\n"
        "socket.socket = _no; socket.create_connection = _no; socket.getaddrinfo = _no\n"
        "from app.core.documents import extract_document\n"
        f"print(extract_document({str(img)!r}).text)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                       timeout=300)
    assert r.returncode == 0, r.stderr
    assert _has_words(r.stdout, PAGE1)
    import rapidocr_onnxruntime

    models = Path(rapidocr_onnxruntime.__file__).parent / "models"
    assert sorted(p.suffix for p in models.iterdir()) == [".onnx"] * 3


def test_the_ocr_engine_leaves_the_environment_alone():
    """opencv-python sets Qt plugin and library paths on import; Wren puts them back so that
    child processes (and Qt) keep their own."""
    import os

    from app.core.ocr import get_engine

    code = ("import os, json\n"
            "before = dict(os.environ)\n"
            "from app.core.ocr import get_engine\n"
            "get_engine()\n"
            "print(json.dumps({k: v for k, v in os.environ.items() if before.get(k) != v}))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                       timeout=300, env={k: v for k, v in os.environ.items()
                                         if not k.startswith("QT_QPA_PLATFORM_PLUGIN")})
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout.strip().splitlines()[-1]) == {}
    assert get_engine() is get_engine()


def test_a_huge_image_is_refused_before_decoding(tmp_path):
    """A 20000 x 10000 PNG (200 megapixels, a few hundred KB compressed): one line, no decode."""
    from PIL import Image

    p = tmp_path / "poster.png"
    Image.new("1", (20000, 10000), 1).save(p)
    with pytest.raises(DocumentError) as ei:
        extract_document(p)
    assert str(ei.value).startswith("poster.png: refused: the image ")
    assert "megapixels" in str(ei.value)
