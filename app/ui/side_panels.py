"""The conversation list (left) and the model bar (top)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.models import InstalledModel
from app.core.store import Conversation
from app.ui.settings_dialog import human_bytes
from app.ui.worker import ModelState

ID_ROLE = Qt.ItemDataRole.UserRole


class ConversationList(QWidget):
    """Newest first. Rename in place (F2 / double-click), delete with Undo (handled by the window)."""

    selected = Signal(int)
    newRequested = Signal()
    renamed = Signal(int, str)
    deleteRequested = Signal(int)
    exportRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(6)
        self.new_btn = QPushButton(self.tr("New chat"))
        self.new_btn.setAccessibleName(self.tr("New chat"))
        self.new_btn.setToolTip(self.tr("New chat (Ctrl+N)"))
        self.new_btn.clicked.connect(self.newRequested)
        lay.addWidget(self.new_btn)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Conversations"))
        self.list.setAccessibleDescription(self.tr("F2 renames, Delete deletes, "
                                                   "the menu key opens more actions"))
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setEditTriggers(QListWidget.EditTrigger.EditKeyPressed
                                  | QListWidget.EditTrigger.DoubleClicked)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemChanged.connect(self._item_changed)
        lay.addWidget(self.list, 1)
        self._filling = False
        del_act = QAction(self.tr("Delete"), self.list)
        del_act.setShortcut(Qt.Key.Key_Delete)
        del_act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        del_act.triggered.connect(self._delete_current)
        self.list.addAction(del_act)

    def set_conversations(self, convs: list[Conversation], current: int | None, hidden: set[int]) -> None:
        self._filling = True
        try:
            self.list.clear()
            for c in convs:
                if c.id in hidden:
                    continue
                it = QListWidgetItem(c.title or self.tr("New chat"))
                it.setData(ID_ROLE, c.id)
                it.setFlags(it.flags() | Qt.ItemFlag.ItemIsEditable)
                it.setToolTip(c.title)
                self.list.addItem(it)
                if c.id == current:
                    self.list.setCurrentItem(it)
        finally:
            self._filling = False

    def item_for(self, conv_id: int) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            it = self.list.item(i)
            if it.data(ID_ROLE) == conv_id:
                return it
        return None

    def rename(self, conv_id: int) -> None:
        it = self.item_for(conv_id)
        if it is not None:
            self.list.editItem(it)

    def _current_changed(self, cur: QListWidgetItem | None, _prev: QListWidgetItem | None) -> None:
        if cur is not None and not self._filling:
            self.selected.emit(int(cur.data(ID_ROLE)))

    def _item_changed(self, it: QListWidgetItem) -> None:
        if self._filling:
            return
        title = " ".join(it.text().split())
        if title:
            self.renamed.emit(int(it.data(ID_ROLE)), title)

    def _delete_current(self) -> None:
        it = self.list.currentItem()
        if it is not None:
            self.deleteRequested.emit(int(it.data(ID_ROLE)))

    def _menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        it = self.list.itemAt(pos)
        if it is None:  # the menu key: the current item, at its place
            it = self.list.currentItem()
            if it is None:
                return
            pos = self.list.visualItemRect(it).center()
        cid = int(it.data(ID_ROLE))
        m = QMenu(self)
        m.addAction(self.tr("Rename"), lambda: self.list.editItem(it)).setShortcut(Qt.Key.Key_F2)
        m.addAction(self.tr("Delete"), lambda: self.deleteRequested.emit(cid)).setShortcut(
            Qt.Key.Key_Delete)
        m.addAction(self.tr("Export…"), lambda: self.exportRequested.emit(cid))
        m.exec(self.list.viewport().mapToGlobal(pos))


class ModelBar(QWidget):
    """The loaded model (name, size, quantization, context) and a picker of installed models."""

    modelChosen = Signal(object)  # InstalledModel
    manageRequested = Signal()
    settingsRequested = Signal()
    firstPainted = Signal()  # the window's first frame is on screen (startup work waits for it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelBar")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 6, 12, 6)
        lay.setSpacing(8)
        label = QLabel(self.tr("&Model"))
        lay.addWidget(label)
        self.picker = QComboBox(self)
        label.setBuddy(self.picker)
        self.picker.setAccessibleName(self.tr("Model"))
        self.picker.setToolTip(self.tr("Choose an installed model"))
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.picker.activated.connect(self._activated)
        lay.addWidget(self.picker)
        self.info = QLabel(self.tr("No model loaded"))
        self.info.setObjectName("modelInfo")
        self.info.setAccessibleName(self.tr("Loaded model details"))
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.info, 1)
        self.settings_btn = QPushButton(self.tr("Settings"))
        self.settings_btn.setAccessibleName(self.tr("Conversation settings"))
        self.settings_btn.setToolTip(self.tr("Conversation settings (Ctrl+,)"))
        self.settings_btn.clicked.connect(self.settingsRequested)
        lay.addWidget(self.settings_btn)
        self.manage_btn = QPushButton(self.tr("Models…"))
        self.manage_btn.setAccessibleName(self.tr("Manage models"))
        self.manage_btn.setToolTip(self.tr("Manage and download models (Ctrl+M)"))
        self.manage_btn.clicked.connect(self.manageRequested)
        lay.addWidget(self.manage_btn)
        self.models: list[InstalledModel] = []
        self._painted = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.firstPainted.emit()

    def set_models(self, models: list[InstalledModel], current_id: str | None) -> None:
        self.models = list(models)
        self.picker.blockSignals(True)
        self.picker.clear()
        for m in models:
            self.picker.addItem(m.name, m.id)
        if not models:
            self.picker.addItem(self.tr("No model installed"), "")
        idx = self.picker.findData(current_id) if current_id else -1
        if idx >= 0:
            self.picker.setCurrentIndex(idx)
        self.picker.blockSignals(False)

    def show_loading(self, name: str) -> None:
        self.info.setText(self.tr("Loading {name}…").format(name=name))

    def show_state(self, s: ModelState) -> None:
        idx = self.picker.findData(s.model_id)
        if idx >= 0:
            self.picker.blockSignals(True)
            self.picker.setCurrentIndex(idx)
            self.picker.blockSignals(False)
        bits = [s.name, human_bytes(s.size_bytes)]
        if s.quantization:
            bits.append(s.quantization)
        loc = self.locale()
        if s.native_ctx > s.n_ctx:
            bits.append(self.tr("context {n} tokens (max {max})").format(
                n=loc.toString(s.n_ctx), max=loc.toString(s.native_ctx)))
        else:
            bits.append(self.tr("context {n} tokens").format(n=loc.toString(s.n_ctx)))
        self.info.setText(" · ".join(bits))
        self.info.setToolTip(s.path + (f"\n{s.notice}" if s.notice else ""))

    def show_error(self, message: str) -> None:
        self.info.setText(f"⚠ {message}")
        self.info.setToolTip(message)

    def _activated(self, index: int) -> None:
        mid = self.picker.itemData(index)
        for m in self.models:
            if m.id == mid:
                self.modelChosen.emit(m)
                return
