"""A real keyring backend whose store is broken: every call raises KeyringError.

What a locked or crashed Secret Service, or a corrupt Windows credential store, looks like to
the `keyring` package. Select it in a child process with
PYTHON_KEYRING_BACKEND=tests.reliability.failing_keyring.FailingKeyring.
"""
from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import KeyringError


class FailingKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]  # a usable-looking backend, unlike keyring's `fail`

    calls = 0

    def _fail(self) -> None:
        type(self).calls += 1
        raise KeyringError("the keyring daemon is not answering (test backend)")

    def get_password(self, service: str, username: str) -> str | None:
        self._fail()
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self._fail()

    def delete_password(self, service: str, username: str) -> None:
        self._fail()
