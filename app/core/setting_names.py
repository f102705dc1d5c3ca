"""Names of the settings that both the core and the window read, in one place so that the two
cannot drift apart. (Kept free of imports: the window reads some of them before its first
frame.)"""
from __future__ import annotations

API_ENABLED = "api_server.enabled"
API_PORT = "api_server.port"
API_LOG_CONVERSATIONS = "api_server.log_conversations"
DOCUMENT_SUMMARY_LENGTH = "documents.summary_length"  # short / medium / detailed
DOCUMENT_STATE_CACHE_BYTES = "document_state_cache_bytes"
GPU_MEMORY_CAP = "gpu.memory_cap_bytes"  # GPU memory Wren may use; 0: all free memory
UI_LANGUAGE = "ui.language"  # "" follows the system; else a shipped locale such as "de"
UI_CHAT_ZOOM = "ui.chat_zoom"  # percent of the system font size for the conversation text
