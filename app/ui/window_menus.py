"""The window's menu bar: every action, its shortcut and the slot it calls.

Strings keep the window's translation context ("MainWindow"): they were written there first.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def build_menus(win: MainWindow) -> None:
    """Make the menus; each action is kept on the window as `act_*` (tests and the window's
    own code enable, check or trigger them)."""
    mb = win.menuBar()

    def act(menu: QMenu, text: str, slot: Callable[..., Any], shortcut: Any = None) -> QAction:
        a = QAction(text, win)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(slot)
        menu.addAction(a)
        return a

    f = mb.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    win.act_new = act(f, QCoreApplication.translate("MainWindow", "&New chat"), win.new_chat,
                      "Ctrl+N")
    win.act_attach = act(f, QCoreApplication.translate("MainWindow", "&Attach document…"),
                         win.docs.choose, "Ctrl+O")
    win.act_import = act(f, QCoreApplication.translate("MainWindow", "&Import a GGUF model…"),
                         win.imports.choose, "Ctrl+I")
    f.addSeparator()
    win.act_settings = act(f, QCoreApplication.translate("MainWindow", "Conversation &settings…"),
                           win.settings.open_conversation_settings, "Ctrl+,")
    win.act_api = QAction(QCoreApplication.translate("MainWindow", "Local &API server"), win)
    win.act_api.setCheckable(True)
    win.act_api.setToolTip(QCoreApplication.translate(
        "MainWindow", "Serve the loaded model to other programs on 127.0.0.1 "
        "(OpenAI-compatible)"))
    win.act_api.toggled.connect(win.api.set_enabled)
    f.addAction(win.act_api)
    win.act_prefs = act(f, QCoreApplication.translate("MainWindow", "&Preferences…"),
                        win.settings.open_preferences, "Ctrl+Shift+,")
    f.addSeparator()
    win.act_quit = act(f, QCoreApplication.translate("MainWindow", "&Quit"), win.close, "Ctrl+Q")

    e = mb.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    win.act_copy_last = act(e, QCoreApplication.translate("MainWindow", "Copy last reply"),
                            win.copy_last_reply, "Ctrl+Shift+C")
    win.act_search = act(e, QCoreApplication.translate("MainWindow", "&Search conversations…"),
                         win.open_search, "Ctrl+F")
    win.act_focus = act(e, QCoreApplication.translate("MainWindow", "Focus message input"),
                        win.focus_input, "Ctrl+L")
    win.act_focus_list = act(e, QCoreApplication.translate("MainWindow", "Focus conversation list"),
                             win.focus_conversations, "Ctrl+Shift+L")
    win.act_focus_model = act(e, QCoreApplication.translate("MainWindow", "Focus model picker"),
                              win.focus_model_picker, "Ctrl+Shift+M")
    win.act_focus_last = act(e, QCoreApplication.translate("MainWindow", "Read last message"),
                             win.focus_last_message, "Ctrl+Shift+R")

    v = mb.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    win.act_zoom_in = act(v, QCoreApplication.translate("MainWindow", "Zoom &in"),
                          lambda: win.zoom(+1), QKeySequence.StandardKey.ZoomIn)
    # Ctrl+= as well: on many keyboards + needs Shift.
    win.act_zoom_in.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn),
                                  QKeySequence("Ctrl+=")])
    win.act_zoom_out = act(v, QCoreApplication.translate("MainWindow", "Zoom &out"),
                           lambda: win.zoom(-1), QKeySequence.StandardKey.ZoomOut)
    win.act_zoom_reset = act(v, QCoreApplication.translate("MainWindow", "&Actual size"),
                             lambda: win.zoom(0), "Ctrl+0")

    c = mb.addMenu(QCoreApplication.translate("MainWindow", "&Chat"))
    win.act_stop = act(c, QCoreApplication.translate("MainWindow", "S&top"), win.turns.stop, "Esc")
    win.act_regen = act(c, QCoreApplication.translate("MainWindow", "&Regenerate last reply"),
                        win.turns.regenerate, "Ctrl+R")
    c.addSeparator()
    win.act_rename = act(c, QCoreApplication.translate("MainWindow", "Re&name conversation"),
                         win.rename_current, "F2")
    win.act_delete = act(c, QCoreApplication.translate("MainWindow", "&Delete conversation"),
                         lambda: win.conv_id and win.delete_conversation(win.conv_id),
                         "Ctrl+Shift+Del")
    win.act_export = act(c, QCoreApplication.translate("MainWindow", "E&xport conversation…"),
                         win.export_conversation, "Ctrl+E")

    m = mb.addMenu(QCoreApplication.translate("MainWindow", "&Models"))
    win.act_models = act(m, QCoreApplication.translate("MainWindow", "&Manage and download models…"),
                         win.open_model_manager, "Ctrl+M")
    win.act_engines = act(m, QCoreApplication.translate("MainWindow", "&Remote engines…"),
                          win.open_engines, "Ctrl+Shift+E")
    win.act_refresh = act(m, QCoreApplication.translate("MainWindow", "Re&fresh installed models"),
                          win.refresh_all_models, "F5")

    h = mb.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    win.act_welcome = act(h, QCoreApplication.translate("MainWindow", "&Welcome"), win.show_welcome)
    win.act_system = act(h, QCoreApplication.translate("MainWindow", "&This computer…"),
                         win.show_system)
    win.act_about = act(h, QCoreApplication.translate("MainWindow", "&About Wren"), win.about, "F1")
