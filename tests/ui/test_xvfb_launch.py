"""Start the real window (`python main.py --data-dir TMP`) on a real X server (Xvfb), once.

The offscreen platform needs none of the xcb libraries a user's desktop launch needs; this test
catches "Could not load the Qt platform plugin xcb" and similar start-up failures.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.system_tools import require_tools, require_xcb_libraries

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.xvfb


def _free_display() -> int:
    for n in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    pytest.fail("no free X display number")


def test_window_appears_under_xvfb(data_dir):
    require_tools("xvfb", "Xvfb")
    require_tools("xdotool", "xdotool")
    require_xcb_libraries()
    n = _free_display()
    xvfb = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    app = None
    try:
        deadline = time.monotonic() + 15
        while not Path(f"/tmp/.X11-unix/X{n}").exists():
            assert xvfb.poll() is None, "Xvfb exited"
            assert time.monotonic() < deadline, "Xvfb did not start"
            time.sleep(0.1)
        env = dict(os.environ, DISPLAY=f":{n}", QT_QPA_PLATFORM="xcb")
        app = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir)],
                               cwd=str(ROOT), env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
        wid = ""
        deadline = time.monotonic() + 60
        while not wid:
            if app.poll() is not None:
                pytest.fail(f"the window process exited ({app.returncode}): {app.stderr.read()[-800:]}")
            assert time.monotonic() < deadline, "no window named Wren appeared"
            r = subprocess.run(["xdotool", "search", "--name", "Wren"], env=env,
                               capture_output=True, text=True)
            wid = r.stdout.split()[0] if r.stdout.strip() else ""
            time.sleep(0.3)
        name = subprocess.run(["xdotool", "getwindowname", wid], env=env, capture_output=True,
                              text=True).stdout.strip()
        assert "Wren" in name
        # Let it load the starter model, then end it as a session logout does (SIGTERM): the
        # window closes the normal way (worker stopped, thread joined) and exits with code 0.
        time.sleep(3)
        app.terminate()
        rc = app.wait(timeout=60)
        err = app.stderr.read()
        assert rc == 0, err[-800:]
        assert "QThread: Destroyed" not in err and "Traceback" not in err
        assert (data_dir / "wren.db").is_file()
    finally:
        if app is not None and app.poll() is None:
            app.kill()
            app.wait()
        xvfb.terminate()
        xvfb.wait(timeout=10)
