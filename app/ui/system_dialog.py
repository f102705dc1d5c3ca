"""Help > This computer: what `wren system` prints (CPU, RAM, GPUs, llama.cpp backends).

The report is read off the GUI thread (app.ui.background): the first question to a GPU starts its driver,
which can take a moment; the dialog shows "Looking…" until the answer arrives."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from app.ui.background import run_in_background


def _read() -> Any:
    from app.core.devices import device_report

    return device_report()


class SystemDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("This computer"))
        self.resize(640, 300)
        lay = QVBoxLayout(self)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("CPU, memory and GPUs Wren can use"))
        self.text.setPlainText(self.tr("Looking at this computer…"))
        lay.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.report = None
        self._op = run_in_background(_read, on_done=self._show, on_failed=self.text.setPlainText,
                                     name="wren-system-report")

    def _show(self, report: Any) -> None:
        from app.core.devices import report_lines

        self.report = report
        self.text.setPlainText("\n".join(report_lines(report)))  # type: ignore[arg-type]
