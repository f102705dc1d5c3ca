"""The window appears first; the work it does not need for its first frame comes after.

Launch time is measured by tests/benchmarks/bench_gui.py, not here. These tests guard the
structure that makes it fast: no heavy module is imported before the first paint, and model
loading, remote-engine queries and the Markdown warm-up start only once the frame is painted.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

# Each of these costs tens to hundreds of milliseconds to import on this machine.
HEAVY = ["gguf", "numpy", "sqlite_utils", "llama_cpp", "jinja2", "markdown_it", "pygments",
         "openai", "huggingface_hub", "keyring", "yaml"]

_PROBE = r"""
import json, sys
from PySide6.QtWidgets import QApplication
from app.ui.app import create_window, setup_application
app = QApplication(sys.argv[:1])
setup_application(app)
win = create_window(sys.argv[1])
seen = {}
def painted():
    seen["at_first_paint"] = sorted(m for m in json.loads(sys.argv[2]) if m in sys.modules)
    win.close()
win.model_bar.firstPainted.connect(painted)
win.show()
app.exec()
print(json.dumps(seen))
"""


def test_no_heavy_module_is_imported_before_the_first_frame(tmp_path, starter_model):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", _PROBE, str(tmp_path / "data"), json.dumps(HEAVY)],
                         capture_output=True, text=True, env=env, cwd=str(ROOT), timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["at_first_paint"] == [], (
        f"imported before the window's first frame: {seen['at_first_paint']}")


def test_model_loads_after_the_first_frame(styled_app, qtbot, data_dir, starter_model):
    from app.ui.app import create_window

    win = create_window(str(data_dir))
    order: list[str] = []
    win.model_bar.firstPainted.connect(lambda: order.append("painted"))
    win.host.worker.modelLoading.connect(lambda *_: order.append("loading"))
    try:
        with qtbot.waitSignal(win.modelReady, timeout=60000):
            win.show()
        assert order[:2] == ["painted", "loading"]
        assert win.model_state is not None and win.model_state.path == str(starter_model)
    finally:
        win.close()
        win.store.close()
        win.deleteLater()


def test_a_window_never_shown_still_loads_its_model(styled_app, qtbot, data_dir, starter_model):
    from app.ui.app import create_window

    win = create_window(str(data_dir))
    try:
        with qtbot.waitSignal(win.modelReady, timeout=60000):
            pass  # no show(): nothing will be painted, the start must not wait for it
        assert not win.isVisible()
        assert win.model_state is not None
    finally:
        win.close()
        win.store.close()
        win.deleteLater()
