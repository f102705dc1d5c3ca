"""A conversation's settings and their presets, and how a turn resolves them: the conversation's
stored settings, else the defaults the user saved for new conversations, else ChatSettings'
own defaults (the sampling defaults, written once: SamplingParams).

The window's settings dialog edits these; the CLI (`chat --conversation ID`) and the window
read them the same way through ChatSession. (Light to import: the window reads these before
its first frame.)
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from app.core.params import LoadOptions, SamplingParams
from app.core.store import Store

USER_PRESETS_SETTING = "ui.user_presets"
DEFAULT_SETTINGS_SETTING = "ui.default_chat_settings"
DEFAULT_SYSTEM_PROMPT_SETTING = "ui.default_system_prompt"
SPECULATIVE_CHOICES = ("auto", "off")
_SAMPLING = SamplingParams()


@dataclass(frozen=True)
class ChatSettings:
    """What a conversation stores in `conversations.settings` (the system prompt has a column)."""

    preset: str = "Balanced"
    temperature: float = _SAMPLING.temperature
    top_p: float = _SAMPLING.top_p
    max_tokens: int = _SAMPLING.max_tokens
    n_ctx: int = 0  # 0: automatic (the model's default for chat)
    gpu: str = "auto"  # auto, off, or a number of layers ("12")
    speculative: str = "auto"  # lookup decoding: auto or off (the reply is the same either way)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> ChatSettings:
        d = dict(d or {})
        if "gpu" not in d and int(d.get("n_gpu_layers") or 0) > 0:
            d["gpu"] = str(int(d["n_gpu_layers"]))  # saved before "auto" existed
        if "gpu" in d:
            from app.core.planner import parse_gpu_setting

            try:
                d["gpu"] = str(parse_gpu_setting(d["gpu"]))
            except ValueError:
                d["gpu"] = "auto"
        known = {f.name for f in fields(cls)}
        clean: dict[str, Any] = {}
        for k, v in d.items():
            if k in known:
                try:
                    clean[k] = type(getattr(cls(), k))(v)
                except (TypeError, ValueError):
                    pass
        if clean.get("speculative") not in (None, *SPECULATIVE_CHOICES):
            del clean["speculative"]  # an unknown value from a newer or edited file
        return cls(**clean)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def sampling(self, seed: int | None = None) -> SamplingParams:
        return SamplingParams(max_tokens=self.max_tokens, temperature=self.temperature,
                              top_p=self.top_p, seed=seed, speculative=self.speculative)

    def gpu_setting(self) -> str | int:
        from app.core.planner import parse_gpu_setting

        try:
            return parse_gpu_setting(self.gpu)
        except ValueError:
            return "auto"

    def load_options(self, gpu_cap: int = 0) -> LoadOptions:
        return LoadOptions(n_ctx=self.n_ctx or None, gpu=self.gpu_setting(), gpu_cap=gpu_cap)


BUILTIN_PRESETS: dict[str, dict[str, Any]] = {
    "Precise": {"temperature": 0.2, "top_p": 0.9, "max_tokens": 512},
    "Balanced": {"temperature": _SAMPLING.temperature, "top_p": _SAMPLING.top_p,
                 "max_tokens": _SAMPLING.max_tokens},  # the defaults
    "Creative": {"temperature": 1.05, "top_p": 0.98, "max_tokens": 1024},
}


def user_presets(store: Store) -> dict[str, dict[str, Any]]:
    v = store.get_setting(USER_PRESETS_SETTING, {})
    return dict(v) if isinstance(v, dict) else {}


def all_presets(store: Store) -> dict[str, dict[str, Any]]:
    return {**BUILTIN_PRESETS, **user_presets(store)}


def default_settings(store: Store) -> ChatSettings:
    """The settings a new conversation starts with."""
    return ChatSettings.from_dict(store.get_setting(DEFAULT_SETTINGS_SETTING))


def default_system_prompt(store: Store) -> str:
    return str(store.get_setting(DEFAULT_SYSTEM_PROMPT_SETTING, "") or "")


def save_defaults(store: Store, settings: ChatSettings, system_prompt: str) -> None:
    """Settings chosen with no conversation open: the next new conversation starts with them."""
    store.set_setting(DEFAULT_SETTINGS_SETTING, settings.to_dict())
    store.set_setting(DEFAULT_SYSTEM_PROMPT_SETTING, system_prompt)


def conversation_settings(store: Store, conversation_id: int | None) -> ChatSettings:
    """The conversation's stored settings; the defaults for a new (or vanished) one."""
    if conversation_id is not None:
        conv = store.get_conversation(conversation_id)
        if conv is not None:
            return ChatSettings.from_dict(conv.settings)
    return default_settings(store)


def context_limit(settings: ChatSettings, n_ctx: int, native_ctx: int) -> int:
    """The context a conversation may use: its own setting, else what the model can take."""
    return settings.n_ctx or max(n_ctx, native_ctx)
