"""The chat pane: one widget per message in a scroll area, an input box that grows, and the
banners (context overflow, notices) and document-card slot around them.

Only the streaming message is ever re-rendered, and at most every RENDER_INTERVAL_MS, so the
cost of a token does not depend on how long the conversation is.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.markdown_view import COPY_SCHEME, SAFE_SCHEMES, plain_html, render_markdown

RENDER_INTERVAL_MS = 45
FIRST_RENDER = 12  # newest messages rendered when a conversation opens...
OLDER_BATCH = 4  # ...then the older ones, this many per event-loop turn
FREEZE_CHARS = 600  # freeze finished blocks of a streaming reply in pieces at least this long


def stable_boundary(text: str, start: int) -> int:
    """End of the last finished Markdown block after `start`: a blank line outside code fences
    (and not between list items or table rows, which must stay in one piece). -1 if none."""
    best = -1
    in_fence = False
    pos = start
    lines = text[start:].split("\n")
    prev = ""
    for i, line in enumerate(lines[:-1]):
        pos += len(line) + 1
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            if not in_fence:
                best = pos  # a closed code block ends a block
        elif not in_fence and not line.strip() and prev.strip():
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if not _continues(prev, nxt):
                best = pos
        prev = line
    return best


def _continues(prev: str, nxt: str) -> bool:
    """True when the block after a blank line may still belong to the one before (a loose list)."""
    p, n = prev.lstrip(), nxt.lstrip()
    is_item = lambda t: t[:2] in ("- ", "* ", "+ ") or (t[:1].isdigit() and ". " in t[:5])  # noqa: E731
    return (is_item(p) and (not n or is_item(n) or nxt.startswith((" ", "\t")))) or nxt.startswith((" ", "\t"))


def is_dark(palette: QPalette | None = None) -> bool:
    p = palette or QGuiApplication.palette()
    return p.color(QPalette.ColorRole.Window).lightness() < 128


def mix_colors(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(
        round(a.red() * (1 - t) + b.red() * t),
        round(a.green() * (1 - t) + b.green() * t),
        round(a.blue() * (1 - t) + b.blue() * t),
    )


@dataclass
class MessageData:
    """What a message widget shows (plain data from the store or the worker)."""

    id: int
    role: str
    text: str
    status: str = "complete"
    model: str = ""
    detail: str = ""
    citations: list[Any] = field(default_factory=list)  # app.core.citations.Citation


def _blank() -> QImage:
    img = QImage(1, 1, QImage.Format.Format_ARGB32)
    img.fill(0)  # transparent
    return img


_BLANK_IMAGE = _blank()


class MessageBody(QTextBrowser):
    """Read-only rich text that is exactly as tall as its content; never loads resources."""

    linkActivated = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.viewport().setAutoFillBackground(False)
        self.setObjectName("messageBody")
        # Reached with Tab like any control, so a screen reader can move through messages.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTabChangesFocus(True)
        self.document().setDocumentMargin(2)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self.anchorClicked.connect(self.linkActivated)

    def loadResource(self, type: int, name: QUrl) -> object:  # noqa: A002 - Qt's signature
        # Hostile output must not make us read local files or fetch URLs. Returning None is not
        # enough: QTextDocument then reads a file: or relative URL from disk itself. A non-null
        # empty value ends the lookup.
        if int(type) == int(QTextDocument.ResourceType.ImageResource):
            return _BLANK_IMAGE
        return ""

    def _fit(self, size) -> None:  # type: ignore[no-untyped-def]
        h = math.ceil(size.height()) + 2
        if h != self.height():
            self.setFixedHeight(h)

    def sizeHint(self) -> QSize:
        return QSize(200, self.height())

    def wheelEvent(self, e) -> None:  # type: ignore[no-untyped-def]
        e.ignore()  # let the conversation scroll, not this (unscrollable) widget


class MessageWidget(QFrame):
    copyRequested = Signal(int)
    editRequested = Signal(int)
    regenerateRequested = Signal(int)
    citationRequested = Signal(int, int)  # message id, citation index

    def __init__(self, data: MessageData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The bubble sits in a row with a gap on one side: a layout's spacing is mirrored in a
        # right-to-left window, a style-sheet margin is not (its contents would slide out).
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.bubble = QFrame(self)
        self.bubble.setObjectName("userMessage" if data.role == "user" else "assistantMessage")
        if data.role == "user":
            row.addSpacing(48)
        row.addWidget(self.bubble, 1)
        if data.role != "user":
            row.addSpacing(24)
        lay = QVBoxLayout(self.bubble)
        lay.setContentsMargins(12, 8, 12, 8)
        lay.setSpacing(2)
        head = QHBoxLayout()
        head.setSpacing(6)
        self.who = QLabel(self.author())
        self.who.setObjectName("messageAuthor")  # bold through the style sheet: zoom still applies
        head.addWidget(self.who)
        self.detail = QLabel()
        self.detail.setObjectName("messageDetail")
        # Wraps rather than being cut off with large text or a narrow window.
        self.detail.setWordWrap(True)
        self.detail.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        head.addWidget(self.detail, 1)
        self.copy_btn = self._tool(self.tr("Copy"), self.tr("Copy this message"),
                                   lambda: self.copyRequested.emit(self.data.id))
        head.addWidget(self.copy_btn)
        if data.role == "user":
            self.edit_btn = self._tool(self.tr("Edit"), self.tr("Edit this message and run it again"),
                                       lambda: self.editRequested.emit(self.data.id))
            head.addWidget(self.edit_btn)
        else:
            self.regen_btn = self._tool(self.tr("Regenerate"), self.tr("Write this reply again"),
                                        lambda: self.regenerateRequested.emit(self.data.id))
            head.addWidget(self.regen_btn)
        lay.addLayout(head)
        self._lay = lay
        # While a reply streams, finished blocks are frozen into their own bodies and only the
        # tail is re-rendered, so a render costs the same at token 50 and at token 5,000.
        self.segments: list[MessageBody] = []
        self.frozen_upto = 0
        self.body = self._new_body()
        self.render(final=data.status != "partial")

    def _new_body(self) -> MessageBody:
        b = MessageBody(self)
        b.codes = []  # type: ignore[attr-defined]
        b.linkActivated.connect(lambda url, b=b: self._link(url, b))
        self._lay.addWidget(b)
        if self.segments:  # a streaming reply's next piece: Tab reaches it right after the last
            QWidget.setTabOrder(self.segments[-1], b)
        self.segments.append(b)
        return b

    def focusables(self) -> list[QWidget]:
        """The message's Tab stops in reading order: its buttons, then its text."""
        extra = [getattr(self, n) for n in ("edit_btn", "regen_btn") if hasattr(self, n)]
        return [self.copy_btn, *extra, *self.segments]

    def _tool(self, text: str, tip: str, slot) -> QToolButton:  # type: ignore[no-untyped-def]
        b = QToolButton(self)
        b.setText(text)
        b.setToolTip(tip)
        b.setAccessibleName(tip)
        b.setAutoRaise(True)
        b.setCursor(Qt.CursorShape.PointingHandCursor)
        b.clicked.connect(slot)
        return b

    def set_actions_visible(self, copy: bool = True, edit: bool = True, regen: bool = True) -> None:
        self.copy_btn.setVisible(copy)
        if hasattr(self, "edit_btn"):
            self.edit_btn.setVisible(edit)
        if hasattr(self, "regen_btn"):
            self.regen_btn.setVisible(regen)

    def _set_body(self, body: MessageBody, text: str) -> None:
        if self.data.citations and len(self.segments) == 1 and text == self.data.text:
            from app.ui.citations_view import render_cited

            html, body.codes = render_cited(text, self.data.citations,  # type: ignore[attr-defined]
                                            dark=is_dark(self.palette()), tr=self.tr)
        else:
            html, body.codes = render_markdown(text, dark=is_dark(self.palette()))  # type: ignore[attr-defined]
        body.setHtml(html)

    def render(self, final: bool = True) -> None:
        d = self.data
        text = d.text
        if d.role == "user":
            self.body.setHtml(plain_html(text))
        elif not text and not final:
            self.body.setHtml("<p style='color:gray;'>…</p>")
        else:
            cut = stable_boundary(text, self.frozen_upto) if not final else -1
            if cut - self.frozen_upto >= FREEZE_CHARS:
                self._set_body(self.segments[-1], text[self.frozen_upto:cut])
                self.frozen_upto = cut
                self.body = self._new_body()
            self._set_body(self.segments[-1], text[self.frozen_upto:])
        note = self.status_word()
        bits = [b for b in (d.model if d.role == "assistant" else "", d.detail, note) if b]
        self.detail.setText(" · ".join(bits))
        self._describe()

    def author(self) -> str:
        return {"user": self.tr("You"), "assistant": self.tr("Assistant"),
                "document": self.tr("Document"), "system": self.tr("System")}.get(
                    self.data.role, self.data.role)

    def status_word(self) -> str:
        return {"cancelled": self.tr("stopped"), "error": self.tr("failed"),
                "partial": self.tr("writing…")}.get(self.data.status, "")

    def _describe(self) -> None:
        """A screen reader meets each message as a text element named by its author and status
        ("Assistant, SmolLM2, finished"), whose text is the message itself."""
        d = self.data
        if d.role == "assistant":
            status = self.status_word() or self.tr("finished")
            name = self.tr("{author}, {model}, {status}").format(
                author=self.author(), model=d.model, status=status) if d.model else \
                self.tr("{author}, {status}").format(author=self.author(), status=status)
        else:
            name = self.author()
        for i, b in enumerate(self.segments):
            b.setAccessibleName(name if i == 0 else self.tr("{name}, continued").format(name=name))
            b.setAccessibleDescription(d.detail)
        self.setAccessibleName(self.tr("Message from {author}").format(author=self.author()))

    def plain_text(self) -> str:
        return self.data.text

    @property
    def codes(self) -> list[str]:
        return [c for b in self.segments for c in b.codes]  # type: ignore[attr-defined]

    def _link(self, url: QUrl, body: MessageBody) -> None:
        s = url.toString()
        if s.startswith("wren-cite:"):
            try:
                self.citationRequested.emit(self.data.id, int(s.split(":", 1)[1]))
            except ValueError:
                pass
        elif s.startswith(COPY_SCHEME + ":"):
            try:
                QGuiApplication.clipboard().setText(body.codes[int(s.split(":", 1)[1])])  # type: ignore[attr-defined]
            except (ValueError, IndexError):
                pass
        elif s.lower().startswith(SAFE_SCHEMES):
            QDesktopServices.openUrl(url)  # only on an explicit click


class ChatView(QScrollArea):
    """The message column. Follows new text only while the user is at the bottom."""

    copyRequested = Signal(int)
    editRequested = Signal(int)
    regenerateRequested = Signal(int)
    citationRequested = Signal(int, int)  # message id, citation index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Conversation"))
        self.inner = QWidget()
        self.inner.setObjectName("chatColumn")
        self.column = QVBoxLayout(self.inner)
        self.column.setContentsMargins(16, 12, 16, 12)
        self.column.setSpacing(10)
        self.column.addStretch(1)
        self.setWidget(self.inner)
        self.widgets: list[MessageWidget] = []
        # The focusable widget that messages follow in Tab order (setTabOrder ignores widgets
        # that take no focus). The window sets the one just above the conversation.
        self.tab_anchor: QWidget = self
        self.follow = True
        self.streaming: MessageWidget | None = None
        self._dirty = False
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(RENDER_INTERVAL_MS)
        self._render_timer.timeout.connect(self._render_streaming)
        # A long conversation opens with its newest messages; older ones are rendered in small
        # batches right after (Markdown for 70 messages takes ~0.4 s, before the first frame).
        self._older: list[MessageData] = []
        self._older_timer = QTimer(self)
        self._older_timer.setInterval(0)
        self._older_timer.timeout.connect(self._render_older_batch)
        self._keep_from_bottom: int | None = None
        sb = self.verticalScrollBar()
        sb.valueChanged.connect(self._on_scroll)
        sb.rangeChanged.connect(self._on_range)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("emptyState")
        self.column.insertWidget(0, self.empty)

    # ---------------------------------------------------------------- content
    def set_empty_text(self, html: str) -> None:
        self.empty.setText(html)

    def clear(self) -> None:
        self._render_timer.stop()
        self._older_timer.stop()
        self._older = []
        self._keep_from_bottom = None
        self.streaming = None
        for w in self.widgets:
            w.setParent(None)
            w.deleteLater()
        self.widgets.clear()
        self.follow = True
        self.empty.show()

    def set_messages(self, messages: list[MessageData]) -> None:
        self.clear()
        split = max(0, len(messages) - FIRST_RENDER)
        self._older = list(messages[:split])
        self.inner.setUpdatesEnabled(False)
        try:
            for m in messages[split:]:
                self.add_message(m)
        finally:
            self.inner.setUpdatesEnabled(True)
        self.scroll_to_bottom()
        if self._older:
            self._older_timer.start()

    @property
    def pending_older(self) -> int:
        """Older messages of the open conversation not rendered yet."""
        return len(self._older)

    def _render_older_batch(self) -> None:
        batch, self._older = self._older[-OLDER_BATCH:], self._older[:-OLDER_BATCH]
        if not self._older:
            self._older_timer.stop()
        sb = self.verticalScrollBar()
        if not self.follow and self._keep_from_bottom is None:
            # The reader scrolled up: keep what they look at in place while the column grows
            # above it (the range changes a few times as the layout settles).
            self._keep_from_bottom = sb.maximum() - sb.value()
        self.inner.setUpdatesEnabled(False)
        try:
            made = []
            for m in reversed(batch):  # each goes above the ones already shown
                w = self._message_widget(m)
                self.column.insertWidget(1, w)  # index 0 is the empty-state label
                self._tab_after(self.tab_anchor, w)  # likewise first in Tab order
                made.append(w)
            self.widgets[0:0] = reversed(made)
        finally:
            self.inner.setUpdatesEnabled(True)
        if not self._older:
            self.update_actions()
            QTimer.singleShot(500, self._release_anchor)

    def _release_anchor(self) -> None:
        if not self._older:
            self._keep_from_bottom = None

    def render_all_older(self) -> None:
        while self._older:
            self._render_older_batch()

    def _message_widget(self, m: MessageData) -> MessageWidget:
        w = MessageWidget(m, self.inner)
        w.copyRequested.connect(self.copyRequested)
        w.editRequested.connect(self.editRequested)
        w.regenerateRequested.connect(self.regenerateRequested)
        w.citationRequested.connect(self.citationRequested)
        return w

    def _tab_after(self, prev: QWidget, w: MessageWidget) -> None:
        """Put `w`'s Tab stops right after `prev` (a new widget would otherwise come last in the
        window's Tab order, after the input and the status bar)."""
        for f in w.focusables():
            QWidget.setTabOrder(prev, f)
            prev = f

    def add_message(self, m: MessageData) -> MessageWidget:
        w = self._message_widget(m)
        self.column.insertWidget(self.column.count() - 1, w)
        self._tab_after(self.widgets[-1].segments[-1] if self.widgets else self.tab_anchor, w)
        self.widgets.append(w)
        self.empty.hide()
        self.update_actions()
        return w

    def update_actions(self, busy: bool = False) -> None:
        last_assistant = next((w for w in reversed(self.widgets) if w.data.role == "assistant"), None)
        for w in self.widgets:
            w.set_actions_visible(copy=True, edit=not busy, regen=(w is last_assistant and not busy))

    def find(self, message_id: int) -> MessageWidget | None:
        for w in self.widgets:
            if w.data.id == message_id:
                return w
        if self._older and any(m.id == message_id for m in self._older):
            self.render_all_older()  # asked for (search, edit) before its turn came
            return self.find(message_id)
        return None

    def remove_from(self, message_id: int) -> None:
        """Drop the widget of `message_id` and all after it (regenerate, edit)."""
        keep: list[MessageWidget] = []
        for w in self.widgets:
            if w.data.id >= message_id or w.data.id < 0:
                if w is self.streaming:
                    self.streaming = None
                w.setParent(None)
                w.deleteLater()
            else:
                keep.append(w)
        self.widgets = keep
        if not keep:
            self.empty.show()

    # -------------------------------------------------------------- streaming
    def begin_stream(self, m: MessageData) -> MessageWidget:
        self.follow = self._at_bottom() or self.follow
        w = self.find(m.id) or self.add_message(m)
        self.streaming = w
        self.update_actions(busy=True)
        return w

    def append_stream(self, text: str) -> None:
        w = self.streaming
        if w is None:
            return
        w.data.text += text
        if not self._render_timer.isActive():
            self._render_timer.start()

    def end_stream(self, text: str, status: str, detail: str = "") -> None:
        w = self.streaming
        self._render_timer.stop()
        self.streaming = None
        if w is not None:
            w.data.text = text
            w.data.status = status
            w.data.detail = detail
            w.render(final=True)
        self.update_actions(busy=False)

    def _render_streaming(self) -> None:
        if self.streaming is not None:
            self.streaming.render(final=False)

    # ---------------------------------------------------------------- scrolling
    def _at_bottom(self) -> bool:
        sb = self.verticalScrollBar()
        return sb.value() >= sb.maximum() - 8

    def _on_scroll(self, v: int) -> None:
        self.follow = self._at_bottom()
        if self._keep_from_bottom is not None:
            self._keep_from_bottom = self.verticalScrollBar().maximum() - v

    def _on_range(self, _lo: int, hi: int) -> None:
        if self.follow:
            self.verticalScrollBar().setValue(hi)
        elif self._keep_from_bottom is not None:
            self.verticalScrollBar().setValue(hi - self._keep_from_bottom)

    def scroll_to_bottom(self) -> None:
        self.follow = True
        sb = self.verticalScrollBar()
        sb.setValue(sb.maximum())


class Composer(QPlainTextEdit):
    """The input box: grows with its text (up to a limit); Enter sends, Shift+Enter breaks."""

    submit = Signal()
    MAX_LINES = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Message Wren…  (Enter sends, Shift+Enter for a new line)"))
        self.setAccessibleName(self.tr("Message input"))
        self.setAccessibleDescription(self.tr("Enter sends, Shift+Enter starts a new line, "
                                              "Esc stops a reply"))
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._grow)
        self._grow()

    def _grow(self, *_: object) -> None:
        fm = self.fontMetrics()
        lines = max(1, min(self.MAX_LINES, int(self.document().documentLayout().documentSize().height())))
        m = self.contentsMargins()
        h = lines * fm.lineSpacing() + 2 * int(self.document().documentMargin()) + m.top() + m.bottom() + 4
        if h != self.height():
            self.setFixedHeight(h)
        full = self.document().documentLayout().documentSize().height() > self.MAX_LINES
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if full
                                        else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() == QEvent.Type.FontChange:
            self._grow()

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            e.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.submit.emit()
            return
        super().keyPressEvent(e)


class EditDialog(QDialog):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit message"))
        lay = QVBoxLayout(self)
        hint = QLabel(self.tr("Edit your message. Everything after it will be written again."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.edit = QPlainTextEdit(text)
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(self.tr("Edited message"))
        self.edit.setAccessibleDescription(hint.text())
        lay.addWidget(self.edit)
        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        bb.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send again"))
        bb.accepted.connect(self.accept)
        bb.rejected.connect(self.reject)
        lay.addWidget(bb)
        self.resize(520, 260)


class OverflowBanner(QFrame):
    """Says that the context is (nearly) full and offers the two ways on."""

    summarizeChosen = Signal()
    dropChosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overflowBanner")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        lay.addWidget(self.label, 1)
        self.summarize_btn = QPushButton(self.tr("Continue in a new chat with a summary"))
        self.summarize_btn.setDefault(True)
        self.summarize_btn.setAccessibleName(self.tr("Continue in a new conversation carrying a summary"))
        self.summarize_btn.clicked.connect(self.summarizeChosen)
        lay.addWidget(self.summarize_btn)
        self.drop_btn = QPushButton(self.tr("Drop oldest turns"))
        self.drop_btn.setAccessibleName(self.tr("Drop the oldest turns, keep the system prompt"))
        self.drop_btn.clicked.connect(self.dropChosen)
        lay.addWidget(self.drop_btn)
        self.hide()

    def show_usage(self, used: int, limit: int, full: bool) -> None:
        pct = round(100 * used / max(limit, 1))
        loc = self.locale()
        head = (self.tr("<b>This conversation no longer fits the model's memory.</b>") if full else
                self.tr("<b>This conversation fills {percent}% of the model's context</b> "
                        "({used} of {limit} tokens).").format(
                    percent=pct, used=loc.toString(used), limit=loc.toString(limit)))
        self.label.setText(self.tr(
            "{head} Older text would otherwise be cut off. Default: continue in a new "
            "conversation carrying a summary; or drop the oldest turns (the system prompt is kept)."
        ).format(head=head))
        self.setAccessibleDescription(self.label.text())
        self.show()


class ChatPane(QWidget):
    """Chat column + banners + document-card slot + input row."""

    sendRequested = Signal(str)
    stopRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.view = ChatView(self)
        lay.addWidget(self.view, 1)
        self.notice = QLabel()
        self.notice.setObjectName("noticeBanner")
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("Notice"))
        self.notice.hide()
        lay.addWidget(self.notice)
        self.overflow = OverflowBanner(self)
        lay.addWidget(self.overflow)
        # Document cards (and the document queue's panel) sit here, above the input.
        self.cards = QVBoxLayout()
        self.cards.setContentsMargins(12, 0, 12, 0)
        lay.addLayout(self.cards)
        self._cards: list[QWidget] = []
        row = QHBoxLayout()
        row.setContentsMargins(12, 8, 12, 12)
        row.setSpacing(8)
        self.input = Composer(self)
        self.input.submit.connect(self._submit)
        row.addWidget(self.input, 1)
        self.send_btn = QPushButton(self.tr("Send"))
        self.send_btn.setAccessibleName(self.tr("Send message"))
        self.send_btn.setToolTip(self.tr("Send (Enter)"))
        self.send_btn.clicked.connect(self._submit)
        row.addWidget(self.send_btn, 0, Qt.AlignmentFlag.AlignBottom)
        self.stop_btn = QPushButton(self.tr("Stop"))
        self.stop_btn.setAccessibleName(self.tr("Stop generating"))
        self.stop_btn.setToolTip(self.tr("Stop (Esc)"))
        self.stop_btn.clicked.connect(self.stopRequested)
        self.stop_btn.hide()
        row.addWidget(self.stop_btn, 0, Qt.AlignmentFlag.AlignBottom)
        lay.addLayout(row)

    def set_zoom(self, percent: int) -> None:
        """Conversation text (messages and input) at `percent` of the application font, which
        itself follows the system's font size."""
        f = QApplication.font()
        size = f.pointSizeF() if f.pointSizeF() > 0 else 10.0
        f.setPointSizeF(size * percent / 100)
        self.zoom_percent = percent
        self.view.inner.setFont(f)
        self.input.setFont(f)

    def show_document_card(self, card: QWidget) -> None:
        """Show a document's card (or the document queue's panel) above the input."""
        self.cards.addWidget(card)
        # In Tab order too the card comes after the banners and the cards before it, before the
        # input (setTabOrder takes focusable widgets only).
        prev: QWidget = self.overflow.drop_btn
        for c in self._cards:
            prev = next((w for w in reversed(c.findChildren(QWidget))
                         if w.focusPolicy() & Qt.FocusPolicy.TabFocus
                         and w.window() is c.window()), prev)
        for w in card.findChildren(QWidget):
            # A combo box's popup list is a window of its own: not in this window's Tab chain.
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.window() is card.window():
                QWidget.setTabOrder(prev, w)
                prev = w
        self._cards.append(card)
        card.destroyed.connect(lambda *_: self._cards.remove(card) if card in self._cards else None)

    def set_busy(self, busy: bool) -> None:
        self.send_btn.setVisible(not busy)
        self.stop_btn.setVisible(busy)
        self.view.update_actions(busy=busy)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _submit(self) -> None:
        if self.stop_btn.isVisible():
            return  # one reply at a time; Esc or Stop first
        text = self.input.toPlainText().strip()
        if text:
            self.sendRequested.emit(text)

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
