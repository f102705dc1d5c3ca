"""Wren's main window: conversation list | chat pane, model bar on top, status line below.

The window never touches the Llama: every model load and reply goes to the InferenceWorker
through WorkerHost, and comes back as queued signals carrying plain data.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QMainWindow

from app.core import setting_names
from app.core.errors import WrenError
from app.core.models import InstalledModel, installed_models, resolve_model
from app.core.paths import DataDir
from app.core.store import Store
from app.ui.api_control import ApiServerControl
from app.ui.background import BackgroundOp, run_in_background, wait_all
from app.ui.chat_controller import ChatController, decimal, message_data
from app.ui.document_jobs import DocumentJobs, dropped_files, split_files
from app.ui.model_import import ModelImport
from app.ui.settings_control import SettingsControl
from app.ui.window_layout import UNDO_DELETE_MS, build_layout
from app.ui.window_menus import build_menus
from app.ui.worker import ModelState, WorkerHost

LAST_CONVERSATION_SETTING = "ui.last_conversation"
GEOMETRY_SETTING = "ui.window_geometry"
SPLITTER_SETTING = "ui.splitter_state"
OVERFLOW_WARN_FRACTION = 0.8
WELCOME_SEEN_SETTING = "ui.welcome_seen"
ZOOM_SETTING = setting_names.UI_CHAT_ZOOM
ZOOM_STEPS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)  # percent, like browsers


def _settle_garbage() -> None:
    """Collect now (the user just switched conversation and waits anyway), then freeze what is
    left, so that a full collection during a streaming reply does not have to scan every widget
    wrapper of a long conversation (measured: 30-140 ms stalls otherwise)."""
    import gc

    gc.unfreeze()
    gc.collect()
    gc.freeze()


class MainWindow(QMainWindow):
    # For tests and extensions: emitted after a reply is stored (ReplyDone) or failed.
    replyFinished = Signal(object)
    replyError = Signal(object)
    modelReady = Signal(object)
    summaryDone = Signal(int)  # the new conversation's id
    documentFinished = Signal(object)  # the summary's result dict (conversation_id, ...)
    documentFailed = Signal(str)
    titleGenerated = Signal(int, str)
    modelImported = Signal(object)
    modelImportFailed = Signal(str)
    apiStatus = Signal(object)  # ServerStatus, from the server's threads (queued to the GUI)
    apiServerChanged = Signal(str)  # the URL, "" when stopped
    remoteModelsLoaded = Signal(object)  # list[InstalledModel]

    def __init__(self, store: Store, data: DataDir, *, autoload: bool = True) -> None:
        super().__init__()
        self.store = store
        self.data = data
        self.conv_id: int | None = None
        self.model_state: ModelState | None = None
        self.hidden_convs: set[int] = set()  # deleted but still undoable
        self.setWindowTitle("Wren")
        self.setAccessibleName("Wren")
        self.host = WorkerHost(store, self)
        w = self.host.worker
        w.modelLoading.connect(self._on_model_loading)
        w.modelLoaded.connect(self._on_model_loaded)
        w.modelFailed.connect(self._on_model_failed)
        w.cache_dir = data.cache
        # The window's jobs, each in its own helper (app/ui/<module>.py); chat turns: turns.
        self.docs = DocumentJobs(self)
        self.imports = ModelImport(self)
        self.api = ApiServerControl(self)
        self.settings = SettingsControl(self)
        self.remote: list[InstalledModel] = []
        self._remote_task: BackgroundOp | None = None
        self.store_notice = ""
        self.highlighted: Any = None  # the message a search result pointed at
        self.closed = False  # after closeEvent: late worker signals must not touch the store
        build_layout(self)
        self.turns = ChatController(self)  # after the layout: it connects the chat pane
        build_menus(self)
        if self.api.enabled:
            self.act_api.blockSignals(True)
            self.act_api.setChecked(True)  # started when the model is loaded
            self.act_api.blockSignals(False)
        self._restore_geometry()
        self.apply_zoom()
        self.refresh_conversations()
        self.refresh_models()
        last = store.get_setting(LAST_CONVERSATION_SETTING)
        if isinstance(last, int) and store.get_conversation(last) is not None:
            self.open_conversation(last)
        else:
            self.new_chat()
        self.setAcceptDrops(True)
        # Work the first frame does not need (loading the model, asking remote engines for
        # their models, compiling pygments' regexes) starts once that frame is painted, so the
        # window appears as soon as it can; a window that is not shown starts it at once.
        self._autoload = autoload
        self._started = False
        self.model_bar.firstPainted.connect(self._start_deferred)
        QTimer.singleShot(0, self._start_unless_painting)
        QTimer.singleShot(1000, self._start_deferred)  # in case no paint ever comes

    def _start_unless_painting(self) -> None:
        if not self.isVisible():
            self._start_deferred()

    def _start_deferred(self) -> None:
        if self._started or self.closed:
            return
        self._started = True
        if self._autoload:
            QTimer.singleShot(0, self.load_default_model)
        QTimer.singleShot(0, self.refresh_remote_models)
        QTimer.singleShot(0, self._warm_up_markdown)

    def _warm_up_markdown(self) -> None:
        if self.closed:
            return
        from app.ui.markdown_view import warm_up

        run_in_background(warm_up, name="wren-markdown-warmup")

    # ------------------------------------------------------------ keyboard & zoom
    def focus_conversations(self) -> None:
        self.conversations.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_model_picker(self) -> None:
        self.model_bar.picker.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_last_message(self) -> None:
        """Put the keyboard (and so a screen reader) on the newest message's text."""
        if self.chat.view.widgets:
            w = self.chat.view.widgets[-1]
            self.chat.view.ensureWidgetVisible(w)
            w.segments[0].setFocus(Qt.FocusReason.ShortcutFocusReason)

    @property
    def zoom_percent(self) -> int:
        z = self.store.get_setting(ZOOM_SETTING, 100)
        return int(z) if isinstance(z, (int, float)) and ZOOM_STEPS[0] <= z <= ZOOM_STEPS[-1] else 100

    def zoom(self, direction: int) -> None:
        """+1 / -1: the next larger / smaller step of the conversation text; 0: back to 100 %.
        Remembered across restarts."""
        cur = self.zoom_percent
        if direction > 0:
            new = next((z for z in ZOOM_STEPS if z > cur), ZOOM_STEPS[-1])
        elif direction < 0:
            new = next((z for z in reversed(ZOOM_STEPS) if z < cur), ZOOM_STEPS[0])
        else:
            new = 100
        self.store.set_setting(ZOOM_SETTING, new)
        self.apply_zoom()
        self.flash(self.tr("Text size {percent} %").format(percent=new), 2000)

    def apply_zoom(self) -> None:
        self.chat.set_zoom(self.zoom_percent)

    def announce(self, text: str) -> None:
        """Say `text` to a screen reader (the status line is the live region it comes from)."""
        from app.ui.accessibility import announce

        announce(self.status, text)

    # ------------------------------------------------------------ dialogs
    def open_model_manager(self) -> None:
        from app.ui.model_manager import open_from_window

        open_from_window(self)

    def open_search(self) -> None:
        from app.ui.search_dialog import open_from_window

        open_from_window(self)

    def open_engines(self) -> None:
        from app.ui.engines_dialog import EnginesDialog

        dlg = EnginesDialog(self.store, self)
        dlg.engines_changed.connect(self.refresh_remote_models)
        self._engines_dialog = dlg
        dlg.show()

    def about_html(self) -> str:
        from app.ui.about import about_html

        return about_html(self.model_state.path if self.model_state else "")

    def show_system(self) -> None:
        """Help > This computer: CPU, RAM, GPUs and llama.cpp's backends (read off the GUI
        thread: the first look at a GPU starts its driver)."""
        from app.ui.system_dialog import SystemDialog

        dlg = SystemDialog(self)
        self._system_dialog = dlg
        dlg.show()

    def about(self) -> None:
        from app.ui.about import AboutDialog

        AboutDialog(self.about_html(), self).exec()

    # ------------------------------------------------------------------ welcome & notices
    def dismiss_welcome(self) -> None:
        self.welcome_box.hide()
        self.store.set_setting(WELCOME_SEEN_SETTING, True)

    def show_welcome(self) -> None:
        self.welcome_box.show()

    def _update_welcome(self) -> None:
        """First run only: the welcome sits over the empty chat; a conversation hides it, and
        once it has been seen in one session it is not shown again."""
        want = (self.conv_id is None and not self.chat.view.widgets
                and not self.store.get_setting(WELCOME_SEEN_SETTING, False))
        self.welcome_box.setVisible(want)
        self.welcome_shown = self.welcome_shown or want

    def show_store_notice(self, notice: str | None) -> None:
        """What open_store() said (restored from a backup): kept visible until the next notice."""
        if notice:
            self.store_notice = notice
            self.chat.show_notice(f"⚠ {notice}")
            self.flash(notice, 0)

    # ------------------------------------------------------------------ status
    def flash(self, text: str, ms: int = 6000) -> None:
        # The status label only: a QStatusBar temporary message would be drawn over it.
        self.status.setText(text)
        self.status.setToolTip(text)

    @property
    def busy(self) -> bool:
        return self.host.active_seq != 0

    def set_busy(self, busy: bool) -> None:
        self.chat.set_busy(busy)
        self.act_regen.setEnabled(not busy)
        if not busy:
            self.progress.hide()

    # ------------------------------------------------------------------ models
    def refresh_models(self) -> None:
        current = self.model_state.model_id if self.model_state else None
        try:
            models = installed_models(self.store, self.data)
        except WrenError as e:
            self.flash(e.message)
            models = []
        self.model_bar.set_models(models + self.remote, current)

    def refresh_all_models(self) -> None:
        self.refresh_models()
        self.refresh_remote_models()

    def refresh_remote_models(self) -> None:
        """Ask every remote engine for its models off the GUI thread, then refresh the picker."""
        if not self.store.list_engines():  # (the registry would also ask the keyring)
            if self.remote:
                self.remote = []
                self.refresh_models()
            self.remoteModelsLoaded.emit([])
            return
        if self._remote_task is not None and self._remote_task.isRunning():
            return
        store = self.store

        def fetch() -> list[InstalledModel]:
            from app.core.engines_registry import remote_models

            out = []
            for em in remote_models(store):
                for info in em.models:
                    out.append(InstalledModel(info.spec, info.spec,
                                              QCoreApplication.translate("MainWindow", "{model} (remote: {engine})").format(model=info.model_id, engine=em.engine.name), 0,
                                              "remote"))
            return out

        # No Qt parent: waited for when the window closes.
        self._remote_task = run_in_background(fetch, on_done=self._on_remote_models,
                                              on_failed=self.flash, name="wren-remote-models")

    def _on_remote_models(self, models: list[InstalledModel]) -> None:
        if self.closed:
            return
        self.remote = list(models)
        self.refresh_models()
        self.remoteModelsLoaded.emit(self.remote)

    def load_default_model(self) -> None:
        try:
            model = resolve_model(None, self.store, self.data)
        except WrenError as e:
            self.model_bar.show_error(e.message)
            self.flash(e.message, 0)
            return
        self.choose_model(model)

    def choose_model(self, model: InstalledModel) -> None:
        if self.busy:
            self.turns.stop()
        self.host.load_model(model, self.turns.current_settings().load_options(self.gpu_cap()))

    def _on_model_loading(self, name: str) -> None:
        self.model_bar.show_loading(name)
        self.status.setText(self.tr("Loading {name}…").format(name=name))
        self.progress.setRange(0, 0)  # llama.cpp gives no load progress: a busy bar
        self.progress.show()

    def _on_model_loaded(self, s: ModelState) -> None:
        if self.closed:
            return  # a late signal from the worker: the store may be closed already
        self.model_state = s
        self.model_bar.show_state(s)
        if not self.busy:
            self.progress.hide()
        self.status.setText(self.tr("{name} ready (loaded in {seconds} s)").format(
            name=s.name, seconds=decimal(s.load_s)))
        # Loading takes a while: someone who cannot see the model bar hears when to start.
        self.announce(self.tr("{name} is ready.").format(name=s.name))
        self.chat.show_notice(s.notice or (f"⚠ {self.store_notice}" if self.store_notice else ""))
        self.modelReady.emit(s)
        self.docs.model_ready()
        self.api.restart()

    def _on_model_failed(self, message: str) -> None:
        self.model_bar.show_error(message)
        self.progress.hide()
        self.status.setText(message)
        self.announce(self.tr("Error: {message}").format(message=message))

    # ------------------------------------------------------------ conversations
    def refresh_conversations(self) -> None:
        self.conversations.set_conversations(self.store.list_conversations(), self.conv_id,
                                             self.hidden_convs)

    def _leave_current(self) -> None:
        """Switching away while a reply streams cancels it (the partial reply is kept)."""
        if self.busy:
            self.host.cancel()
            self.host.active_seq = 0
            self.set_busy(False)
        self.chat.overflow.hide()

    def new_chat(self) -> None:
        self._leave_current()
        self.conv_id = None
        self.chat.view.clear()
        self.conversations.list.clearSelection()
        self.conversations.list.setCurrentItem(None)
        self._update_welcome()
        self.focus_input()

    def open_conversation(self, conv_id: int) -> None:
        if conv_id == self.conv_id:
            return
        conv = self.store.get_conversation(conv_id)
        if conv is None:
            return
        self._leave_current()
        self.conv_id = conv_id
        self.remember_conversation(conv_id)
        self.reload_messages()
        it = self.conversations.item_for(conv_id)
        if it is not None and self.conversations.list.currentItem() is not it:
            self.conversations.list.blockSignals(True)
            self.conversations.list.setCurrentItem(it)
            self.conversations.list.blockSignals(False)
        self.setWindowTitle(self.tr("{title} — Wren").format(title=conv.title))

    def reload_messages(self) -> None:
        msgs = self.store.messages(self.conv_id) if self.conv_id is not None else []
        shown = [message_data(m) for m in msgs]
        if any(m.document_id for m in msgs):
            from app.ui.document_pane import message_citations

            for d, m in zip(shown, msgs, strict=True):
                if m.role == "assistant" and m.document_id:
                    d.citations = message_citations(self.store, m.id)
        self.chat.view.set_messages(shown)
        self._update_welcome()
        _settle_garbage()


    def conversation_renamed(self, conv_id: int, title: str) -> None:
        self.store.update_conversation(conv_id, title=title)
        if conv_id == self.conv_id:
            self.setWindowTitle(self.tr("{title} — Wren").format(title=title))

    def rename_current(self) -> None:
        if self.conv_id is not None:
            self.conversations.rename(self.conv_id)

    def delete_conversation(self, conv_id: int) -> None:
        """Hide now, delete for good after UNDO_DELETE_MS unless Undo is pressed."""
        if conv_id == self.conv_id:
            self.new_chat()
        self.hidden_convs.add(conv_id)
        self.refresh_conversations()
        conv = self.store.get_conversation(conv_id)
        self.flash(self.tr("Deleted “{title}”.").format(title=conv.title if conv else conv_id),
                   UNDO_DELETE_MS)
        self.undo_btn.show()
        self.undo_timer.start()

    def undo_delete(self) -> None:
        self.undo_timer.stop()
        restored = sorted(self.hidden_convs)
        self.hidden_convs.clear()
        self.undo_btn.hide()
        self.refresh_conversations()
        if restored:
            self.open_conversation(restored[-1])
            self.flash(self.tr("Conversation restored."))

    def commit_deletes(self) -> None:
        for cid in sorted(self.hidden_convs):
            self.store.delete_conversation(cid)
        self.hidden_convs.clear()
        self.undo_btn.hide()

    # ------------------------------------------------------------------ chatting
    def focus_input(self) -> None:
        self.chat.input.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def gpu_cap(self) -> int:
        from app.core.devices import gpu_memory_cap

        return gpu_memory_cap(self.store)

    def remember_conversation(self, conv_id: int) -> None:
        """The conversation to open when Wren starts again."""
        self.store.set_setting(LAST_CONVERSATION_SETTING, conv_id)

    def drop_oldest_turns(self) -> None:
        """The banner's second way on: drop the oldest exchanges until about half the context is
        free (app.core.chat.drop_oldest_turns; the system prompt and last exchange are kept)."""
        from app.core.chat import drop_oldest_turns

        if self.conv_id is None or self.busy:
            return
        n = drop_oldest_turns(self.store, self.conv_id, self.turns.context_limit())
        self.chat.overflow.hide()
        self.reload_messages()
        self.flash(self.tr("Dropped %n older message(s); the system prompt is kept.", "", n))

    def show_message(self, conv_id: int, message_id: int) -> None:
        """A search result: open its conversation, scroll to the message and highlight it."""
        self.hidden_convs.discard(conv_id)
        self.open_conversation(conv_id)
        if self.conv_id != conv_id:
            return
        w = self.chat.view.find(message_id) if message_id else None
        self.highlighted = w
        if w is None:
            return
        self.chat.view.follow = False
        self.chat.view.inner.adjustSize()
        self.chat.view.ensureWidgetVisible(w, 0, 40)
        w.setProperty("highlight", True)
        w.setStyleSheet("QFrame#userMessage, QFrame#assistantMessage { border: 2px solid palette(highlight); }")
        # The widget as context: no call once it is gone (another conversation opened).
        QTimer.singleShot(4000, w, lambda: w.setStyleSheet(""))

    # ------------------------------------------------------------------ documents & files
    def summarize_documents(self, paths: list[str]) -> int:
        return self.docs.summarize(paths)

    def export_conversation(self, path: str | None = None) -> str | None:
        """Chat > Export conversation: Markdown, Word, PDF or JSON, with citations."""
        from app.ui.export_dialog import export_conversation

        return export_conversation(self, path)

    def export_from_list(self, conv_id: int) -> None:
        self.open_conversation(conv_id)
        if self.conv_id == conv_id:
            self.export_conversation()

    def dragEnterEvent(self, e: Any) -> None:  # noqa: N802
        if dropped_files(e):
            e.acceptProposedAction()
        else:
            e.ignore()

    def dragMoveEvent(self, e: Any) -> None:  # noqa: N802
        self.dragEnterEvent(e)

    def dropEvent(self, e: Any) -> None:  # noqa: N802
        files = dropped_files(e)
        if not files:
            e.ignore()
            return
        e.acceptProposedAction()
        self.open_files(files)

    def open_files(self, files: list[str]) -> None:
        """Dropped or passed files: .gguf models are imported, documents summarized (several
        documents or a folder go to the document queue)."""
        from pathlib import Path

        models, docs = split_files(files)
        for m in models:
            self.imports.start(m)
        if len(docs) > 1 or any(Path(d).is_dir() for d in docs):
            self.docs.summarize_batch(docs)
        elif docs:
            self.docs.summarize(docs)

    # ------------------------------------------------------------------ other actions
    def copy_message(self, message_id: int) -> None:
        w = self.chat.view.find(message_id)
        if w is not None:
            QGuiApplication.clipboard().setText(w.plain_text())
            self.flash(self.tr("Copied."), 2000)

    def copy_last_reply(self) -> None:
        w = next((w for w in reversed(self.chat.view.widgets) if w.data.role == "assistant"), None)
        if w is not None:
            self.copy_message(w.data.id)

    # ------------------------------------------------------------------ geometry & closing
    def _restore_geometry(self) -> None:
        g = self.store.get_setting(GEOMETRY_SETTING)
        if isinstance(g, str):
            self.restoreGeometry(QByteArray.fromBase64(g.encode()))
        sp = self.store.get_setting(SPLITTER_SETTING)
        if isinstance(sp, str):
            self.splitter.restoreState(QByteArray.fromBase64(sp.encode()))

    def save_geometry(self) -> None:
        self.store.set_setting(GEOMETRY_SETTING, bytes(self.saveGeometry().toBase64()).decode())
        self.store.set_setting(SPLITTER_SETTING, bytes(self.splitter.saveState().toBase64()).decode())

    def closeEvent(self, e: QCloseEvent) -> None:
        try:
            self.save_geometry()
            self.undo_timer.stop()
            self.commit_deletes()
        except WrenError:
            pass
        self.closed = True
        if self.welcome_shown:
            self.store.set_setting(WELCOME_SEEN_SETTING, True)
        dlg = getattr(self, "search_dialog", None)
        if dlg is not None:
            dlg.shutdown()
        self.api.shutdown()
        wait_all([*self.imports.running, *([self._remote_task] if self._remote_task else [])])
        wait_all()  # and any other op without a parent (e.g. the Markdown warm-up)
        self.docs.shutdown()
        # Stops a running reply (stored as "cancelled" with its text) and ends the thread.
        self.host.shutdown()
        super().closeEvent(e)
