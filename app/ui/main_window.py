"""Wren's main window: conversation list | chat pane, model bar on top, status line below.

The window never touches the Llama: every model load and reply goes to the InferenceWorker
through WorkerHost, and comes back as queued signals carrying plain data.
"""
from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core import setting_names
from app.core.errors import WrenError
from app.core.models import InstalledModel, installed_models, resolve_model
from app.core.paths import DataDir
from app.core.store import Message, Store
from app.ui.chat_view import ChatPane, EditDialog, MessageData
from app.ui.settings_dialog import (
    DEFAULT_SETTINGS_SETTING,
    USER_PRESETS_SETTING,
    ChatSettings,
    SettingsDialog,
)
from app.ui.side_panels import ConversationList, ModelBar
from app.ui.worker import (
    LIVE_THREADS,
    ChatRequest,
    DocumentRequest,
    ModelState,
    ReplyDone,
    ReplyFailed,
    WorkerHost,
)

LAST_CONVERSATION_SETTING = "ui.last_conversation"
GEOMETRY_SETTING = "ui.window_geometry"
SPLITTER_SETTING = "ui.splitter_state"
OVERFLOW_WARN_FRACTION = 0.8
UNDO_DELETE_MS = 8000
WELCOME_SEEN_SETTING = "ui.welcome_seen"
ZOOM_SETTING = setting_names.UI_CHAT_ZOOM
ZOOM_STEPS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)  # percent, like browsers
API_ENABLED_SETTING = setting_names.API_ENABLED
API_LOG_SETTING = setting_names.API_LOG_CONVERSATIONS
DOCUMENT_SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".markdown", ".rst", ".csv", ".tsv",
                     ".html", ".htm", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


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
        # Bound methods (not lambdas): PySide queues them to the GUI thread.
        w.docExtracted.connect(self._on_doc_extracted)
        w.docPlanned.connect(self._on_doc_planned)
        w.docProgress.connect(self._on_doc_progress)
        w.docFinished.connect(self._on_document_done)
        w.docFailed.connect(self._on_document_failed)
        w.cache_dir = data.cache
        self.doc_cards: dict[int, Any] = {}  # seq -> DocumentCard while its job runs
        self.pending_documents: list[str] = []  # queued until a model is loaded
        self.batch: Any = None  # app.ui.batch_panel.BatchController, on the first batch
        self.remote: list[InstalledModel] = []
        self._remote_task: Any = None
        self._imports: list[Any] = []  # GGUF imports running (waited for on close)
        self.api_server: Any = None
        self.store_notice = ""
        self.highlighted: Any = None  # the message a search result pointed at
        self.closed = False  # after closeEvent: late worker signals must not touch the store
        self.apiStatus.connect(self._on_api_status)
        self._build()
        self._menus()
        if self.store.get_setting(API_ENABLED_SETTING, False):
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
        import threading

        from app.ui.markdown_view import warm_up

        threading.Thread(target=warm_up, name="wren-markdown-warmup", daemon=True).start()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.model_bar = ModelBar(self)
        self.model_bar.modelChosen.connect(self.choose_model)
        self.model_bar.manageRequested.connect(self.open_model_manager)
        self.model_bar.settingsRequested.connect(self.open_settings)
        lay.addWidget(self.model_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.conversations = ConversationList(self)
        self.conversations.selected.connect(self.open_conversation)
        self.conversations.newRequested.connect(self.new_chat)
        self.conversations.renamed.connect(self._renamed)
        self.conversations.deleteRequested.connect(self.delete_conversation)
        self.conversations.exportRequested.connect(self._export_from_list)
        self.splitter.addWidget(self.conversations)
        self.chat = ChatPane(self)
        self.chat.sendRequested.connect(self.send)
        self.chat.stopRequested.connect(self.stop)
        self.chat.view.copyRequested.connect(self.copy_message)
        self.chat.view.editRequested.connect(self.edit_message)
        self.chat.view.regenerateRequested.connect(lambda _id: self.regenerate())
        self.chat.view.citationRequested.connect(self.open_citation)
        self.doc_pane: Any = None  # app.ui.document_pane.DocumentPane, made on first citation
        self.chat.overflow.summarizeChosen.connect(self.continue_with_summary)
        self.chat.overflow.dropChosen.connect(self.drop_oldest_turns)
        self.splitter.addWidget(self.chat)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 760])
        lay.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        sb = self.statusBar()
        self.status = QLabel(self.tr("Ready"))
        self.status.setAccessibleName(self.tr("Status"))
        sb.addWidget(self.status, 1)
        self.undo_btn = QPushButton(self.tr("Undo delete"))
        self.undo_btn.setAccessibleName(self.tr("Undo delete"))
        self.undo_btn.clicked.connect(self.undo_delete)
        self.undo_btn.hide()
        sb.addPermanentWidget(self.undo_btn)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        sb.addPermanentWidget(self.progress)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_DELETE_MS)
        self._undo_timer.timeout.connect(self._commit_deletes)
        self.resize(1100, 740)
        self.chat.view.set_empty_text(
            self.tr("<h2>Wren</h2><p>Chat with a language model that runs on this computer.<br>"
                    "Nothing you type leaves it.</p><p>Type a message below and press Enter.</p>")
        )
        self.chat.view.empty.setTextFormat(Qt.TextFormat.RichText)
        # First run: a welcome that says where bigger models and documents are; shown once.
        self.welcome = QLabel(self.tr(
            "<h2>Welcome to Wren</h2><p>Chat with a language model that runs on this computer. "
            "Nothing you type leaves it.</p><p>The small starter model is quick but simple: "
            "<b>Models → Manage and download models…</b> finds bigger ones that fit this computer.</p>"
            "<p>Drop a document (PDF, DOCX, TXT, Markdown, HTML…) on this window, or press "
            "<b>Ctrl+O</b>, to get a summary and ask questions about it.</p>"))
        self.welcome.setObjectName("welcomePanel")
        self.welcome.setWordWrap(True)
        self.welcome.setAccessibleName(self.tr("Welcome"))
        self.welcome_close = QPushButton(self.tr("Got it"))
        self.welcome_close.setAccessibleName(self.tr("Dismiss welcome"))
        self.welcome_close.clicked.connect(self.dismiss_welcome)
        box = QWidget()
        box.setObjectName("welcomeBox")
        bl = QVBoxLayout(box)
        bl.setContentsMargins(24, 16, 24, 16)
        bl.addWidget(self.welcome)
        bl.addWidget(self.welcome_close, 0, Qt.AlignmentFlag.AlignRight)
        self.welcome_box = box
        self.chat.layout().insertWidget(0, box)
        self._tab_order()
        self._welcome_shown = False

    def _tab_order(self) -> None:
        """Tab follows the screen: model bar, conversation list, the welcome, the messages (put
        after the welcome's button as they come), the conversation's scroll area, banners,
        input, Send/Stop. (Widgets reparented while the window is built would otherwise land at
        odd places.)"""
        mb, conv, chat = self.model_bar, self.conversations, self.chat
        order = [mb.picker, mb.settings_btn, mb.manage_btn, conv.new_btn, conv.list,
                 self.welcome_close, chat.view, chat.overflow.summarize_btn,
                 chat.overflow.drop_btn, chat.input, chat.send_btn, chat.stop_btn, self.undo_btn]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)
        chat.view.tab_anchor = self.welcome_close

    def _menus(self) -> None:
        mb = self.menuBar()

        def act(menu, text: str, slot, shortcut: Any = None) -> QAction:  # type: ignore[no-untyped-def]
            a = QAction(text, self)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            a.triggered.connect(slot)
            menu.addAction(a)
            return a

        f = mb.addMenu(self.tr("&File"))
        self.act_new = act(f, self.tr("&New chat"), self.new_chat, "Ctrl+N")
        self.act_attach = act(f, self.tr("&Attach document…"), self.attach_document, "Ctrl+O")
        self.act_import = act(f, self.tr("&Import a GGUF model…"), self.choose_gguf, "Ctrl+I")
        f.addSeparator()
        self.act_settings = act(f, self.tr("Conversation &settings…"), self.open_settings, "Ctrl+,")
        self.act_api = QAction(self.tr("Local &API server"), self)
        self.act_api.setCheckable(True)
        self.act_api.setToolTip(self.tr("Serve the loaded model to other programs on 127.0.0.1 "
                                        "(OpenAI-compatible)"))
        self.act_api.toggled.connect(self.set_api_server)
        f.addAction(self.act_api)
        self.act_prefs = act(f, self.tr("&Preferences…"), self.open_preferences, "Ctrl+Shift+,")
        f.addSeparator()
        self.act_quit = act(f, self.tr("&Quit"), self.close, "Ctrl+Q")
        e = mb.addMenu(self.tr("&Edit"))
        self.act_copy_last = act(e, self.tr("Copy last reply"), self.copy_last_reply, "Ctrl+Shift+C")
        self.act_search = act(e, self.tr("&Search conversations…"), self.open_search, "Ctrl+F")
        self.act_focus = act(e, self.tr("Focus message input"), self.focus_input, "Ctrl+L")
        self.act_focus_list = act(e, self.tr("Focus conversation list"), self.focus_conversations,
                                  "Ctrl+Shift+L")
        self.act_focus_model = act(e, self.tr("Focus model picker"), self.focus_model_picker,
                                   "Ctrl+Shift+M")
        self.act_focus_last = act(e, self.tr("Read last message"), self.focus_last_message,
                                  "Ctrl+Shift+R")
        v = mb.addMenu(self.tr("&View"))
        self.act_zoom_in = act(v, self.tr("Zoom &in"), lambda: self.zoom(+1),
                               QKeySequence.StandardKey.ZoomIn)
        # Ctrl+= as well: on many keyboards + needs Shift.
        self.act_zoom_in.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn),
                                       QKeySequence("Ctrl+=")])
        self.act_zoom_out = act(v, self.tr("Zoom &out"), lambda: self.zoom(-1),
                                QKeySequence.StandardKey.ZoomOut)
        self.act_zoom_reset = act(v, self.tr("&Actual size"), lambda: self.zoom(0), "Ctrl+0")
        c = mb.addMenu(self.tr("&Chat"))
        self.act_stop = act(c, self.tr("S&top"), self.stop, "Esc")
        self.act_regen = act(c, self.tr("&Regenerate last reply"), self.regenerate, "Ctrl+R")
        c.addSeparator()
        self.act_rename = act(c, self.tr("Re&name conversation"), self.rename_current, "F2")
        self.act_delete = act(c, self.tr("&Delete conversation"),
                              lambda: self.conv_id and self.delete_conversation(self.conv_id),
                              "Ctrl+Shift+Del")
        self.act_export = act(c, self.tr("E&xport conversation…"), self.export_conversation,
                              "Ctrl+E")
        m = mb.addMenu(self.tr("&Models"))
        self.act_models = act(m, self.tr("&Manage and download models…"), self.open_model_manager,
                              "Ctrl+M")
        self.act_engines = act(m, self.tr("&Remote engines…"), self.open_engines, "Ctrl+Shift+E")
        self.act_refresh = act(m, self.tr("Re&fresh installed models"), self.refresh_all_models,
                               "F5")
        h = mb.addMenu(self.tr("&Help"))
        self.act_welcome = act(h, self.tr("&Welcome"), self.show_welcome)
        self.act_system = act(h, self.tr("&This computer…"), self.show_system)
        self.act_about = act(h, self.tr("&About Wren"), self.about, "F1")

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

    # ------------------------------------------------------------ extension points
    def _open_extension(self, module: str, what: str) -> bool:
        """Open a feature built as its own module: `app.ui.<module>.open_from_window(window)`."""
        try:
            mod = importlib.import_module(f"app.ui.{module}")
        except ImportError as e:
            if e.name != f"app.ui.{module}":
                raise
            self.flash(self.tr("{what} is not available yet in this build.").format(what=what))
            return False
        opener = getattr(mod, "open_from_window", None)
        if opener is None:
            self.flash(self.tr("{what} is not available yet in this build.").format(what=what))
            return False
        opener(self)
        return True

    def open_model_manager(self) -> None:
        self._open_extension("model_manager", self.tr("The model manager"))

    def open_search(self) -> None:
        self._open_extension("search_dialog", self.tr("Search"))

    def attach_document(self) -> None:
        self._open_extension("documents", self.tr("Attaching documents"))

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
        self._welcome_shown = self._welcome_shown or want

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
        from app.ui.model_manager import _Task

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

        task = _Task(fetch)  # no Qt parent: kept (and waited for on close) by the window
        task.setObjectName("wren-remote-models")
        task.done.connect(self._on_remote_models)
        task.failed.connect(self.flash)
        LIVE_THREADS.add(task)
        self._remote_task = task
        task.start()

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
        if self.pending_documents:
            paths, self.pending_documents = self.pending_documents, []
            self.open_files(paths)
        self._resume_batch()
        self._restart_api_server()

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


    def _renamed(self, conv_id: int, title: str) -> None:
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
        self._undo_timer.start()

    def undo_delete(self) -> None:
        self._undo_timer.stop()
        restored = sorted(self.hidden_convs)
        self.hidden_convs.clear()
        self.undo_btn.hide()
        self.refresh_conversations()
        if restored:
            self.open_conversation(restored[-1])
            self.flash(self.tr("Conversation restored."))

    def _commit_deletes(self) -> None:
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

    # ------------------------------------------------------------------ documents
    def summarize_documents(self, paths: list[str]) -> int:
        """A card and a summary job per document (run on the inference thread, one at a time,
        after any chat turn). Returns how many were queued."""
        from pathlib import Path

        from app.ui.documents import DocumentCard

        if self.model_state is None:
            self.pending_documents.extend(paths)
            self.flash(self.tr("The model is still loading: the documents will be read when it is ready."))
            return 0
        from app.ui.preferences_dialog import read_preferences

        length = read_preferences(self.store).summary_length
        speculative = self.current_settings().speculative
        n = 0
        for path in paths:
            seq = self.host.next_seq()
            card = DocumentCard(Path(path).name)
            card.setAccessibleName(self.tr("Document {name}").format(name=Path(path).name))
            card.cancelRequested.connect(lambda s=seq: self.cancel_document(s))
            self.doc_cards[seq] = card
            self.chat.show_document_card(card)
            card.show()
            self.host.submit_document(DocumentRequest(
                seq, str(path), length=length, speculative=speculative,
                gpu=self.current_settings().gpu_setting(), gpu_cap=self._gpu_cap()))
            n += 1
        if n:
            self.flash(self.tr("Reading %n document(s)…", "", n))
        return n

    def cancel_document(self, seq: int) -> None:
        self.host.worker.cancel_document(seq)
        card = self.doc_cards.get(seq)
        if card is not None:
            card.status.setText(self.tr("Cancelling…"))

    def summarize_batch(self, paths: list[str]) -> int:
        """Several documents or folders: the document queue (app/ui/batch_panel.py)."""
        from app.ui.batch_panel import BatchController

        if self.model_state is None:
            self.pending_documents.extend(paths)
            self.flash(self.tr("The model is still loading: the documents will be read when "
                               "it is ready."))
            return 0
        if self.batch is None:
            self.batch = BatchController(self)
        n = self.batch.add(paths)
        self.flash(self.tr("%1 documents in the queue").replace("%1", str(n)))
        return n

    def _resume_batch(self) -> None:
        """Once per session: a document queue the window left unfinished goes on."""
        if self.batch is not None or (s := self.model_state) is None or s.model_id == "":
            return
        import json

        from app.core.batch import BatchQueue
        from app.ui.batch_panel import BatchController

        queue = BatchQueue(self.store)
        for bid in reversed(queue.unfinished()):
            b = queue.batch(bid) or {}
            if json.loads(b.get("options") or "{}").get("window"):
                self.batch = BatchController(self)
                left = self.batch.restore(bid)
                self.flash(self.tr("Resuming the document queue: %1 documents left")
                           .replace("%1", str(left)))
                return

    def show_batch_panel(self, panel: Any) -> None:
        self.chat.show_document_card(panel)
        panel.show()

    def _on_doc_extracted(self, seq: int, d: dict) -> None:
        self._card_call(seq, "set_document", d)

    def _on_doc_planned(self, seq: int, d: dict) -> None:
        self._card_call(seq, "set_plan", d)

    def _on_doc_progress(self, seq: int, d: dict) -> None:
        self._card_call(seq, "set_progress", d)

    def _card_call(self, seq: int, method: str, d: dict) -> None:
        card = self.doc_cards.get(seq)
        if card is not None:
            getattr(card, method)(d)

    def _finish_card(self, seq: int, method: str, arg: Any) -> None:
        """The job is over: the card shows how (`set_finished`/`set_failed`), and Cancel becomes
        Dismiss (the summary itself is in the conversation)."""
        card = self.doc_cards.pop(seq, None)
        if card is not None:
            getattr(card, method)(arg)
            card.cancel.clicked.disconnect()
            card.cancel.setText(self.tr("Dismiss"))
            card.cancel.setEnabled(True)
            card.cancel.clicked.connect(card.deleteLater)

    def _on_document_done(self, seq: int, result: dict) -> None:
        if self.closed or (self.batch is not None and self.batch.owns(seq)):
            return  # a queued document: the queue panel shows it
        card = self.doc_cards.get(seq)
        name = card.doc_name if card is not None else ""
        self._finish_card(seq, "set_finished", result)
        self.refresh_conversations()
        cid = int(result["conversation_id"])
        if not self.busy:
            if cid == self.conv_id:
                self.reload_messages()
            else:
                self.open_conversation(cid)
        self.flash(self.tr("Summary ready: ask questions about the document below."))
        self.announce(self.tr("Summary ready: {name}. Ask questions about the document below.")
                      .format(name=name))
        self.documentFinished.emit(result)

    def _on_document_failed(self, seq: int, message: str) -> None:
        if self.closed or (self.batch is not None and self.batch.owns(seq)):
            return
        self._finish_card(seq, "set_failed", message)
        self.flash(message)
        self.announce(self.tr("Error: {message}").format(message=message))
        self.documentFailed.emit(message)

    def open_citation(self, message_id: int, index: int) -> None:
        """A citation link was clicked: show its source in the document pane."""
        from app.ui.document_pane import DocumentPane, document_for, message_citations

        cites = message_citations(self.store, message_id)
        doc = document_for(self.store, message_id)
        if not 0 <= index < len(cites) or doc is None:
            self.flash(self.tr("The document of this summary is no longer stored."))
            return
        if self.doc_pane is None:
            self.doc_pane = DocumentPane(self)
            self.splitter.addWidget(self.doc_pane)
            sizes = self.splitter.sizes()
            self.splitter.setSizes([sizes[0], max(400, sizes[1] // 2), max(400, sizes[1] // 2)])
        self.doc_pane.show_citation(doc, cites[index])

    def export_conversation(self, path: str | None = None) -> str | None:
        """Chat > Export conversation: Markdown, Word, PDF or JSON, with citations."""
        from app.ui.export_dialog import export_conversation

        return export_conversation(self, path)

    def _export_from_list(self, conv_id: int) -> None:
        self.open_conversation(conv_id)
        if self.conv_id == conv_id:
            self.export_conversation()

    def choose_documents(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from app.ui.documents import file_filter

        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach documents"), "", file_filter())
        if files:
            self.open_files(files)

    # ------------------------------------------------------------------ dropping files
    @staticmethod
    def _dropped(e: Any) -> list[str]:
        from pathlib import Path

        from app.ui.documents import local_files

        return [p for p in local_files(e.mimeData())
                if p.lower().endswith(DOCUMENT_SUFFIXES + (".gguf",)) or Path(p).is_dir()]

    def dragEnterEvent(self, e: Any) -> None:  # noqa: N802
        if self._dropped(e):
            e.acceptProposedAction()
        else:
            e.ignore()

    def dragMoveEvent(self, e: Any) -> None:  # noqa: N802
        self.dragEnterEvent(e)

    def dropEvent(self, e: Any) -> None:  # noqa: N802
        files = self._dropped(e)
        if not files:
            e.ignore()
            return
        e.acceptProposedAction()
        self.open_files(files)

    def open_files(self, files: list[str]) -> None:
        """Dropped or passed files: .gguf models are imported, documents summarized (several
        documents or a folder go to the document queue)."""
        from pathlib import Path

        models = [f for f in files if f.lower().endswith(".gguf")]
        docs = [f for f in files if not f.lower().endswith(".gguf")]
        for m in models:
            self.import_model(m)
        if len(docs) > 1 or any(Path(d).is_dir() for d in docs):
            self.summarize_batch(docs)
        elif docs:
            self.summarize_documents(docs)

    def choose_gguf(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a GGUF model"), "", self.tr("GGUF models (*.gguf)"))
        if path:
            self.import_model(path)

    def import_model(self, path: str) -> None:
        """Copy a .gguf into the models folder off the GUI thread (it can be GBs)."""
        from pathlib import Path

        from app.ui.model_manager import _Task

        store, data = self.store, self.data

        def work() -> Any:
            from app.core.library import import_gguf

            return import_gguf(store, data, path, link=False)

        task = _Task(work)
        task.setObjectName("wren-import-model")
        task.done.connect(self._on_imported)  # bound methods: queued to the GUI thread
        task.failed.connect(self._on_import_failed)
        LIVE_THREADS.add(task)
        self._imports = [t for t in self._imports if t.isRunning()] + [task]
        self.flash(self.tr("Importing {name}…").format(name=Path(path).name), 0)
        task.start()

    def _on_imported(self, model: Any) -> None:
        if self.closed:
            return
        self.refresh_models()
        name = getattr(model, "name", None) or getattr(model, "id", None) or self.tr("the model")
        self.flash(self.tr("Imported {name}: choose it in the model list.").format(name=name))
        self.modelImported.emit(model)

    def _on_import_failed(self, message: str) -> None:
        self.flash(message)
        self.modelImportFailed.emit(message)

    # ------------------------------------------------------------------ local API server
    def set_api_server(self, on: bool) -> None:
        self.store.set_setting(API_ENABLED_SETTING, bool(on))
        if on:
            self._restart_api_server()
        else:
            self._stop_api_server()
            self.flash(self.tr("Local API server stopped."))

    def _stop_api_server(self) -> None:
        srv, self.api_server = self.api_server, None
        self.host.worker.gate = None
        if srv is not None:
            srv.stop()
            self.apiServerChanged.emit("")

    def _restart_api_server(self) -> None:
        """(Re)start the server on the loaded local model when the setting is on."""
        if not self.store.get_setting(API_ENABLED_SETTING, False):
            return
        s = self.model_state
        if self.api_server is not None and s is not None and self.api_server.model_name == s.model_id:
            return  # same model (e.g. its context grew): the server holds the same Engine
        self._stop_api_server()
        engine = self.host.worker.session.engine if self.host.worker._session else None
        if s is None or engine is None or getattr(engine.model, "is_remote", False):
            self.flash(self.tr("The local API server needs a loaded local model."))
            return
        from app.core.api_server import ApiServer, FifoGate, get_or_create_api_key

        try:
            key, _new, _where = get_or_create_api_key()
            gate = FifoGate()
            from app.ui.preferences_dialog import read_preferences

            port = read_preferences(self.store).api_port
            log = self.store.get_setting(API_LOG_SETTING, None)
            srv = ApiServer(engine, s.model_id, key, port=port, store=self.store,
                            log_conversations=log, gate=gate,
                            on_status=self.apiStatus.emit)
            # The worker holds the same gate around its own turns from now on.
            self.host.worker.gate = gate
            url = srv.start()
        except (WrenError, OSError) as e:
            self.host.worker.gate = None
            msg = getattr(e, "message", None) or self.tr("the API server could not start: {error}").format(error=e)
            self.flash(msg)
            self.act_api.blockSignals(True)
            self.act_api.setChecked(False)
            self.act_api.blockSignals(False)
            self.store.set_setting(API_ENABLED_SETTING, False)
            return
        self.api_server = srv
        self.flash(self.tr("Local API server on {url}").format(url=url))
        self.apiServerChanged.emit(url)

    def _on_api_status(self, st: Any) -> None:
        if getattr(st, "busy", False):
            self.status.setText(self.tr("API server busy"))
        elif self.api_server is not None and not self.busy:
            self.status.setText(self.tr("API server idle"))

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

    def settings_dialog(self) -> SettingsDialog:
        conv = self.store.get_conversation(self.conv_id) if self.conv_id is not None else None
        sp = conv.system_prompt if conv else str(self.store.get_setting("ui.default_system_prompt", "") or "")
        presets = self.store.get_setting(USER_PRESETS_SETTING, {}) or {}
        s = self.model_state
        return SettingsDialog(self.current_settings(), sp, presets,
                              kv_bytes_per_token=s.kv_bytes_per_token if s else 0.0,
                              max_ctx=(s.native_ctx or s.n_ctx) if s else 131072, parent=self)

    def apply_settings(self, dlg: SettingsDialog) -> None:
        s = dlg.values()
        self.store.set_setting(USER_PRESETS_SETTING, dlg.user_presets)
        if self.conv_id is not None:
            self.store.update_conversation(self.conv_id, settings=s.to_dict(),
                                           system_prompt=dlg.system_prompt())
        else:  # no conversation yet: these become the defaults for the next one
            self.store.set_setting(DEFAULT_SETTINGS_SETTING, s.to_dict())
            self.store.set_setting("ui.default_system_prompt", dlg.system_prompt())
        self.flash(self.tr("Settings saved."))

    def open_settings(self) -> None:
        dlg = self.settings_dialog()
        if dlg.exec():
            self.apply_settings(dlg)

    def preferences_dialog(self) -> Any:
        from app.ui.preferences_dialog import PreferencesDialog

        return PreferencesDialog(self.store, self.data.cache, self)

    def open_preferences(self) -> None:
        dlg = self.preferences_dialog()
        if dlg.exec():
            self.apply_preferences(dlg)

    def apply_preferences(self, dlg: Any) -> None:
        before, after = dlg.before, dlg.apply()
        api_changed = (before.api_port, before.api_log_conversations) != (
            after.api_port, after.api_log_conversations)
        if api_changed and self.api_server is not None:
            self._stop_api_server()  # started again on the new port / with the new logging
            self._restart_api_server()
        elif before.language != after.language:
            from app.ui.preferences_dialog import _restart_hint

            self.flash(_restart_hint(), 0)
        else:
            self.flash(self.tr("Preferences saved."), 3000)

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
            self._undo_timer.stop()
            self._commit_deletes()
        except WrenError:
            pass
        self.closed = True
        if self._welcome_shown:
            self.store.set_setting(WELCOME_SEEN_SETTING, True)
        dlg = getattr(self, "search_dialog", None)
        if dlg is not None:
            dlg.shutdown()
        if self.api_server is not None:
            self.api_server.stop()
            self.api_server = None
        for t in [*self._imports, self._remote_task]:
            if t is not None and t.isRunning():
                t.wait()
        if self.doc_pane is not None:
            self.doc_pane.shutdown()
        # Stops a running reply (stored as "cancelled" with its text) and ends the thread.
        self.host.shutdown()
        super().closeEvent(e)
