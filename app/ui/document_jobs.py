"""Documents in the window: attached, dropped or passed files become summary jobs on the
inference thread (one card each in the chat), several files or a folder go to the document
queue (app/ui/batch_panel.py); a citation opens its source in the document pane.

Strings keep the window's translation context ("MainWindow"): they were written there first.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from app.ui.worker import DocumentRequest

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

DOCUMENT_SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".markdown", ".rst", ".csv", ".tsv",
                     ".html", ".htm", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


class DocumentJobs(QObject):
    """Owned by the window. A QObject so that the worker's document signals, connected to its
    bound methods, are queued to the GUI thread."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.cards: dict[int, Any] = {}  # seq -> DocumentCard while its job runs
        self.pending: list[str] = []  # queued until a model is loaded
        self.batch: Any = None  # app.ui.batch_panel.BatchController, on the first batch
        self.pane: Any = None  # app.ui.document_pane.DocumentPane, made on first citation
        w = win.host.worker
        w.docExtracted.connect(self._on_extracted)
        w.docPlanned.connect(self._on_planned)
        w.docProgress.connect(self._on_progress)
        w.docFinished.connect(self._on_done)
        w.docFailed.connect(self._on_failed)

    # ------------------------------------------------------------------ starting jobs
    def choose(self) -> None:
        """File > Attach document (Ctrl+O)."""
        from PySide6.QtWidgets import QFileDialog

        from app.ui.documents import file_filter

        files, _ = QFileDialog.getOpenFileNames(
            self.win, QCoreApplication.translate("MainWindow", "Attach documents"), "",
            file_filter())
        if files:
            self.win.open_files(files)

    def summarize(self, paths: list[str]) -> int:
        """A card and a summary job per document (run on the inference thread, one at a time,
        after any chat turn). Returns how many were queued."""
        from app.core.preferences import read_preferences
        from app.ui.documents import DocumentCard

        win = self.win
        if win.model_state is None:
            self.pending.extend(paths)
            win.flash(QCoreApplication.translate(
                "MainWindow",
                "The model is still loading: the documents will be read when it is ready."))
            return 0
        length = read_preferences(win.store).summary_length
        settings = win.turns.current_settings()
        n = 0
        for path in paths:
            seq = win.host.next_seq()
            card = DocumentCard(Path(path).name)
            card.setAccessibleName(QCoreApplication.translate(
                "MainWindow", "Document {name}").format(name=Path(path).name))
            card.cancelRequested.connect(lambda s=seq: self.cancel(s))
            self.cards[seq] = card
            win.chat.show_document_card(card)
            card.show()
            win.host.submit_document(DocumentRequest(
                seq, str(path), length=length, speculative=settings.speculative,
                gpu=settings.gpu_setting(), gpu_cap=win.gpu_cap()))
            n += 1
        if n:
            # self.tr: lupdate sees plural forms only in tr() calls.
            win.flash(self.tr("Reading %n document(s)…", "", n))
        return n

    def cancel(self, seq: int) -> None:
        self.win.host.worker.cancel_document(seq)
        card = self.cards.get(seq)
        if card is not None:
            card.status.setText(QCoreApplication.translate("MainWindow", "Cancelling…"))

    def summarize_batch(self, paths: list[str]) -> int:
        """Several documents or folders: the document queue (app/ui/batch_panel.py)."""
        from app.ui.batch_panel import BatchController

        win = self.win
        if win.model_state is None:
            self.pending.extend(paths)
            win.flash(QCoreApplication.translate("MainWindow", "The model is still loading: the documents will be read when "
                                                 "it is ready."))
            return 0
        if self.batch is None:
            self.batch = BatchController(win)
        n = self.batch.add(paths)
        win.flash(QCoreApplication.translate("MainWindow", "%1 documents in the queue")
                  .replace("%1", str(n)))
        return n

    def model_ready(self) -> None:
        """A model is loaded: documents that waited for it are read, an unfinished queue goes on."""
        if self.pending:
            paths, self.pending = self.pending, []
            self.win.open_files(paths)
        self._resume_batch()

    def _resume_batch(self) -> None:
        """Once per session: a document queue the window left unfinished goes on."""
        if self.batch is not None or (s := self.win.model_state) is None or s.model_id == "":
            return
        from app.core.batch import BatchQueue
        from app.ui.batch_panel import BatchController

        queue = BatchQueue(self.win.store)
        for bid in reversed(queue.unfinished()):
            b = queue.batch(bid) or {}
            if json.loads(b.get("options") or "{}").get("window"):
                self.batch = BatchController(self.win)
                left = self.batch.restore(bid)
                self.win.flash(QCoreApplication.translate(
                    "MainWindow", "Resuming the document queue: %1 documents left")
                    .replace("%1", str(left)))
                return

    def show_batch_panel(self, panel: Any) -> None:
        self.win.chat.show_document_card(panel)
        panel.show()

    # ------------------------------------------------------------------ the worker's news
    def _on_extracted(self, seq: int, d: dict) -> None:
        self._card_call(seq, "set_document", d)

    def _on_planned(self, seq: int, d: dict) -> None:
        self._card_call(seq, "set_plan", d)

    def _on_progress(self, seq: int, d: dict) -> None:
        self._card_call(seq, "set_progress", d)

    def _card_call(self, seq: int, method: str, d: dict) -> None:
        card = self.cards.get(seq)
        if card is not None:
            getattr(card, method)(d)

    def _finish_card(self, seq: int, method: str, arg: Any) -> None:
        """The job is over: the card shows how (`set_finished`/`set_failed`), and Cancel becomes
        Dismiss (the summary itself is in the conversation)."""
        card = self.cards.pop(seq, None)
        if card is not None:
            getattr(card, method)(arg)
            card.cancel.clicked.disconnect()
            card.cancel.setText(QCoreApplication.translate("MainWindow", "Dismiss"))
            card.cancel.setEnabled(True)
            card.cancel.clicked.connect(card.deleteLater)

    def _queued(self, seq: int) -> bool:
        """A document of the queue (its panel shows it), or news after the window closed."""
        return self.win.closed or (self.batch is not None and self.batch.owns(seq))

    def _on_done(self, seq: int, result: dict) -> None:
        if self._queued(seq):
            return
        win = self.win
        card = self.cards.get(seq)
        name = card.doc_name if card is not None else ""
        self._finish_card(seq, "set_finished", result)
        win.refresh_conversations()
        cid = int(result["conversation_id"])
        if not win.busy:
            if cid == win.conv_id:
                win.reload_messages()
            else:
                win.open_conversation(cid)
        win.flash(QCoreApplication.translate(
            "MainWindow", "Summary ready: ask questions about the document below."))
        win.announce(QCoreApplication.translate(
            "MainWindow", "Summary ready: {name}. Ask questions about the document below.")
            .format(name=name))
        win.documentFinished.emit(result)

    def _on_failed(self, seq: int, message: str) -> None:
        if self._queued(seq):
            return
        self._finish_card(seq, "set_failed", message)
        self.win.flash(message)
        self.win.announce(QCoreApplication.translate("MainWindow", "Error: {message}")
                          .format(message=message))
        self.win.documentFailed.emit(message)

    # ------------------------------------------------------------------ citations
    def open_citation(self, message_id: int, index: int) -> None:
        """A citation link was clicked: show its source in the document pane."""
        from app.ui.document_pane import DocumentPane, document_for, message_citations

        win = self.win
        cites = message_citations(win.store, message_id)
        doc = document_for(win.store, message_id)
        if not 0 <= index < len(cites) or doc is None:
            win.flash(QCoreApplication.translate(
                "MainWindow", "The document of this summary is no longer stored."))
            return
        if self.pane is None:
            self.pane = DocumentPane(win)
            win.splitter.addWidget(self.pane)
            sizes = win.splitter.sizes()
            win.splitter.setSizes([sizes[0], max(400, sizes[1] // 2), max(400, sizes[1] // 2)])
        self.pane.show_citation(doc, cites[index])

    def shutdown(self) -> None:
        if self.pane is not None:
            self.pane.shutdown()


def dropped_files(e: Any) -> list[str]:
    """The files of a drag that the window takes: documents, folders and .gguf models."""
    from app.ui.documents import local_files

    return [p for p in local_files(e.mimeData())
            if p.lower().endswith(DOCUMENT_SUFFIXES + (".gguf",)) or Path(p).is_dir()]


def split_files(files: list[str]) -> tuple[list[str], list[str]]:
    """(models, documents) of dropped or passed files."""
    models = [f for f in files if f.lower().endswith(".gguf")]
    return models, [f for f in files if not f.lower().endswith(".gguf")]
