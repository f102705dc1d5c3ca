"""Screen readers, keyboard only, large text: the accessibility tree of the window and of every
dialog, tabbing through the window, zoom, announcements, the right-to-left layout (pytest-qt,
offscreen, on the real starter model)."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from tests.fakehub import fake_hub  # noqa: F401
from tests.ui.test_window import send_and_wait

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")

MAX_NODES = 20000


def walk(root: QObject) -> list:
    """Every node of the accessibility tree under `root` (QAccessibleInterface objects)."""
    top = QAccessible.queryAccessibleInterface(root)
    assert top is not None and top.isValid()
    out, stack = [], [top]
    while stack and len(out) < MAX_NODES:
        node = stack.pop()
        out.append(node)
        for i in range(node.childCount()):
            child = node.child(i)
            if child is not None and child.isValid():
                stack.append(child)
    return out


def unnamed_focusable(root: QObject) -> tuple[int, list[str]]:
    """(focusable visible controls checked, the ones a screen reader could not name)."""
    checked, bad = 0, []
    for node in walk(root):
        st = node.state()
        if not st.focusable or st.invisible:
            continue
        checked += 1
        name = node.text(QAccessible.Text.Name).strip()
        if not name:
            obj = node.object()
            bad.append(f"{type(obj).__name__ if obj else '?'} role={node.role()} "
                       f"object={obj.objectName() if obj else ''}")
    return checked, bad


CHECKED: dict[str, int] = {}  # label -> controls checked (printed with -s)


def assert_all_named(root: QObject, label: str) -> int:
    checked, bad = unnamed_focusable(root)
    CHECKED[label] = checked
    print(f"accessibility: {label}: {checked} focusable controls named")
    assert checked > 0, f"{label}: no focusable control found at all"
    assert not bad, f"{label}: focusable controls without an accessible name: {bad}"
    return checked


@pytest.fixture(autouse=True)
def english_again(styled_app):
    """A test that switches the language leaves the application in English."""
    yield
    from app.ui.i18n import install_language

    install_language(styled_app, "en")


def test_main_window_tree_names_every_control_and_messages_say_who_and_status(qtbot, make_window) -> None:
    win = make_window(max_tokens=8)
    send_and_wait(qtbot, win, "Hello")
    n = assert_all_named(win, "main window")
    assert n >= 12
    # Each message is a text element: named by author (and model and status), its text readable.
    reply = win.chat.view.widgets[-1]
    iface = QAccessible.queryAccessibleInterface(reply.segments[0])
    name = iface.text(QAccessible.Text.Name)
    assert name.startswith("Assistant, ") and name.endswith(", finished"), name
    assert iface.text(QAccessible.Text.Description) == reply.data.detail
    assert "token" in reply.data.detail
    ti = iface.textInterface()
    from app.ui.accessibility import plain_for_speech

    assert ti is not None  # the rendered reply (Markdown marks gone), as a reader hears it
    assert " ".join(ti.text(0, ti.characterCount()).split()) == plain_for_speech(reply.data.text)
    user = QAccessible.queryAccessibleInterface(win.chat.view.widgets[-2].segments[0])
    assert user.text(QAccessible.Text.Name) == "You"
    # Roles: buttons are buttons, the message input is editable text, progress is a bar.
    roles = {QAccessible.queryAccessibleInterface(w).role() for w in (win.chat.send_btn,)}
    assert roles == {QAccessible.Role.Button}
    assert QAccessible.queryAccessibleInterface(win.chat.input).role() == QAccessible.Role.EditableText
    assert QAccessible.queryAccessibleInterface(win.progress).role() == QAccessible.Role.ProgressBar


def test_progress_bars_expose_their_value(qtbot, make_window) -> None:
    win = make_window(wait_model=True)
    win.progress.setRange(0, 100)
    win.progress.setValue(42)
    win.progress.show()
    vi = QAccessible.queryAccessibleInterface(win.progress).valueInterface()
    assert vi is not None and vi.currentValue() == 42 and vi.maximumValue() == 100


def dialogs_of(win, qtbot, data_dir: Path, fake_hub_url: str):
    from app.core.paths import DataDir
    from app.ui.about import AboutDialog
    from app.ui.chat_view import EditDialog
    from app.ui.engines_dialog import EnginesDialog
    from app.ui.model_manager import ModelManagerDialog
    from app.ui.search_dialog import SearchDialog

    made = {
        "preferences": win.settings.preferences_dialog(),
        "conversation settings": win.settings.conversation_dialog(),
        "edit message": EditDialog("text", win),
        "about": AboutDialog(win.about_html(), win),
        "search": SearchDialog(win.store, win),
        "remote engines": EnginesDialog(win.store, win),
        "model manager": ModelManagerDialog(win.store, DataDir(data_dir), win, endpoint=fake_hub_url),
    }
    for d in made.values():
        qtbot.addWidget(d)
    return made


def test_every_dialog_names_every_control(qtbot, make_window, data_dir, fake_hub) -> None:  # noqa: F811
    win = make_window(wait_model=True)
    dialogs = dialogs_of(win, qtbot, data_dir, fake_hub.url)
    closed: list[str] = []
    try:
        for label, dlg in dialogs.items():
            dlg.show()
            qtbot.waitExposed(dlg)
            if label == "model manager":  # every tab, one after the other
                for i in range(dlg.tabs.count()):
                    dlg.tabs.setCurrentIndex(i)
                    assert_all_named(dlg, f"{label}: {dlg.tabs.tabText(i).replace('&', '')}")
            else:
                assert_all_named(dlg, label)
            # Esc closes every dialog (keyboard users' way out), wherever the focus is.
            dlg.activateWindow()
            qtbot.waitUntil(lambda d=dlg: QApplication.activeWindow() is d)
            target = dlg.focusWidget() or dlg
            qtbot.keyClick(target, Qt.Key.Key_Escape)
            qtbot.waitUntil(lambda d=dlg: not d.isVisible(), timeout=5000)
            closed.append(label)
    finally:
        dialogs["model manager"].shutdown()


def focusable(win: QWidget) -> list[QWidget]:
    return [w for w in win.findChildren(QWidget)
            if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.window() is win and not w.focusProxy()]


def test_tab_reaches_every_control_and_comes_back(qtbot, make_window) -> None:
    win = make_window(max_tokens=8)
    send_and_wait(qtbot, win, "Hi")
    win.activateWindow()
    win.chat.input.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.chat.input)
    wanted = focusable(win)
    seen: list[QWidget] = []
    for _ in range(len(wanted) * 2 + 5):
        w = QApplication.focusWidget()
        if seen and w is seen[0]:
            break  # round trip: no trap
        seen.append(w)
        qtbot.keyClick(w, Qt.Key.Key_Tab)
    else:
        pytest.fail(f"Tab never came back to the input: {[type(w).__name__ for w in seen]}")
    missing = [f"{type(w).__name__}:{w.accessibleName() or w.objectName()}" for w in wanted
               if w not in seen]
    assert not missing, missing
    CHECKED["tab stops in the main window"] = len(seen)
    print(f"accessibility: Tab visits {len(seen)} stops and comes back to the input")
    # The order follows the screen: model bar, conversations, the chat, the input and Send.
    order = [win.model_bar.picker, win.conversations.new_btn, win.conversations.list,
             win.chat.view.widgets[0].segments[0], win.chat.input, win.chat.send_btn]
    idx = [seen.index(w) for w in order]
    rotated = idx[idx.index(min(idx)):] + idx[:idx.index(min(idx))]
    assert rotated == sorted(rotated), [type(w).__name__ for w in seen]


def test_menus_list_every_shortcut_of_the_window(make_window) -> None:
    from PySide6.QtGui import QAction

    win = make_window(wait_model=False)
    in_menus = {a for m in win.menuBar().findChildren(QWidget) for a in m.actions()}
    with_keys = [a for a in win.findChildren(QAction) if not a.shortcut().isEmpty()
                 and a.parent() is win]
    assert len(with_keys) >= 15
    assert not [a.text() for a in with_keys if a not in in_menus]
    texts = {a.shortcut().toString() for a in with_keys}
    assert {"Esc", "Ctrl+0", "Ctrl+N", "Ctrl+O", "Ctrl+L", "Ctrl+M"} <= texts, texts
    assert win.act_zoom_in.shortcut().matches(QKeySequence(QKeySequence.StandardKey.ZoomIn)) \
        == QKeySequence.SequenceMatch.ExactMatch


def test_zoom_keys_change_the_conversation_text_and_are_remembered(qtbot, make_window, data_dir) -> None:
    win = make_window(wait_model=False)
    base = QApplication.font().pointSizeF()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.chat.input.setFocus()
    qtbot.keyClick(win.chat.input, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(win.chat.input, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert win.zoom_percent == 125
    assert win.chat.view.inner.font().pointSizeF() == pytest.approx(base * 1.25)
    assert win.chat.input.font().pointSizeF() == pytest.approx(base * 1.25)
    qtbot.keyClick(win.chat.input, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert win.zoom_percent == 110
    win.close()
    again = make_window(wait_model=False)
    again.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is again)
    again.chat.input.setFocus()
    assert again.zoom_percent == 110
    assert again.chat.view.inner.font().pointSizeF() == pytest.approx(base * 1.10)
    qtbot.keyClick(again.chat.input, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.zoom_percent == 100
    assert again.chat.view.inner.font().pointSizeF() == pytest.approx(base)


def test_a_finished_reply_and_an_error_are_announced(qtbot, make_window, tmp_path) -> None:
    """The announcement leaves the window as a QAccessibleAnnouncementEvent from the status line
    (heard through AT-SPI in test_screen_reader.py); the status line also keeps it as its
    accessible description, for a screen reader that reads the live element instead."""
    from app.ui.accessibility import plain_for_speech

    win = make_window(max_tokens=8)
    assert win.status.accessibleDescription().endswith(" is ready.")
    done = send_and_wait(qtbot, win, "Say hello")
    assert win.status.accessibleDescription() == f"Reply finished. {plain_for_speech(done.text)}"
    assert win.turns.reply_announcement(done) == win.status.accessibleDescription()
    # An error: a document that is not there.
    with qtbot.waitSignal(win.documentFailed, timeout=60000) as sig:
        win.summarize_documents([str(tmp_path / "missing.pdf")])
    assert "missing.pdf" in sig.args[0]
    assert win.status.accessibleDescription() == f"Error: {sig.args[0]}"


def test_speech_text_has_no_markdown_marks_and_is_bounded(qapp) -> None:
    from app.ui.accessibility import SPEECH_CHARS, plain_for_speech

    assert plain_for_speech("# Title\n\n**bold** and `code`") == "Title bold and code"
    long = plain_for_speech("word " * 2000)
    assert len(long) <= SPEECH_CHARS + 2 and long.endswith(" …")


def test_esc_stops_a_reply(qtbot, make_window) -> None:
    win = make_window(max_tokens=400, temperature=0.0)
    got: list = []
    win.replyFinished.connect(got.append)
    started: list = []
    win.host.worker.text.connect(lambda *_: started.append(1))
    win.chat.input.setFocus()
    qtbot.keyClicks(win.chat.input, "Write a long story about a wren.")
    qtbot.keyClick(win.chat.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(started), timeout=60000)
    qtbot.keyClick(win.chat.input, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bool(got), timeout=60000)
    assert got[0].status == "cancelled"


def test_arabic_lays_the_window_out_right_to_left(qtbot, styled_app, data_dir) -> None:
    from app.core import setting_names
    from app.core.store import Store
    from app.ui.app import create_window
    from app.ui.i18n import current_language

    s = Store(data_dir / "wren.db")
    s.set_setting(setting_names.UI_LANGUAGE, "ar")
    s.close()
    win = create_window(str(data_dir), autoload=False)
    win.resize(1000, 700)
    win.show()
    qtbot.waitExposed(win)
    try:
        assert current_language() == "ar"
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert win.layoutDirection() == Qt.LayoutDirection.RightToLeft
        # Mirrored: the conversation list, first in the splitter, sits on the right.
        lst = win.conversations.mapTo(win, win.conversations.rect().center()).x()
        chat = win.chat.mapTo(win, win.chat.rect().center()).x()
        assert lst > chat
        # The menu bar starts at the right too: File is right of Help.
        mb = win.menuBar()
        acts = mb.actions()
        assert mb.actionGeometry(acts[0]).x() > mb.actionGeometry(acts[-1]).x()
        # The window is in Arabic where the translation exists (the menus at least).
        assert win.menuBar().actions()[0].text() != "&File"
    finally:
        win.close()  # stops the inference thread
        win.store.close()
        win.deleteLater()


def labels_clipped(win: QWidget) -> list[str]:
    """Visible labels and buttons narrower or shorter than their text needs."""
    bad = []
    for w in win.findChildren(QWidget):
        if not w.isVisible() or not isinstance(w, (QLabel, QAbstractButton)):
            continue
        hint = w.minimumSizeHint()
        need_h = w.heightForWidth(w.width()) if w.hasHeightForWidth() else hint.height()
        if w.width() + 1 < hint.width() or w.height() + 1 < need_h:
            bad.append(f"{type(w).__name__} {w.text()[:30]!r}: {w.width()}x{w.height()} "
                       f"< {hint.width()}x{need_h}")
    return bad


def test_no_text_is_clipped_at_200_percent(qtbot, make_window, styled_app) -> None:
    font = styled_app.font()
    size = font.pointSizeF()
    try:
        big = styled_app.font()
        big.setPointSizeF(size * 2)
        styled_app.setFont(big)  # what a system font size of 200 % gives the window
        win = make_window(max_tokens=8)
        send_and_wait(qtbot, win, "Hello")
        win.dismiss_welcome()
        qtbot.wait(50)
        assert not labels_clipped(win)
        assert win.chat.send_btn.height() >= win.chat.send_btn.fontMetrics().height()
    finally:
        styled_app.setFont(font)


def _luminance(c) -> float:  # noqa: ANN001 - QColor
    def ch(v: float) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * ch(c.red()) + 0.7152 * ch(c.green()) + 0.0722 * ch(c.blue())


def contrast(a, b) -> float:  # noqa: ANN001
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("dark", [False, True])
def test_secondary_text_keeps_wcag_contrast(styled_app, dark: bool) -> None:
    """Muted text (message details, tool buttons) stays above 4.5:1 on the message column."""
    import re

    from PySide6.QtGui import QColor, QPalette

    from app.ui.app import high_contrast, style_sheet

    p = QPalette(styled_app.palette())
    base, text = (QColor("#1e1e1e"), QColor("#e8e8e8")) if dark else (QColor("#ffffff"), QColor("#1a1a1a"))
    for role, c in ((QPalette.ColorRole.Base, base), (QPalette.ColorRole.Window, base.darker(105)),
                    (QPalette.ColorRole.Text, text), (QPalette.ColorRole.WindowText, text)):
        p.setColor(role, c)
    assert not high_contrast(p)
    sheet = style_sheet(p, contrast=False)
    muted = re.search(r"QLabel#messageDetail \{ color: (#[0-9a-f]{6}); \}", sheet).group(1)
    assert contrast(QColor(muted), base) >= 4.5


def test_high_contrast_theme_drops_tints(styled_app) -> None:
    from PySide6.QtGui import QColor, QPalette

    from app.ui.app import high_contrast, style_sheet

    p = QPalette(styled_app.palette())
    for role, c in ((QPalette.ColorRole.Window, "#000000"), (QPalette.ColorRole.Base, "#000000"),
                    (QPalette.ColorRole.WindowText, "#ffffff"), (QPalette.ColorRole.Text, "#ffffff"),
                    (QPalette.ColorRole.Highlight, "#ffff00")):
        p.setColor(role, QColor(c))
    assert high_contrast(p)
    sheet = style_sheet(p)
    assert "messageDetail" not in sheet  # no muted grey text
    assert "border: 2px solid #ffffff" in sheet and ":focus { border: 3px solid #ffff00" in sheet


def test_a_finished_summary_is_announced_and_its_card_is_named(qtbot, make_window, tmp_path) -> None:
    win = make_window(max_tokens=24)
    win.store.set_setting("documents.summary_length", "short")
    doc = tmp_path / "minutes.txt"
    doc.write_text("The committee met on Monday. It approved the budget and planned a picnic.\n",
                   encoding="utf-8")
    with qtbot.waitSignal(win.documentFinished, timeout=240000):
        win.summarize_documents([str(doc)])
        card = next(iter(win.docs.cards.values()))
        assert card.accessibleName() == "Document minutes.txt"
        assert QAccessible.queryAccessibleInterface(card.progress).text(
            QAccessible.Text.Name) == "Reading minutes.txt"
        assert QAccessible.queryAccessibleInterface(card.cancel).text(
            QAccessible.Text.Name) == "Cancel reading minutes.txt"
    assert win.status.accessibleDescription() == (
        "Summary ready: minutes.txt. Ask questions about the document below.")


def test_a_finished_download_is_announced(qtbot, store, data_dir, fake_hub) -> None:  # noqa: F811
    from app.core.paths import DataDir
    from app.ui.model_manager import ModelManagerDialog
    from tests.fakehub import TEST_FILE, TEST_REPO

    dlg = ModelManagerDialog(store, DataDir(data_dir), endpoint=fake_hub.url)
    qtbot.addWidget(dlg)
    try:
        with qtbot.waitSignal(dlg.download_event, timeout=60000,
                              check_params_cb=lambda ev: ev.status in ("done", "error")) as sig:
            job = dlg.start_download(TEST_REPO, TEST_FILE)
        ev = sig.args[0]
        assert ev.status == "done", ev.message
        assert dlg.message.accessibleDescription() == (
            f"Download finished: {ev.result.model_id} is installed.")
        bar = QAccessible.queryAccessibleInterface(dlg.progress_bar(job))
        assert bar.text(QAccessible.Text.Name) == f"Download of {TEST_FILE}"
        assert bar.valueInterface().currentValue() == 1000
    finally:
        dlg.shutdown()
