"""The document queue in the window: several files or a folder dropped at once.

BatchPanel shows one row per document (name, state, progress, Pause/Resume, Cancel), the
overall progress with an ETA, and "Save summaries to…". BatchController keeps the queue in the
database (app.core.batch.BatchQueue) and hands the inference worker one document at a time, so
a chat turn can run between two documents and pausing or cancelling a waiting document is only a
change of its state. The worker marks an item done (and writes its file) on its own thread.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.batch import BatchClock, BatchItem, BatchQueue, expand_paths


def _fmt_eta(s: float) -> str:
    if s <= 0:
        return ""
    if s < 90:
        return f"{s:.0f} s"
    return f"{s / 60:.0f} min"


class BatchRow(QFrame):
    """One document of the queue."""

    def state_text(self, status: str) -> str:
        # Literal tr() calls, so that pyside6-lupdate finds every state's words.
        return {
            "queued": self.tr("Waiting"),
            "running": self.tr("Reading…"),
            "paused": self.tr("Paused"),
            "done": self.tr("Summary ready"),
            "failed": self.tr("Could not be read"),
            "cancelled": self.tr("Cancelled"),
            "unsupported": self.tr("Not a document Wren reads"),
        }.get(status, status)

    pauseRequested = Signal(int)
    resumeRequested = Signal(int)
    cancelRequested = Signal(int)
    openRequested = Signal(int)

    def __init__(self, item: BatchItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_id = item.id
        self.setObjectName("BatchRow")
        self.setAccessibleName(self.tr("Document %1").replace("%1", item.name))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        top = QHBoxLayout()
        self.name = QLabel(item.name)
        self.name.setToolTip(item.path)
        self.state = QLabel("")
        self.state.setAccessibleName(self.tr("State of %1").replace("%1", item.name))
        self.pause = QPushButton(self.tr("Pause"))
        self.pause.setAccessibleName(self.tr("Pause %1").replace("%1", item.name))
        self.pause.clicked.connect(self._pause_or_resume)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setAccessibleName(self.tr("Cancel %1").replace("%1", item.name))
        self.cancel.clicked.connect(lambda: self.cancelRequested.emit(self.item_id))
        self.open = QPushButton(self.tr("Open"))
        self.open.setAccessibleName(self.tr("Open the summary of %1").replace("%1", item.name))
        self.open.clicked.connect(lambda: self.openRequested.emit(self.item_id))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(140)
        self.progress.setMaximumHeight(10)
        self.progress.setAccessibleName(self.tr("Progress of %1").replace("%1", item.name))
        self.state.setFixedWidth(170)
        for b in (self.pause, self.cancel, self.open):
            sp = b.sizePolicy()
            sp.setRetainSizeWhenHidden(True)  # the progress bars stay in one column
            b.setSizePolicy(sp)
        top.addWidget(self.name, 1)
        top.addWidget(self.progress)
        top.addWidget(self.state)
        top.addWidget(self.pause)
        top.addWidget(self.cancel)
        top.addWidget(self.open)
        lay.addLayout(top)
        self.detail = QLabel("")
        self.detail.setWordWrap(True)
        self.detail.setObjectName("BatchRowDetail")
        self.detail.setStyleSheet("color: palette(mid);")
        self.detail.hide()
        lay.addWidget(self.detail)
        self.status = ""
        self.set_item(item)

    def _pause_or_resume(self) -> None:
        if self.status == "paused":
            self.resumeRequested.emit(self.item_id)
        else:
            self.pauseRequested.emit(self.item_id)

    def _detail(self, text: str) -> None:
        self.detail.setText(text)
        self.detail.setVisible(bool(text))

    def set_item(self, item: BatchItem) -> None:
        self.status = item.status
        self.state.setText(self.state_text(item.status))
        active = item.status in ("queued", "running", "paused")
        self.pause.setVisible(active)
        self.pause.setText(self.tr("Resume") if item.status == "paused" else self.tr("Pause"))
        self.cancel.setVisible(active)
        self.open.setVisible(item.status == "done" and bool(item.conversation_id))
        if item.status == "done":
            self.progress.setValue(1000)
            bits = [self.tr("%1 s").replace("%1", f"{item.elapsed_s:.0f}")]
            if item.output_path:
                bits.append(self.tr("saved as %1").replace("%1", Path(item.output_path).name))
            bits += list(item.warnings)
            if item.error:
                bits.append(item.error)
            self._detail(" · ".join(bits))
        elif item.status in ("failed", "unsupported"):
            self.progress.setValue(0)
            self._detail(item.error)
        elif item.status in ("queued", "cancelled"):
            self.progress.setValue(0)
            self._detail("")
        elif item.status == "paused":
            self.progress.setValue(0)
            self._detail(self.tr("Paused: it starts again from the beginning when resumed "
                                 "(pages already read by OCR are kept)"))

    def set_progress(self, fraction: float, label: str) -> None:
        self.progress.setValue(int(1000 * max(0.0, min(1.0, fraction))))
        self._detail(label)


class BatchPanel(QFrame):
    """The queue: rows, overall progress and ETA, Save summaries to…, Close."""

    saveRequested = Signal(str, str)  # folder, format (md or docx)
    closeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BatchPanel")
        self.setAccessibleName(self.tr("Document queue"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = QLabel(self.tr("<b>Document queue</b>"))
        self.save = QPushButton(self.tr("Save summaries to…"))
        self.save.setAccessibleName(self.tr("Save summaries to a folder"))
        self.save.clicked.connect(self._choose_folder)
        self.format = QComboBox()
        self.format.addItem(self.tr("Markdown (.md)"), "md")
        self.format.addItem(self.tr("Word (.docx)"), "docx")
        self.format.setAccessibleName(self.tr("File format of saved summaries"))
        self.close_btn = QPushButton(self.tr("Close"))
        self.close_btn.setAccessibleName(self.tr("Close the document queue"))
        self.close_btn.clicked.connect(self.closeRequested.emit)
        head.addWidget(self.title, 1)
        head.addWidget(self.format)
        head.addWidget(self.save)
        head.addWidget(self.close_btn)
        lay.addLayout(head)
        self.overall = QProgressBar()
        self.overall.setRange(0, 1000)
        self.overall.setAccessibleName(self.tr("Overall progress"))
        self.overall_label = QLabel("")
        self.overall_label.setAccessibleName(self.tr("Overall progress and time left"))
        lay.addWidget(self.overall)
        lay.addWidget(self.overall_label)
        self.rows_box = QWidget()
        self.rows_lay = QVBoxLayout(self.rows_box)
        self.rows_lay.setContentsMargins(0, 0, 0, 0)
        self.rows_lay.setSpacing(2)
        self.rows_lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.rows_box)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumHeight(230)
        lay.addWidget(scroll, 1)
        self.rows: dict[int, BatchRow] = {}
        self.save_dir = ""

    def add_row(self, item: BatchItem) -> BatchRow:
        row = BatchRow(item)
        self.rows[item.id] = row
        self.rows_lay.insertWidget(self.rows_lay.count() - 1, row)
        return row

    def set_overall(self, fraction: float, done: int, total: int, failed: int, eta_s: float,
                    finished: bool) -> None:
        self.overall.setValue(int(1000 * max(0.0, min(1.0, fraction))))
        if finished:
            text = self.tr("All done: %1 of %2 summarized").replace("%1", str(done - failed)) \
                .replace("%2", str(total))
        else:
            text = self.tr("%1 of %2 documents").replace("%1", str(done)).replace("%2", str(total))
            eta = _fmt_eta(eta_s)
            if eta:
                text += self.tr(", about %1 left").replace("%1", eta)
        if failed:
            text += self.tr(" · %1 could not be read").replace("%1", str(failed))
        if self.save_dir:
            text += self.tr(" · saving to %1").replace("%1", self.save_dir)
        self.overall_label.setText(text)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save summaries to"))
        if folder:
            self.saveRequested.emit(folder, str(self.format.currentData()))


class BatchController(QObject):
    """Runs a batch through the window's inference worker, one document at a time."""

    finished = Signal(int)  # batch id, when nothing is left to do
    itemFinished = Signal(int, dict)  # item id, result
    itemFailed = Signal(int, str)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.queue = BatchQueue(window.store)
        self.batch_id = 0
        self.panel: BatchPanel | None = None
        self.running_seq = 0
        self.running_item = 0
        self.seqs: dict[int, int] = {}  # worker seq -> item id
        self.clock = BatchClock()
        self.had_ocr = False
        w = window.host.worker
        w.docProgress.connect(self._on_progress)
        w.docPlanned.connect(self._on_planned)
        w.docFinished.connect(self._on_finished)
        w.docFailed.connect(self._on_failed)

    def owns(self, seq: int) -> bool:
        return seq in self.seqs

    # ------------------------------------------------------------------ starting
    def add(self, paths: list[str]) -> int:
        """Queue these files and folders (a new batch, or more for the one running)."""
        entries = expand_paths(paths)
        if not entries:
            return 0
        if self.batch_id and self.queue.batch(self.batch_id)["status"] == "running":
            new_ids = set(self.queue.add(self.batch_id, entries))
            items = [i for i in self.queue.items(self.batch_id) if i.id in new_ids]
        else:
            model = self.window.model_state.model_id if self.window.model_state else ""
            self.batch_id, _ = self.queue.open(entries, model=model, options={"window": True})
            items = self.queue.items(self.batch_id)
            self.clock = BatchClock()
            self._new_panel()
        assert self.panel is not None
        for it in items:
            if it.id not in self.panel.rows:
                self._add_row(it)
        self._update_overall()
        self._next()
        return sum(1 for i in items if i.status == "queued")

    def restore(self, batch_id: int) -> int:
        """A window batch that was left unfinished (Wren closed or killed): shown again, and its
        waiting documents go on. Returns how many are left."""
        self.queue.reconcile(batch_id)
        self.batch_id = batch_id
        self.clock = BatchClock()
        self._new_panel()
        assert self.panel is not None
        for it in self.queue.items(batch_id):
            self._add_row(it)
        self._update_overall()
        self._next()
        return sum(1 for i in self.queue.items(batch_id) if i.status in ("queued", "running"))

    def _add_row(self, item: BatchItem) -> None:
        assert self.panel is not None
        row = self.panel.add_row(item)
        row.pauseRequested.connect(self.pause)
        row.resumeRequested.connect(self.resume)
        row.cancelRequested.connect(self.cancel)
        row.openRequested.connect(self.open_item)

    def _new_panel(self) -> None:
        if self.panel is not None:
            self.panel.deleteLater()
        self.panel = BatchPanel()
        self.panel.saveRequested.connect(self.save_to)
        self.panel.closeRequested.connect(self.close_panel)
        self.window.docs.show_batch_panel(self.panel)

    def close_panel(self) -> None:
        if self.panel is not None:
            for it in self.queue.items(self.batch_id):
                if it.status in ("queued", "paused"):
                    self.queue.cancel(it.id)
            if self.running_seq:
                self.queue.cancel(self.running_item)
                self.window.host.worker.cancel_document(self.running_seq)
            self.panel.hide()
            self.panel.deleteLater()
            self.panel = None

    def _next(self) -> None:
        if self.running_seq or not self.batch_id:
            return
        item = self.queue.next_item(self.batch_id)
        if item is None:
            self._update_overall()
            if self.queue.close_if_finished(self.batch_id):
                self.finished.emit(self.batch_id)
            return
        from app.core.preferences import read_preferences
        from app.ui.worker import DocumentRequest

        seq = self.window.host.next_seq()
        self.seqs[seq] = item.id
        self.running_seq, self.running_item = seq, item.id
        self.had_ocr = False
        self.clock.start_item()
        length = read_preferences(self.window.store).summary_length
        self.window.host.submit_document(DocumentRequest(seq, item.path, length=length,
                                                         batch_item=item.id))
        self._refresh(item.id, running=True)

    # ------------------------------------------------------------------ user actions
    def pause(self, item_id: int) -> None:
        if self.queue.pause(item_id) and item_id == self.running_item:
            self.window.host.worker.cancel_document(self.running_seq)
        self._refresh(item_id)

    def resume(self, item_id: int) -> None:
        if self.queue.resume(item_id):
            self._refresh(item_id)
            self._next()

    def cancel(self, item_id: int) -> None:
        if self.queue.cancel(item_id) and item_id == self.running_item:
            self.window.host.worker.cancel_document(self.running_seq)
        self._refresh(item_id)
        self._update_overall()

    def open_item(self, item_id: int) -> None:
        it = self.queue.item(item_id)
        if it is not None and it.conversation_id:
            self.window.open_conversation(it.conversation_id)

    def save_to(self, folder: str, fmt: str) -> list[Path]:
        """Already finished documents are written now (small files), later ones as they end."""
        written = self.queue.set_output(self.batch_id, folder, fmt)
        if self.panel is not None:
            self.panel.save_dir = folder
        for it in self.queue.items(self.batch_id):
            self._refresh(it.id)
        self._update_overall()
        self.window.flash(self.tr("Saved %1 summaries to %2").replace("%1", str(len(written)))
                          .replace("%2", folder))
        return written

    # ------------------------------------------------------------------ worker signals
    def _on_planned(self, seq: int, d: dict) -> None:
        if self.window.closed:
            return  # late signals after the window closed: the store may be closed
        if seq == self.running_seq and self.panel is not None and d.get("ocr"):
            self.had_ocr = True
            self.panel.rows[self.running_item].set_progress(0.0, str(d.get("text", "")))

    def _on_progress(self, seq: int, d: dict) -> None:
        if self.window.closed or seq != self.running_seq or self.panel is None:
            return
        total = max(1, int(d.get("total", 0)))
        part = min(1.0, float(d.get("done", 0)) / total)
        if d.get("phase") == "ocr":
            frac = 0.5 * part
        else:
            frac = (0.5 + 0.5 * part) if self.had_ocr else part
        label = str(d.get("label", ""))
        if d.get("phase") != "ocr" and part >= 1.0:
            label = self.tr("Writing the summary…")
        eta = d.get("eta_s") or 0
        if eta:
            label += self.tr(", about %1 left").replace("%1", _fmt_eta(float(eta)))
        row = self.panel.rows.get(self.running_item)
        if row is not None:
            row.set_progress(frac, label)
        self._update_overall(frac)

    def _on_finished(self, seq: int, result: dict) -> None:
        item_id = self.seqs.pop(seq, 0)
        if not item_id or self.window.closed:
            return
        self._end(seq)
        self.clock.end_item()
        self._refresh(item_id)
        self.window.refresh_conversations()  # the new conversation in the list
        self.itemFinished.emit(item_id, result)
        self._next()

    def _on_failed(self, seq: int, message: str) -> None:
        item_id = self.seqs.pop(seq, 0)
        if not item_id or self.window.closed:
            return
        self._end(seq)
        it = self.queue.item(item_id)
        if it is not None and it.status == "failed":
            self.clock.end_item()
        else:
            self.clock.current_started = 0.0
        self._refresh(item_id)
        self.itemFailed.emit(item_id, message)
        if it is not None and it.status == "queued" and message != "Cancelled":
            # Not started at all (no local model): wait for the user instead of looping.
            self.window.flash(message)
            return
        self._next()

    def _end(self, seq: int) -> None:
        if seq == self.running_seq:
            self.running_seq = self.running_item = 0

    # ------------------------------------------------------------------ display
    def _refresh(self, item_id: int, running: bool = False) -> None:
        it = self.queue.item(item_id)
        if it is None or self.panel is None or item_id not in self.panel.rows:
            return
        row = self.panel.rows[item_id]
        if running and it.status == "queued":
            row.state.setText(self.tr("Reading…"))
            row.progress.setValue(0)
            row.pause.setVisible(True)
            row.cancel.setVisible(True)
            return
        row.set_item(it)

    def _update_overall(self, item_fraction: float = 0.0) -> None:
        if self.panel is None or not self.batch_id:
            return
        current = self.queue.item(self.running_item) if self.running_item else None
        p = self.queue.progress(self.batch_id, current, "", item_fraction, self.clock)
        finished = current is None and self.queue.next_item(self.batch_id) is None and not any(
            i.status == "paused" for i in self.queue.items(self.batch_id))
        self.panel.set_overall(p.overall_fraction, p.done, p.total, p.failed, p.eta_s, finished)


__all__ = ["BatchPanel", "BatchRow", "BatchController"]
