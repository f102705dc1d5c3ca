"""PyInstaller runtime hook: lets the smoke test see the window open, then close it.

Inert unless WREN_SMOKE_WINDOW names a file. Then, when the app enters Qt's event loop, a timer
watches for the first visible top-level window; it writes {"title", "class", "shown_at"} (Unix
time) to that file and ends the event loop. Nothing in app/ needs to know about it, so it works
with whatever window app.ui builds, offscreen or on a real display. Also used (via
installers/smoke.py) on `python main.py` so both starts are timed the same way.
"""
import os


def _install_window_probe(result_path: str) -> None:
    import json
    import time

    from PySide6 import QtCore, QtWidgets

    original_exec = QtWidgets.QApplication.exec

    def exec_with_probe(*args, **kwargs):
        app = QtWidgets.QApplication.instance()
        timer = QtCore.QTimer(app)

        def poll() -> None:
            shown = [w for w in app.topLevelWidgets() if w.isWindow() and w.isVisible()]
            if not shown:
                return
            timer.stop()
            w = shown[0]
            with open(result_path, "w", encoding="utf-8") as f:
                json.dump({"title": w.windowTitle(), "class": type(w).__name__,
                           "shown_at": time.time()}, f)
            # exit(), not quit(): don't ask windows to close (a close handler might prompt).
            QtCore.QTimer.singleShot(200, lambda: app.exit(0))

        timer.timeout.connect(poll)
        timer.start(20)
        return original_exec()  # a static method: app.exec() and QApplication.exec() alike

    QtWidgets.QApplication.exec = exec_with_probe


if os.environ.get("WREN_SMOKE_WINDOW"):
    _install_window_probe(os.environ["WREN_SMOKE_WINDOW"])
