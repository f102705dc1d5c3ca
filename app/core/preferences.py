"""App-wide preferences (the window's File → Preferences…, read by the CLI too): the window's
language, how long document summaries are, how much disk saved document readings may use, the
GPU memory Wren may use, and the local API server's port and history logging."""
from __future__ import annotations

from dataclasses import dataclass

from app.core import setting_names
from app.core.devices import gpu_memory_cap
from app.core.store import Store

# Shipped languages: code -> name in that language (how a language is offered to its readers).
LANGUAGES: dict[str, str] = {
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "pt_BR": "Português (Brasil)",
    "zh_CN": "简体中文",
    "ja": "日本語",
    "ar": "العربية",
}


@dataclass(frozen=True)
class Preferences:
    summary_length: str
    cache_cap_bytes: int
    api_port: int  # 0: any free port
    api_log_conversations: bool
    gpu_cap_bytes: int = 0  # GPU memory Wren may use; 0: all free memory less the margin
    language: str = ""  # "" follows the system


def read_preferences(store: Store) -> Preferences:
    from app.core.api_server import DEFAULT_PORT
    from app.core.summarize import DEFAULT_CACHE_CAP, LENGTHS

    length = str(store.get_setting(setting_names.DOCUMENT_SUMMARY_LENGTH, "medium") or "medium")
    cap = store.get_setting(setting_names.DOCUMENT_STATE_CACHE_BYTES)
    port = store.get_setting(setting_names.API_PORT, DEFAULT_PORT)
    language = store.get_setting(setting_names.UI_LANGUAGE, "")
    return Preferences(
        summary_length=length if length in LENGTHS else "medium",
        cache_cap_bytes=int(cap) if isinstance(cap, (int, float)) and cap >= 0 else DEFAULT_CACHE_CAP,
        api_port=int(port) if isinstance(port, int) and 0 <= port <= 65535 else DEFAULT_PORT,
        api_log_conversations=bool(store.get_setting(setting_names.API_LOG_CONVERSATIONS, False)),
        gpu_cap_bytes=gpu_memory_cap(store),
        language=language if isinstance(language, str) and language in LANGUAGES else "",
    )
