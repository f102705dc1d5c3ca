"""Log records go to a file in the data dir (logs/wren.log), never to the terminal.

Without a handler, Python prints warnings through `logging.lastResort` on stderr, and
huggingface_hub prints its retry warnings through its own stderr handler: a failing CLI command
then printed several lines instead of its one-line error. Secrets never reach log records
(messages carry names and sizes, not headers), so the file may be attached to bug reports.
"""
from __future__ import annotations

import logging
import logging.handlers
import os

from app.core.paths import DataDir

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_installed: logging.Handler | None = None
_installed_for = ""  # the log file _installed writes to


def quiet_hub_stderr() -> None:
    """Drop the stderr handler huggingface_hub adds to its logger when it is imported (its
    records still reach our file)."""
    try:
        import huggingface_hub.utils.logging  # noqa: F401  (adds that handler, once)
    except ImportError:
        return
    lg = logging.getLogger("huggingface_hub")
    for h in list(lg.handlers):
        if type(h) is logging.StreamHandler:
            lg.removeHandler(h)


def setup_file_logging(data: DataDir, level: int = logging.INFO, *,
                       quiet_hub: bool = True) -> logging.Handler | None:
    """Send the `wren` and `huggingface_hub` loggers to logs/wren.log (1 MB, 2 backups). Called
    again for another data dir, the records go to that one's file from then on. `quiet_hub`:
    also drop huggingface_hub's own stderr handler (this imports huggingface_hub)."""
    global _installed, _installed_for
    target = os.path.abspath(data.logs / "wren.log")
    if _installed is not None:
        if _installed_for == target:
            return _installed
        for name in ("wren", "huggingface_hub"):
            logging.getLogger(name).removeHandler(_installed)
        _installed.close()
        _installed = None
    try:
        data.logs.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            data.logs / "wren.log", maxBytes=1_000_000, backupCount=2, encoding="utf-8", delay=True)
    except OSError:  # a read-only or full data dir must not stop the app: drop the records
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(level)
    # An unwritable log file (disk full) must not print a "--- Logging error ---" traceback.
    logging.raiseExceptions = False
    if quiet_hub:
        quiet_hub_stderr()
    for name in ("wren", "huggingface_hub"):
        lg = logging.getLogger(name)
        lg.addHandler(handler)
        lg.propagate = False
        if lg.level == logging.NOTSET or lg.level > level:
            lg.setLevel(level)
    _installed, _installed_for = handler, target
    return handler
