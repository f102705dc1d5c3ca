"""Start the window: `run(data_dir)` is what `python main.py` calls (app/cli.py)."""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.core.errors import WrenError
from app.core.paths import resources_dir
from app.ui.chat_view import is_dark, mix_colors

# Set by the launch benchmark: print the monotonic time the first frame was painted, then quit.
ENV_EXIT_AFTER_SHOWN = "WREN_EXIT_AFTER_SHOWN"


def app_icon() -> QIcon:
    icon = QIcon()
    d = resources_dir() / "icons"
    for name in ("wren.svg", "wren-256.png", "wren-64.png"):
        if (d / name).is_file():
            icon.addFile(str(d / name))
    return icon


def high_contrast(palette: QPalette | None = None) -> bool:
    """The system asks for high contrast: Qt >= 6.10 says so through its accessibility hints;
    otherwise a palette of (nearly) pure black and white is taken as a high-contrast theme."""
    hints = QGuiApplication.styleHints()
    acc = getattr(hints, "accessibility", None)
    if acc is not None:
        try:
            pref = acc().contrastPreference()
            if pref == Qt.ContrastPreference.HighContrast:
                return True
        except (AttributeError, RuntimeError):
            pass
    p = palette or QGuiApplication.palette()
    text = p.color(QPalette.ColorRole.WindowText).lightness()
    window = p.color(QPalette.ColorRole.Window).lightness()
    return abs(text - window) >= 250


def style_sheet(palette: QPalette, contrast: bool | None = None) -> str:
    """Colours derived from the system palette, so light and dark themes both look right. In
    high contrast nothing is muted or tinted: the theme's own text and background colours are
    used, with solid borders."""
    if contrast if contrast is not None else high_contrast(palette):
        return high_contrast_style_sheet(palette)
    base = palette.color(QPalette.ColorRole.Base)
    window = palette.color(QPalette.ColorRole.Window)
    hi = palette.color(QPalette.ColorRole.Highlight)
    text = palette.color(QPalette.ColorRole.Text)
    dark = is_dark(palette)
    user_bg = mix_colors(base, hi, 0.22 if dark else 0.12)
    asst_bg = mix_colors(base, window, 0.35)
    border = mix_colors(base, text, 0.12)
    warn = mix_colors(base, QColor("#e0a030"), 0.28)
    # 30 % towards the background keeps secondary text above WCAG's 4.5:1 contrast.
    muted = mix_colors(text, base, 0.30)
    return f"""
    QWidget#chatColumn {{ background: {base.name()}; }}
    QFrame#userMessage {{ background: {user_bg.name()}; border-radius: 10px; }}
    QFrame#assistantMessage {{ background: {asst_bg.name()}; border: 1px solid {border.name()};
                               border-radius: 10px; }}
    QLabel#messageDetail {{ color: {muted.name()}; }}
    QLabel#messageAuthor {{ font-weight: bold; }}
    QTextBrowser#messageBody {{ background: transparent; border: 2px solid transparent;
                                border-radius: 4px; }}
    QTextBrowser#messageBody:focus {{ border: 2px solid {hi.name()}; }}
    QToolButton:focus {{ border: 2px solid {hi.name()}; border-radius: 4px; }}
    QLabel#emptyState {{ color: {muted.name()}; padding: 40px; }}
    QLabel#modelInfo {{ color: {muted.name()}; }}
    QWidget#modelBar {{ border-bottom: 1px solid {border.name()}; }}
    QFrame#overflowBanner {{ background: {warn.name()}; border-top: 1px solid {border.name()}; }}
    QLabel#noticeBanner {{ background: {warn.name()}; padding: 6px 12px; }}
    QPlainTextEdit {{ border: 1px solid {border.name()}; border-radius: 8px; padding: 4px; }}
    QToolButton {{ color: {muted.name()}; }}
    """


def high_contrast_style_sheet(palette: QPalette) -> str:
    text = palette.color(QPalette.ColorRole.Text).name()
    base = palette.color(QPalette.ColorRole.Base).name()
    hi = palette.color(QPalette.ColorRole.Highlight).name()
    return f"""
    QWidget#chatColumn {{ background: {base}; }}
    QFrame#userMessage, QFrame#assistantMessage {{ background: {base}; border: 2px solid {text};
                                                 border-radius: 6px; }}
    QLabel#messageAuthor {{ font-weight: bold; }}
    QTextBrowser#messageBody {{ background: transparent; border: 3px solid transparent; }}
    QTextBrowser#messageBody:focus {{ border: 3px solid {hi}; }}
    QToolButton:focus, QPushButton:focus {{ border: 3px solid {hi}; }}
    QWidget#modelBar {{ border-bottom: 2px solid {text}; }}
    QFrame#overflowBanner, QLabel#noticeBanner {{ border: 2px solid {text}; padding: 6px 12px; }}
    QPlainTextEdit {{ border: 2px solid {text}; padding: 4px; }}
    QPlainTextEdit:focus {{ border: 3px solid {hi}; }}
    """


class _ThemeWatcher(QObject):
    """Re-applies the style sheet when the system switches between light and dark.

    (No application-wide eventFilter: PySide6 6.12 leaks a reference to the returned bool on
    every filtered event, which crashes the interpreter at exit after a long session.)
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(lambda *_: QTimer.singleShot(0, self.apply))
        acc = getattr(hints, "accessibility", None)
        if acc is not None and hasattr(acc(), "contrastPreferenceChanged"):
            acc().contrastPreferenceChanged.connect(lambda *_: QTimer.singleShot(0, self.apply))

    def apply(self) -> None:
        self.app.setStyleSheet(style_sheet(self.app.palette()))


def setup_application(app: QApplication, language: str | None = None) -> None:
    """Names, icon, style sheet, and the language (None: the system's, or the one chosen in
    Preferences once the store is open; see create_window)."""
    app.setApplicationName("Wren")
    app.setApplicationDisplayName("Wren")
    app.setOrganizationName("Wren")
    app.setDesktopFileName("wren")
    app.setWindowIcon(app_icon())
    from app.ui.i18n import install_language

    install_language(app, language)
    watcher = _ThemeWatcher(app)
    watcher.apply()
    app.setProperty("_wren_theme_watcher", True)
    app._wren_theme = watcher  # type: ignore[attr-defined]  # keep it alive


def create_window(data_dir: str | None, *, autoload: bool = True,
                  documents: Sequence[str] = ()) -> QWidget:
    """Open the store (checked, restored from a backup if damaged) and build the main window
    (used by run() and by tests). `documents` are summarized once the model is loaded."""
    from app.core.backup import open_store
    from app.core.startup import start
    from app.ui.main_window import MainWindow

    # As every front end starts: logs/wren.log, the vetting and backend caches.
    # (huggingface_hub is quieted when the window imports it, after its first frame.)
    data = start(data_dir, "window", quiet_hub=False)
    store, notice = open_store(data)
    qapp = QApplication.instance()
    if qapp is not None:
        from app.core.setting_names import UI_LANGUAGE
        from app.ui.i18n import current_language, install_language, resolve_language

        chosen = str(store.get_setting(UI_LANGUAGE, "") or "")
        if resolve_language(chosen) != current_language():
            install_language(qapp, chosen)
    win = MainWindow(store, data, autoload=autoload)
    win.destroyed.connect(lambda *_: store.close())
    win.show_store_notice(notice)
    if documents:
        win.docs.pending.extend(str(d) for d in documents)
    return win


def _close_on_signals(win: QWidget) -> None:
    """SIGTERM/SIGINT (logout, Ctrl+C in a terminal) close the window the normal way, so a
    streaming reply is stopped and stored. Python only runs signal handlers between bytecodes,
    so a light timer gives it the chance while Qt's loop is idle."""
    import signal

    def handler(*_: object) -> None:
        QTimer.singleShot(0, win.close)

    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            signal.signal(sig, handler)
        except (ValueError, OSError):  # not the main thread, or unsupported here
            pass
    tick = QTimer(win)
    tick.setInterval(250)
    tick.timeout.connect(lambda: None)
    tick.start()


def run(data_dir: str | None, documents: Sequence[str] = ()) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    setup_application(app)
    try:
        win = create_window(data_dir, documents=documents)
    except WrenError as e:
        QMessageBox.critical(None, QCoreApplication.translate("Wren", "Wren cannot start"),
                             e.message)
        print(f"wren: error: {e.message}", file=sys.stderr)
        return e.exit_code
    win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _close_on_signals(win)
    win.show()
    if os.environ.get(ENV_EXIT_AFTER_SHOWN):
        def _report() -> None:  # when the first frame has been painted
            print(f"WREN_SHOWN {time.monotonic():.6f}", flush=True)
            QTimer.singleShot(0, win.close)
        win.model_bar.firstPainted.connect(_report)
    # However the event loop ends (window closed, app.exit() from a session manager or a
    # probe), the inference thread must be stopped before Python tears Qt down; otherwise Qt
    # aborts with "QThread: Destroyed while thread is still running".
    host = win.host

    def _stop_worker() -> None:
        try:
            host.shutdown()
        except RuntimeError:  # already deleted with the window: it was shut down then
            pass

    app.aboutToQuit.connect(_stop_worker)
    code = int(app.exec())
    _stop_worker()
    return code
