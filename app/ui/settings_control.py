"""The window's two settings dialogs: File > Conversation settings (this conversation's
sampling, context and system prompt, or the defaults of the next one) and File > Preferences
(the app's own choices: language, summaries, API port...).

Strings keep the window's translation context ("MainWindow"): they were written there first.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from app.core.chat_settings import (
    USER_PRESETS_SETTING,
    default_system_prompt,
    save_defaults,
    user_presets,
)
from app.ui.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class SettingsControl(QObject):
    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win

    # ------------------------------------------------------------ conversation settings
    def conversation_dialog(self) -> SettingsDialog:
        win = self.win
        conv = win.store.get_conversation(win.conv_id) if win.conv_id is not None else None
        sp = conv.system_prompt if conv else default_system_prompt(win.store)
        s = win.model_state
        return SettingsDialog(win.turns.current_settings(), sp, user_presets(win.store),
                              kv_bytes_per_token=s.kv_bytes_per_token if s else 0.0,
                              max_ctx=(s.native_ctx or s.n_ctx) if s else 131072, parent=win)

    def apply_conversation(self, dlg: SettingsDialog) -> None:
        win = self.win
        s = dlg.values()
        win.store.set_setting(USER_PRESETS_SETTING, dlg.user_presets)
        if win.conv_id is not None:
            win.store.update_conversation(win.conv_id, settings=s.to_dict(),
                                          system_prompt=dlg.system_prompt())
        else:  # no conversation yet: these become the defaults for the next one
            save_defaults(win.store, s, dlg.system_prompt())
        win.flash(QCoreApplication.translate("MainWindow", "Settings saved."))

    def open_conversation_settings(self) -> None:
        dlg = self.conversation_dialog()
        if dlg.exec():
            self.apply_conversation(dlg)

    # ------------------------------------------------------------ preferences
    def preferences_dialog(self) -> Any:
        from app.ui.preferences_dialog import PreferencesDialog

        return PreferencesDialog(self.win.store, self.win.data.cache, self.win)

    def open_preferences(self) -> None:
        dlg = self.preferences_dialog()
        if dlg.exec():
            self.apply_preferences(dlg)

    def apply_preferences(self, dlg: Any) -> None:
        before, after = dlg.before, dlg.apply()
        if self.win.api.preferences_changed(before, after):
            return  # started again on the new port / with the new logging
        if before.language != after.language:
            from app.ui.preferences_dialog import restart_hint

            self.win.flash(restart_hint(), 0)
        else:
            self.win.flash(QCoreApplication.translate("MainWindow", "Preferences saved."), 3000)
