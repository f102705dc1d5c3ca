"""File > Local API server: starts, restarts and stops the OpenAI-compatible server on the
window's loaded local model, and says in the status line whether it is busy.

Strings keep the window's translation context ("MainWindow"): they were written there first.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from app.core import setting_names
from app.core.errors import WrenError

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

API_ENABLED_SETTING = setting_names.API_ENABLED
API_LOG_SETTING = setting_names.API_LOG_CONVERSATIONS


class ApiServerControl(QObject):
    """Owned by the window; the window's apiStatus signal (emitted on the server's threads)
    reaches on_status queued on the GUI thread."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__(win)
        self.win = win
        self.server: Any = None  # app.core.api_server.ApiServer while running
        win.apiStatus.connect(self.on_status)

    @property
    def enabled(self) -> bool:
        return bool(self.win.store.get_setting(API_ENABLED_SETTING, False))

    def set_enabled(self, on: bool) -> None:
        """The menu item was toggled: remember it, start or stop."""
        self.win.store.set_setting(API_ENABLED_SETTING, bool(on))
        if on:
            self.restart()
        else:
            self.stop()
            self.win.flash(QCoreApplication.translate("MainWindow", "Local API server stopped."))

    def stop(self) -> None:
        srv, self.server = self.server, None
        self.win.host.worker.gate = None
        if srv is not None:
            srv.stop()
            self.win.apiServerChanged.emit("")

    def restart(self) -> None:
        """(Re)start the server on the loaded local model when the setting is on."""
        win = self.win
        if not self.enabled:
            return
        s = win.model_state
        if self.server is not None and s is not None and self.server.model_name == s.model_id:
            return  # same model (e.g. its context grew): the server holds the same Engine
        self.stop()
        engine = win.host.worker.local_engine()
        if s is None or engine is None:
            win.flash(QCoreApplication.translate(
                "MainWindow", "The local API server needs a loaded local model."))
            return
        from app.core.api_server import ApiServer, FifoGate, get_or_create_api_key
        from app.core.preferences import read_preferences

        try:
            key, _new, _where = get_or_create_api_key()
            gate = FifoGate()
            port = read_preferences(win.store).api_port
            log = win.store.get_setting(API_LOG_SETTING, None)
            srv = ApiServer(engine, s.model_id, key, port=port, store=win.store,
                            log_conversations=log, gate=gate,
                            on_status=win.apiStatus.emit)
            # The worker holds the same gate around its own turns from now on.
            win.host.worker.gate = gate
            url = srv.start()
        except (WrenError, OSError) as e:
            win.host.worker.gate = None
            msg = getattr(e, "message", None) or QCoreApplication.translate(
                "MainWindow", "the API server could not start: {error}").format(error=e)
            win.flash(msg)
            win.act_api.blockSignals(True)
            win.act_api.setChecked(False)
            win.act_api.blockSignals(False)
            win.store.set_setting(API_ENABLED_SETTING, False)
            return
        self.server = srv
        win.flash(QCoreApplication.translate("MainWindow", "Local API server on {url}").format(url=url))
        win.apiServerChanged.emit(url)

    def preferences_changed(self, before: Any, after: Any) -> bool:
        """Port or logging changed while running: start again with them. True if restarted."""
        if self.server is None or (before.api_port, before.api_log_conversations) == (
                after.api_port, after.api_log_conversations):
            return False
        self.stop()
        self.restart()
        return True

    def on_status(self, st: Any) -> None:
        if getattr(st, "busy", False):
            self.win.status.setText(QCoreApplication.translate("MainWindow", "API server busy"))
        elif self.server is not None and not self.win.busy:
            self.win.status.setText(QCoreApplication.translate("MainWindow", "API server idle"))

    def shutdown(self) -> None:
        """The window is closing: stop serving (no signal: nothing listens any more)."""
        if self.server is not None:
            self.server.stop()
            self.server = None
