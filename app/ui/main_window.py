"""Wren's main window: conversation list | chat pane, model bar on top, status line below.

The window never touches the Llama: every model load and reply goes to the InferenceWorker
through WorkerHost, and comes back as queued signals carrying plain data.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QMainWindow

from app.core import setting_names
from app.core.errors import WrenError
from app.core.models import InstalledModel, installed_models, resolve_model
from app.core.paths import DataDir
from app.core.store import Message, Store
from app.ui.api_control import ApiServerControl
from app.ui.background import BackgroundOp, run_in_background, wait_all
from app.ui.chat_view import EditDialog, MessageData
from app.ui.document_jobs import DocumentJobs, dropped_files, split_files
from app.ui.model_import import ModelImport
from app.ui.settings_control import SettingsControl
from app.ui.settings_dialog import DEFAULT_SETTINGS_SETTING, ChatSettings
from app.ui.window_layout import UNDO_DELETE_MS, build_layout
from app.ui.window_menus import build_menus
from app.ui.worker import ChatRequest, ModelState, ReplyDone, ReplyFailed, WorkerHost

LAST_CONVERSATION_SETTING = "ui.last_conversation"
GEOMETRY_SETTING = "ui.window_geometry"
SPLITTER_SETTING = "ui.splitter_state"
OVERFLOW_WARN_FRACTION = 0.8
WELCOME_SEEN_SETTING = "ui.welcome_seen"
ZOOM_SETTING = setting_names.UI_CHAT_ZOOM
ZOOM_STEPS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)  # percent, like browsers


def decimal(x: float, places: int = 1) -> str:
    """A number as the window's locale writes it ("5.8" in English, "5,8" in German)."""
    return QLocale().toString(float(x), "f", places)


class ReplyWords(QObject):
    """Words about a reply, shared by the message details and the status line (a QObject for
    tr(): lupdate sees plural forms only in tr() calls)."""

    def tokens(self, n: int) -> str:
        return self.tr("%Ln token(s)", "", n)

    def detail(self, tokens: int, tokens_per_s: float | None) -> str:
        """'42 tokens · 18.3 tok/s' under a finished reply."""
        if tokens_per_s:
            return self.tr("{tokens} · {rate} tok/s").format(tokens=self.tokens(tokens),
                                                             rate=decimal(tokens_per_s))
        return self.tokens(tokens)


_WORDS = ReplyWords()


def reply_detail(tokens: int, tokens_per_s: float | None) -> str:
    return _WORDS.detail(tokens, tokens_per_s)


def message_data(m: Message) -> MessageData:
    detail = ""
    if m.role == "assistant" and m.completion_tokens:
        detail = reply_detail(m.completion_tokens, m.decode_tokens_per_s)
    return MessageData(m.id, m.role, m.text, m.status, m.model, detail)


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
        self.pending_user: Any = None
        self.hidden_convs: set[int] = set()  # deleted but still undoable
        self._summary_seq = 0
        self.setWindowTitle("Wren")
        self.setAccessibleName("Wren")
        self.host = WorkerHost(store, self)
        w = self.host.worker
        w.modelLoading.connect(self._on_model_loading)
        w.modelLoaded.connect(self._on_model_loaded)
        w.modelFailed.connect(self._on_model_failed)
        w.replyStarted.connect(self._on_reply_started)
        w.text.connect(self._on_text)
        w.progress.connect(self._on_progress)
        w.rate.connect(self._on_rate)
        w.replyDone.connect(self._on_reply_done)
        w.replyFailed.connect(self._on_reply_failed)
        w.summaryReady.connect(self._on_summary)
        w.titleChanged.connect(self._on_title)
        w.cache_dir = data.cache
        # The window's other jobs, each in its own helper (app/ui/<module>.py).
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

    def _set_busy(self, busy: bool) -> None:
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
            self.stop()
        self.host.load_model(model, self.current_settings().load_options(self._gpu_cap()))

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

    def current_settings(self) -> ChatSettings:
        if self.conv_id is not None:
            conv = self.store.get_conversation(self.conv_id)
            if conv is not None:
                return ChatSettings.from_dict(conv.settings)
        return ChatSettings.from_dict(self.store.get_setting(DEFAULT_SETTINGS_SETTING))

    def _leave_current(self) -> None:
        """Switching away while a reply streams cancels it (the partial reply is kept)."""
        if self.busy:
            self.host.cancel()
            self.host.active_seq = 0
            self._set_busy(False)
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
        self.store.set_setting(LAST_CONVERSATION_SETTING, conv_id)
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

    def _ensure_conversation(self, prompt: str) -> int:
        from app.core.chat import title_from_prompt

        if self.conv_id is None:
            s = ChatSettings.from_dict(self.store.get_setting(DEFAULT_SETTINGS_SETTING))
            sp = self.store.get_setting("ui.default_system_prompt", "") or ""
            cid = self.store.create_conversation(
                title=title_from_prompt(prompt),
                model=self.model_state.model_id if self.model_state else "",
                system_prompt=str(sp), settings=s.to_dict(),
            )
            self.conv_id = cid
            self.store.set_setting(LAST_CONVERSATION_SETTING, cid)
            self.refresh_conversations()
            self.setWindowTitle(self.tr("{title} — Wren").format(title=title_from_prompt(prompt)))
        return self.conv_id

    def _request(self, kind: str, **kw: Any) -> ChatRequest:
        s = self.current_settings()
        assert self.conv_id is not None
        return ChatRequest(seq=self.host.next_seq(), kind=kind, conversation_id=self.conv_id,
                           params=s.sampling(), load=s.load_options(self._gpu_cap()), **kw)

    def _gpu_cap(self) -> int:
        from app.core.devices import gpu_memory_cap

        return gpu_memory_cap(self.store)

    def _can_start(self) -> bool:
        if self.busy:
            return False
        if self.model_state is None:
            self.flash(self.tr("The model is still loading: your message is kept, send it when it is ready."))
            return False
        return True

    def send(self, text: str | None = None) -> None:
        text = (text if text is not None else self.chat.input.toPlainText()).strip()
        if not text or not self._can_start():
            return
        self._ensure_conversation(text)
        self.welcome_box.hide()
        self.chat.input.clear()
        self.chat.overflow.hide()
        self.pending_user = self.chat.view.add_message(MessageData(-1, "user", text))
        self.chat.view.scroll_to_bottom()
        self._start(self._request("send", text=text))

    def regenerate(self) -> None:
        if self.conv_id is None or not self._can_start():
            return
        last = next((w for w in reversed(self.chat.view.widgets) if w.data.role == "assistant"), None)
        if last is not None:
            self.chat.view.remove_from(last.data.id)
        self._start(self._request("regenerate"))

    def edit_message(self, message_id: int, new_text: str | None = None) -> None:
        """Edit a user message and run the conversation again from there."""
        if not self._can_start():
            return
        w = self.chat.view.find(message_id)
        if w is None or w.data.role != "user":
            return
        if new_text is None:
            dlg = EditDialog(w.data.text, self)
            if not dlg.exec():
                return
            new_text = dlg.edit.toPlainText()
        new_text = new_text.strip()
        if not new_text:
            return
        self.chat.view.remove_from(message_id)
        self.pending_user = self.chat.view.add_message(MessageData(-1, "user", new_text))
        self._start(self._request("edit", text=new_text, message_id=message_id))

    def _start(self, req: ChatRequest) -> None:
        self._set_busy(True)
        self.status.setText(self.tr("Reading the conversation…"))
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.show()
        self.host.submit(req)

    def stop(self) -> None:
        if self.busy:
            self.host.cancel()
            self.status.setText(self.tr("Stopping…"))

    def _mine(self, seq: int) -> bool:
        return seq == self.host.active_seq and seq != 0

    def _on_reply_started(self, seq: int, conv: int, user_id: int, reply_id: int) -> None:
        if not self._mine(seq) or conv != self.conv_id:
            return
        if self.pending_user is not None:
            self.pending_user.data.id = user_id
            self.pending_user = None
        self.progress.hide()
        model = self.model_state.name if self.model_state else ""
        self.chat.view.begin_stream(MessageData(reply_id, "assistant", "", "partial", model))
        self.status.setText(self.tr("Writing…"))

    def _on_text(self, seq: int, text: str) -> None:
        if self._mine(seq):
            self.chat.view.append_stream(text)

    def _on_progress(self, seq: int, fraction: float) -> None:
        if self._mine(seq):
            self.progress.setValue(int(fraction * 100))
            self.status.setText(self.tr("Reading the conversation… {percent}").format(percent=f"{fraction:.0%}"))

    def _on_rate(self, seq: int, tps: float) -> None:
        if self._mine(seq):
            self.status.setText(self.tr("Writing… {rate} tokens/s").format(rate=decimal(tps)))

    def _on_reply_done(self, d: ReplyDone) -> None:
        self.refresh_conversations()
        if not self._mine(d.seq):
            self.replyFinished.emit(d)
            return
        self.host.active_seq = 0
        self._set_busy(False)
        if d.conversation_id == self.conv_id:
            detail = reply_detail(d.completion_tokens, d.decode_tokens_per_s)
            if self.chat.view.streaming is None:
                self.reload_messages()
            else:
                self.chat.view.end_stream(d.text, d.status, detail)
            self._check_context(d.prompt_tokens + d.completion_tokens, d.finish_reason == "context")
        tokens = _WORDS.tokens(d.completion_tokens)
        if d.decode_tokens_per_s:
            tokens = self.tr("{tokens} at {rate} tokens/s").format(
                tokens=tokens, rate=decimal(d.decode_tokens_per_s))
        if d.status == "cancelled":
            line = self.tr("Stopped: {tokens}").format(tokens=tokens)
        elif d.status == "complete":
            line = self.tr("Done: {tokens}").format(tokens=tokens)
        else:
            line = self.tr("{status}: {tokens}").format(status=d.status, tokens=tokens)
        self.status.setText(line)
        self.announce(self.reply_announcement(d))
        if d.notice:
            self.chat.show_notice(d.notice)
        self.replyFinished.emit(d)

    def reply_announcement(self, d: ReplyDone) -> str:
        """What a screen reader says when a reply ends: who, how it ended, then the text (a very
        long reply is cut; the whole of it is in the conversation)."""
        from app.ui.accessibility import plain_for_speech

        text = plain_for_speech(d.text)
        if d.status == "cancelled":
            return self.tr("Reply stopped. {text}").format(text=text)
        return self.tr("Reply finished. {text}").format(text=text)

    def _on_reply_failed(self, f: ReplyFailed) -> None:
        if self._mine(f.seq):
            self.host.active_seq = 0
            self._set_busy(False)
            self.pending_user = None
            if f.conversation_id == self.conv_id:
                self.reload_messages()
                if f.overflow:
                    limit = self.context_limit()
                    self.chat.overflow.show_usage(limit, limit, full=True)
            self.status.setText(f.message)
            self.chat.show_notice(f"⚠ {f.message}")
            self.announce(self.tr("Error: {message}").format(message=f.message))
        self.replyError.emit(f)

    # ------------------------------------------------------------ context overflow
    def context_limit(self) -> int:
        s = self.current_settings()
        if s.n_ctx:
            return s.n_ctx
        if self.model_state is None:
            return 0
        return max(self.model_state.n_ctx, self.model_state.native_ctx)

    def _check_context(self, used: int, full: bool) -> None:
        """Warn at OVERFLOW_WARN_FRACTION of the context, or when one more exchange as long as
        the last one would not fit."""
        limit = self.context_limit()
        prev = 0
        if self.conv_id is not None:
            done = [m for m in self.store.messages(self.conv_id)
                    if m.role == "assistant" and m.prompt_tokens]
            if len(done) >= 2:
                prev = done[-2].prompt_tokens + done[-2].completion_tokens
        projected = used + (used - prev)
        if limit and (full or used >= OVERFLOW_WARN_FRACTION * limit or projected > limit):
            self.chat.overflow.show_usage(used, limit, full)
        else:
            self.chat.overflow.hide()

    def drop_oldest_turns(self) -> None:
        """Drop the oldest exchanges until about half the context is free (system prompt kept)."""
        if self.conv_id is None or self.busy:
            return
        msgs = self.store.messages(self.conv_id)
        limit = self.context_limit() or 1
        total_chars = sum(len(m.text) for m in msgs) or 1
        last_assistant = next((m for m in reversed(msgs) if m.role == "assistant" and m.prompt_tokens), None)
        used = (last_assistant.prompt_tokens + last_assistant.completion_tokens) if last_assistant else limit
        per_char = used / total_chars
        target = limit * 0.5
        drop: list[int] = []
        remaining = used
        i = 0
        # Keep at least the last exchange; drop whole turns from the start.
        while i < len(msgs) - 2 and remaining > target:
            m = msgs[i]
            drop.append(m.id)
            remaining -= len(m.text) * per_char
            i += 1
            while i < len(msgs) - 2 and msgs[i].role != "user":
                drop.append(msgs[i].id)
                remaining -= len(msgs[i].text) * per_char
                i += 1
        if drop:
            self.store.delete_messages(drop)
        self.chat.overflow.hide()
        self.reload_messages()
        self.flash(self.tr("Dropped %n older message(s); the system prompt is kept.", "", len(drop)))

    def continue_with_summary(self) -> None:
        if self.conv_id is None or not self._can_start():
            return
        self.chat.overflow.hide()
        req = self._request("summarize")
        self._summary_seq = req.seq
        self._set_busy(True)
        self.status.setText(self.tr("Summarizing this conversation for a new one…"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self.host.submit(req)

    def _on_summary(self, seq: int, source_id: int, summary: str) -> None:
        if seq == self.host.active_seq:
            self.host.active_seq = 0
            self._set_busy(False)
        src = self.store.get_conversation(source_id)
        title = self.tr("{title} (continued)").format(title=src.title if src else self.tr("Conversation"))
        system = (src.system_prompt + "\n\n" if src and src.system_prompt else "") + \
            "Summary of the earlier conversation:\n" + summary
        new_id = self.store.create_conversation(
            title=title, model=src.model if src else "", system_prompt=system,
            settings=src.settings if src else {},
        )
        self.refresh_conversations()
        self.open_conversation(new_id)
        self.flash(self.tr("Continued in a new conversation; the summary is in its system prompt."))
        self.summaryDone.emit(new_id)

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

    def _on_title(self, conv_id: int, title: str) -> None:
        if self.closed:
            return
        self.refresh_conversations()
        if conv_id == self.conv_id:
            self.setWindowTitle(self.tr("{title} — Wren").format(title=title))
        self.titleGenerated.emit(conv_id, title)

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
