"""A long conversation opens with its newest messages at once and the older ones right after,
in order, without moving what the reader is looking at."""
from __future__ import annotations

import pytest

from app.ui.chat_view import FIRST_RENDER

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _long_conversation(store, n_turns: int = 15) -> tuple[int, list[int]]:
    cid = store.create_conversation(title="Long one")
    ids = []
    for i in range(n_turns):
        ids.append(store.add_message(cid, "user", f"Question {i}?"))
        body = f"Answer **{i}**.\n\n```python\nx = {i}\n```\n\n" + "More words here. " * 30
        ids.append(store.add_message(cid, "assistant", body, model="m"))
    return cid, ids


def _column_order(view) -> list[int]:
    out = []
    for i in range(view.column.count()):
        w = view.column.itemAt(i).widget()
        if w is not None and w in view.widgets:
            out.append(w.data.id)
    return out


def test_newest_first_then_all_in_order_at_the_bottom(make_window, qtbot):
    win = make_window(wait_model=False)
    cid, ids = _long_conversation(win.store)
    win.open_conversation(cid)
    view = win.chat.view
    assert [w.data.id for w in view.widgets] == ids[-FIRST_RENDER:]
    assert view.pending_older == len(ids) - FIRST_RENDER
    qtbot.waitUntil(lambda: view.pending_older == 0, timeout=10000)
    assert [w.data.id for w in view.widgets] == ids
    assert _column_order(view) == ids
    # Only the last reply offers Regenerate, also after the older ones arrived.
    assert [w.data.id for w in view.widgets
            if hasattr(w, "regen_btn") and w.regen_btn.isVisibleTo(w)] == [ids[-1]]
    qtbot.waitUntil(lambda: view._at_bottom(), timeout=5000)


def test_a_message_asked_for_early_is_there(make_window):
    win = make_window(wait_model=False)
    cid, ids = _long_conversation(win.store)
    win.open_conversation(cid)
    w = win.chat.view.find(ids[0])  # e.g. a search result that points at the first question
    assert w is not None and w.data.id == ids[0]
    assert [x.data.id for x in win.chat.view.widgets] == ids


def test_a_reader_who_scrolled_up_keeps_their_place(make_window, qtbot):
    win = make_window(wait_model=False)
    win.resize(900, 600)
    cid, ids = _long_conversation(win.store)
    win.open_conversation(cid)
    view = win.chat.view
    view._older_timer.stop()  # hold the older messages back while the reader scrolls
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum() > 0, timeout=5000)
    target = view.widgets[2]
    sb = view.verticalScrollBar()
    sb.setValue(max(0, target.y() - 5))
    assert not view.follow
    before = target.mapTo(view.viewport(), target.rect().topLeft()).y()
    view._older_timer.start()
    qtbot.waitUntil(lambda: view.pending_older == 0, timeout=10000)

    def where() -> int:
        return target.mapTo(view.viewport(), target.rect().topLeft()).y()

    # Layout requests are posted events: wait for the position they settle at, not a fixed time.
    try:
        qtbot.waitUntil(lambda: abs(where() - before) <= 12, timeout=5000)
    except qtbot.TimeoutError:
        pass
    after = where()
    assert abs(after - before) <= 12, (before, after)
