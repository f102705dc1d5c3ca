"""SearchDialog on a real store: results with highlights, off the GUI thread, click -> signal."""
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.ui.search_dialog import SearchDialog

# The offscreen platform cannot do these window-manager calls; they are not our warnings.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")


@pytest.fixture
def filled(store):
    a = store.create_conversation("Baking")
    store.add_message(a, "user", "How long do I bake a crème brûlée?")
    m = store.add_message(a, "assistant", "Bake it for 40 minutes in a water bath <at 150 °C>.")
    b = store.create_conversation("Sea")
    store.add_message(b, "user", "A poem about the sea")
    return a, m


def test_results_highlighted_and_click_opens(qtbot, store, filled):
    conv, msg = filled
    dlg = SearchDialog(store)
    qtbot.addWidget(dlg)
    dlg.show()
    with qtbot.waitSignal(dlg.resultsReady, timeout=5000) as sig:
        dlg.set_query("water bath")
    assert sig.args == [1]
    assert dlg.worker.last_thread_ident not in (None, threading.get_ident())
    item = dlg.results.item(0)
    html = item.data(Qt.ItemDataRole.UserRole + 1)
    assert "<b>water</b> <b>bath</b>" in html and "&lt;at 150" in html
    assert "result" in dlg.status.text()
    rect = dlg.results.visualItemRect(item)
    with qtbot.waitSignal(dlg.openMessage, timeout=2000) as opened:
        qtbot.mouseClick(dlg.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [conv, msg]
    dlg.hide()


def test_typing_is_debounced_and_prefix_matches(qtbot, store, filled):
    dlg = SearchDialog(store)
    qtbot.addWidget(dlg)
    dlg.show()
    with qtbot.waitSignal(dlg.resultsReady, timeout=5000) as sig:
        qtbot.keyClicks(dlg.query_edit, "brul")  # search-as-you-type: last word is a prefix
    assert sig.args[0] >= 1
    assert all(h.conversation_id == filled[0] for h in dlg.hits)
    dlg.hide()


def test_no_results_and_unsearchable_queries(qtbot, store, filled):
    dlg = SearchDialog(store)
    qtbot.addWidget(dlg)
    dlg.show()
    with qtbot.waitSignal(dlg.resultsReady, timeout=5000) as sig:
        dlg.set_query("zebra")
    assert sig.args == [0] and dlg.status.text() == "No results."
    with qtbot.waitSignal(dlg.resultsReady, timeout=5000):
        dlg.set_query('"(( * ??')
    assert dlg.results.count() == 0 and "No words" in dlg.status.text()
    dlg.hide()


def test_title_hit_opens_conversation(qtbot, store, filled):
    dlg = SearchDialog(store)
    qtbot.addWidget(dlg)
    dlg.show()
    with qtbot.waitSignal(dlg.resultsReady, timeout=5000):
        dlg.set_query("baking")
    assert dlg.hits[0].kind == "title"
    with qtbot.waitSignal(dlg.openMessage, timeout=2000) as opened:
        dlg.results.itemActivated.emit(dlg.results.item(0))
    assert opened.args == [filled[0], 0]
    dlg.hide()


def test_search_restarts_after_hide(qtbot, store, filled):
    # Ctrl+F on the real window is tested in tests/ui/test_integration.py.
    win = QWidget()
    qtbot.addWidget(win)
    opened = []
    dlg = SearchDialog(store, win)
    dlg.openMessage.connect(lambda c, m: opened.append((c, m)))
    win.show()
    dlg.show()
    with qtbot.waitSignal(dlg.resultsReady, timeout=5000):
        dlg.set_query("sea")
    dlg.hide()  # stops the thread
    dlg.show()
    with qtbot.waitSignal(dlg.resultsReady, timeout=5000) as sig:
        dlg.set_query("bake")
    assert sig.args[0] >= 1
    dlg.results.itemClicked.emit(dlg.results.item(0))
    assert opened and opened[0][0] == filled[0]
    dlg.hide()
