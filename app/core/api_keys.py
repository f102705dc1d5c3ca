"""Secrets (remote engines' API keys, the local API server's key) in the OS keyring, only there.

A machine without a keyring backend (a headless Linux box) keeps secrets in this process's
memory for the session instead, and says so: nothing is ever written to the database, settings,
logs or exception text.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

SERVICE = "wren"
_session: dict[tuple[str, str], str] = {}
_lock = threading.Lock()

NO_KEYRING_MESSAGE = ("No system keyring is available: the key is kept for this session only "
                      "and must be entered again next time")


@dataclass(frozen=True)
class SecretResult:
    stored: bool  # True: in the keyring; False: session only
    message: str = ""


def _backend_ok() -> bool:
    import keyring
    from keyring.backends import fail

    try:
        kr = keyring.get_keyring()
    except Exception:
        return False
    return not isinstance(kr, fail.Keyring) and getattr(kr, "priority", 1) > 0


def set_secret(name: str, value: str) -> SecretResult:
    import keyring
    import keyring.errors

    with _lock:
        _session[(SERVICE, name)] = value
    if not _backend_ok():
        return SecretResult(False, NO_KEYRING_MESSAGE)
    try:
        keyring.set_password(SERVICE, name, value)
    except (keyring.errors.KeyringError, RuntimeError, OSError):
        return SecretResult(False, NO_KEYRING_MESSAGE)
    return SecretResult(True)


def get_secret(name: str) -> str | None:
    import keyring
    import keyring.errors

    if _backend_ok():
        try:
            v = keyring.get_password(SERVICE, name)
            if v:
                return v
        except (keyring.errors.KeyringError, RuntimeError, OSError):
            pass
    with _lock:
        return _session.get((SERVICE, name))


def delete_secret(name: str) -> None:
    import keyring
    import keyring.errors

    with _lock:
        _session.pop((SERVICE, name), None)
    if _backend_ok():
        try:
            keyring.delete_password(SERVICE, name)
        except (keyring.errors.KeyringError, RuntimeError, OSError):
            pass


def keyring_available() -> bool:
    return _backend_ok()
