"""The remote-engines dialog, driven with pytest-qt against real loopback servers."""
from __future__ import annotations

import keyring
import pytest
from PySide6.QtCore import Qt

from app.ui.engines_dialog import EnginesDialog
from tests.remote_helpers import FaultServer, free_port

pytestmark = pytest.mark.usefixtures("file_keyring")


@pytest.fixture
def server():
    s = FaultServer("ok")
    yield s
    s.stop()


def test_add_test_and_remove_an_engine(qtbot, store, server):
    dlg = EnginesDialog(store)
    qtbot.addWidget(dlg)
    dlg.name.setText("gpu")
    dlg.url.setText(server.base_url)
    dlg.key.setText("sk-dialog")
    with qtbot.waitSignal(dlg.engines_changed, timeout=5000):
        qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    assert dlg.list.count() == 1 and "gpu" in dlg.list.item(0).text()
    assert keyring.get_password("wren", "engine:gpu") == "sk-dialog"
    assert dlg.key.text() == ""  # the key does not linger in the form
    # Test the selected engine (form address cleared).
    dlg.url.clear()
    dlg.list.setCurrentRow(0)
    qtbot.mouseClick(dlg.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.status.text().startswith("Connected"), timeout=10000)
    assert "m" in dlg.status.text()
    qtbot.waitUntil(lambda: dlg._worker is None, timeout=5000)
    assert "Bearer sk-dialog" in server.seen_auth
    with qtbot.waitSignal(dlg.engines_changed, timeout=5000):
        qtbot.mouseClick(dlg.remove_button, Qt.MouseButton.LeftButton)
    assert dlg.list.count() == 0 and store.list_engines() == []


def test_bad_input_and_unreachable_engine_say_why(qtbot, store):
    dlg = EnginesDialog(store)
    qtbot.addWidget(dlg)
    dlg.name.setText("x")
    dlg.url.setText("not a url")
    qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    assert "not an http" in dlg.status.text() and dlg.list.count() == 0
    dlg.url.setText(f"http://127.0.0.1:{free_port()}")
    qtbot.mouseClick(dlg.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "connection refused" in dlg.status.text(), timeout=10000)
    qtbot.waitUntil(lambda: dlg._worker is None, timeout=5000)
    qtbot.mouseClick(dlg.remove_button, Qt.MouseButton.LeftButton)
    assert "Select an engine" in dlg.status.text()
