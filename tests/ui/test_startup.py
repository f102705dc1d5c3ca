"""The window starts the way the CLI does (app.core.startup): it writes logs/wren.log and keeps
model-vetting verdicts in cache/vetted.json, so a second start does not vet the same model
again. Each start is its own process, as it is for a user (the verdicts of one process are
also remembered in memory)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

_START = r"""
import sys
from PySide6.QtWidgets import QApplication
from app.ui.app import create_window, setup_application
app = QApplication(sys.argv[:1])
setup_application(app)
win = create_window(sys.argv[1])
outcome = []
win.modelReady.connect(lambda s: (outcome.append("ready"), win.close()))
win.host.worker.modelFailed.connect(lambda m: (outcome.append("failed: " + m), win.close()))
win.show()
app.exec()
print(outcome[0] if outcome else "no outcome")
"""


def _start_window(data: Path) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("WREN_SKIP_VETTING", None)
    out = subprocess.run([sys.executable, "-c", _START, str(data)], capture_output=True,
                         text=True, env=env, cwd=str(ROOT), timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.strip().splitlines()[-1]


def test_window_start_logs_and_reuses_the_vetting_cache(tmp_path, starter_model):
    data = tmp_path / "data"
    assert _start_window(data) == "ready"
    log = data / "logs" / "wren.log"
    assert log.is_file(), "the window wrote no logs/wren.log"
    assert (data / "cache" / "vetted.json").is_file()
    assert _start_window(data) == "ready"
    lines = log.read_text(encoding="utf-8").splitlines()
    starts = [ln for ln in lines if "starting (window)" in ln]
    vetted = [ln for ln in lines if "vetting" in ln and starter_model.name in ln]
    assert len(starts) == 2, lines
    assert len(vetted) == 1, lines  # the second start found the verdict in cache/vetted.json
