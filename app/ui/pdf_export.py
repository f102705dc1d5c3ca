"""PDF export: the report's HTML laid out by QTextDocument and printed with QPdfWriter.

Works without a display: QTextDocument needs a QGuiApplication, so when none exists (the
`export` command) one is created on Qt's offscreen platform, which needs no window system.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

_APP: Any = None  # the offscreen application made here, kept for the process


def ensure_gui_app() -> Any:
    """The running QGuiApplication, or a new offscreen one (command line)."""
    global _APP
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        # "-platform offscreen" beats QT_QPA_PLATFORM: a terminal without a display must work.
        _APP = app = QGuiApplication(["wren", "-platform", "offscreen"])
    return app


def write_pdf(html: str, path: str | Path, title: str = "Wren summary") -> None:
    """Lay out `html` on A4 pages and write the PDF through a temporary file."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    ensure_gui_app()
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        writer = QPdfWriter(tmp)
        writer.setTitle(title)
        writer.setCreator("Wren")
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait,
                                         QMarginsF(18, 18, 18, 18),
                                         QPageLayout.Unit.Millimeter))
        doc = QTextDocument()
        doc.setHtml(html)
        doc.print_(writer)
        del writer  # finishes the file
        if Path(tmp).stat().st_size == 0:
            raise OSError("the PDF could not be written")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
