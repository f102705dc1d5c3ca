"""The Hugging Face token: kept in the OS keyring and nowhere else.

Never written to the database, settings, logs or exception text. When the machine has no
keyring backend (a headless Linux box), the token is kept in this process's memory only and
the caller is told so.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

import keyring
from keyring.errors import KeyringError, NoKeyringError, PasswordDeleteError

SERVICE = "Wren"
HF_USER = "huggingface-token"

_lock = threading.Lock()
_session_token: str | None = None


@dataclass(frozen=True)
class TokenSaved:
    in_keyring: bool
    message: str


def get_hf_token() -> str | None:
    """The token from the keyring, else the session-only token, else None."""
    try:
        tok = keyring.get_password(SERVICE, HF_USER)
    except (NoKeyringError, KeyringError, RuntimeError):
        tok = None
    if tok:
        return tok
    with _lock:
        return _session_token


def set_hf_token(token: str) -> TokenSaved:
    """Store the token in the keyring; without one, keep it for this session only."""
    global _session_token
    token = token.strip()
    if not token:
        from app.core.errors import BadInput

        raise BadInput("the Hugging Face token is empty")
    try:
        keyring.set_password(SERVICE, HF_USER, token)
    except (NoKeyringError, KeyringError, RuntimeError):
        with _lock:
            _session_token = token
        return TokenSaved(False, "No system keyring is available, so the Hugging Face token is "
                                 "kept for this session only and will be asked for again next time.")
    with _lock:
        _session_token = None
    return TokenSaved(True, "The Hugging Face token was saved in the system keyring.")


def clear_hf_token() -> None:
    global _session_token
    with _lock:
        _session_token = None
    try:
        keyring.delete_password(SERVICE, HF_USER)
    except (NoKeyringError, PasswordDeleteError, KeyringError, RuntimeError):
        pass


def keyring_available() -> bool:
    try:
        keyring.get_password(SERVICE, "__probe__")
        return True
    except (NoKeyringError, KeyringError, RuntimeError):
        return False
