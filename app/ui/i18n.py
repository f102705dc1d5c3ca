"""The window's language: Qt translators for Wren's own strings and Qt's standard ones
(dialog buttons, context menus), chosen from the system locale or from Preferences, and the
layout direction that goes with it (Arabic lays the window out right to left).

Translations live in resources/translations/wren_<locale>.ts (sources, edited through
installers/translations.py) and .qm (compiled by `installers/translations.py release`).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from app.core.paths import resources_dir
from app.core.preferences import LANGUAGES

SYSTEM = ""  # the setting's value for "follow the system"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def resolve_language(choice: str | None, system: QLocale | None = None) -> str:
    """The shipped language to use: the explicit choice if shipped, else the first of the
    system's preferred UI languages that is shipped (exact match, then by language), else 'en'."""
    if choice and choice in LANGUAGES:
        return choice
    sys_loc = system or QLocale.system()
    for name in sys_loc.uiLanguages() or [sys_loc.name()]:
        code = name.replace("-", "_")
        if code in LANGUAGES:
            return code
        lang = code.split("_")[0]
        if lang == "en":
            return "en"
        for shipped in LANGUAGES:
            if shipped.split("_")[0] == lang:
                return shipped
    return "en"


class Translation:
    """The translators installed on the application (kept so they can be replaced)."""

    def __init__(self) -> None:
        self.language = "en"
        self.translators: list[QTranslator] = []


_current = Translation()


def current_language() -> str:
    return _current.language


def install_language(app: QCoreApplication, choice: str | None) -> str:
    """Install the translators for `choice` ('' = the system's language) and set the layout
    direction from the language's script. Returns the language code in use."""
    for t in _current.translators:
        app.removeTranslator(t)
    _current.translators = []
    code = resolve_language(choice)
    locale = QLocale(code)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # English first, for every language: it gives the plural forms of the sources ("1 token",
    # "2 tokens"), which a message not yet translated falls back to (the last installed
    # translator is asked first).
    files = [("wren_en", str(translations_dir()))]
    if code != "en":
        files += [(f"wren_{code}", str(translations_dir())), (f"qtbase_{code}", qt_dir)]
    for name, folder in files:
        t = QTranslator(app)
        if t.load(name, folder):
            app.installTranslator(t)
            _current.translators.append(t)
    # Numbers and dates: the system's own formats when the window speaks the system's language
    # (an English speaker in Germany keeps "40.000"), else the chosen language's.
    system = QLocale.system()
    if system.language() != locale.language() or system.name() == "C":
        QLocale.setDefault(locale)
    else:
        QLocale.setDefault(system)
    # Qt would take the direction from a translator's QT_LAYOUT_DIRECTION entry; setting it from
    # the locale's script makes it independent of which Qt translations happen to be shipped.
    rtl = locale.textDirection() == Qt.LayoutDirection.RightToLeft
    if hasattr(app, "setLayoutDirection"):
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl
                               else Qt.LayoutDirection.LeftToRight)
    _current.language = code
    return code
