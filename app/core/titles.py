"""Short conversation titles, generated cheaply by the loaded model from the first exchange.

A few tokens (TITLE_MAX_TOKENS) with the already loaded engine, greedy, on the same thread that
owns the engine (the window's inference worker, after the first reply). If the model says
nothing usable, the title is the first words of the prompt. A title the user edited
(title_source 'user') is never replaced.
"""
from __future__ import annotations

import re
import threading

from app.core.engine import ChatEngine, SamplingParams
from app.core.errors import WrenError
from app.core.store import Store

TITLE_MAX_TOKENS = 12
TITLE_MAX_WORDS = 7
TITLE_MAX_CHARS = 60
_EXCERPT_CHARS = 600  # of each message: enough for a topic, cheap to evaluate

_INSTRUCTION = (
    "Write a short title (at most 6 words) for a conversation that starts like this. "
    "Answer with the title only.\n\n"
)
_LABEL = re.compile(r"^\s*(title|topic|subject)\s*[:\-–]\s*", re.IGNORECASE)


def fallback_title(prompt: str, max_words: int = TITLE_MAX_WORDS) -> str:
    """The first words of the prompt, on one line."""
    words = prompt.split()
    title = " ".join(words[:max_words])
    if len(words) > max_words:
        title += "…"
    if len(title) > TITLE_MAX_CHARS:
        title = title[: TITLE_MAX_CHARS - 1].rstrip() + "…"
    return title or "New chat"


def clean_title(raw: str) -> str:
    """The model's answer reduced to a one-line title, or "" if nothing usable is left."""
    line = next((ln for ln in raw.splitlines() if ln.strip()), "")
    line = _LABEL.sub("", line)
    prev = None
    while prev != line:  # e.g. **"Title".** -> Title
        prev = line
        line = line.strip().strip("\"'“”‘’`*#_").rstrip(".:;,").strip()
    words = line.split()
    if not words or not any(ch.isalnum() for ch in line):
        return ""
    title = " ".join(words[:TITLE_MAX_WORDS])
    if len(title) > TITLE_MAX_CHARS:
        title = title[: TITLE_MAX_CHARS - 1].rstrip() + "…"
    return title


def generate_title(engine: ChatEngine, user_text: str, reply_text: str = "",
                   max_tokens: int = TITLE_MAX_TOKENS,
                   cancel: threading.Event | None = None) -> str:
    """A title from the first exchange, made by `engine` (must be loaded); falls back to the
    prompt's first words if the model gives nothing usable or fails."""
    excerpt = f"User: {user_text[:_EXCERPT_CHARS]}"
    if reply_text:
        excerpt += f"\nAssistant: {reply_text[:_EXCERPT_CHARS]}"
    messages = [{"role": "user", "content": _INSTRUCTION + excerpt}]
    params = SamplingParams(max_tokens=max_tokens, temperature=0.0, seed=0)
    try:
        raw = engine.stream_chat(messages, params, cancel=cancel).text()
    except WrenError:
        raw = ""
    return clean_title(raw) or fallback_title(user_text)


def name_after_first_exchange(store: Store, engine: ChatEngine, conversation_id: int,
                              cancel: threading.Event | None = None) -> str | None:
    """The title rule for chats: once a conversation has its first exchange (one question, one
    answer, no document: a document conversation keeps its name), the model names it. Returns
    the new title, or None when the conversation keeps its title."""
    if store.title_source(conversation_id) != "prompt":
        return None
    msgs = store.messages(conversation_id)
    if len(msgs) != 2 or any(m.document_id for m in msgs):
        return None
    return title_conversation(store, engine, conversation_id, cancel)


def title_conversation(store: Store, engine: ChatEngine, conversation_id: int,
                       cancel: threading.Event | None = None) -> str | None:
    """Give a conversation a generated title after its first exchange. Returns the new title,
    or None when it keeps its title (edited by the user, already generated, or no exchange)."""
    conv = store.get_conversation(conversation_id)
    if conv is None or store.title_source(conversation_id) not in ("prompt",):
        return None
    msgs = store.messages(conversation_id)
    user = next((m for m in msgs if m.role == "user"), None)
    if user is None:
        return None
    reply = next((m for m in msgs if m.role == "assistant" and m.id > user.id and m.text), None)
    title = generate_title(engine, user.text, reply.text if reply else "", cancel=cancel)
    # Compare-and-set: if the user renamed it while we were generating, theirs wins.
    return title if store.set_generated_title(conversation_id, title, conv.title) else None
