"""Documents in the window: the card each document gets in the conversation (name, pages,
tokens, plan, progress, Cancel), and the helpers for the window's drops and file dialog. The
window's inference worker runs the summary (InferenceWorker.run_document) and feeds the card.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
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
