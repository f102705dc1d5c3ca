"""File → Preferences: summary length, the saved-readings disk cap, the API server's port and
logging — stored, used by the next document or server start, shown in the dialog."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from app.core import setting_names
from app.core.preferences import read_preferences
from tests.remote_helpers import free_port
from tests.ui.conftest import shot

pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
              pytest.mark.usefixtures("file_keyring")]
MB = 2**20


def _saved_readings(cache: Path, sizes_mb: list[int]) -> list[Path]:
    """Files in the state cache's own naming, oldest first."""
    from app.core.summarize import StateCache

    cache.mkdir(parents=True, exist_ok=True)
    out = []
    for i, n in enumerate(sizes_mb):
        p = cache / f"doc{i + 1}-abc{StateCache.SUFFIX}"
        p.write_bytes(os.urandom(n * MB))
        t = time.time() - 100 + i
        os.utime(p, (t, t))
        out.append(p)
    return out


def test_summary_length_is_stored_and_used_for_the_next_document(make_window, qtbot, tmp_path):
    win = make_window(max_tokens=16)
    dlg = win.settings.preferences_dialog()
    assert dlg.length.currentData() == "medium"  # the default
    dlg.length.setCurrentIndex(dlg.length.findData("short"))
    win.settings.apply_preferences(dlg)
    assert win.store.get_setting(setting_names.DOCUMENT_SUMMARY_LENGTH) == "short"
    doc = tmp_path / "note.txt"
    doc.write_text("The meeting moved to Thursday at ten. Bring the budget figures.\n" * 5)
    with qtbot.waitSignal(win.documentFinished, timeout=120000) as done:
        assert win.summarize_documents([str(doc)]) == 1
    extra = win.store.message_extra(done.args[0]["message_id"])
    assert extra["options"]["length"] == "short"


def test_a_smaller_cap_evicts_the_oldest_readings_and_clear_removes_all(make_window, tmp_path):
    win = make_window(wait_model=False)
    files = _saved_readings(win.data.cache, [3, 3, 3])
    dlg = win.settings.preferences_dialog()
    assert dlg.cache_usage.text() == "9 MB in use by 3 saved readings"
    dlg.cache_cap.setValue(5)
    win.settings.apply_preferences(dlg)
    assert win.store.get_setting(setting_names.DOCUMENT_STATE_CACHE_BYTES) == 5 * MB
    assert [p.exists() for p in files] == [False, False, True]  # newest kept, under the cap
    dlg = win.settings.preferences_dialog()
    assert dlg.cache_cap.value() == 5 and dlg.clear_btn.isEnabled()
    shot(dlg, tmp_path, "preferences")
    dlg.clear_btn.click()
    assert not any(p.exists() for p in files)
    assert dlg.cache_usage.text() == "0 MB in use by 0 saved readings"
    assert not dlg.clear_btn.isEnabled()


def test_cancel_changes_nothing(make_window):
    win = make_window(wait_model=False)
    before = read_preferences(win.store)
    dlg = win.settings.preferences_dialog()
    dlg.length.setCurrentIndex(dlg.length.findData("detailed"))
    dlg.port.setValue(9999)
    dlg.reject()
    assert read_preferences(win.store) == before


def test_a_new_port_restarts_the_running_api_server_there(make_window, qtbot):
    win = make_window(max_tokens=8)
    first = second = free_port()
    while second == first:
        second = free_port()
    win.store.set_setting(setting_names.API_PORT, first)
    with qtbot.waitSignal(win.apiServerChanged, timeout=30000) as started:
        win.act_api.trigger()
    assert started.args[0].startswith(f"http://127.0.0.1:{first}/")
    dlg = win.settings.preferences_dialog()
    assert dlg.port.value() == first
    dlg.port.setValue(second)
    dlg.api_log.setChecked(True)
    with qtbot.waitSignals([win.apiServerChanged, win.apiServerChanged], timeout=30000):
        win.settings.apply_preferences(dlg)  # stopped ("") and started on the new port
    assert win.api.server is not None and win.api.server.port == second
    assert win.api.server.log_conversations() is True
    assert win.store.get_setting(setting_names.API_PORT) == second
    import socket

    with pytest.raises(OSError):  # nothing listens on the old port any more
        socket.create_connection(("127.0.0.1", first), timeout=2).close()
    win.act_api.trigger()  # stop it
