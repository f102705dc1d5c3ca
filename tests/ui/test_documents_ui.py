"""Drop area, document card and the summarize worker (pytest-qt, offscreen, real model)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from app.core.engine import Engine
from app.core.models import InstalledModel
from app.core.summarize import Summarizer, SummaryOptions
from app.ui.documents import DocumentCard, DocumentDropArea, DocumentJob
from tests.doc_factory import prose, text_pdf, wrap

# The offscreen platform warns on show(); that warning says nothing about our code.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _drag(area, mime):
    pos = area.rect().center()
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(area, enter)
    return enter, QPointF(QPoint(pos))


def test_drop_real_file_urls(qtbot, tmp_path):
    a = text_pdf(tmp_path / "a.pdf", [["Hello page one."]])
    b = tmp_path / "b.txt"
    b.write_text("Some notes.", encoding="utf-8")
    area = DocumentDropArea()
    qtbot.addWidget(area)
    area.resize(300, 100)
    area.show()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(a)), QUrl.fromLocalFile(str(b))])
    enter, pos = _drag(area, mime)
    assert enter.isAccepted() and area.hovering
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(area.filesDropped, timeout=2000) as sig:
        QApplication.sendEvent(area, drop)
    assert drop.isAccepted()
    assert sig.args[0] == [str(a), str(b)]
    assert not area.hovering


def test_drop_of_web_links_is_refused(qtbot):
    area = DocumentDropArea()
    qtbot.addWidget(area)
    area.show()
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.org/report.pdf")])
    mime.setText("just text")
    enter, pos = _drag(area, mime)
    assert not enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.assertNotEmitted(area.filesDropped):
        QApplication.sendEvent(area, drop)


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


@pytest.fixture(scope="module")
def ui_engine():
    e = Engine()
    yield e
    e.unload()


@pytest.fixture
def starter_installed(starter_model):
    return InstalledModel("smollm2-135m-instruct", str(starter_model), "SmolLM2 135M",
                          starter_model.stat().st_size, "starter")


def _run_job(qtbot, job, timeout=240_000):
    with qtbot.waitSignal(job.done, timeout=timeout):
        job.start()
    job.thread.wait()


def test_worker_summarizes_dropped_pdf_off_the_gui_thread(qtbot, store, data_dir, tmp_path,
                                                          ui_engine, starter_installed):
    pdf = text_pdf(tmp_path / "minutes.pdf", [wrap(prose(2, seed=4)), ["The end of the meeting."]])
    s = Summarizer(store, data_dir / "cache", ui_engine)
    job = DocumentJob(s, str(pdf), starter_installed, SummaryOptions(length="short"))
    qtbot.addWidget(job.card)
    plans, progress, results = [], [], []
    job.worker.planned.connect(plans.append)
    job.worker.progress.connect(progress.append)
    job.worker.finished.connect(results.append)
    _run_job(qtbot, job)
    assert results and results[0]["mode"] == "single-pass" and results[0]["text"].strip()
    assert plans and "one pass" in job.card.plan.text()
    assert progress and job.card.progress.value() == 1000
    assert "2 pages" in job.card.details.text()
    assert "Summary ready" in job.card.status.text()
    assert [d.name for d in store.list_documents()] == ["minutes.pdf"]


def test_worker_bad_document_shows_one_line_and_stores_nothing(qtbot, store, data_dir, tmp_path,
                                                               ui_engine, starter_installed):
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    s = Summarizer(store, data_dir / "cache", ui_engine)
    job = DocumentJob(s, str(bad), starter_installed, SummaryOptions())
    qtbot.addWidget(job.card)
    errors = []
    job.worker.failed.connect(errors.append)
    _run_job(qtbot, job, timeout=30_000)
    assert errors and "photo.txt" in errors[0] and "\n" not in errors[0]
    assert job.card.status.text() == errors[0]
    assert store.list_documents() == []


def test_cancel_button_stops_reading(qtbot, store, data_dir, tmp_path, ui_engine,
                                     starter_installed):
    p = tmp_path / "long.txt"
    p.write_text("\n\n".join(prose(30, seed=9)), encoding="utf-8")
    s = Summarizer(store, data_dir / "cache", ui_engine)
    job = DocumentJob(s, str(p), starter_installed, SummaryOptions(length="short"))
    qtbot.addWidget(job.card)
    cancelled = []
    job.worker.cancelled.connect(lambda: cancelled.append(True))
    job.worker.progress.connect(lambda _p: job.card.cancel.click())
    _run_job(qtbot, job)
    assert cancelled and job.card.status.text() == "Cancelled"
    assert store.list_documents() == []
