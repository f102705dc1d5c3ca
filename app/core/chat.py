"""A chat turn, end to end, owned by the core: every front end (the window's inference worker,
the `chat` CLI, document follow-ups and the local API server) reaches the same code.

- `ChatSession` holds the store, the engine and the model in use. Its `send` / `regenerate` /
  `edit_and_rerun` create the conversation with the saved defaults when there is none, resolve
  the conversation's settings (app/core/chat_settings.py), store the user's message and run a
  `Turn`. `answer` runs a turn on messages given by an API client.
- A `Turn` is one reply: the prompt rendered and tokenized once (Engine.prepare), the context
  decision, the reply streamed into the store with partial saves, its stats. It has its own
  cancel token: cancelling one front end's turn never stops another's.
- The context decision: "grow" (the default) reloads the model with a longer context when the
  conversation needs it and the model and RAM allow it, else refuses with ContextOverflow, and
  the window then offers the user's choice: drop the oldest turns (`drop_oldest_turns`) or
  continue in a new conversation with a summary (`summarize_conversation`,
  `continue_with_summary`). "refuse" never reloads: the API server's choice, since the model it
  serves is shared with the window.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from app.core.chat_settings import (
    ChatSettings,
    conversation_settings,
    default_settings,
    default_system_prompt,
)
from app.core.engine import (
    ChatEngine,
    Engine,
    LoadOptions,
    Prompt,
    PromptProgress,
    Reply,
    ReplyStats,
    SamplingParams,
    reply_json,
)
from app.core.errors import BadInput, ContextOverflow, WrenError
from app.core.models import LAST_MODEL_SETTING, InstalledModel
from app.core.store import Message, Store

# A streaming reply is written to the database at least this often, so a killed process keeps
# all but the last second of it (status `partial`).
FLUSH_INTERVAL_S = 0.5
TITLE_CHARS = 60
REPLY_RESERVE = 1024  # tokens kept free for the reply (at most max_tokens) when a prompt must fit
CONTEXT_POLICIES = ("grow", "refuse")
OVERFLOW_WARN_FRACTION = 0.8  # the window warns when a conversation uses this much of its context

ProgressCallback = Callable[[PromptProgress], None]


@dataclass
class ChatResult:
    conversation_id: int  # 0: not stored (an API request while logging is off)
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
        return reply_json(
            self.text, self.model_id, self.conversation_id, self.assistant_message_id, s,
            **{"status": self.status,
               "finish_reason": s.finish_reason,
               "prompt_tokens": s.prompt_tokens,
               "prompt_tokens_evaluated": s.prompt_tokens_evaluated,
               "completion_tokens": s.completion_tokens,
               "n_threads_batch": s.n_threads_batch,
               **({"notice": self.notice} if self.notice else {}),
               **self.extra},  # a dict, so that extra may override a field as before
        )


@dataclass
class TurnEvents:
    """What a front end hears while a turn runs (called on the turn's thread)."""

    on_text: Callable[[str], None] | None = None
    on_prompt_progress: ProgressCallback | None = None
    # The rows exist: conversation, user message, reply message (status partial).
    on_saved: Callable[[int, int, int], None] | None = None
    # The model is reloaded for the conversation's settings (its name).
    on_loading: Callable[[str], None] | None = None


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


class Turn:
    """One reply, end to end. `fit()` prepares the prompt (rendered and tokenized once) and
    makes the context decision; `stream()` streams the reply, saving it as it comes when it
    belongs to a stored conversation. `cancel()` from any thread stops this turn only."""

    def __init__(self, engine: ChatEngine, params: SamplingParams | None = None, *,
                 stops: Sequence[str] = (), cancel: threading.Event | None = None,
                 events: TurnEvents | None = None) -> None:
        self.engine = engine
        self.params = params or SamplingParams()
        self.stops = tuple(stops)
        self.cancelled = cancel if cancel is not None else threading.Event()
        self.events = events or TurnEvents()
        self.prompt: Prompt | None = None
        self.notice = ""  # e.g. the context grew

    def cancel(self) -> None:
        self.cancelled.set()

    def fit(self, history: list[dict[str, str]],
            grow: Callable[[int, int], None] | None = None,
            prompt: Prompt | None = None) -> Prompt:
        """Prepare the prompt (unless given) and decide about the context. `grow(needed,
        n_prompt)`: reload with a longer context (raises ContextOverflow when it cannot); None
        refuses instead: only a prompt that does not fit at all is refused, and the reply then
        ends where the context does."""
        engine = self.engine
        prompt = prompt or engine.prepare(history)
        self.prompt = prompt
        n_ctx = engine.context_length
        # None: a remote server that does not report its context; the server itself refuses
        # a prompt that is too long (a clear RemoteError).
        if n_ctx is None:
            return prompt
        if grow is None:
            if prompt.n_tokens >= n_ctx:
                raise ContextOverflow(f"the prompt is {prompt.n_tokens:,} tokens but the model's "
                                      f"context holds {n_ctx:,}")
            return prompt
        needed = prompt.n_tokens + min(self.params.max_tokens, REPLY_RESERVE)
        if needed > n_ctx:
            grow(needed, prompt.n_tokens)
            self.notice = _growth_notice(engine, n_ctx, needed)
        return prompt

    def stream(self, *, store: Store | None = None, conversation_id: int = 0, user_id: int = 0,
               model_id: str = "", reply_extra: dict[str, Any] | None = None) -> ChatResult:
        """Stream the reply. With a store and a conversation the reply is a row from the start
        (status partial), written at least every FLUSH_INTERVAL_S, and final at the end with
        its stats; an error keeps the text so far (status error) and is raised."""
        assert self.prompt is not None, "fit() first"
        engine, ev = self.engine, self.events
        saving = store is not None and conversation_id > 0
        reply_id = 0
        if store is not None and saving:
            reply_id = store.add_message(conversation_id, "assistant", "", model=model_id,
                                         status="partial")
        if ev.on_saved is not None:
            ev.on_saved(conversation_id, user_id, reply_id)
        reply: Reply | None = None
        parts: list[str] = []
        last_flush = time.monotonic()
        flushed_len = 0
        on_text = ev.on_text
        try:
            reply = engine.reply(self.prompt, self.params, stops=self.stops,
                                 cancel=self.cancelled, on_prompt_progress=ev.on_prompt_progress)
            for piece in reply:
                parts.append(piece)
                if on_text is not None:
                    on_text(piece)
                t = time.monotonic()
                if saving and t - last_flush >= FLUSH_INTERVAL_S:
                    text = "".join(parts)
                    if len(text) != flushed_len:
                        assert store is not None
                        store.update_message(reply_id, text=text)
                        flushed_len = len(text)
                    last_flush = t
        except BaseException:
            if store is not None and saving:
                # Keep what was generated; the error itself goes to the caller.
                done = reply.stats.completion_tokens if reply is not None else 0
                try:
                    store.update_message(reply_id, text="".join(parts), status="error",
                                         completion_tokens=done)
                except WrenError:
                    pass
            raise
        stats = reply.stats
        status = "cancelled" if stats.finish_reason == "cancelled" else "complete"
        text = "".join(parts)
        if store is not None and saving:
            store.update_message(
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
                       "prompt_tokens_evaluated": stats.prompt_tokens_evaluated,
                       **(reply_extra or {})},
            )
        notice = " ".join(n for n in (engine.notice, self.notice) if n)
        return ChatResult(conversation_id, user_id, reply_id, text, status, model_id, stats,
                          notice, engine.placement())


class ChatSession:
    """The store, the engine and the model in use, for chat turns (use from the engine's
    thread; a turn's cancel token from any)."""

    def __init__(self, store: Store, engine: ChatEngine | None = None):
        self.store = store
        self.engine: ChatEngine = engine or Engine()
        self._local_engine: ChatEngine | None = None  # set aside while a remote model is in use
        self.model: InstalledModel | None = None
        self.load_options = LoadOptions()

    # ------------------------------------------------------------------ models
    def use_model(self, model: InstalledModel, options: LoadOptions | None = None,
                  wanted_ctx: int | None = None) -> None:
        """Load `model` unless it is already loaded the same way."""
        options = options or self.load_options
        self._pick_engine(model)
        n_ctx = self.engine.context_length if self.engine.loaded else None
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
            if cur.local:
                self._local_engine = cur
            self.engine = engine_for_spec(self.store, model.path)
        elif not self.engine.local:
            self.engine.unload()
            self.engine = self._local_engine or Engine()

    # ------------------------------------------------------------ conversations
    def settings(self, conversation_id: int | None) -> ChatSettings:
        """A conversation's settings (the saved defaults for a new one). Raises BadInput for a
        conversation that does not exist."""
        if conversation_id is not None and self.store.get_conversation(conversation_id) is None:
            raise BadInput(f"conversation {conversation_id} does not exist")
        return conversation_settings(self.store, conversation_id)

    def new_conversation(self, prompt: str, *, settings: ChatSettings | None = None,
                         system_prompt: str | None = None) -> int:
        """A conversation named after its first prompt, with the saved defaults (settings and
        system prompt) unless given."""
        s = settings or default_settings(self.store)
        sp = default_system_prompt(self.store) if system_prompt is None else system_prompt
        return self.store.create_conversation(
            title=title_from_prompt(prompt), model=self.model.id if self.model else "",
            system_prompt=sp, settings=s.to_dict())

    # ------------------------------------------------------------------- turns
    def send(self, prompt: str, *, conversation_id: int | None = None,
             params: SamplingParams | None = None, settings: ChatSettings | None = None,
             system_prompt: str | None = None, apply_settings: bool = False,
             cancel: threading.Event | None = None,
             on_text: Callable[[str], None] | None = None,
             on_prompt_progress: ProgressCallback | None = None,
             on_saved: Callable[[int, int, int], None] | None = None,
             on_loading: Callable[[str], None] | None = None) -> ChatResult:
        """Store the user's message (in a new conversation when none is given), stream the
        reply into the store, return the result.

        Sampling: `params` when given, else the conversation's settings (`settings` overrides
        them; a new conversation stores them). `apply_settings`: also load the model with the
        conversation's context and GPU settings first (the window does; the CLI loads itself)."""
        if self.model is None:
            raise WrenError("No model is loaded")
        s = settings or self.settings(conversation_id)
        if conversation_id is None:
            conversation_id = self.new_conversation(prompt, settings=s,
                                                    system_prompt=system_prompt)
        user_id = self.store.add_message(conversation_id, "user", prompt)
        events = TurnEvents(on_text, on_prompt_progress, on_saved, on_loading)
        return self._run(conversation_id, user_id, s, params, apply_settings, cancel, events)

    def regenerate(self, conversation_id: int, *, params: SamplingParams | None = None,
                   apply_settings: bool = False, cancel: threading.Event | None = None,
                   on_text: Callable[[str], None] | None = None,
                   on_prompt_progress: ProgressCallback | None = None,
                   on_saved: Callable[[int, int, int], None] | None = None,
                   on_loading: Callable[[str], None] | None = None) -> ChatResult:
        """Drop the last assistant reply and answer the last user message again."""
        if self.model is None:
            raise WrenError("No model is loaded")
        s = self.settings(conversation_id)
        msgs = self.store.messages(conversation_id)
        while msgs and msgs[-1].role == "assistant":
            self.store.delete_messages_from(conversation_id, msgs[-1].id)
            msgs.pop()
        if not msgs or msgs[-1].role != "user":
            raise WrenError("There is no question to answer again")
        events = TurnEvents(on_text, on_prompt_progress, on_saved, on_loading)
        return self._run(conversation_id, msgs[-1].id, s, params, apply_settings, cancel, events)

    def edit_and_rerun(self, message_id: int, new_text: str, **kw: Any) -> ChatResult:
        """Replace a user message (and drop everything after it), then answer it."""
        m = self.store.get_message(message_id)
        if m is None or m.role != "user":
            raise WrenError("Only your own messages can be edited")
        self.store.delete_messages_from(m.conversation_id, m.id)
        return self.send(new_text, conversation_id=m.conversation_id, **kw)

    def _run(self, conversation_id: int, user_id: int, settings: ChatSettings,
             params: SamplingParams | None, apply_settings: bool,
             cancel: threading.Event | None, events: TurnEvents) -> ChatResult:
        model = self.model
        assert model is not None
        if apply_settings:
            from app.core.devices import gpu_memory_cap

            options = settings.load_options(gpu_memory_cap(self.store))
            if options != self.load_options:
                if events.on_loading is not None:
                    events.on_loading(model.name)
                self.use_model(model, options)
        turn = Turn(self.engine, params or settings.sampling(), cancel=cancel, events=events)
        conv = self.store.get_conversation(conversation_id)
        assert conv is not None
        msgs = self.store.messages(conversation_id)
        prompt = None
        history = history_for_prompt(msgs, conv.system_prompt)
        if any(m.document_id for m in msgs):
            # A document conversation: the document goes back into the prompt, and its saved
            # state is restored so only the question is evaluated (app.core.summarize).
            from app.core.summarize import prepare_followup

            prompt = prepare_followup(self, msgs, conv.system_prompt,
                                      min(turn.params.max_tokens, REPLY_RESERVE))
            if prompt is not None:
                history = prompt.messages
        turn.fit(history, self._grow, prompt)
        self.store.set_setting(LAST_MODEL_SETTING, model.id)
        self.store.update_conversation(conversation_id, model=model.id)
        return turn.stream(store=self.store, conversation_id=conversation_id, user_id=user_id,
                           model_id=model.id)

    def _grow(self, needed: int, n_prompt: int) -> None:
        assert self.model is not None
        try:  # grow the context if the model and the RAM allow it
            self.use_model(self.model, self.load_options, wanted_ctx=needed)
        except ContextOverflow as e:
            raise ContextOverflow(
                f"This conversation ({n_prompt:,} tokens) no longer fits the model: "
                f"{e}. Start a new conversation or drop the oldest turns."
            ) from None

    def name_conversation(self, conversation_id: int,
                          cancel: threading.Event | None = None) -> str | None:
        """After a conversation's first exchange, give it a title the model writes (see
        app/core/titles.py). None when it keeps its title."""
        from app.core.titles import name_after_first_exchange

        return name_after_first_exchange(self.store, self.engine, conversation_id, cancel)


def answer(engine: ChatEngine, messages: list[dict[str, str]], params: SamplingParams, *,
           stops: Sequence[str] = (), cancel: threading.Event | None = None,
           on_text: Callable[[str], None] | None = None, store: Store | None = None,
           model_id: str = "") -> ChatResult:
    """A turn on messages a client sent (the local API server): the context is not grown (the
    model is shared with the window); the exchange is stored as a conversation when `store`
    is given (the user turned that on), with partial saves like a chat."""
    turn = Turn(engine, params, stops=stops, cancel=cancel, events=TurnEvents(on_text=on_text))
    turn.fit(messages)
    cid = user_id = 0
    if store is not None:
        first_user = next((m["content"] for m in messages if m["role"] == "user"), "")
        system = "\n".join(m["content"] for m in messages if m["role"] == "system")
        settings = replace(ChatSettings(), preset="Custom", temperature=params.temperature,
                           top_p=params.top_p, max_tokens=params.max_tokens)
        try:
            with store.transaction():
                cid = store.create_conversation(
                    title="API: " + title_from_prompt(first_user), model=model_id,
                    system_prompt=system, settings={**settings.to_dict(), "source": "api"})
                for m in messages:
                    if m["role"] != "system":
                        mid = store.add_message(cid, m["role"], m["content"], model=model_id)
                        if m["role"] == "user":
                            user_id = mid
        except WrenError:
            store, cid, user_id = None, 0, 0  # the log is a courtesy: a full disk fails no request
    return turn.stream(store=store, conversation_id=cid, user_id=user_id, model_id=model_id,
                       reply_extra={"source": "api"})


# ------------------------------------------------------------------ a conversation too long
def context_warning(store: Store, conversation_id: int | None, used: int, limit: int,
                    full: bool) -> bool:
    """Whether to warn that the context is running out: at OVERFLOW_WARN_FRACTION of it, or when
    one more exchange as long as the last one would not fit."""
    prev = 0
    if conversation_id is not None:
        done = [m for m in store.messages(conversation_id)
                if m.role == "assistant" and m.prompt_tokens]
        if len(done) >= 2:
            prev = done[-2].prompt_tokens + done[-2].completion_tokens
    projected = used + (used - prev)
    return bool(limit) and (full or used >= OVERFLOW_WARN_FRACTION * limit or projected > limit)


def drop_oldest_turns(store: Store, conversation_id: int, limit: int) -> int:
    """Drop the oldest exchanges until about half the context is free (the system prompt is
    kept, and at least the last exchange). Returns how many messages were dropped."""
    msgs = store.messages(conversation_id)
    limit = limit or 1
    total_chars = sum(len(m.text) for m in msgs) or 1
    last_assistant = next((m for m in reversed(msgs) if m.role == "assistant" and m.prompt_tokens),
                          None)
    used = (last_assistant.prompt_tokens + last_assistant.completion_tokens) if last_assistant \
        else limit
    per_char = used / total_chars
    target = limit * 0.5
    drop: list[int] = []
    remaining: float = used
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
        store.delete_messages(drop)
    return len(drop)


def summarize_conversation(engine: ChatEngine, store: Store, conversation_id: int,
                           cancel: threading.Event | None = None) -> str:
    """A few sentences that carry a conversation on in a new one."""
    msgs = store.messages(conversation_id)
    conv = store.get_conversation(conversation_id)
    history = history_for_prompt(msgs)
    transcript = "\n".join(f"{m['role']}: {m['content']}" for m in history)
    n_ctx = engine.context_length or 4096
    # Keep the newest part when the transcript itself would not fit.
    transcript = transcript[-max(1000, (n_ctx - 600) * 3):]
    prompt = [
        {"role": "system", "content": "You write short, factual summaries."},
        {"role": "user", "content": "Summarize this conversation in a few sentences, keeping "
                                    "names, facts and decisions:\n\n" + transcript},
    ]
    prepared = engine.prepare(prompt)
    while prepared.n_tokens > n_ctx - 300 and len(transcript) > 500:
        transcript = transcript[len(transcript) // 3:]
        prompt[1]["content"] = "Summarize this conversation:\n\n" + transcript
        prepared = engine.prepare(prompt)
    params = SamplingParams(max_tokens=256, temperature=0.3)
    summary = engine.reply(prepared, params, cancel=cancel).text().strip()
    if not summary:
        title = conv.title if conv else "the earlier conversation"
        summary = f"(The model gave no summary of {title}.)"
    return summary


def continue_with_summary(store: Store, source_id: int, summary: str, title: str) -> int:
    """A new conversation that goes on from `source_id`: its settings, and its system prompt
    followed by the summary. Returns the new conversation's id."""
    src = store.get_conversation(source_id)
    system = (src.system_prompt + "\n\n" if src and src.system_prompt else "") + \
        "Summary of the earlier conversation:\n" + summary
    return store.create_conversation(title=title, model=src.model if src else "",
                                     system_prompt=system, settings=src.settings if src else {})


def _growth_notice(engine: ChatEngine, old_ctx: int, needed: int) -> str:
    """What to tell the user when a conversation outgrew its context and it was reloaded."""
    if not isinstance(engine, Engine) or engine.model is None:
        return ""
    m = engine.model
    new_ctx = m.n_ctx
    if not new_ctx or new_ctx <= old_ctx:
        return ""
    from app.core.planner import long_rope_threshold

    s = (f"The conversation needs {needed:,} tokens: its context grew from {old_ctx:,} to "
         f"{new_ctx:,} tokens.")
    edge = long_rope_threshold(m.info)
    if edge and old_ctx <= edge < new_ctx:
        s += (f" Beyond {edge:,} tokens this model uses its long-context rope scaling "
              "for the whole conversation.")
    return s
