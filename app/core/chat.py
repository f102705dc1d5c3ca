"""One chat turn, end to end: history from the store, the engine streams, the reply is saved
as it streams. Shared by the CLI and the window's inference worker, so both behave the same.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.core.engine import Engine, LoadOptions, PromptProgress, ReplyStats, SamplingParams
from app.core.errors import ContextOverflow, WrenError
from app.core.models import LAST_MODEL_SETTING, InstalledModel
from app.core.store import Message, Store

# A streaming reply is written to the database at least this often, so a killed process keeps
# all but the last second of it (status `partial`).
FLUSH_INTERVAL_S = 0.5
TITLE_CHARS = 60


@dataclass
class ChatResult:
    conversation_id: int
    user_message_id: int
    assistant_message_id: int
    text: str
    status: str
    model_id: str
    stats: ReplyStats
    notice: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        s = self.stats
        return {
            "text": self.text,
            "model": self.model_id,
            "conversation_id": self.conversation_id,
            "message_id": self.assistant_message_id,
            "status": self.status,
            "finish_reason": s.finish_reason,
            "prompt_tokens": s.prompt_tokens,
            "prompt_tokens_evaluated": s.prompt_tokens_evaluated,
            "completion_tokens": s.completion_tokens,
            **s.speed_json(),
            "n_threads_batch": s.n_threads_batch,
            **({"notice": self.notice} if self.notice else {}),
            **self.extra,
        }


def title_from_prompt(prompt: str) -> str:
    line = " ".join(prompt.split())
    return line if len(line) <= TITLE_CHARS else line[: TITLE_CHARS - 1].rstrip() + "…"


def history_for_prompt(messages: list[Message], system_prompt: str = "") -> list[dict[str, str]]:
    """The messages the model sees. Error replies and empty partials are left out; a partial or
    cancelled reply is kept as the user saw it."""
    out: list[dict[str, str]] = []
    if system_prompt:
        out.append({"role": "system", "content": system_prompt})
    for m in messages:
        if m.role == "assistant" and (m.status == "error" or not m.text):
            continue
        if m.role in ("user", "assistant", "system"):
            out.append({"role": m.role, "content": m.text})
    return out


class ChatSession:
    """Glue between one Engine and the Store for chat turns."""

    def __init__(self, store: Store, engine: Engine | None = None):
        self.store = store
        self.engine = engine or Engine()
        self._local_engine: Engine | None = None  # set aside while a remote model is in use
        self.model: InstalledModel | None = None
        self.load_options = LoadOptions()

    def use_model(self, model: InstalledModel, options: LoadOptions | None = None,
                  wanted_ctx: int | None = None) -> None:
        """Load `model` unless it is already loaded the same way."""
        options = options or self.load_options
        self._pick_engine(model)
        n_ctx = self.engine.model.n_ctx if self.engine.loaded else None  # type: ignore[union-attr]
        same = (
            self.model is not None
            and self.engine.loaded
            and self.model.path == model.path
            and options == self.load_options
            and (wanted_ctx is None or n_ctx is None or n_ctx >= wanted_ctx)
        )
        if not same:
            self.engine.load(model.path, options, wanted_ctx=wanted_ctx)
        self.model = model
        self.load_options = options

    def _pick_engine(self, model: InstalledModel) -> None:
        """A remote model needs a RemoteEngine for its server; a local one the local Engine
        (kept aside, still loaded, while a remote model is in use)."""
        from app.core.remote import RemoteEngine

        if model.source == "remote":
            from app.core.engines_registry import engine_for_spec
            from app.core.remote import parse_remote_spec

            name = parse_remote_spec(model.path)[0]
            cur = self.engine
            if isinstance(cur, RemoteEngine) and cur.endpoint.name == name:
                return
            if not isinstance(cur, RemoteEngine):
                self._local_engine = cur
            self.engine = engine_for_spec(self.store, model.path)  # type: ignore[assignment]
        elif isinstance(self.engine, RemoteEngine):
            self.engine.unload()
            self.engine = self._local_engine or Engine()

    def send(
        self,
        prompt: str,
        *,
        conversation_id: int | None = None,
        params: SamplingParams | None = None,
        system_prompt: str | None = None,
        on_text: Callable[[str], None] | None = None,
        on_prompt_progress: Callable[[PromptProgress], None] | None = None,
        on_saved: Callable[[int, int, int], None] | None = None,
    ) -> ChatResult:
        """Store the user's message, stream the reply into the store, return the result."""
        if self.model is None:
            raise WrenError("No model is loaded")
        if conversation_id is None:
            conversation_id = self.store.create_conversation(
                title=title_from_prompt(prompt), model=self.model.id,
                system_prompt=system_prompt or "",
            )
        elif self.store.get_conversation(conversation_id) is None:
            from app.core.errors import BadInput

            raise BadInput(f"conversation {conversation_id} does not exist")
        user_id = self.store.add_message(conversation_id, "user", prompt)
        return self._reply(conversation_id, user_id, params, on_text, on_prompt_progress, on_saved)

    def regenerate(self, conversation_id: int, **kw: Any) -> ChatResult:
        """Drop the last assistant reply and answer the last user message again."""
        msgs = self.store.messages(conversation_id)
        while msgs and msgs[-1].role == "assistant":
            self.store.delete_messages_from(conversation_id, msgs[-1].id)
            msgs.pop()
        if not msgs or msgs[-1].role != "user":
            raise WrenError("There is no question to answer again")
        return self._reply(conversation_id, msgs[-1].id, kw.get("params"), kw.get("on_text"),
                           kw.get("on_prompt_progress"), kw.get("on_saved"))

    def edit_and_rerun(self, message_id: int, new_text: str, **kw: Any) -> ChatResult:
        """Replace a user message (and drop everything after it), then answer it."""
        m = self.store.get_message(message_id)
        if m is None or m.role != "user":
            raise WrenError("Only your own messages can be edited")
        self.store.delete_messages_from(m.conversation_id, m.id)
        return self.send(new_text, conversation_id=m.conversation_id, **kw)

    def _reply(
        self,
        conversation_id: int,
        user_id: int,
        params: SamplingParams | None,
        on_text: Callable[[str], None] | None,
        on_prompt_progress: Callable[[PromptProgress], None] | None,
        on_saved: Callable[[int, int, int], None] | None,
    ) -> ChatResult:
        assert self.model is not None
        params = params or SamplingParams()
        conv = self.store.get_conversation(conversation_id)
        assert conv is not None
        msgs = self.store.messages(conversation_id)
        history = None
        if any(m.document_id for m in msgs):
            # A document conversation: the document goes back into the prompt, and its saved
            # state is restored so only the question is evaluated (app.core.summarize).
            from app.core.summarize import prepare_followup

            history = prepare_followup(self, conversation_id, msgs, conv.system_prompt,
                                       min(params.max_tokens, 1024))
        if history is None:
            history = history_for_prompt(msgs, conv.system_prompt)
        engine = self.engine
        n_prompt = engine.count_tokens(history)
        needed = n_prompt + min(params.max_tokens, 1024)
        n_ctx = engine.model.n_ctx  # type: ignore[union-attr]
        # None: a remote server that does not report its context; the server itself refuses
        # a prompt that is too long (a clear RemoteError).
        grew = ""
        if n_ctx is not None and needed > n_ctx:
            try:  # grow the context if the model and the RAM allow it
                self.use_model(self.model, self.load_options, wanted_ctx=needed)
            except ContextOverflow as e:
                raise ContextOverflow(
                    f"This conversation ({n_prompt:,} tokens) no longer fits the model: {e}. "
                    "Start a new conversation or drop the oldest turns."
                ) from None
            grew = _growth_notice(engine, n_ctx, needed)
        model_id = self.model.id
        reply_id = self.store.add_message(conversation_id, "assistant", "", model=model_id,
                                          status="partial")
        if on_saved is not None:
            on_saved(conversation_id, user_id, reply_id)
        self.store.set_setting(LAST_MODEL_SETTING, model_id)
        self.store.update_conversation(conversation_id, model=model_id)
        parts: list[str] = []
        last_flush = time.monotonic()
        flushed_len = 0
        status = "error"
        try:
            for piece in engine.stream_chat(history, params, on_prompt_progress):
                parts.append(piece)
                if on_text is not None:
                    on_text(piece)
                t = time.monotonic()
                if t - last_flush >= FLUSH_INTERVAL_S:
                    text = "".join(parts)
                    if len(text) != flushed_len:
                        self.store.update_message(reply_id, text=text)
                        flushed_len = len(text)
                    last_flush = t
            stats = engine.last_stats or ReplyStats()
            status = "cancelled" if stats.finish_reason == "cancelled" else "complete"
        except BaseException:
            stats = engine.last_stats or ReplyStats()
            status = "error"
            # Keep what was generated; the error itself goes to the caller.
            try:
                self.store.update_message(reply_id, text="".join(parts), status="error",
                                          completion_tokens=stats.completion_tokens)
            except WrenError:
                pass
            raise
        text = "".join(parts)
        self.store.update_message(
            reply_id,
            text=text,
            status=status,
            prompt_tokens=stats.prompt_tokens,
            completion_tokens=stats.completion_tokens,
            ttft_s=stats.ttft_s,
            prompt_tokens_per_s=stats.prompt_tokens_per_s,
            decode_tokens_per_s=stats.decode_tokens_per_s,
            n_ctx=stats.n_ctx,
            n_threads=stats.n_threads,
            extra={"finish_reason": stats.finish_reason,
                   "prompt_tokens_evaluated": stats.prompt_tokens_evaluated},
        )
        m = engine.model
        notes = [getattr(m, "chat_notice", ""), getattr(m, "notice", ""), grew]
        notice = " ".join(n for n in notes if n)
        extra: dict[str, Any] = {}
        if m is not None and hasattr(m, "n_gpu_layers"):
            extra = {"n_gpu_layers": m.n_gpu_layers, "placement": m.placement,
                     "gpu": m.gpu, "kv_type": m.kv_type, "flash_attn": m.flash_attn}
        return ChatResult(conversation_id, user_id, reply_id, text, status, model_id, stats,
                          notice, extra)


def _growth_notice(engine: Any, old_ctx: int, needed: int) -> str:
    """What to tell the user when a conversation outgrew its context and it was reloaded."""
    m = getattr(engine, "model", None)
    new_ctx = getattr(m, "n_ctx", None)
    if m is None or not new_ctx or new_ctx <= old_ctx:
        return ""
    from app.core.planner import long_rope_threshold

    s = (f"The conversation needs {needed:,} tokens: its context grew from {old_ctx:,} to "
         f"{new_ctx:,} tokens.")
    edge = long_rope_threshold(m.info)
    if edge and old_ctx <= edge < new_ctx:
        s += (f" Beyond {edge:,} tokens this model uses its long-context rope scaling "
              "for the whole conversation.")
    return s
