"""Errors that carry a message meant for the person using Wren.

`WrenError` messages are shown as-is (one line, no traceback). `BadInput` marks problems with
what the user gave us (a file, a model, an argument): the CLI exits with code 2 for those.
"""
from __future__ import annotations


class WrenError(Exception):
    """A failure with a clear, one-line message for the user."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class BadInput(WrenError):
    """The user's input (file, model, argument) cannot be used. CLI exit code 2."""

    exit_code = 2


class ModelFileError(BadInput):
    """A model file is missing, unreadable, not GGUF, corrupt or unsupported."""


class ContextOverflow(BadInput):
    """A prompt cannot fit in the model's context (or in the RAM available for it)."""


class StoreError(WrenError):
    """The database cannot be used."""


class DiskFullError(StoreError):
    """The disk holding Wren's data is full."""


class Cancelled(WrenError):
    """The user cancelled a running job."""

    def __init__(self, message: str = "Cancelled"):
        super().__init__(message)
