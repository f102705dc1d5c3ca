"""The inference worker: one QObject on its own QThread owns the ChatSession (and so the Llama).

Model loading and generation both run on that thread. The worker only adapts core calls (a
chat turn is app.core.chat.ChatSession's) to queued signals carrying plain data (dataclasses
below); the GUI talks to it through those and through `cancel()`, which is thread-safe and
stops the window's own job only (each job has its own cancel token: an API request that shares
the model is never cut). Tokens are coalesced on the worker side (at most one `text` signal
every COALESCE_S) so the GUI does a bounded amount of work per frame however fast the model
writes.
"""
from __future__ import annotations

import threading
import time
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from app.core.errors import ContextOverflow, WrenError
from app.core.models import LAST_MODEL_SETTING, InstalledModel
from app.core.store import Store

if TYPE_CHECKING:  # the engine (jinja, gguf, llama.cpp) is imported on the worker thread, lazily,
    # so that the window shows without paying for it
    from app.core.chat import ChatResult, ChatSession
    from app.core.engine import ChatEngine, LoadOptions, PromptProgress

COALESCE_S = 0.04

# Every QThread the UI starts, so tests can fail when one is left running.
LIVE_THREADS: weakref.WeakSet[QThread] = weakref.WeakSet()


@dataclass(frozen=True)
class ChatRequest:
    """One job for the worker. kind: send, regenerate, edit, summarize. The conversation's
    settings are resolved by the core turn; conversation_id None: send starts a new one."""

    seq: int
    kind: str
    conversation_id: int | None
    text: str = ""
    message_id: int = 0


@dataclass(frozen=True)
class DocumentRequest:
    """Summarize one document on the inference thread (same Engine as the chat: never two
    threads on one Llama). conversation_id None: the summary starts a new conversation."""

    seq: int
    path: str
    conversation_id: int | None = None
    length: str = "medium"
    gpu: str | int = "auto"  # the conversation's "GPU: auto / off / N layers"
    gpu_cap: int = 0  # the preference "GPU memory Wren may use" (0: all free memory)
    speculative: str = "auto"  # lookup decoding: auto or off (the conversation's setting)
    batch_item: int = 0  # an item of a document batch (app.core.batch): its state is kept there


@dataclass(frozen=True)
class ModelState:
    """What the model bar shows about the loaded model."""

    model_id: str
    name: str
    path: str
    size_bytes: int
    quantization: str
    n_ctx: int
    native_ctx: int
    kv_bytes_per_token: float
    load_s: float
    notice: str = ""


@dataclass(frozen=True)
class ReplyDone:
    seq: int
    kind: str
    conversation_id: int
    reply_id: int
    text: str
    status: str
    prompt_tokens: int
    completion_tokens: int
    decode_tokens_per_s: float
    n_ctx: int
    finish_reason: str
    notice: str = ""


@dataclass(frozen=True)
class ReplyFailed:
    seq: int
    kind: str
    conversation_id: int | None
    message: str
    overflow: bool = False
    cancelled: bool = False  # stopped before it started: nothing was stored


class InferenceWorker(QObject):
    """Lives on the worker thread. Slots are invoked through queued signals from the GUI."""

    modelLoading = Signal(str)
    modelLoaded = Signal(object)  # ModelState
    modelFailed = Signal(str)
    conversationCreated = Signal(int, int, str)  # seq, new conversation, its title
    replyStarted = Signal(int, int, int, int)  # seq, conversation, user message, reply message
    text = Signal(int, str)  # seq, coalesced new text
    progress = Signal(int, float)  # seq, prompt fraction
    rate = Signal(int, float)  # seq, tokens/s so far
    replyDone = Signal(object)  # ReplyDone
    replyFailed = Signal(object)  # ReplyFailed
    summaryReady = Signal(int, int)  # seq, the new conversation that goes on with the summary
    titleChanged = Signal(int, str)  # conversation, generated title
    # Documents (seq, plain dict / str): the card and the window listen.
    docExtracted = Signal(int, dict)
    docPlanned = Signal(int, dict)
    docProgress = Signal(int, dict)
    docFinished = Signal(int, dict)
    docFailed = Signal(int, str)

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._session: ChatSession | None = None
        self.store = store
        # Requests with seq <= cancel_upto are skipped or stopped (plain int: atomic in CPython).
        self.cancel_upto = 0
        # The running chat job's cancel token (set it to stop that job only).
        self._token = threading.Event()
        self._summarizer: Any = None
        self.cache_dir: Any = None  # data dir's cache/ (document states), set by the window
        self.cancelled_docs: set[int] = set()  # document jobs cancelled from their card
        self.doc_running = 0
        self._ocr_cancel: Any = None  # threading.Event of the running document's OCR
        self.closing = False  # the window is closing: queued document jobs are dropped
        self.gate: Any = None  # app.core.api_server.FifoGate while the local API server runs

    def _held(self, who: str = "window") -> Any:
        """The API server's shared gate around our own use of the model (or nothing)."""
        from contextlib import nullcontext

        gate = self.gate
        return gate.hold(who) if gate is not None else nullcontext()

    @property
    def session(self) -> ChatSession:
        if self._session is None:
            from app.core.chat import ChatSession

            self._session = ChatSession(self.store)
        return self._session

    def cancel(self) -> None:
        """Thread-safe: stop the running chat job, if any (the GUI raises cancel_upto first)."""
        self._token.set()

    def _new_token(self, seq: int) -> threading.Event:
        """The job's cancel token. Published before cancel_upto is read, so that a cancel()
        racing with the start of the job is never lost."""
        token = threading.Event()
        self._token = token
        if seq <= self.cancel_upto:
            token.set()
        return token

    def local_engine(self) -> ChatEngine | None:
        """The loaded local engine (what the local API server serves), or None."""
        s = self._session
        if s is None or not s.engine.local or not s.engine.loaded:
            return None
        return s.engine

    def cancel_document(self, seq: int) -> None:
        """Thread-safe: cancel one document job (queued or running)."""
        self.cancelled_docs.add(seq)
        if self.doc_running == seq:
            if self._ocr_cancel is not None:
                self._ocr_cancel.set()
            if self._summarizer is not None:
                self._summarizer.cancel()

    # ---------------------------------------------------------------- models
    @Slot(object, object)
    def load_model(self, model: InstalledModel, options: LoadOptions | None) -> None:
        from app.core.engine import LoadOptions

        self.modelLoading.emit(model.name)
        try:
            with self._held():
                self.session.use_model(model, options or LoadOptions())
        except WrenError as e:
            self.modelFailed.emit(e.message)
            return
        except Exception as e:  # a bug, but the window must stay usable
            self.modelFailed.emit(f"{model.name}: {type(e).__name__}: {e}")
            return
        self.store.set_setting(LAST_MODEL_SETTING, model.id)
        self.modelLoaded.emit(self.model_state())

    def model_state(self) -> ModelState:
        from app.core.engine import LoadedModel

        m = self.session.engine.model
        assert m is not None and self.session.model is not None
        if not isinstance(m, LoadedModel):  # a remote model: no GGUF header
            return ModelState(
                model_id=self.session.model.id, name=self.session.model.name, path=m.path,
                size_bytes=0, quantization="remote", n_ctx=m.n_ctx or 0,
                native_ctx=m.n_ctx or 0, kv_bytes_per_token=0.0, load_s=m.load_s)
        return ModelState(
            model_id=self.session.model.id,
            name=m.info.display_name,
            path=m.path,
            size_bytes=m.info.file_size,
            quantization=m.info.quantization,
            n_ctx=m.n_ctx,
            native_ctx=m.info.context_length,
            kv_bytes_per_token=m.info.kv_bytes_per_token(2.0),
            load_s=m.load_s,
            notice=m.chat_notice,
        )

    # ------------------------------------------------------------- replies
    @Slot(object)
    def run_request(self, req: ChatRequest) -> None:
        token = self._new_token(req.seq)
        if token.is_set():  # stopped while queued: the window still hears that it ended
            self.replyFailed.emit(ReplyFailed(req.seq, req.kind, req.conversation_id,
                                              self.tr("Cancelled"), cancelled=True))
            return
        if self.session.model is None:
            self.replyFailed.emit(ReplyFailed(req.seq, req.kind, req.conversation_id,
                                              self.tr("No model is loaded yet")))
            return
        if req.kind == "summarize":
            with self._held():
                self._summarize(req, token)
            return
        before = self.session.engine.model
        made: list[int] = []  # the conversation the core made for a new chat

        def failed(message: str, overflow: bool = False) -> None:
            conv = made[0] if made else req.conversation_id
            self.replyFailed.emit(ReplyFailed(req.seq, req.kind, conv, message, overflow))

        try:
            conv = req.conversation_id
            if req.kind == "send" and conv is None:
                # A new chat: the core makes it with the saved defaults, and the window lists
                # it at once, even while the model is busy with an API request.
                conv = self.session.new_conversation(req.text)
                made.append(conv)
                row = self.store.get_conversation(conv)
                self.conversationCreated.emit(req.seq, conv, row.title if row else "")
            with self._held():
                result = self._chat(req, token, conv)
        except ContextOverflow as e:
            failed(e.message, True)
            return
        except WrenError as e:
            failed(e.message)
            return
        except Exception as e:  # a bug: say so in one line, keep the window alive
            failed(f"unexpected error: {type(e).__name__}: {e}")
            return
        finally:
            if self.session.engine.model is not before and self.session.engine.model is not None:
                self.modelLoaded.emit(self.model_state())  # the context was grown or reloaded
        s = result.stats
        self.replyDone.emit(ReplyDone(
            req.seq, req.kind, result.conversation_id, result.assistant_message_id, result.text,
            result.status, s.prompt_tokens, s.completion_tokens, s.decode_tokens_per_s, s.n_ctx,
            s.finish_reason, result.notice,
        ))
        if req.kind == "send" and result.status == "complete" and not token.is_set():
            try:
                with self._held():
                    title = self.session.name_conversation(result.conversation_id, token)
            except WrenError:
                title = None
            if title:
                self.titleChanged.emit(result.conversation_id, title)

    # ------------------------------------------------------------- documents
    @Slot(object)
    def run_document(self, req: DocumentRequest) -> None:
        """Extract and summarize with the chat's own Engine, on this thread."""
        import threading

        from app.core.batch import BatchQueue
        from app.core.documents import extract_document
        from app.core.engine import Engine
        from app.core.errors import BadInput, Cancelled
        from app.core.ocr import OcrOptions
        from app.core.summarize import Summarizer, SummaryOptions

        queue = BatchQueue(self.store) if req.batch_item else None
        if req.seq in self.cancelled_docs or self.closing:
            if queue is not None:
                queue.interrupted(req.batch_item)
            self.docFailed.emit(req.seq, self.tr("Cancelled"))
            return
        model = self.session.model
        if model is None or model.source == "remote":
            self.docFailed.emit(req.seq, self.tr("Load a local model first: documents are read "
                                                 "on this computer"))
            return
        engine = self.session.engine
        assert isinstance(engine, Engine)  # a local model (checked above)
        if self._summarizer is None or self._summarizer.engine is not engine:
            cache = self.cache_dir or (self.store.path.parent / "cache")
            self._summarizer = Summarizer(self.store, cache, engine=engine)
        summ = self._summarizer
        before = self.session.engine.model
        self._ocr_cancel = threading.Event()
        self.doc_running = req.seq
        ocr = OcrOptions(
            cache_dir=self.cache_dir or (self.store.path.parent / "cache"),
            on_plan=lambda p: self.docPlanned.emit(req.seq, {"text": p.text, "ocr": True}),
            on_progress=lambda p: self.docProgress.emit(req.seq, {
                "label": p.label, "done": p.done, "total": p.total, "rate": 0.0,
                "eta_s": p.eta_s, "phase": "ocr", "unit": "pages"}),
            cancel=self._ocr_cancel)
        try:
            if queue is not None:
                queue.start(req.batch_item)
            with self._held():
                doc = extract_document(req.path, ocr=ocr)
                self.docExtracted.emit(req.seq, {"name": doc.name, "kind": doc.kind,
                                                 "pages": doc.pages, "chars": doc.chars})
                if req.seq in self.cancelled_docs:
                    raise Cancelled()
                result = summ.summarize(
                    doc, model, SummaryOptions(length=req.length, gpu=req.gpu,
                                                gpu_cap=req.gpu_cap,
                                                speculative=req.speculative),
                    conversation_id=req.conversation_id,
                    on_plan=lambda p: self.docPlanned.emit(req.seq, p.to_dict()),
                    on_progress=lambda p: self.docProgress.emit(req.seq, {
                        "label": p.label, "done": p.done, "total": p.total, "rate": p.rate,
                        "eta_s": p.eta_s}))
            out = result.to_json()
            warnings = list(doc.extra.get("warnings", []))
            if warnings:
                out["warnings"] = warnings
            if queue is not None:  # stored: the item is done and its file written, here
                queue.complete(req.batch_item, out, warnings)
            self.docFinished.emit(req.seq, out)
        except Cancelled:
            if queue is not None:
                queue.interrupted(req.batch_item)
            self.docFailed.emit(req.seq, self.tr("Cancelled"))
        except WrenError as e:
            if queue is not None:
                queue.fail(req.batch_item, e.message, isinstance(e, BadInput))
            self.docFailed.emit(req.seq, e.message)
        except Exception as e:  # a bug: one line in the card, the window lives on
            message = f"unexpected error: {type(e).__name__}: {e}"
            if queue is not None:
                queue.fail(req.batch_item, message, bad_input=False)
            self.docFailed.emit(req.seq, message)
        finally:
            self.doc_running = 0
            self._ocr_cancel = None
            if self.session.engine.model is not before and self.session.engine.model is not None:
                self.modelLoaded.emit(self.model_state())  # the plan reloaded the model

    def _chat(self, req: ChatRequest, token: threading.Event, conv: int | None) -> ChatResult:
        buf: list[str] = []
        last_emit = time.monotonic()
        n_pieces = 0
        t_start = time.monotonic()

        def on_text(piece: str) -> None:
            nonlocal last_emit, n_pieces
            buf.append(piece)
            n_pieces += 1
            t = time.monotonic()
            if t - last_emit >= COALESCE_S:
                self.text.emit(req.seq, "".join(buf))
                buf.clear()
                if n_pieces > 1:
                    self.rate.emit(req.seq, n_pieces / max(t - t_start, 1e-6))
                last_emit = t

        def on_progress(p: PromptProgress) -> None:
            self.progress.emit(req.seq, p.fraction)

        def on_saved(conv: int, user: int, reply: int) -> None:
            nonlocal t_start
            t_start = time.monotonic()
            self.replyStarted.emit(req.seq, conv, user, reply)

        session = self.session
        kw: dict[str, Any] = dict(apply_settings=True, cancel=token, on_text=on_text,
                                  on_prompt_progress=on_progress, on_saved=on_saved,
                                  on_loading=self.modelLoading.emit)
        try:
            if req.kind == "send":
                return session.send(req.text, conversation_id=conv, **kw)
            if req.kind == "regenerate" and conv is not None:
                return session.regenerate(conv, **kw)
            if req.kind == "edit":
                return session.edit_and_rerun(req.message_id, req.text, **kw)
            raise WrenError(f"unknown request {req.kind}")
        finally:
            if buf:
                self.text.emit(req.seq, "".join(buf))

    def _summarize(self, req: ChatRequest, token: threading.Event) -> None:
        """Summarize a conversation for 'continue in a new conversation' and start that one."""
        from app.core.chat import continue_with_summary, summarize_conversation

        source = req.conversation_id
        assert source is not None
        try:
            summary = summarize_conversation(self.session.engine, self.store, source, token)
        except WrenError as e:
            self.replyFailed.emit(ReplyFailed(req.seq, req.kind, source, e.message))
            return
        src = self.store.get_conversation(source)
        # The window's strings (its translations).
        title = QCoreApplication.translate("MainWindow", "{title} (continued)").format(
            title=src.title if src else QCoreApplication.translate("MainWindow", "Conversation"))
        self.summaryReady.emit(req.seq, continue_with_summary(self.store, source, summary, title))

    @Slot()
    def shutdown(self) -> None:
        """Free the model on its own thread before the thread ends."""
        if self._summarizer is not None:
            self._summarizer.cancel()
        if self._session is not None:
            self._session.engine.unload()


class WorkerHost(QObject):
    """GUI-side handle: owns the QThread, forwards requests, cancels, shuts down cleanly."""

    _load = Signal(object, object)
    _run = Signal(object)
    _doc = Signal(object)
    _shutdown = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread = QThread()
        self.thread.setObjectName("wren-inference")
        self.worker = InferenceWorker(store)
        self.worker.moveToThread(self.thread)
        self._load.connect(self.worker.load_model)
        self._run.connect(self.worker.run_request)
        self._doc.connect(self.worker.run_document)
        self._shutdown.connect(self.worker.shutdown)
        self._seq = 0
        self.active_seq = 0  # the request the GUI is waiting for (0: none)
        self.thread.start()
        LIVE_THREADS.add(self.thread)

    def next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def load_model(self, model: InstalledModel, options: LoadOptions | None = None) -> None:
        self.cancel()
        self._load.emit(model, options)

    def submit(self, req: ChatRequest) -> None:
        self.active_seq = req.seq
        self._run.emit(req)

    def submit_document(self, req: DocumentRequest) -> None:
        """Queued behind any chat turn on the same thread (one Engine, one thread)."""
        self._doc.emit(req)

    def cancel(self) -> None:
        """Stop the running request and drop queued ones (thread-safe parts only)."""
        self.worker.cancel_upto = self._seq
        self.worker.cancel()

    def cancel_all(self) -> None:
        """Closing: also stop document jobs."""
        self.cancel()
        if self.worker.doc_running:
            self.worker.cancel_document(self.worker.doc_running)

    @property
    def running(self) -> bool:
        return self.thread.isRunning()

    def shutdown(self, timeout_ms: int = 30000) -> bool:
        """Cancel, free the model on the worker thread, quit() and wait(). True when stopped."""
        if not self.thread.isRunning():
            return True
        self.worker.closing = True
        self.cancel_all()
        self._shutdown.emit()
        self.thread.quit()
        ok = self.thread.wait(timeout_ms)
        return bool(ok)
