"""Documents in the window: a drop area (drag files or Attach), a card per document (name,
pages, tokens, plan, progress, Cancel), and the worker that extracts and summarizes off the GUI
thread. The core job is app.core.summarize.Summarizer; the worker only relays plain data.

Wiring (for the chat pane): put a DocumentDropArea over/around the conversation view, connect
`filesDropped` to start a DocumentJob per file, and add its `card` to the conversation.
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.documents import SUPPORTED_SUFFIXES

PATTERNS = " ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES))
FILE_FILTER = f"Documents ({PATTERNS})"


def file_filter() -> str:
    """The file dialog's filter, its label in the user's language."""
    return QCoreApplication.translate("DocumentDropArea", "Documents ({patterns})").format(
        patterns=PATTERNS)


def local_files(mime: Any) -> list[str]:
    """Local file paths in a drag's QMimeData (non-file URLs are ignored)."""
    if mime is None or not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


class DocumentDropArea(QFrame):
    """Accepts files dropped from the file manager, and has an Attach button."""

    filesDropped = Signal(list)  # list[str] of local paths

    def __init__(self, parent: QWidget | None = None, hint: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DocumentDropArea")
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QHBoxLayout(self)
        self.label = QLabel(self.tr("{hint} (PDF, DOCX, TXT, MD, HTML...)").format(
            hint=hint or self.tr("Drop documents here")))
        self.attach = QPushButton(self.tr("Attach…"))
        self.attach.setToolTip(self.tr("Choose documents to summarize or ask about"))
        self.attach.setAccessibleName(self.tr("Attach documents"))
        self.attach.clicked.connect(self._choose)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.attach)
        self._hovering = False

    @property
    def hovering(self) -> bool:
        return self._hovering

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event.mimeData()):
            self._hovering = True
            self.setProperty("hover", True)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: Any) -> None:
        self._hovering = False
        self.setProperty("hover", False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event.mimeData())
        self._hovering = False
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.filesDropped.emit(files)

    def _choose(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach documents"), "",
                                                file_filter())
        if files:
            self.filesDropped.emit(files)


class DocumentCard(QFrame):
    """What the conversation shows for a document: name, pages, tokens, plan, progress, Cancel."""

    cancelRequested = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DocumentCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.doc_name = name
        self._kind = ""
        self._pages = ""
        lay = QVBoxLayout(self)
        self.title = QLabel(f"<b>{_esc(name)}</b>")
        self.details = QLabel(self.tr("Reading the file…"))
        self.plan = QLabel("")
        self.plan.setWordWrap(True)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.progress.setAccessibleName(self.tr("Reading {name}").format(name=name))
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setAccessibleName(self.tr("Cancel reading {name}").format(name=name))
        self.status.setAccessibleName(self.tr("Status of {name}").format(name=name))
        self.cancel.clicked.connect(self.cancelRequested.emit)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel)
        for w in (self.title, self.details, self.plan):
            lay.addWidget(w)
        lay.addLayout(row)
        lay.addWidget(self.status)

    @Slot(dict)
    def set_document(self, d: dict) -> None:
        self._kind = d.get("kind", "").upper()
        self._pages = self.tr("%Ln page(s)", "", int(d["pages"])) if d.get("pages") else ""
        if d.get("tokens"):
            size = self.tr("%Ln token(s)", "", int(d["tokens"]))
        else:
            size = self.tr("%Ln character(s)", "", int(d.get("chars", 0)))
        self._show_details(size)

    def _show_details(self, size: str) -> None:
        bits = [self._kind, self._pages, size]
        self.details.setText(" · ".join(b for b in bits if b))

    @Slot(dict)
    def set_plan(self, plan: dict) -> None:
        self.plan.setText(plan.get("text", ""))
        if plan.get("document_tokens"):
            # The tokenizer's count replaces the character count; kind and pages stay.
            self._show_details(self.tr("%Ln token(s)", "", int(plan["document_tokens"])))

    @Slot(dict)
    def set_progress(self, p: dict) -> None:
        total = max(1, int(p.get("total", 0)))
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(1000 * min(1.0, p.get("done", 0) / total)))
        eta = p.get("eta_s") or 0
        rate = p.get("rate") or 0
        loc = self.locale()
        done = loc.toString(int(p.get("done", 0)))
        if p.get("unit", "tokens") == "tokens":
            line = self.tr("{step}: {done}/{total} tokens, {rate} tok/s").format(
                step=p.get("label", ""), done=done, total=loc.toString(total),
                rate=loc.toString(round(rate)))
        else:  # OCR: pages
            line = self.tr("{step}: {done}/{total} pages").format(
                step=p.get("label", ""), done=done, total=loc.toString(total))
        if eta:
            line = self.tr("{progress}, about {seconds} s left").format(progress=line,
                                                                        seconds=f"{eta:.0f}")
        self.status.setText(line)

    @Slot(dict)
    def set_finished(self, result: dict) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(1000)
        self.cancel.setEnabled(False)
        self.status.setText(self.tr("Summary ready ({mode}, {seconds} s)").format(
            mode=result.get("mode", ""), seconds=f"{result.get('elapsed_s', 0):.0f}"))

    @Slot(str)
    def set_failed(self, message: str) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.cancel.setEnabled(False)
        self.status.setText(message)


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SummarizeWorker(QObject):
    """Runs extraction + summarization on its own thread. Emits plain dicts and strings only."""

    extracted = Signal(dict)
    planned = Signal(dict)
    progress = Signal(dict)
    text = Signal(str)
    finished = Signal(dict)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()  # after any of finished/failed/cancelled

    def __init__(self, summarizer: Any, path: str, model: Any, options: Any,
                 conversation_id: int | None = None) -> None:
        super().__init__()
        self.summarizer = summarizer
        self.path = path
        self.model = model
        self.options = options
        self.conversation_id = conversation_id

    def cancel(self) -> None:  # any thread
        self.summarizer.cancel()

    @Slot()
    def run(self) -> None:
        from app.core.documents import extract_document
        from app.core.errors import Cancelled, WrenError

        try:
            doc = extract_document(self.path)
            self.extracted.emit({"name": doc.name, "kind": doc.kind, "pages": doc.pages,
                                 "chars": doc.chars, "path": doc.path})
            result = self.summarizer.summarize(
                doc, self.model, self.options, conversation_id=self.conversation_id,
                on_plan=lambda p: self.planned.emit(p.to_dict()),
                on_progress=lambda p: self.progress.emit({**asdict(p), "fraction": p.fraction}),
                on_text=self.text.emit)
            self.finished.emit(result.to_json())
        except Cancelled:
            self.cancelled.emit()
        except WrenError as e:
            self.failed.emit(str(e))
        except Exception as e:  # a bug: still one line in the card, never a crash
            self.failed.emit(self.tr("Unexpected error: {error}").format(
                error=f"{type(e).__name__}: {e}"))
        finally:
            self.done.emit()


class DocumentJob(QObject):
    """A card plus its worker thread. Keep a reference until `done`."""

    done = Signal()

    def __init__(self, summarizer: Any, path: str, model: Any, options: Any,
                 conversation_id: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.card = DocumentCard(Path(path).name)
        self.thread = QThread()
        self.thread.setObjectName(f"document:{Path(path).name}")
        self.worker = SummarizeWorker(summarizer, path, model, options, conversation_id)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        w, c = self.worker, self.card
        w.extracted.connect(c.set_document)
        w.planned.connect(c.set_plan)
        w.progress.connect(c.set_progress)
        w.finished.connect(c.set_finished)
        w.failed.connect(c.set_failed)
        w.cancelled.connect(lambda: c.set_failed(self.tr("Cancelled")))
        w.done.connect(self.thread.quit)
        self.thread.finished.connect(self.done.emit)
        c.cancelRequested.connect(w.cancel, Qt.ConnectionType.DirectConnection)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        """Cancel and wait for the thread (window closing)."""
        if self.thread.isRunning():
            self.worker.cancel()
            self.thread.quit()
            self.thread.wait()
