"""Fixtures for the window tests: the real window on the real starter model, offscreen.

Qt warnings fail tests (pyproject: qt_log_level_fail), and so does a QThread left running.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def no_running_qthreads():
    """Fail a test that leaves one of the UI's QThreads running (napari's rule)."""
    yield
    from app.ui.worker import LIVE_THREADS

    deadline = time.monotonic() + 5.0
    running = [t for t in list(LIVE_THREADS) if t.isRunning()]
    while running and time.monotonic() < deadline:
        time.sleep(0.05)
        running = [t for t in list(LIVE_THREADS) if t.isRunning()]
    assert not running, f"QThreads left running: {[t.objectName() for t in running]}"


@pytest.fixture
def styled_app(qapp):
    from app.ui.app import setup_application

    setup_application(qapp)
    return qapp


def seed_defaults(data_dir: Path, **settings) -> None:
    """Default chat settings for new conversations (short replies keep tests fast)."""
    from app.core.chat_settings import DEFAULT_SETTINGS_SETTING, ChatSettings
    from app.core.store import Store

    s = Store(data_dir / "wren.db")
    s.set_setting(DEFAULT_SETTINGS_SETTING, ChatSettings.from_dict(settings).to_dict())
    s.close()


class WindowFactory:
    def __init__(self, qtbot, data_dir: Path):
        self.qtbot = qtbot
        self.data_dir = data_dir
        self.windows: list = []

    def __call__(self, *, wait_model: bool = True, **defaults):
        from app.ui.app import create_window

        if defaults:
            seed_defaults(self.data_dir, **defaults)
        win = create_window(str(self.data_dir))
        self.windows.append(win)
        if wait_model:
            with self.qtbot.waitSignal(win.modelReady, timeout=60000):
                win.show()
        else:
            win.show()
        self.qtbot.waitExposed(win)
        return win

    def close_all(self) -> None:
        for w in self.windows:
            if w.host.running:
                w.close()
            w.store.close()
            w.deleteLater()
        self.windows.clear()


@pytest.fixture
def make_window(styled_app, qtbot, data_dir: Path, starter_model: Path):
    f = WindowFactory(qtbot, data_dir)
    yield f
    f.close_all()


def shot(widget, tmp_path: Path, name: str) -> Path:
    """Save a screenshot (widget.grab()) into the test's tmp dir; returns its path."""
    p = tmp_path / f"{name}.png"
    assert widget.grab().save(str(p)), f"could not save {p}"
    return p
