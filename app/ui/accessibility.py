"""Screen-reader helpers: announcements (a finished reply, an error, a finished download or
summary are spoken, not only shown) and the plain text they carry.

Qt 6.8 added QAccessibleAnnouncementEvent, which the platform bridges (AT-SPI, UI Automation,
NSAccessibility) turn into a spoken announcement. With an older Qt the text is put on a live
element instead: a name change on it is what screen readers read out.
"""
from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleEvent, QTextDocumentFragment
from PySide6.QtWidgets import QWidget

try:  # Qt >= 6.8
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover - depends on the installed PySide6
    QAccessibleAnnouncementEvent = None  # type: ignore[assignment,misc]

SPEECH_CHARS = 1500  # longer replies are read from the conversation, not the announcement


def plain_for_speech(markdown: str, limit: int = SPEECH_CHARS) -> str:
    """The reply as a listener should hear it: Markdown rendered to plain text (no ** or #),
    cut at a word boundary after `limit` characters."""
    from app.ui.markdown_view import render_markdown

    html, _codes = render_markdown(markdown)
    text = " ".join(QTextDocumentFragment.fromHtml(html).toPlainText().split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return text


def announce(source: QWidget, text: str, assertive: bool = False) -> None:
    """Ask screen readers to say `text`. `source` is the widget it belongs to (the status line:
    its accessible description also keeps the last announcement for a later read)."""
    source.setAccessibleDescription(text)
    if QAccessibleAnnouncementEvent is not None:
        ev = QAccessibleAnnouncementEvent(source, text)
        if assertive:
            ev.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
        QAccessible.updateAccessibility(ev)
    else:  # pragma: no cover - Qt < 6.8: a live element's name change is read out
        QAccessible.updateAccessibility(QAccessibleEvent(source, QAccessible.Event.NameChanged))
