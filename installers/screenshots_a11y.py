"""Screenshots for docs/accessibility.md: the window at 100 % and 200 % text, in German, and in
Arabic (right to left), each after one real exchange with the starter model.

    python installers/screenshots_a11y.py [OUT_DIR]     (default docs/images)

Runs offscreen; each shot is made in a fresh process, since the text size and the language are
chosen before the window is built.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOTS = {  # file name -> (language, text scale)
    "window-text-100.png": ("en", 1.0),
    "window-text-200.png": ("en", 2.0),
    "window-de.png": ("de", 1.0),
    "window-ar.png": ("ar", 1.0),
}


def one(out: Path, language: str, scale: float) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from app.core import setting_names
    from app.core.store import Store
    from app.ui.app import create_window, setup_application
    from app.ui.settings_dialog import DEFAULT_SETTINGS_SETTING, ChatSettings

    app = QApplication(["wren"])
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * scale)  # as a system text size of 200 % would
    app.setFont(font)
    setup_application(app)
    with tempfile.TemporaryDirectory() as tmp:
        s = Store(Path(tmp) / "wren.db")
        s.set_setting(setting_names.UI_LANGUAGE, language)
        s.set_setting(DEFAULT_SETTINGS_SETTING,
                      ChatSettings(max_tokens=40, temperature=0.0).to_dict())
        s.close()
        win = create_window(tmp)
        done: list[object] = []
        win.modelReady.connect(lambda *_: win.send("What is a wren? One sentence."))
        win.replyFinished.connect(done.append)
        win.replyError.connect(done.append)
        win.resize(int(1000 * min(scale, 1.4)), int(680 * min(scale, 1.4)))
        win.show()
        while not done:
            app.processEvents()
        win.chat.view.scroll_to_bottom()
        for _ in range(20):
            app.processEvents()
        assert win.grab().save(str(out)), out
        win.close()


def main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[0] == "--one":
        one(Path(argv[1]), argv[2], float(argv[3]))
        return 0
    out_dir = Path(argv[0]) if argv else ROOT / "docs" / "images"
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, (lang, scale) in SHOTS.items():
        subprocess.run([sys.executable, __file__, "--one", str(out_dir / name), lang, str(scale)],
                       check=True)
        print(out_dir / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
