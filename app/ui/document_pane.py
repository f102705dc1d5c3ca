"""The document pane beside the chat: a clicked citation opens its source there, at the cited
page (PDF pages rendered by pypdfium2) or section (DOCX, TXT, HTML text), with the supporting
passage highlighted and the citation's verdict said in words.

Rendering and extraction run on the pane's own thread (PaneRenderer); results come back as
plain data (PageImage, TextSection) and only the newest request is shown.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRectF, Qt, QThread, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.citations import Citation, find_passage, sections_from_text
from app.core.errors import WrenError
from app.ui.background import start_worker_thread, stop_worker_thread

HIGHLIGHT = QColor(255, 214, 0, 110)
HIGHLIGHT_EDGE = QColor(214, 150, 0)


@dataclass(frozen=True)
class PaneRequest:
    """What to show: plain data, sent to the renderer thread."""

    seq: int
    path: str
    name: str
    kind: str
    pages: int
    page: int | None
    passage: str
    stored_text: str  # the document's text as read (shown when the file has moved)
    section_index: int | None = None
    scale: float = 1.5


@dataclass(frozen=True)
class TextSection:
    """A section's text and where the passage lies in it ([start, end), or -1)."""

    title: str
    text: str
    start: int = -1
    end: int = -1
    note: str = ""


class PaneRenderer(QObject):
    """Lives on the pane's thread: renders PDF pages, extracts text sections."""

    pageReady = Signal(int, object)  # seq, PageImage
    textReady = Signal(int, object)  # seq, TextSection
    failed = Signal(int, str)

    @Slot(object)
    def render(self, req: PaneRequest) -> None:
        try:
            if req.kind == "pdf" and req.page is not None and Path(req.path).is_file():
                from app.core.page_render import render_pdf_page

                self.pageReady.emit(req.seq, render_pdf_page(req.path, req.page, req.passage,
                                                             req.scale))
            else:
                self.textReady.emit(req.seq, _text_section(req))
        except WrenError as e:
            self.failed.emit(req.seq, e.message)
        except Exception as e:  # a bug: a line in the pane, never a crash
            self.failed.emit(req.seq, f"unexpected error: {type(e).__name__}: {e}")


def _text_section(req: PaneRequest) -> TextSection:
    """The cited section's text: from the file when it is still there (headings and all),
    else from the text stored when it was read."""
    note = ""
    sections: list[Any] = []
    if Path(req.path).is_file():
        from app.core.documents import extract_document

        try:
            sections = list(extract_document(req.path).sections)
        except WrenError as e:
            note = e.message
    else:
        note = f"{req.name} is no longer at {req.path}: showing the text Wren read."
    if not sections:
        sections = sections_from_text(req.stored_text, req.pages)
    sec = None
    if req.page is not None:
        sec = next((s for s in sections if s.page == req.page), None)
    elif req.section_index is not None and 0 <= req.section_index < len(sections):
        sec = sections[req.section_index]
    if sec is None:
        text = "\n\n".join(s.text for s in sections)
        title = req.name
    else:
        text = sec.text
        title = f"Page {sec.page}" if sec.page is not None else (sec.title.lstrip("# ") or req.name)
    span = find_passage(text, req.passage) if req.passage else None
    if span is None and sec is not None and req.passage:
        # The passage may span sections: look in the whole text.
        whole = "\n\n".join(s.text for s in sections)
        span2 = find_passage(whole, req.passage)
        if span2 is not None:
            text, title, span = whole, req.name, span2
    a, b = span if span else (-1, -1)
    return TextSection(title, text, a, b, note)


class PageView(QWidget):
    """A rendered page with its highlight boxes painted over it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.rects: list[QRectF] = []
        self.setAccessibleName(self.tr("Document page"))

    def set_page(self, image: QImage, rects: list[QRectF]) -> None:
        self.image = image
        self.rects = rects
        self.setFixedSize(image.size())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        p = QPainter(self)
        if not self.image.isNull():
            p.drawImage(0, 0, self.image)
        if self.rects:
            p.setPen(QPen(HIGHLIGHT_EDGE, 1))
            p.setBrush(HIGHLIGHT)
            for r in self.rects:
                p.drawRect(r.adjusted(-2, -1, 2, 1))
        p.end()


class DocumentPane(QWidget):
    """The pane: header (name, page, previous/next, close), verdict line, page or text."""

    closed = Signal()
    shown = Signal(object)  # the PageImage or TextSection now on screen
    failed = Signal(str)
    _request = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentPane")
        self.setAccessibleName(self.tr("Document pane"))
        self.setMinimumWidth(320)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(4)
        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setAccessibleName(self.tr("Document name"))
        f = self.title.font()
        f.setBold(True)
        self.title.setFont(f)
        head.addWidget(self.title, 1)
        self.prev_btn = self._tool("◀", self.tr("Previous page"), lambda: self.step(-1))
        self.page_label = QLabel()
        self.page_label.setAccessibleName(self.tr("Page number"))
        self.next_btn = self._tool("▶", self.tr("Next page"), lambda: self.step(1))
        self.close_btn = self._tool("✕", self.tr("Close the document pane"), self.close_pane)
        for w in (self.prev_btn, self.page_label, self.next_btn, self.close_btn):
            head.addWidget(w)
        lay.addLayout(head)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setObjectName("citationVerdict")
        self.verdict.setAccessibleName(self.tr("Citation check"))
        lay.addWidget(self.verdict)
        self.stack = QStackedWidget()
        self.scroll = QScrollArea()
        self.scroll.setAccessibleName(self.tr("Page view"))
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_view = PageView()
        self.scroll.setWidget(self.page_view)
        self.text_view = QTextBrowser()
        self.text_view.setAccessibleName(self.tr("Section text"))
        self.text_view.setOpenLinks(False)
        self.stack.addWidget(self.scroll)
        self.stack.addWidget(self.text_view)
        lay.addWidget(self.stack, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Document pane status"))
        lay.addWidget(self.status)
        self.seq = 0
        self.current: PaneRequest | None = None
        self.citation: Citation | None = None
        self._thread: QThread | None = None
        self._renderer: PaneRenderer | None = None

    def _tool(self, text: str, tip: str, slot: Any) -> QToolButton:
        b = QToolButton(self)
        b.setText(text)
        b.setToolTip(tip)
        b.setAccessibleName(tip)
        b.setAutoRaise(True)
        b.clicked.connect(slot)
        return b

    # ------------------------------------------------------------------ thread
    def _ensure_thread(self) -> None:
        if self._thread is not None:
            return
        self._renderer = PaneRenderer()
        self._thread = start_worker_thread(self._renderer, self, "document-pane")
        self._request.connect(self._renderer.render)
        self._renderer.pageReady.connect(self._on_page)
        self._renderer.textReady.connect(self._on_text)
        self._renderer.failed.connect(self._on_failed)
        self._thread.finished.connect(self._renderer.deleteLater)

    def shutdown(self) -> None:
        """Stop the renderer thread (window closing)."""
        if self._thread is not None:
            stop_worker_thread(self._thread)
            self._thread = None
            self._renderer = None

    # ------------------------------------------------------------------ showing
    def show_citation(self, document: dict[str, Any], citation: Citation) -> None:
        """Open `document` (a store row: name, path, kind, pages, text) where `citation`
        points, highlighting its passage."""
        self.citation = citation
        self.title.setText(str(document.get("name", "")))
        self._say_verdict(citation)
        self._go(document, citation.page, citation.passage, citation.section_index)

    def _say_verdict(self, c: Citation) -> None:
        if c.supported:
            text = self.tr("✓ Supported: {pct}% of the sentence's words are on {where}.").format(
                pct=round(100 * c.coverage), where=c.label)
        else:
            why = c.reason or self.tr("its words are not found there")
            text = self.tr("⚠ Not supported by {where}: {why}.").format(where=c.label, why=why)
        how = (self.tr("The model cited this page.") if c.source == "cited"
               else self.tr("The model cited no page: Wren chose the best match."))
        self.verdict.setText(f"{text} {how}")
        self.verdict.setProperty("supported", c.supported)

    def _go(self, document: dict[str, Any], page: int | None, passage: str,
            section_index: int | None) -> None:
        self._ensure_thread()
        self.seq += 1
        # Fit the page to the pane's width (its size before it is first shown, too).
        shown = self.scroll.viewport().width() if self.isVisible() else self.width()
        width = max(300, shown - 28)
        req = PaneRequest(self.seq, str(document.get("path", "")), str(document.get("name", "")),
                          str(document.get("kind", "")), int(document.get("pages", 0) or 0),
                          page, passage, str(document.get("text", "")), section_index,
                          scale=max(0.8, min(2.5, width / 612)))
        self.current = req
        self._document = document
        pages = req.pages
        if page is not None and pages:
            self.page_label.setText(self.tr("Page {n} of {total}").format(n=page, total=pages))
        else:
            self.page_label.setText("")
        self.prev_btn.setEnabled(page is not None and page > 1)
        self.next_btn.setEnabled(page is not None and page < pages)
        self.status.setText(self.tr("Rendering…"))
        self.show()
        self._request.emit(req)

    def step(self, delta: int) -> None:
        """Previous/next page (no highlight there: the passage is on the cited page)."""
        req = self.current
        if req is None or req.page is None:
            return
        page = min(max(1, req.page + delta), max(1, req.pages))
        passage = self.citation.passage if self.citation and self.citation.page == page else ""
        self._go(self._document, page, passage, None)

    def close_pane(self) -> None:
        self.hide()
        self.closed.emit()

    # ------------------------------------------------------------------ results
    @Slot(int, object)
    def _on_page(self, seq: int, img: Any) -> None:
        if seq != self.seq:
            return  # a newer request is on its way
        qimg = QImage(img.data, img.width, img.height, img.stride,
                      QImage.Format.Format_RGB32).copy()  # own the pixels
        rects = [QRectF(a, b, c - a, d - b) for a, b, c, d in img.rects]
        self.page_view.set_page(qimg, rects)
        self.stack.setCurrentWidget(self.scroll)
        if rects:
            top = min(r.top() for r in rects)
            self.scroll.ensureVisible(int(rects[0].left()), int(top), 40, 120)
            self.status.setText(self.tr("The supporting passage is highlighted."))
        elif self.current is not None and self.current.passage:
            self.status.setText(self.tr("The passage could not be located on this page."))
        else:
            self.status.setText("")
        self.shown.emit(img)

    @Slot(int, object)
    def _on_text(self, seq: int, sec: Any) -> None:
        if seq != self.seq:
            return
        self.text_view.setPlainText(sec.text)
        self.stack.setCurrentWidget(self.text_view)
        if sec.start >= 0:
            cur = QTextCursor(self.text_view.document())
            cur.setPosition(sec.start)
            cur.setPosition(sec.end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(HIGHLIGHT)
            cur.mergeCharFormat(fmt)
            show = QTextCursor(self.text_view.document())
            show.setPosition(sec.start)
            self.text_view.setTextCursor(show)
            self.text_view.ensureCursorVisible()
            msg = self.tr("The supporting passage is highlighted.")
        else:
            msg = self.tr("The passage could not be located in this section.")
        self.page_label.setText(sec.title)
        self.status.setText(" ".join(x for x in (sec.note, msg) if x))
        self.shown.emit(sec)

    @Slot(int, str)
    def _on_failed(self, seq: int, message: str) -> None:
        if seq != self.seq:
            return
        self.status.setText(message)
        self.failed.emit(message)


# ---------------------------------------------------------------------- store helpers
def message_citations(store: Any, message_id: int) -> list[Citation]:
    """The citations stored with a summary message (none for other messages)."""
    raw = store.message_extra(message_id).get("citations")
    if not isinstance(raw, list):
        return []
    return [Citation.from_json(c) for c in raw if isinstance(c, dict)]


def document_for(store: Any, message_id: int) -> dict[str, Any] | None:
    m = store.get_message(message_id)
    if m is None or not m.document_id:
        return None
    return store.document_row(int(m.document_id))
