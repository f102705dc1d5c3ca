"""The window's lookup-decoding setting: shown in the conversation settings, stored with the
conversation, and used for its replies."""
from __future__ import annotations

import pytest

from app.core.chat_settings import ChatSettings
from tests.ui.conftest import shot
from tests.ui.test_window import send_and_wait

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_lookup_decoding_setting_is_stored_and_used(make_window, qtbot, tmp_path):
    win = make_window(max_tokens=24, temperature=0.0)
    send_and_wait(qtbot, win, "Repeat after me: the quick brown fox jumps over the lazy dog.")
    dlg = win.settings.conversation_dialog()
    qtbot.addWidget(dlg)
    assert dlg.speculative.currentData() == "auto"  # on by default where it pays
    assert [dlg.speculative.itemData(i) for i in range(dlg.speculative.count())] == ["auto", "off"]
    dlg.speculative.setCurrentIndex(dlg.speculative.findData("off"))
    win.settings.apply_conversation(dlg)
    conv = win.store.get_conversation(win.conv_id)
    assert conv.settings["speculative"] == "off"
    assert win.turns.current_settings().sampling().speculative == "off"
    again = win.settings.conversation_dialog()
    qtbot.addWidget(again)
    assert again.speculative.currentData() == "off"
    again.show()
    shot(again, tmp_path, "settings-lookup")
    send_and_wait(qtbot, win, "Say it once more, word for word.")
    stats = win.host.worker.session.engine.last_stats  # the worker is idle now
    assert stats.draft_tokens == 0 and stats.completion_tokens > 0


def test_unknown_stored_value_falls_back_to_automatic():
    assert ChatSettings.from_dict({"speculative": "sometimes"}).speculative == "auto"
    assert ChatSettings.from_dict({"speculative": "off"}).sampling().speculative == "off"
    assert ChatSettings.from_dict({}).sampling().speculative == "auto"
