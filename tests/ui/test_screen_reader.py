"""What a screen reader hears: the real window (`python main.py`) on a real X server (Xvfb), its
accessibility bridge on a real AT-SPI bus, and a listener that registers for events exactly as
Orca does (libatspi through PyGObject). Keys are typed with xdotool.

Needs Debian's xvfb, xdotool, dbus, at-spi2-core, python3-gi and gir1.2-atspi-2.0.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.ui.conftest import seed_defaults

ROOT = Path(__file__).resolve().parents[2]
LISTENER = Path(__file__).with_name("atspi_listener.py")
SYSTEM_PYTHON = "/usr/bin/python3"

pytestmark = pytest.mark.xvfb


def _has_atspi() -> bool:
    if not Path(SYSTEM_PYTHON).is_file():
        return False
    r = subprocess.run([SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0'); "
                        "from gi.repository import Atspi"], capture_output=True)
    return r.returncode == 0


MISSING = [tool for tool in ("Xvfb", "xdotool", "dbus-daemon") if shutil.which(tool) is None]
if not Path("/usr/libexec/at-spi-bus-launcher").exists():
    MISSING.append("at-spi-bus-launcher")
if not MISSING and not _has_atspi():
    MISSING.append("Atspi for python3")
SKIP = pytest.mark.skipif(bool(MISSING), reason=(
    f"{', '.join(MISSING)} missing (apt-get install xvfb xdotool dbus at-spi2-core python3-gi "
    "gir1.2-atspi-2.0)"))


def _free_display() -> int:
    for n in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    pytest.fail("no free X display number")


class Events:
    def __init__(self, path: Path) -> None:
        self.path = path

    def all(self) -> list[dict]:
        if not self.path.exists():
            return []
        return [json.loads(line) for line in self.path.read_text(encoding="utf-8").splitlines()
                if line.strip()]

    def announcements(self) -> list[str]:
        return [str(e.get("any_data")) for e in self.all() if e["type"] == "object:announcement"]

    def wait_for(self, pred, what: str, procs: list[subprocess.Popen], timeout: float = 120) -> str:
        """Wait (polling the listener's file) for an announcement that satisfies `pred`."""
        deadline = time.monotonic() + timeout
        while True:
            hit = next((a for a in self.announcements() if pred(a)), None)
            if hit is not None:
                return hit
            for p in procs:
                if p.poll() is not None:
                    err = p.stderr.read()[-1500:] if p.stderr else ""
                    pytest.fail(f"{p.args[0]} exited ({p.returncode}) before {what}: {err}")
            if time.monotonic() > deadline:
                pytest.fail(f"no announcement {what}; heard: {self.announcements()}")
            time.sleep(0.2)


@SKIP
def test_a_screen_reader_hears_the_model_ready_and_a_finished_reply(qapp, data_dir: Path,
                                                                   tmp_path: Path) -> None:
    seed_defaults(data_dir, max_tokens=12, temperature=0.0)
    procs: list[subprocess.Popen] = []
    try:
        bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        procs.append(bus)
        address = bus.stdout.readline().strip()
        assert address, "dbus-daemon printed no address"
        n = _free_display()
        xvfb = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(xvfb)
        deadline = time.monotonic() + 15
        while not Path(f"/tmp/.X11-unix/X{n}").exists():
            assert xvfb.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
            time.sleep(0.1)
        env = dict(os.environ, DISPLAY=f":{n}", DBUS_SESSION_BUS_ADDRESS=address)
        env.pop("QT_QPA_PLATFORM", None)
        events = Events(tmp_path / "events.jsonl")
        listener = subprocess.Popen([SYSTEM_PYTHON, str(LISTENER), str(events.path), "object:"],
                                    env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                    text=True)
        procs.append(listener)
        deadline = time.monotonic() + 30
        while not any(e["type"] == "listening" for e in events.all()):
            assert listener.poll() is None, f"listener exited: {listener.stderr.read()[-800:]}"
            assert time.monotonic() < deadline, "the AT-SPI listener did not start"
            time.sleep(0.1)
        app_env = dict(env, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                       LANGUAGE="en", LC_ALL="C.UTF-8")
        app = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir)],
                               cwd=str(ROOT), env=app_env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
        procs.append(app)
        ready = events.wait_for(lambda a: a.endswith(" is ready."), "that the model is ready",
                                [app, listener])
        assert "smollm2" in ready.lower()
        # Only the keyboard from here: the message input has the focus when the window opens.
        wid = subprocess.run(["xdotool", "search", "--name", "Wren"], env=env,
                             capture_output=True, text=True).stdout.split()[0]
        subprocess.run(["xdotool", "windowfocus", "--sync", wid], env=env, check=True)
        subprocess.run(["xdotool", "type", "--delay", "20", "Say hello"], env=env, check=True)
        subprocess.run(["xdotool", "key", "Return"], env=env, check=True)
        said = events.wait_for(lambda a: a.startswith(("Reply finished. ", "Reply stopped. ")),
                               "of the finished reply", [app, listener])
        heard = next(e for e in events.all() if e["type"] == "object:announcement"
                     and e["any_data"] == said)
        assert heard["source"] == "Status"  # the live status line of the window
        print(f"screen reader heard: {ready!r}, then {said!r}")
        app.send_signal(signal.SIGTERM)
        assert app.wait(60) == 0
        from app.core.store import Store

        s = Store(data_dir / "wren.db")
        try:
            conv = s.list_conversations()[0]
            reply = [m for m in s.messages(conv.id) if m.role == "assistant"][-1]
        finally:
            s.close()
        from app.ui.accessibility import plain_for_speech

        assert reply.text.strip() and reply.status in ("complete", "cancelled")
        # The reply as text, Markdown marks removed: what the listener heard is the stored reply.
        assert said == f"Reply finished. {plain_for_speech(reply.text)}", (said, reply.text)
    finally:
        for p in reversed(procs):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()
