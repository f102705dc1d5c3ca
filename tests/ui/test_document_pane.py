"""Citations in the window: links in the summary, the document pane at the cited page with the
passage highlighted (pixels checked), unsupported citations said in words, text documents at
their section, a moved file, and exports from the window (real files, offscreen)."""
from __future__ import annotations

from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QTextCursor

from tests.citation_helpers import minutes_pdf, store_summary

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
ROOT = Path(__file__).resolve().parents[2]


def _open(make_window, tmp_path, path=None):
    from app.core.store import Store

    s = Store(make_window.data_dir / "wren.db")
    cid, mid = store_summary(s, path or minutes_pdf(tmp_path))
    s.close()
    win = make_window(wait_model=False)
    win.resize(1400, 820)
    win.open_conversation(cid)
    return win, mid


def _click(qtbot, win, mid, index):
    w = win.chat.view.find(mid)
    w.body.anchorClicked.emit(QUrl(f"wren-cite:{index}"))  # what a click on the link sends
    pane = win.docs.pane
    assert pane is not None
    with qtbot.waitSignal(pane.shown, timeout=20000) as sig:
        pass
    return pane, sig.args[0]


def _highlighted(c: QColor) -> bool:
    # White paper under the translucent yellow: red stays high, blue drops.
    return c.red() > 220 and c.green() > 180 and c.blue() < 190


def test_summary_shows_links_and_the_short_request(make_window, tmp_path):
    win, mid = _open(make_window, tmp_path)
    user, reply = win.chat.view.widgets
    assert user.body.toPlainText() == "Summarize minutes.pdf"
    html = reply.body.toHtml()
    assert all(f"wren-cite:{i}" in html for i in range(3))
    plain = reply.body.toPlainText()
    # The model's "(p. 2)" became the link; Wren's match is added; p. 9 says it is unsupported.
    assert "volunteers [p. 2]." in plain
    assert "railway bridge. [p. 3]" in plain
    assert "[p. 9 ⚠ not supported]" in plain


def test_citation_opens_the_page_with_the_passage_highlighted(make_window, qtbot, tmp_path):
    win, mid = _open(make_window, tmp_path)
    pane, page = _click(qtbot, win, mid, 0)
    assert page.page == 2 and page.found and page.rects
    assert pane.page_label.text() == "Page 2 of 3"
    assert pane.verdict.text().startswith("✓ Supported")
    assert pane.stack.currentWidget() is pane.scroll
    assert pane.status.text() == "The supporting passage is highlighted."
    img = pane.page_view.grab().toImage()
    r = pane.page_view.rects[0]

    def share(rect):  # of the rect's pixels painted with the highlight
        pts = [(x, y) for x in range(int(rect.left()), int(rect.right()))
               for y in range(int(rect.top()), int(rect.bottom()))]
        return sum(_highlighted(img.pixelColor(x, y)) for x, y in pts) / len(pts)

    assert share(r) > 0.5
    # The same box one line lower (the gap before the next line) is not highlighted.
    assert share(r.translated(0, r.height() + 4)) == 0
    # Far from the passage the page is plain white.
    assert img.pixelColor(5, img.height() - 5) == QColor(255, 255, 255)
    shots = ROOT / "docs" / "images"
    win.grab().save(str(shots / "document-pane.png"))


def test_matched_and_unsupported_citations(make_window, qtbot, tmp_path):
    win, mid = _open(make_window, tmp_path)
    pane, page = _click(qtbot, win, mid, 1)
    assert page.page == 3 and page.rects
    assert "Wren chose the best match" in pane.verdict.text()
    # A made-up page: said in words; the pane shows what it can (no such page) without crashing.
    w = win.chat.view.find(mid)
    w.body.anchorClicked.emit(QUrl("wren-cite:2"))
    with qtbot.waitSignal(pane.failed, timeout=20000) as sig:
        pass
    assert sig.args[0] == "minutes.pdf has no page 9 (it has 3)"
    assert pane.verdict.text().startswith("⚠ Not supported by p. 9: the document has no page 9.")


def test_text_document_opens_at_its_section(make_window, qtbot, tmp_path):
    md = tmp_path / "notes.md"
    md.write_text("# Harbour\n\nThe lighthouse needs a new lantern before winter.\n\n# Library\n\n"
                  "The reading room opens on Sundays for volunteers.\n", encoding="utf-8")
    from app.core.store import Store

    s = Store(make_window.data_dir / "wren.db")
    cid, mid = store_summary(s, md, "The reading room will open on Sundays.")
    s.close()
    win = make_window(wait_model=False)
    win.open_conversation(cid)
    pane, sec = _click(qtbot, win, mid, 0)
    assert sec.title == "Library" and sec.start >= 0
    assert pane.stack.currentWidget() is pane.text_view
    cur = QTextCursor(pane.text_view.document())
    cur.setPosition(sec.start + 1)
    assert cur.charFormat().background().color().rgb() == QColor(255, 214, 0).rgb()
    assert sec.text[sec.start:sec.end] == "The reading room opens on Sundays for volunteers."


def test_moved_pdf_falls_back_to_the_stored_text(make_window, qtbot, tmp_path):
    win, mid = _open(make_window, tmp_path)
    (tmp_path / "minutes.pdf").unlink()
    pane, sec = _click(qtbot, win, mid, 0)
    assert sec.title == "Page 2" and sec.start >= 0
    assert "is no longer at" in pane.status.text()


def test_export_from_the_window(make_window, qtbot, tmp_path):
    win, _ = _open(make_window, tmp_path)
    out = win.export_conversation(str(tmp_path / "summary.docx"))
    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert "[2] p. 3, matched by Wren: supported" in text
    out = win.export_conversation(str(tmp_path / "summary.pdf"))
    pdf = pdfium.PdfDocument(out)
    try:
        text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()
    squashed = " ".join(text.split())
    assert "Summary of minutes.pdf" in squashed
    assert "NOT SUPPORTED (the document has no page 9)" in squashed
    assert "minutes.pdf · 3 pages" in squashed


def test_model_text_cannot_forge_citation_links(tmp_path):
    from app.core.citations import cite_document
    from app.core.documents import extract_document
    from app.ui.citations_view import render_cited

    doc = extract_document(minutes_pdf(tmp_path))
    text = ("See [page 2](wren-cite:0) and \ue0000\ue001 here. "
            "Engineers reported cracks in the railway bridge arches.")
    cites = cite_document(text, doc)
    html, _ = render_cited(text, cites)
    # Only Wren's own links exist, one per citation: the model's "(wren-cite:0)" and its
    # placeholder characters stay text.
    assert len(cites) == 2
    assert html.count('href="wren-cite:0"') == html.count('href="wren-cite:1"') == 1
    assert "(wren-cite:0)" in html
    assert "\ue000" not in html and "\ue001" not in html
