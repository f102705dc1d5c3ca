"""A dialog to add, remove and test remote engines (vLLM, Ollama, llama.cpp server...).

The network test runs off the GUI thread (app.ui.background); it sends plain data back.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from app.core.engines_registry import add_engine, endpoint, list_engines, remove_engine
from app.core.errors import WrenError
from app.core.remote import RemoteEndpoint, check_connection, normalize_base_url
from app.ui.background import BackgroundOp, run_in_background


def _model_names(ep: RemoteEndpoint) -> list[str]:
    """The engine's models (asked off the GUI thread; a WrenError says why not)."""
    return [m.model_id for m in check_connection(ep)]


class EnginesDialog(QDialog):
    """Add (URL + optional API key), remove and test remote engines."""

    engines_changed = Signal()

    def __init__(self, store: Any, parent: Any = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Remote engines"))
        self._worker: BackgroundOp | None = None

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Engines"))
        self.name = QLineEdit()
        self.name.setPlaceholderText("gpu-server")
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("http://192.168.1.20:8000  (vLLM, Ollama :11434, llama.cpp :8080)"))
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(self.tr("optional; kept in the system keyring"))
        self.status = QLabel("")
        self.status.setAccessibleName(self.tr("Engine status"))
        self.status.setWordWrap(True)
        self.status.setObjectName("engineStatus")

        self.add_button = QPushButton(self.tr("Add"))
        self.test_button = QPushButton(self.tr("Test connection"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self.add)
        self.test_button.clicked.connect(self.test_connection)
        self.remove_button.clicked.connect(self.remove_selected)

        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("A&ddress"), self.url)
        form.addRow(self.tr("API &key"), self.key)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.test_button, self.remove_button):
            buttons.addWidget(b)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        engines_label = QLabel(self.tr("&Engines"))
        engines_label.setBuddy(self.list)
        layout.addWidget(engines_label)
        layout.addWidget(self.list)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.refresh()

    # ----------------------------------------------------------------- actions
    def refresh(self) -> None:
        self.list.clear()
        for e in list_engines(self.store):
            label = f"{e.name} — {e.base_url}" + (self.tr("  (key)") if e.has_key else "")
            item = QListWidgetItem(label)
            item.setData(256, e.name)  # Qt.UserRole
            self.list.addItem(item)

    def add(self) -> None:
        try:
            res = add_engine(self.store, self.name.text(), self.url.text(), self.key.text() or None)
        except WrenError as e:
            self._say(e.message, ok=False)
            return
        self.key.clear()
        self.refresh()
        said = self.tr("Added {name}.").format(name=res.engine.name)
        self._say(f"{said} {res.message}." if res.message else said)
        self.engines_changed.emit()

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self._say(self.tr("Select an engine to remove."), ok=False)
            return
        name = item.data(256)
        try:
            remove_engine(self.store, name)
        except WrenError as e:
            self._say(e.message, ok=False)
            return
        self.refresh()
        self._say(self.tr("Removed {name}.").format(name=name))
        self.engines_changed.emit()

    def test_connection(self) -> None:
        """Test the address typed in the form, or else the selected engine."""
        if self._worker is not None:
            return
        try:
            if self.url.text().strip():
                ep = RemoteEndpoint(self.name.text().strip() or self.tr("new engine"),
                                    normalize_base_url(self.url.text()), self.key.text() or None,
                                    read_timeout_s=15.0)
            elif self.list.currentItem() is not None:
                ep = endpoint(self.store, self.list.currentItem().data(256), read_timeout_s=15.0)
            else:
                self._say(self.tr("Type an address or select an engine to test."), ok=False)
                return
        except WrenError as e:
            self._say(e.message, ok=False)
            return
        self._say(self.tr("Testing…"))
        self.test_button.setEnabled(False)
        self._worker = run_in_background(lambda: _model_names(ep), on_done=self._tested,
                                         on_failed=lambda m: self._say(m, ok=False),
                                         name="wren-engine-test", parent=self)
        self._worker.finished.connect(self._worker_done)

    def _tested(self, models: list[str]) -> None:
        names = ", ".join(models[:5]) or self.tr("no models")
        more = len(models) - 5
        if more > 0:
            names = self.tr("{names} and %n more", "", more).format(names=names)
        self._say(self.tr("Connected: {names}").format(names=names))

    def _worker_done(self) -> None:
        if self._worker is not None:
            self._worker.deleteLater()
        self._worker = None
        self.test_button.setEnabled(True)

    def _say(self, text: str, ok: bool = True) -> None:
        self.status.setText(text)
        self.status.setProperty("ok", ok)

    def done(self, result: int) -> None:
        if self._worker is not None:  # never leave a running thread behind
            self._worker.wait(20000)
        super().done(result)
