"""The one way the window runs work off the GUI thread (model: Anki's QueryOp).

`run_in_background(fn, on_done=..., on_failed=...)` calls `fn()` on a worker thread; its result
(or its error, as one line) comes back on the GUI thread. `fn` must not touch widgets; it may
call `report_progress(value)` (delivered to `on_progress` on the GUI thread) and read
`cancelled()` (set by `op.cancel()`) to stop early. Long-lived workers (a queue served until
stopped) use `start_worker_thread` / `stop_worker_thread` instead of hand-made QThreads.

The only exception is app/ui/worker.py: the inference thread owns the Llama for the window's
whole life and speaks through its own signals.
"""
from __future__ import annotations

import atexit
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal

from app.core.errors import WrenError
from app.ui.worker import LIVE_THREADS

_local = threading.local()


def report_progress(value: Any) -> None:
    """From inside an op's function: send `value` to its on_progress (on the GUI thread)."""
    op = getattr(_local, "op", None)
    if op is not None:
        op._progress.emit(value)


def cancelled() -> bool:
    """From inside an op's function: True once the op was cancelled (stop early)."""
    op = getattr(_local, "op", None)
    return op is not None and op._cancel.is_set()


def error_line(e: BaseException) -> str:
    """What an op's failure says: a WrenError's own message, else one line naming the bug."""
    if isinstance(e, WrenError):
        return e.message
    return QCoreApplication.translate("ModelManagerDialog", "unexpected error: {error}").format(
        error=type(e).__name__)


class BackgroundOp(QThread):
    """One blocking call off the GUI thread. Its signals are connected to its own methods: the
    op lives on the GUI thread, so they are queued there and the callbacks (any callable) run
    on the GUI thread."""

    _done = Signal(object)
    _failed = Signal(str)
    _progress = Signal(object)

    def __init__(self, fn: Callable[[], Any], *, on_done: Callable[[Any], None] | None = None,
                 on_failed: Callable[[str], None] | None = None,
                 on_progress: Callable[[Any], None] | None = None,
                 name: str = "wren-background", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._fn = fn
        self._on_done, self._on_failed, self._on_progress = on_done, on_failed, on_progress
        self._cancel = threading.Event()
        self._done.connect(self._deliver_done)
        self._failed.connect(self._deliver_failed)
        self._progress.connect(self._deliver_progress)
        LIVE_THREADS.add(self)  # the tests' check for threads left running
        self.finished.connect(self._forget)

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        _local.op = self
        try:
            result = self._fn()
        except Exception as e:  # a failure is one line for the user, never a crash
            self._failed.emit(error_line(e))
        else:
            self._done.emit(result)
        finally:
            _local.op = None

    def _forget(self) -> None:
        self.wait()  # `finished` comes just before the thread ends: let it end, then drop it
        LIVE_THREADS.discard(self)  # (its C++ side may go with its parent from now on)
        if self in _RUNNING:
            # Dropped from the event loop, not here: freeing the op inside its own slot
            # would delete the QObject that is delivering the call (a "pure virtual" abort).
            QTimer.singleShot(0, lambda: _RUNNING.discard(self))

    def _deliver_done(self, result: Any) -> None:
        if self._on_done is not None:
            self._on_done(result)

    def _deliver_failed(self, message: str) -> None:
        if self._on_failed is not None:
            self._on_failed(message)

    def _deliver_progress(self, value: Any) -> None:
        if self._on_progress is not None:
            self._on_progress(value)


_RUNNING: set[BackgroundOp] = set()  # ops without a Qt parent are kept alive until finished


def run_in_background(fn: Callable[[], Any], *, on_done: Callable[[Any], None] | None = None,
                      on_failed: Callable[[str], None] | None = None,
                      on_progress: Callable[[Any], None] | None = None,
                      name: str = "wren-background",
                      parent: QObject | None = None) -> BackgroundOp:
    """Start `fn()` on its own thread and return the op (wait() on it before its owner goes)."""
    op = BackgroundOp(fn, on_done=on_done, on_failed=on_failed, on_progress=on_progress,
                      name=name, parent=parent)
    if parent is None:
        _RUNNING.add(op)
    op.start()
    return op


def wait_all(ops: list[BackgroundOp] | None = None) -> None:
    """Wait for the given ops, or for every op without a Qt parent (the window closing: no
    thread may outlive it)."""
    for op in list(_RUNNING) if ops is None else ops:
        if op.isRunning():
            op.wait()
        _RUNNING.discard(op)
        LIVE_THREADS.discard(op)


class _WorkerThread(QThread):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        LIVE_THREADS.add(self)  # the tests' check for threads left running
        self.finished.connect(self._forget)  # queued here: this object lives on the GUI thread

    def _forget(self) -> None:
        self.wait()
        LIVE_THREADS.discard(self)


# Python must not tear a running QThread down at exit (Qt aborts the process).
atexit.register(wait_all)


def start_worker_thread(worker: QObject, parent: QObject, name: str,
                        run: Callable[[], None] | None = None) -> QThread:
    """A long-lived worker object on its own thread (its slots run there; what it emits reaches
    GUI objects queued); `run`, a slot of the worker, is started there at once (a loop served
    until stopped). Stop it with stop_worker_thread."""
    thread = _WorkerThread(parent)
    thread.setObjectName(name)
    worker.moveToThread(thread)
    if run is not None:
        thread.started.connect(run)
    thread.start()
    return thread


def stop_worker_thread(thread: QThread | None, timeout_ms: int = -1) -> None:
    """End a worker thread's event loop and wait for it."""
    if thread is not None and thread.isRunning():
        thread.quit()
        if timeout_ms < 0:
            thread.wait()
        else:
            thread.wait(timeout_ms)
    if thread is not None and not thread.isRunning():
        LIVE_THREADS.discard(thread)
