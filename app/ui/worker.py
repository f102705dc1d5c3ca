"""The inference worker: one QObject on its own QThread owns the ChatSession (and so the Llama).

Model loading and generation both run on that thread. The GUI talks to it only through queued
signals carrying plain data (dataclasses below) and through `cancel()`, which is thread-safe.
Tokens are coalesced on the worker side (at most one `text` signal every COALESCE_S) so the GUI
does a bounded amount of work per frame however fast the model writes.
"""
from __future__ import annotations

import time
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from app.core.errors import ContextOverflow, WrenError
from app.core.models import LAST_MODEL_SETTING, InstalledModel
from app.core.store import Store

if TYPE_CHECKING:  # the engine (jinja, gguf, llama.cpp) is imported on the worker thread, lazily,
    # so that the window shows without paying for it
    from app.core.chat import ChatResult, ChatSession
    from app.core.engine import LoadOptions, PromptProgress, SamplingParams

COALESCE_S = 0.04

# Every QThread the UI starts, so tests can fail when one is left running.
LIVE_THREADS: weakref.WeakSet[QThread] = weakref.WeakSet()


@dataclass(frozen=True)
class ChatRequest:
    """One job for the worker. kind: send, regenerate, edit, summarize."""

    seq: int
    kind: str
    conversation_id: int
    text: str = ""
    message_id: int = 0
    params: SamplingParams | None = None
    load: LoadOptions | None = None


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
    conversation_id: int
    message: str
    overflow: bool = False


class InferenceWorker(QObject):
    """Lives on the worker thread. Slots are invoked through queued signals from the GUI."""

    modelLoading = Signal(str)
    modelLoaded = Signal(object)  # ModelState
    modelFailed = Signal(str)
    replyStarted = Signal(int, int, int, int)  # seq, conversation, user message, reply message
    text = Signal(int, str)  # seq, coalesced new text
    progress = Signal(int, float)  # seq, prompt fraction
    rate = Signal(int, float)  # seq, tokens/s so far
    replyDone = Signal(object)  # ReplyDone
    replyFailed = Signal(object)  # ReplyFailed
    summaryReady = Signal(int, int, str)  # seq, source conversation, summary text
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
        """Thread-safe: stop the running generation, if any."""
        if self._session is not None:
            self._session.engine.cancel()

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
        m = self.session.engine.model
        assert m is not None and self.session.model is not None
        if getattr(m, "is_remote", False):  # app.core.remote.RemoteModel: no GGUF header
            return ModelState(
                model_id=self.session.model.id, name=self.session.model.name, path=m.path,
                size_bytes=0, quantization="remote", n_ctx=m.n_ctx or 0,
                native_ctx=m.n_ctx or 0, kv_bytes_per_token=0.0, load_s=m.load_s,
                notice=m.chat_notice)
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
        if req.seq <= self.cancel_upto:
            return
        if self.session.model is None:
            self.replyFailed.emit(ReplyFailed(req.seq, req.kind, req.conversation_id,
                                              self.tr("No model is loaded yet")))
            return
        if req.kind == "summarize":
            with self._held():
                self._summarize(req)
            return
        before = self.session.engine.model
        try:
            with self._held():
                if req.load is not None and req.load != self.session.load_options:
                    self.modelLoading.emit(self.session.model.name)
                    self.session.use_model(self.session.model, req.load)
                result = self._chat(req)
        except ContextOverflow as e:
            self.replyFailed.emit(ReplyFailed(req.seq, req.kind, req.conversation_id, e.message, True))
            return
        except WrenError as e:
            self.replyFailed.emit(ReplyFailed(req.seq, req.kind, req.conversation_id, e.message))
            return
        except Exception as e:  # a bug: say so in one line, keep the window alive
            self.replyFailed.emit(ReplyFailed(req.seq, req.kind, req.conversation_id,
                                              f"unexpected error: {type(e).__name__}: {e}"))
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
        if req.kind == "send" and result.status == "complete" and req.seq > self.cancel_upto:
            self._title(result.conversation_id)

    def _title(self, conversation_id: int) -> None:
        """Name a new conversation from its first exchange (title_conversation leaves titles
        the user edited, and ones already generated, alone)."""
        from app.core.titles import title_conversation

        if self.store.title_source(conversation_id) != "prompt":
            return
        msgs = self.store.messages(conversation_id)
        if len(msgs) != 2 or any(m.document_id for m in msgs):
            return  # only after the first exchange; document conversations keep their name
        try:
            with self._held():
                title = title_conversation(self.store, self.session.engine, conversation_id)
        except WrenError:
            return
        if title:
            self.titleChanged.emit(conversation_id, title)

    # ------------------------------------------------------------- documents
    @Slot(object)
    def run_document(self, req: DocumentRequest) -> None:
        """Extract and summarize with the chat's own Engine, on this thread."""
        import threading

        from app.core.batch import BatchQueue
        from app.core.documents import extract_document
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
        if self._summarizer is None or self._summarizer.engine is not self.session.engine:
            cache = self.cache_dir or (self.store.path.parent / "cache")
            self._summarizer = Summarizer(self.store, cache, engine=self.session.engine)
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

    def _chat(self, req: ChatRequest) -> ChatResult:
        buf: list[str] = []
        last_emit = time.monotonic()
        n_pieces = 0
        t_start = time.monotonic()
        engine = self.session.engine

        def on_text(piece: str) -> None:
            nonlocal last_emit, n_pieces
            if req.seq <= self.cancel_upto:
                engine.cancel()  # a cancel that raced with the start of the request
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
            if req.seq <= self.cancel_upto:
                engine.cancel()
            self.progress.emit(req.seq, p.fraction)

        def on_saved(conv: int, user: int, reply: int) -> None:
            nonlocal t_start
            t_start = time.monotonic()
            self.replyStarted.emit(req.seq, conv, user, reply)

        kw: dict[str, Any] = dict(params=req.params, on_text=on_text,
                                  on_prompt_progress=on_progress, on_saved=on_saved)
        try:
            if req.kind == "send":
                return self.session.send(req.text, conversation_id=req.conversation_id, **kw)
            if req.kind == "regenerate":
                return self.session.regenerate(req.conversation_id, **kw)
            if req.kind == "edit":
                return self.session.edit_and_rerun(req.message_id, req.text, **kw)
            raise WrenError(f"unknown request {req.kind}")
        finally:
            if buf:
                self.text.emit(req.seq, "".join(buf))

    def _summarize(self, req: ChatRequest) -> None:
        """Summarize a conversation for 'continue in a new conversation'."""
        from app.core.chat import history_for_prompt
        from app.core.engine import SamplingParams

        engine = self.session.engine
        msgs = self.store.messages(req.conversation_id)
        conv = self.store.get_conversation(req.conversation_id)
        history = history_for_prompt(msgs)
        transcript = "\n".join(f"{m['role']}: {m['content']}" for m in history)
        # Keep the newest part when the transcript itself would not fit.
        assert engine.model is not None
        budget_chars = max(1000, (engine.model.n_ctx - 600) * 3)
        transcript = transcript[-budget_chars:]
        prompt = [
            {"role": "system", "content": "You write short, factual summaries."},
            {"role": "user", "content": "Summarize this conversation in a few sentences, keeping "
                                        "names, facts and decisions:\n\n" + transcript},
        ]
        try:
            while engine.count_tokens(prompt) > engine.model.n_ctx - 300 and len(transcript) > 500:
                transcript = transcript[len(transcript) // 3:]
                prompt[1]["content"] = "Summarize this conversation:\n\n" + transcript
            parts = []
            for piece in engine.stream_chat(prompt, SamplingParams(max_tokens=256, temperature=0.3)):
                parts.append(piece)
                if req.seq <= self.cancel_upto:
                    engine.cancel()
            summary = "".join(parts).strip()
        except WrenError as e:
            self.replyFailed.emit(ReplyFailed(req.seq, req.kind, req.conversation_id, e.message))
            return
        if not summary:
            title = conv.title if conv else "the earlier conversation"
            summary = f"(The model gave no summary of {title}.)"
        self.summaryReady.emit(req.seq, req.conversation_id, summary)

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
