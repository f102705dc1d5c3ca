"""Ctrl+F: search all conversations. Results show highlighted snippets; a click emits
`openMessage(conversation_id, message_id)` (message_id 0 for a title match) for the main window.

Queries run on a worker QThread (FTS over a large store can take tens of milliseconds), typed
text is debounced, and only the answer to the latest query is shown.
"""
from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRectF,
    QSize,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import WrenError
from app.core.fts import SearchHit, to_fts_query
from app.ui.background import start_worker_thread, stop_worker_thread

DEBOUNCE_MS = 150
RESULT_LIMIT = 100
_HTML_ROLE = Qt.ItemDataRole.UserRole + 1
_TARGET_ROLE = Qt.ItemDataRole.UserRole + 2


def _role_name(role: str) -> str:
    names = {"user": QCoreApplication.translate("SearchDialog", "You"),
             "assistant": QCoreApplication.translate("SearchDialog", "Assistant"),
             "document": QCoreApplication.translate("SearchDialog", "Document"),
             "system": QCoreApplication.translate("SearchDialog", "System")}
    return names.get(role, role)


class _SearchWorker(QObject):
    """Lives on the search thread; touches only the Store (which is thread-safe)."""

    done = Signal(int, object, float)  # seq, list[SearchHit], seconds
    failed = Signal(int, str)

    def __init__(self, store: Any):
        super().__init__()
        self._store = store
        self.last_thread_ident: int | None = None  # for tests: proves it ran off the GUI thread

    @Slot(int, str, int)
    def run(self, seq: int, query: str, limit: int) -> None:
        self.last_thread_ident = threading.get_ident()
        t0 = time.perf_counter()
        try:
            hits = self._store.search(query, limit=limit, prefix_last=True)
        except WrenError as e:
            self.failed.emit(seq, e.message)
            return
        self.done.emit(seq, hits, time.perf_counter() - t0)


class _HtmlDelegate(QStyledItemDelegate):
    """Paints an item's HTML (title line + snippet with <b> highlights)."""

    def _doc(self, option: QStyleOptionViewItem, html: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(html)
        doc.setTextWidth(max(option.rect.width(), 200))
        return doc

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: Any) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        html = index.data(_HTML_ROLE) or ""
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._doc(opt, html)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(QPalette.ColorRole.Text,
                                 opt.palette.color(QPalette.ColorRole.HighlightedText))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        doc = self._doc(option, index.data(_HTML_ROLE) or "")
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 4)


def hit_html(hit: SearchHit) -> str:
    """Two lines: where (conversation title, who) and the snippet with highlighted matches."""
    import html

    if hit.kind == "title":
        head = QCoreApplication.translate("SearchDialog", "Conversation title")
        body = hit.html()
    else:
        who = _role_name(hit.role)
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(hit.created_at)) if hit.created_at else ""
        title = hit.conversation_title or QCoreApplication.translate("SearchDialog", "Untitled")
        head = f"{html.escape(title)} · {who} · {when}"
        body = hit.html()
    return f"<div><small><i>{head}</i></small><br>{body}</div>"


class SearchDialog(QDialog):
    """Search all conversations. Standalone: give it the Store; connect `openMessage`."""

    openMessage = Signal(int, int)  # conversation_id, message_id (0: the conversation's title)
    resultsReady = Signal(int)  # number of results shown (for tests and status)
    _request = Signal(int, str, int)

    def __init__(self, store: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Search conversations"))
        self.resize(640, 480)
        self._store = store
        self._seq = 0
        self.hits: list[SearchHit] = []
        self.last_query_s = 0.0

        self.query_edit = QLineEdit(self)
        self.query_edit.setPlaceholderText(self.tr('Search all chats: words, "a phrase", prefix*'))
        self.query_edit.setAccessibleName(self.tr("Search all conversations"))
        self.query_edit.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setItemDelegate(_HtmlDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setAccessibleName(self.tr("Search results"))
        self.status = QLabel(self.tr("Type to search."), self)
        self.status.setAccessibleName(self.tr("Search status"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self.query_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.query_edit.returnPressed.connect(self._on_return)
        self.results.itemClicked.connect(self._open_item)
        self.results.itemActivated.connect(self._open_item)

        self._thread: QThread | None = None
        self.worker = _SearchWorker(store)

    # ----------------------------------------------------------- the thread
    def _ensure_thread(self) -> None:
        if self._thread is not None:
            return
        self._thread = start_worker_thread(self.worker, self, "wren-search")
        self._request.connect(self.worker.run)
        self.worker.done.connect(self._show_hits)
        self.worker.failed.connect(self._show_error)

    def shutdown(self) -> None:
        """Stop the search thread (called when the dialog hides; it restarts on next search)."""
        if self._thread is None:
            return
        self._debounce.stop()
        stop_worker_thread(self._thread)
        self._request.disconnect(self.worker.run)
        self.worker.done.disconnect(self._show_hits)
        self.worker.failed.disconnect(self._show_error)
        self._thread.deleteLater()
        self._thread = None
        # Bring the worker back so the next thread can adopt it.
        self.worker = _SearchWorker(self._store)

    def hideEvent(self, event: Any) -> None:
        self.shutdown()
        super().hideEvent(event)

    # ------------------------------------------------------------- searching
    def set_query(self, text: str) -> None:
        """Set the text and search at once (no debounce)."""
        self.query_edit.setText(text)
        self.search_now()

    @Slot()
    def search_now(self) -> None:
        self._debounce.stop()
        self._seq += 1
        text = self.query_edit.text()
        if not to_fts_query(text):
            self.hits = []
            self.results.clear()
            self.status.setText(self.tr("Type to search.") if not text.strip()
                                else self.tr("No words to search for."))
            self.resultsReady.emit(0)
            return
        self.status.setText(self.tr("Searching…"))
        self._ensure_thread()
        self._request.emit(self._seq, text, RESULT_LIMIT)

    @Slot(int, object, float)
    def _show_hits(self, seq: int, hits: list[SearchHit], seconds: float) -> None:
        if seq != self._seq:
            return  # an older query answered late
        self.hits = list(hits)
        self.last_query_s = seconds
        self.results.clear()
        for hit in self.hits:
            item = QListWidgetItem(hit.snippet)  # plain text for accessibility and copying
            item.setData(_HTML_ROLE, hit_html(hit))
            item.setData(_TARGET_ROLE, (hit.conversation_id, hit.message_id or 0))
            item.setToolTip(hit.conversation_title)
            self.results.addItem(item)
        n = len(self.hits)
        ms = f"{seconds * 1000:.0f}"
        if n >= RESULT_LIMIT:
            line = self.tr("%n+ result(s) ({ms} ms)", "", n).format(ms=ms)
        elif n:
            line = self.tr("%n result(s) ({ms} ms)", "", n).format(ms=ms)
        else:
            line = self.tr("No results.")
        self.status.setText(line)
        if n:
            self.results.setCurrentRow(0)
        self.resultsReady.emit(n)

    @Slot(int, str)
    def _show_error(self, seq: int, message: str) -> None:
        if seq != self._seq:
            return
        self.hits = []
        self.results.clear()
        self.status.setText(message)
        self.resultsReady.emit(0)

    def _on_return(self) -> None:
        item = self.results.currentItem()
        if item is not None and not self._debounce.isActive():
            self._open_item(item)
        else:
            self.search_now()

    @Slot(QListWidgetItem)
    def _open_item(self, item: QListWidgetItem) -> None:
        target = item.data(_TARGET_ROLE)
        if target:
            self.openMessage.emit(int(target[0]), int(target[1]))


def open_from_window(window: Any) -> SearchDialog:
    """Edit > Search (Ctrl+F): one dialog per window, re-shown with its query selected; a result
    opens its conversation in the window and highlights the message."""
    dlg = getattr(window, "search_dialog", None)
    if dlg is None:
        dlg = SearchDialog(window.store, window)
        dlg.openMessage.connect(window.show_message)
        window.search_dialog = dlg
    dlg.show()
    dlg.raise_()
    dlg.activateWindow()
    dlg.query_edit.setFocus()
    dlg.query_edit.selectAll()
    return dlg
