"""File > Import a GGUF model (or a .gguf dropped on the window): the file is copied into the
models folder off the GUI thread (it can be gigabytes), then the picker is refreshed.

Strings keep the window's translation context ("MainWindow"): they were written there first.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from app.ui.background import BackgroundOp, run_in_background

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class ModelImport(QObject):
    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.running: list[BackgroundOp] = []  # waited for when the window closes

    def choose(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self.win, QCoreApplication.translate("MainWindow", "Import a GGUF model"), "",
            QCoreApplication.translate("MainWindow", "GGUF models (*.gguf)"))
        if path:
            self.start(path)

    def start(self, path: str) -> None:
        store, data = self.win.store, self.win.data

        def work() -> Any:
            from app.core.library import import_gguf

            return import_gguf(store, data, path, link=False)

        op = run_in_background(work, on_done=self._on_imported, on_failed=self._on_failed,
                               name="wren-import-model")
        self.running = [t for t in self.running if t.isRunning()] + [op]
        self.win.flash(QCoreApplication.translate("MainWindow", "Importing {name}…")
                       .format(name=Path(path).name), 0)

    def _on_imported(self, model: Any) -> None:
        win = self.win
        if win.closed:
            return
        win.refresh_models()
        name = (getattr(model, "name", None) or getattr(model, "id", None)
                or QCoreApplication.translate("MainWindow", "the model"))
        win.flash(QCoreApplication.translate(
            "MainWindow", "Imported {name}: choose it in the model list.").format(name=name))
        win.modelImported.emit(model)

    def _on_failed(self, message: str) -> None:
        if self.win.closed:
            return
        self.win.flash(message)
        self.win.modelImportFailed.emit(message)
