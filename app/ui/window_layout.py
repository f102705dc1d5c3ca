"""The window's widgets: model bar on top, conversation list | chat pane, status line below,
and the first-run welcome over the empty chat; each connected to the window's slots.

Strings keep the window's translation context ("MainWindow"): they were written there first.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.ui.chat_view import ChatPane
from app.ui.side_panels import ConversationList, ModelBar

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

UNDO_DELETE_MS = 8000


def build_layout(win: MainWindow) -> None:
    """Make the window's widgets, kept on the window (`model_bar`, `chat`, `status`...)."""
    central = QWidget()
    lay = QVBoxLayout(central)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(0)
    win.model_bar = ModelBar(win)
    win.model_bar.modelChosen.connect(win.choose_model)
    win.model_bar.manageRequested.connect(win.open_model_manager)
    win.model_bar.settingsRequested.connect(win.settings.open_conversation_settings)
    lay.addWidget(win.model_bar)
    win.splitter = QSplitter(Qt.Orientation.Horizontal)
    win.conversations = ConversationList(win)
    win.conversations.selected.connect(win.open_conversation)
    win.conversations.newRequested.connect(win.new_chat)
    win.conversations.renamed.connect(win.conversation_renamed)
    win.conversations.deleteRequested.connect(win.delete_conversation)
    win.conversations.exportRequested.connect(win.export_from_list)
    win.splitter.addWidget(win.conversations)
    win.chat = ChatPane(win)
    win.chat.view.copyRequested.connect(win.copy_message)
    win.chat.view.citationRequested.connect(win.docs.open_citation)
    win.splitter.addWidget(win.chat)
    win.splitter.setStretchFactor(0, 0)
    win.splitter.setStretchFactor(1, 1)
    win.splitter.setSizes([240, 760])
    lay.addWidget(win.splitter, 1)
    win.setCentralWidget(central)
    sb = win.statusBar()
    win.status = QLabel(QCoreApplication.translate("MainWindow", "Ready"))
    win.status.setAccessibleName(QCoreApplication.translate("MainWindow", "Status"))
    sb.addWidget(win.status, 1)
    win.undo_btn = QPushButton(QCoreApplication.translate("MainWindow", "Undo delete"))
    win.undo_btn.setAccessibleName(QCoreApplication.translate("MainWindow", "Undo delete"))
    win.undo_btn.clicked.connect(win.undo_delete)
    win.undo_btn.hide()
    sb.addPermanentWidget(win.undo_btn)
    win.progress = QProgressBar()
    win.progress.setAccessibleName(QCoreApplication.translate("MainWindow", "Progress"))
    win.progress.setMaximumWidth(160)
    win.progress.setTextVisible(False)
    win.progress.hide()
    sb.addPermanentWidget(win.progress)
    win.undo_timer = QTimer(win)
    win.undo_timer.setSingleShot(True)
    win.undo_timer.setInterval(UNDO_DELETE_MS)
    win.undo_timer.timeout.connect(win.commit_deletes)
    win.resize(1100, 740)
    win.chat.view.set_empty_text(
        QCoreApplication.translate("MainWindow", "<h2>Wren</h2><p>Chat with a language model that runs on this computer.<br>"
                "Nothing you type leaves it.</p><p>Type a message below and press Enter.</p>")
    )
    win.chat.view.empty.setTextFormat(Qt.TextFormat.RichText)
    # First run: a welcome that says where bigger models and documents are; shown once.
    win.welcome = QLabel(QCoreApplication.translate("MainWindow",
        "<h2>Welcome to Wren</h2><p>Chat with a language model that runs on this computer. "
        "Nothing you type leaves it.</p><p>The small starter model is quick but simple: "
        "<b>Models → Manage and download models…</b> finds bigger ones that fit this computer.</p>"
        "<p>Drop a document (PDF, DOCX, TXT, Markdown, HTML…) on this window, or press "
        "<b>Ctrl+O</b>, to get a summary and ask questions about it.</p>"))
    win.welcome.setObjectName("welcomePanel")
    win.welcome.setWordWrap(True)
    win.welcome.setAccessibleName(QCoreApplication.translate("MainWindow", "Welcome"))
    win.welcome_close = QPushButton(QCoreApplication.translate("MainWindow", "Got it"))
    win.welcome_close.setAccessibleName(QCoreApplication.translate("MainWindow", "Dismiss welcome"))
    win.welcome_close.clicked.connect(win.dismiss_welcome)
    box = QWidget()
    box.setObjectName("welcomeBox")
    bl = QVBoxLayout(box)
    bl.setContentsMargins(24, 16, 24, 16)
    bl.addWidget(win.welcome)
    bl.addWidget(win.welcome_close, 0, Qt.AlignmentFlag.AlignRight)
    win.welcome_box = box
    win.chat.layout().insertWidget(0, box)
    tab_order(win)
    win.welcome_shown = False


def tab_order(win: MainWindow) -> None:
    """Tab follows the screen: model bar, conversation list, the welcome, the messages (put
    after the welcome's button as they come), the conversation's scroll area, banners,
    input, Send/Stop. (Widgets reparented while the window is built would otherwise land at
    odd places.)"""
    mb, conv, chat = win.model_bar, win.conversations, win.chat
    order = [mb.picker, mb.settings_btn, mb.manage_btn, conv.new_btn, conv.list,
             win.welcome_close, chat.view, chat.overflow.summarize_btn,
             chat.overflow.drop_btn, chat.input, chat.send_btn, chat.stop_btn, win.undo_btn]
    for a, b in zip(order, order[1:], strict=False):
        QWidget.setTabOrder(a, b)
    chat.view.tab_anchor = win.welcome_close
