"""Help > This computer: what `wren system` prints (CPU, RAM, GPUs, llama.cpp backends).

The report is read on a short-lived thread: the first question to a GPU starts its driver,
which can take a moment; the dialog shows "Looking…" until the answer arrives."""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget


class _Relay(QObject):
    done = Signal(object)  # DeviceReport


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
        self._relay = _Relay(self)
        self._relay.done.connect(self._show)
        self._thread = threading.Thread(target=self._read, name="wren-system-report",
                                        daemon=True)
        self._thread.start()

    def _read(self) -> None:
        from app.core.devices import device_report

        self._relay.done.emit(device_report())

    def _show(self, report: object) -> None:
        from app.core.devices import report_lines

        self.report = report
        self._thread.join()
        self.text.setPlainText("\n".join(report_lines(report)))  # type: ignore[arg-type]
