"""The window's languages: every shipped locale complete, the translators' todo/fill round trip,
the language chosen from the system or Preferences (pytest-qt, offscreen)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator

from installers import translations as tr_tool

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "installers" / "translations.py"


@pytest.fixture(autouse=True)
def english_again(styled_app):
    yield
    from app.ui.i18n import install_language

    install_language(styled_app, "en")


@pytest.mark.parametrize("locale", tr_tool.LOCALES)
def test_shipped_locale_is_complete(locale: str) -> None:
    """No unfinished, missing or obsolete message, and the committed .qm is what its .ts
    compiles to. Fix with: translations.py update / todo / fill / release (docs/accessibility.md)."""
    (rep,) = tr_tool.check((locale,))
    assert rep.total > 0
    assert not rep.missing, f"{locale}: {len(rep.missing)} missing, e.g. {rep.missing[:3]}"
    assert not rep.obsolete, f"{locale}: {len(rep.obsolete)} obsolete, e.g. {rep.obsolete[:3]}"
    assert not rep.unfinished, (f"{locale}: {len(rep.unfinished)} of {rep.total} unfinished, "
                                f"e.g. {rep.unfinished[:3]}")
    assert not rep.qm_stale, f"{locale}: wren_{locale}.qm is older than its .ts: run release"


def test_todo_fill_release_round_trip(tmp_path: Path) -> None:
    folder = tmp_path / "tr"
    folder.mkdir()
    # A copy of the French file with every message unfinished again, as a new language starts.
    ts = tr_tool.ts_path("fr").read_text(encoding="utf-8")
    (folder / "wren_fr.ts").write_text(ts.replace("<translation>", '<translation type="unfinished">'),
                                       encoding="utf-8")
    todo = tr_tool.todo("fr", folder)
    by = {(e["context"], e["source"]): e for e in todo}
    menu = by.get(("MainWindow", "&File"))
    plural = next(e for e in todo if e["plural"])
    loading = next(e for e in todo if e["source"] == "Loading {name}…")
    assert menu is not None and menu["forms"] == 1 and not menu["plural"]
    assert plural["forms"] == len(plural["translation"]) >= 2  # French: singular and plural
    entries = [
        {**menu, "translation": "&Fichier"},
        {**loading, "translation": "Chargement de {nom}…"},  # a renamed placeholder: refused
        {**plural, "translation": ["seulement une"]},  # too few forms: refused
    ]
    written, problems = tr_tool.fill("fr", entries, folder)
    assert written == 1
    assert len(problems) == 2 and "placeholders" in problems[0] and "plural forms" in problems[1]
    left = {(e["context"], e["source"]) for e in tr_tool.todo("fr", folder)}
    assert ("MainWindow", "&File") not in left and ("MainWindow", "Loading {name}…") in left
    forms = [f"%Ln jeton{'s' if i else ''}" for i in range(plural["forms"])]
    written, problems = tr_tool.fill("fr", [{**plural, "translation": forms},
                                            {**loading, "translation": "Chargement de {name}…"}],
                                     folder)
    assert (written, problems) == (2, [])
    qm = folder / "wren_fr.qm"
    tr_tool.run_lrelease(tr_tool.ts_path("fr", folder), qm)
    t = QTranslator()
    assert t.load(str(qm))
    assert t.translate("MainWindow", "&File") == "&Fichier"
    assert t.translate("MainWindow", "Loading {name}…") == "Chargement de {name}…"
    assert t.translate(plural["context"], plural["source"], plural["comment"] or None, 2) == forms[1]


def test_the_command_line_for_translators(tmp_path: Path) -> None:
    out = tmp_path / "de.json"
    r = subprocess.run([sys.executable, str(SCRIPT), "todo", "de", "-o", str(out)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    items = json.loads(out.read_text(encoding="utf-8"))
    assert all({"context", "source", "comment", "plural", "forms", "translation"} <= set(e)
               for e in items)
    # Bad input: one line, exit 2, nothing written.
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    before = tr_tool.ts_path("de").read_bytes()
    r = subprocess.run([sys.executable, str(SCRIPT), "fill", "de", str(bad)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "cannot read" in r.stderr
    bad.write_text('{"a": 1}', encoding="utf-8")
    r = subprocess.run([sys.executable, str(SCRIPT), "fill", "de", str(bad)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and "JSON list" in r.stderr
    assert tr_tool.ts_path("de").read_bytes() == before


@pytest.mark.parametrize(("system", "expected"), [
    ("fr_CA", "fr"), ("de_AT", "de"), ("pt_BR", "pt_BR"), ("pt_PT", "pt_BR"), ("zh_CN", "zh_CN"),
    ("ja_JP", "ja"), ("ar_EG", "ar"), ("en_GB", "en"), ("ko_KR", "en"), ("es_MX", "es"),
])
def test_language_follows_the_system(system: str, expected: str) -> None:
    from app.ui.i18n import resolve_language

    assert resolve_language("", QLocale(system)) == expected
    assert resolve_language("ja", QLocale(system)) == "ja"  # a choice in Preferences wins


def test_german_window_from_the_shipped_files(qtbot, styled_app, data_dir) -> None:
    """The handful of German strings translated on this branch reach the window."""
    from app.core import setting_names
    from app.core.store import Store
    from app.ui.app import create_window

    s = Store(data_dir / "wren.db")
    s.set_setting(setting_names.UI_LANGUAGE, "de")
    s.close()
    win = create_window(str(data_dir), autoload=False)
    try:
        menus = [a.text() for a in win.menuBar().actions()]
        assert menus[0] == "&Datei" and "&Hilfe" in menus, menus
        assert win.act_new.text() == "&Neuer Chat"
        from app.ui.chat_controller import reply_detail

        assert reply_detail(1, None) == "1 Token" and reply_detail(2, None) == "2 Tokens"
        # Messages written outside the window's class keep their own translation context.
        flashed: list[str] = []
        win.flash = lambda text, ms=6000: flashed.append(text)  # type: ignore[method-assign]
        win.conv_id = None
        assert win.export_conversation() is None
        assert flashed == ["Öffnen Sie eine Unterhaltung, um sie zu exportieren."]
    finally:
        win.close()  # stops the inference thread
        win.store.close()
        win.deleteLater()


def test_preferences_offer_the_languages_and_store_the_choice(qtbot, make_window) -> None:
    from app.core import setting_names
    from app.core.preferences import read_preferences
    from app.ui.i18n import LANGUAGES

    win = make_window(wait_model=False)
    dlg = win.settings.preferences_dialog()
    qtbot.addWidget(dlg)
    codes = [dlg.language.itemData(i) for i in range(dlg.language.count())]
    assert codes == ["", *LANGUAGES]
    assert dlg.language.itemText(codes.index("ar")) == "العربية"
    dlg.language.setCurrentIndex(codes.index("ja"))
    win.settings.apply_preferences(dlg)
    assert win.store.get_setting(setting_names.UI_LANGUAGE) == "ja"
    assert read_preferences(win.store).language == "ja"
    assert "starts again" in win.status.text()
    win.store.set_setting(setting_names.UI_LANGUAGE, "xx")  # a value from elsewhere: ignored
    assert read_preferences(win.store).language == ""
