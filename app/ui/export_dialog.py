"""Chat > Export conversation…: the open conversation (a summary with its citations, the source
file's name, pages and date) to Markdown, Word, PDF or JSON, through the same code as the
`export` command."""
from __future__ import annotations

from pathlib import Path
from typing import Any

FILTERS = {
    "md": "Markdown (*.md)",
    "docx": "Word document (*.docx)",
    "pdf": "PDF (*.pdf)",
    "json": "Wren JSON (*.json)",
}


def write_export(store: Any, conversation_id: int, path: Path) -> str:
    """Write the export whose format the file name says. Returns the format."""
    from app.commands.export import format_for, write_report
    from app.core.history import export_json, export_markdown
    from app.core.paths import write_atomically

    fmt = format_for(path)
    if fmt in ("docx", "pdf"):
        write_report(store, conversation_id, fmt, path)
    else:
        write_atomically(path, (export_markdown if fmt == "md" else export_json)(store, conversation_id))
    return fmt


def export_conversation(window: Any, path: str | None = None) -> str | None:
    """Ask for a file (unless `path` is given) and export the window's conversation there.
    Returns the path written, or None. Short work (one conversation): runs here. Its strings
    keep the translation context "window" they were translated under."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QFileDialog

    from app.core.errors import WrenError

    if window.conv_id is None:
        window.flash(QCoreApplication.translate("window", "Open a conversation to export it."))
        return None
    if path is None:
        conv = window.store.get_conversation(window.conv_id)
        stem = "".join(ch if ch.isalnum() or ch in " -_." else "_" for ch in (conv.title if conv else ""))
        path, chosen = QFileDialog.getSaveFileName(
            window, QCoreApplication.translate("window", "Export conversation"), (stem.strip() or "conversation") + ".md",
            ";;".join(FILTERS.values()))
        if not path:
            return None
        ext = next((k for k, v in FILTERS.items() if v == chosen), "md")
        if not Path(path).suffix:
            path += "." + ext
    try:
        write_export(window.store, window.conv_id, Path(path))
    except (WrenError, OSError) as e:
        window.flash(QCoreApplication.translate("window", "Export failed: {why}").format(why=getattr(e, "message", None) or e))
        return None
    window.flash(QCoreApplication.translate("window", "Exported to {path}").format(path=path))
    return str(path)
