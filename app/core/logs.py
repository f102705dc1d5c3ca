"""Log records go to a file in the data dir (logs/wren.log), never to the terminal.

Without a handler, Python prints warnings through `logging.lastResort` on stderr, and
huggingface_hub prints its retry warnings through its own stderr handler: a failing CLI command
then printed several lines instead of its one-line error. Secrets never reach log records
(messages carry names and sizes, not headers), so the file may be attached to bug reports.
"""
from __future__ import annotations

import logging
import logging.handlers

from app.core.paths import DataDir

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_installed: logging.Handler | None = None


def setup_file_logging(data: DataDir, level: int = logging.INFO) -> logging.Handler | None:
    """Send the `wren` and `huggingface_hub` loggers to logs/wren.log (1 MB, 2 backups)."""
    global _installed
    if _installed is not None:
        return _installed
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
    try:
        from huggingface_hub.utils import logging as hf_logging

        hf_logging.disable_default_handler()
    except (ImportError, AttributeError):
        pass
    for name in ("wren", "huggingface_hub"):
        lg = logging.getLogger(name)
        lg.addHandler(handler)
        lg.propagate = False
        if lg.level == logging.NOTSET or lg.level > level:
            lg.setLevel(level)
    _installed = handler
    return handler
