"""Documents dropped on the real window (pytest-qt, offscreen, real model): what it takes and
refuses, the card, and the summary job on the inference thread."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from app.ui.documents import DocumentCard
from tests.doc_factory import prose, text_pdf, wrap
from tests.ui.test_integration import drop_files

# The offscreen platform warns on show(); that warning says nothing about our code.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _cards(win) -> list[DocumentCard]:
    return win.findChildren(DocumentCard)


def test_window_refuses_web_links_and_unknown_files(make_window, qtbot, tmp_path):
    win = make_window(wait_model=False)
    odd = tmp_path / "setup.exe"
    odd.write_bytes(b"MZ")
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.org/report.pdf"), QUrl.fromLocalFile(str(odd))])
    mime.setText("just text")
    target = win.chat.view.viewport()
    pos = win.mapFromGlobal(target.mapToGlobal(target.rect().center()))
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, enter)
    assert not enter.isAccepted()
    drop = QDropEvent(QPointF(QPoint(pos)), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, drop)
    assert not drop.isAccepted()
    assert _cards(win) == [] and win.store.list_documents() == []


def test_card_shows_plan_and_progress(qtbot):
    card = DocumentCard("report <final>.pdf")
    qtbot.addWidget(card)
    assert "&lt;final&gt;" in card.title.text()
    card.set_document({"kind": "pdf", "pages": 12, "chars": 40000})
    assert card.details.text() == "PDF · 12 pages · 40,000 characters"
    card.set_plan({"text": "Reading 9,000 tokens in one pass with X", "document_tokens": 9000})
    assert "one pass" in card.plan.text() and "9,000 tokens" in card.details.text()
    assert "12 pages" in card.details.text()
    card.set_progress({"label": "Reading", "done": 4500, "total": 9000, "rate": 150.0,
                       "eta_s": 30.0})
    assert card.progress.value() == 500 and "about 30 s left" in card.status.text()
    with qtbot.waitSignal(card.cancelRequested, timeout=1000):
        card.cancel.click()


def test_dropped_pdf_is_summarized_off_the_gui_thread(make_window, qtbot, tmp_path):
    win = make_window(max_tokens=24)
    win.store.set_setting("documents.summary_length", "short")
    pdf = text_pdf(tmp_path / "minutes.pdf", [wrap(prose(2, seed=4)), ["The end of the meeting."]])
    # Direct connections run in the emitting thread: they tell where the job ran.
    threads: set[int] = set()
    worker = win.host.worker
    for sig in (worker.docPlanned, worker.docProgress):
        sig.connect(lambda *_a: threads.add(threading.get_ident()),
                    Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(win.documentFinished, timeout=240_000) as done:
        assert drop_files(win, [pdf]).isAccepted()
    assert done.args[0]["mode"] == "single-pass" and done.args[0]["text"].strip()
    assert threads and threading.main_thread().ident not in threads
    [card] = _cards(win)
    assert "one pass" in card.plan.text() and card.progress.value() == 1000
    assert "2 pages" in card.details.text() and "Summary ready" in card.status.text()
    assert [d.name for d in win.store.list_documents()] == ["minutes.pdf"]


def test_dropped_bad_document_shows_one_line_and_stores_nothing(make_window, qtbot, tmp_path):
    win = make_window(max_tokens=24)
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with qtbot.waitSignal(win.documentFailed, timeout=30_000) as failed:
        assert drop_files(win, [bad]).isAccepted()
    message = failed.args[0]
    assert "photo.txt" in message and "\n" not in message
    [card] = _cards(win)
    assert card.status.text() == message
    assert win.store.list_documents() == []
