"""A folder dropped on the real window (offscreen, real starter model): the document queue with
per-document and overall progress, pause/resume and cancel per item, files Wren cannot read
listed with their reason, "Save summaries to…", and a screenshot of the queue."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.doc_factory import prose
from tests.ui.test_integration import drop_files

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"


def _folder(tmp_path: Path) -> Path:
    d = tmp_path / "Board papers"
    d.mkdir()
    (d / "01 annual report.txt").write_text("\n\n".join(prose(14, seed=21)))
    (d / "02 minutes.md").write_text("# Minutes\n\n" + "\n\n".join(prose(2, seed=22)))
    (d / "03 notes.txt").write_text("\n\n".join(prose(2, seed=23)))
    (d / "04 empty.txt").write_bytes(b"")
    (d / "05 budget.xlsx").write_bytes(b"PK\x03\x04 not really a spreadsheet")
    (d / "06 letter.txt").write_text("\n\n".join(prose(1, seed=26)))
    return d


def test_folder_drop_queue_pause_resume_cancel_and_save(make_window, qtbot, tmp_path,
                                                         monkeypatch):
    win = make_window(max_tokens=24)
    win.dismiss_welcome()
    win.store.set_setting("documents.summary_length", "short")
    folder = _folder(tmp_path)
    drop = drop_files(win, [folder])
    assert drop.isAccepted()
    ctl = win.docs.batch
    panel = ctl.panel
    assert panel is not None and panel.isVisible()
    rows = {r.name.text(): r for r in panel.rows.values()}
    assert list(rows) == ["01 annual report.txt", "02 minutes.md", "03 notes.txt",
                          "04 empty.txt", "05 budget.xlsx", "06 letter.txt"]
    assert rows["05 budget.xlsx"].detail.text().startswith(
        "05 budget.xlsx: unsupported document type: '.xlsx' files")
    assert not rows["05 budget.xlsx"].pause.isVisible()
    for r in rows.values():
        assert r.accessibleName().startswith("Document ")
        assert r.pause.accessibleName() and r.cancel.accessibleName()

    def status(name: str) -> str:
        return ctl.queue.item(rows[name].item_id).status

    # Waiting documents: pause one, cancel another (only their state changes).
    rows["03 notes.txt"].pause.click()
    rows["06 letter.txt"].cancel.click()
    assert status("03 notes.txt") == "paused" and rows["03 notes.txt"].pause.text() == "Resume"
    assert status("06 letter.txt") == "cancelled"
    # The running document: paused while it is being read.
    first = rows["01 annual report.txt"]
    qtbot.waitUntil(lambda: first.progress.value() > 0, timeout=120000)
    first.pause.click()
    qtbot.waitUntil(lambda: status("01 annual report.txt") == "paused" and ctl.running_seq == 0
                    and status("04 empty.txt") == "failed", timeout=240000)
    assert status("02 minutes.md") == "done"
    assert rows["04 empty.txt"].detail.text() == "04 empty.txt: the document is empty (0 bytes)"
    assert "All done" not in panel.overall_label.text()  # two paused documents remain
    # Resume one: it runs; the screenshot shows the queue mid-way.
    rows["03 notes.txt"].pause.click()
    qtbot.waitUntil(lambda: rows["03 notes.txt"].progress.value() > 0, timeout=120000)
    assert "of 4 documents" in panel.overall_label.text()
    assert 0 < panel.overall.value() < 1000
    rows["02 minutes.md"].open.click()  # a summary above the queue, for the screenshot
    assert win.conv_id == ctl.queue.item(rows["02 minutes.md"].item_id).conversation_id
    qtbot.waitUntil(lambda: len(win.chat.view.widgets) == 2
                    and win.chat.view.widgets[-1].isVisible(), timeout=10000)
    assert win.conversations.list.count() == 1  # the list shows the summaries' conversations
    IMAGES.mkdir(parents=True, exist_ok=True)
    assert win.grab().save(str(tmp_path / "batch_queue.png"))
    if os.environ.get("WREN_SHOTS") or not (IMAGES / "batch_queue.png").exists():
        shutil.copy(tmp_path / "batch_queue.png", IMAGES / "batch_queue.png")
    with qtbot.waitSignal(ctl.finished, timeout=240000):
        first.pause.click()  # Resume
    assert {n: status(n) for n in rows} == {
        "01 annual report.txt": "done", "02 minutes.md": "done", "03 notes.txt": "done",
        "04 empty.txt": "failed", "05 budget.xlsx": "unsupported", "06 letter.txt": "cancelled"}
    assert panel.overall_label.text().startswith("All done: 3 of 4 summarized")
    assert panel.overall.value() == 1000
    docs = sorted(d.name for d in win.store.list_documents())
    assert docs == ["01 annual report.txt", "02 minutes.md", "03 notes.txt"]
    # Save summaries to…: a file per summarized document.
    from PySide6.QtWidgets import QFileDialog

    out = tmp_path / "saved"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: str(out)))
    panel.format.setCurrentIndex(panel.format.findData("docx"))
    panel.save.click()
    assert sorted(p.name for p in out.iterdir()) == [
        "01 annual report.txt.summary.docx", "02 minutes.md.summary.docx",
        "03 notes.txt.summary.docx"]
    assert "saved as 02 minutes.md.summary.docx" in rows["02 minutes.md"].detail.text()
    # Open: the document's conversation.
    rows["02 minutes.md"].open.click()
    assert win.conv_id == ctl.queue.item(rows["02 minutes.md"].item_id).conversation_id


def test_folder_with_a_scanned_pdf_is_read_by_ocr_in_the_queue(make_window, qtbot, tmp_path):
    from app.core.ocr import ocr_available
    from tests.doc_factory import scanned_text_pdf

    if not ocr_available():
        pytest.skip("pip install rapidocr-onnxruntime (a Wren dependency)")
    win = make_window(max_tokens=24)
    win.store.set_setting("documents.summary_length", "short")
    d = tmp_path / "Mixed"
    d.mkdir()
    (d / "a letter.txt").write_text("\n\n".join(prose(1, seed=31)))
    scanned_text_pdf(d / "b scan.pdf", [["The harbour council met on Monday.",
                                         "The budget for the bridge was approved."]])
    plans: list[str] = []
    win.host.worker.docPlanned.connect(lambda _seq, p: plans.append(p.get("text", "")))
    from app.ui.batch_panel import BatchController

    ctl = win.docs.batch = BatchController(win)  # made on the first drop; here first, to wait on it
    with qtbot.waitSignal(ctl.finished, timeout=300000):
        drop_files(win, [d])
    items = {i.name: i for i in ctl.queue.items(ctl.batch_id)}
    assert [i.status for i in items.values()] == ["done", "done"]
    assert any(p.startswith("1 page needs OCR") for p in plans), plans
    doc = win.store.get_document(items["b scan.pdf"].document_id)
    assert "harbour" in doc.text.lower() and "bridge" in doc.text.lower()
    assert ctl.panel.overall_label.text().startswith("All done: 2 of 2 summarized")


def test_a_queue_left_unfinished_goes_on_when_the_window_opens(make_window, qtbot, data_dir,
                                                                tmp_path):
    """Wren closed (or killed) with documents waiting: the next window shows the queue and
    summarizes what is left; the document that was being read when it stopped is read again."""
    from app.core.batch import BatchQueue, expand_paths
    from app.core.store import Store

    d = tmp_path / "left"
    d.mkdir()
    for i in (1, 2):
        (d / f"note {i}.txt").write_text("\n\n".join(prose(1, seed=40 + i)))
    s = Store(data_dir / "wren.db")
    q = BatchQueue(s)
    bid, _ = q.open(expand_paths([d]), options={"window": True})
    q.start(q.items(bid)[0].id)  # it was being read when the process died
    s.close()
    win = make_window(wait_model=False, max_tokens=24)
    win.store.set_setting("documents.summary_length", "short")
    qtbot.waitUntil(lambda: win.docs.batch is not None and win.docs.batch.queue.batch(bid)["status"]
                    == "done", timeout=300000)
    assert [i.status for i in win.docs.batch.queue.items(bid)] == ["done", "done"]
    assert sorted(x.name for x in win.store.list_documents()) == ["note 1.txt", "note 2.txt"]
