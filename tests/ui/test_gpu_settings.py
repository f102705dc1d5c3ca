"""The window's GPU settings: "GPU: auto / off / N layers" per conversation, the preference
"GPU memory Wren may use", and Help > This computer (which says "CPU only" here)."""
from __future__ import annotations

import pytest

from app.core import setting_names
from app.core.chat_settings import ChatSettings
from app.core.devices import gpu_memory_cap
from app.ui.settings_dialog import SettingsDialog
from app.ui.system_dialog import SystemDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
GiB = 2**30


def test_chat_settings_gpu_value_and_older_saved_settings():
    assert ChatSettings().gpu == "auto" and ChatSettings().load_options().gpu == "auto"
    assert ChatSettings.from_dict({"n_gpu_layers": 12}).gpu == "12"  # saved before "auto"
    assert ChatSettings.from_dict({"n_gpu_layers": 0}).gpu == "auto"
    assert ChatSettings.from_dict({"gpu": "bogus"}).gpu == "auto"
    opts = ChatSettings.from_dict({"gpu": "off"}).load_options(gpu_cap=8 * GiB)
    assert (opts.gpu, opts.gpu_cap) == ("off", 8 * GiB)
    assert ChatSettings.from_dict({"gpu": "7"}).load_options().gpu == 7


def test_settings_dialog_gpu_row(qtbot):
    dlg = SettingsDialog(ChatSettings(gpu="12"), "", {})
    qtbot.addWidget(dlg)
    # This llama.cpp has no GPU backend: the row is hidden and the saved choice is kept.
    assert not dlg.gpu_mode.isVisibleTo(dlg) and not dlg.gpu_layers.isVisibleTo(dlg)
    assert dlg.values().gpu == "12"
    # What the row holds for each setting (as a GPU machine shows it).
    assert dlg.gpu_mode.currentData() == "layers" and dlg.gpu_layers.value() == 12
    assert dlg.gpu_layers.isEnabled()
    dlg.set_values(ChatSettings(gpu="off"))
    assert dlg.gpu_mode.currentData() == "off" and not dlg.gpu_layers.isEnabled()
    dlg.set_values(ChatSettings(gpu="auto"))
    assert dlg.gpu_mode.currentData() == "auto" and not dlg.gpu_layers.isEnabled()
    assert [dlg.gpu_mode.itemText(i) for i in range(3)] == ["Automatic", "Off", "Layers:"]


def test_gpu_memory_preference_is_stored(make_window, qtbot):
    win = make_window(max_tokens=8)
    dlg = win.settings.preferences_dialog()
    qtbot.addWidget(dlg)
    assert dlg.gpu_cap.value() == 0 and dlg.gpu_cap.text() == "All free memory"
    dlg.gpu_cap.setValue(8)
    dlg.apply()
    assert win.store.get_setting(setting_names.GPU_MEMORY_CAP) == 8 * GiB
    assert gpu_memory_cap(win.store) == 8 * GiB and win.gpu_cap() == 8 * GiB
    assert win.act_system.text() == "&This computer…"  # Help menu
    again = win.settings.preferences_dialog()
    qtbot.addWidget(again)
    assert again.gpu_cap.value() == 8


def test_help_this_computer_says_cpu_only(qtbot):
    dlg = SystemDialog()
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.report is not None, timeout=30_000)
    text = dlg.text.toPlainText()
    assert text.startswith("CPU: ") and "llama.cpp backends: " in text
    assert text.splitlines()[-1].startswith("CPU only")
