"""Per-conversation settings with presets ("Precise", "Balanced", "Creative" + the user's own)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.chat_settings import BUILTIN_PRESETS, ChatSettings


def preset_label(name: str) -> str:
    """A built-in preset's name in the user's language (user presets keep their own names)."""
    labels = {"Precise": QCoreApplication.translate("SettingsDialog", "Precise"),
              "Balanced": QCoreApplication.translate("SettingsDialog", "Balanced"),
              "Creative": QCoreApplication.translate("SettingsDialog", "Creative"),
              "Custom": QCoreApplication.translate("SettingsDialog", "Custom")}
    return labels.get(name, name)


def human_bytes(n: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,.0f} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: ChatSettings,
        system_prompt: str,
        user_presets: dict[str, dict[str, Any]],
        kv_bytes_per_token: float = 0.0,
        max_ctx: int = 131072,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Conversation settings"))
        self.user_presets = dict(user_presets)
        self.kv_bytes_per_token = kv_bytes_per_token
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)

        prow = QHBoxLayout()
        self.preset = QComboBox()
        self.preset.setAccessibleName(self.tr("Preset"))
        self._fill_presets()
        self.preset.currentIndexChanged.connect(
            lambda _i: self._apply_preset(str(self.preset.currentData() or "")))
        prow.addWidget(self.preset, 1)
        self.preset_name = QLineEdit()
        self.preset_name.setPlaceholderText(self.tr("New preset name"))
        self.preset_name.setAccessibleName(self.tr("New preset name"))
        prow.addWidget(self.preset_name)
        self.save_preset_btn = QPushButton(self.tr("Save preset"))
        self.save_preset_btn.setAccessibleName(self.tr("Save these settings as a preset"))
        self.save_preset_btn.clicked.connect(self._save_preset)
        prow.addWidget(self.save_preset_btn)
        form.addRow(self.tr("&Preset"), prow)

        self.system = QPlainTextEdit(system_prompt)
        self.system.setAccessibleName(self.tr("System prompt"))
        self.system.setPlaceholderText(self.tr("Optional instructions the model follows in this conversation"))
        self.system.setTabChangesFocus(True)
        self.system.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        form.addRow(self.tr("S&ystem prompt"), self.system)

        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(0.0, 2.0)
        self.temperature.setSingleStep(0.05)
        self.temperature.setAccessibleName(self.tr("Temperature"))
        form.addRow(self.tr("&Temperature"), self.temperature)

        self.top_p = QDoubleSpinBox()
        self.top_p.setRange(0.05, 1.0)
        self.top_p.setSingleStep(0.01)
        self.top_p.setAccessibleName(self.tr("Top-p"))
        form.addRow(self.tr("Top-&p"), self.top_p)

        self.max_tokens = QSpinBox()
        self.max_tokens.setRange(16, 32768)
        self.max_tokens.setSingleStep(64)
        self.max_tokens.setSuffix(self.tr(" tokens"))
        self.max_tokens.setAccessibleName(self.tr("Maximum reply length"))
        form.addRow(self.tr("&Max reply length"), self.max_tokens)

        crow = QHBoxLayout()
        self.n_ctx = QSpinBox()
        self.n_ctx.setRange(0, max(512, max_ctx))
        self.n_ctx.setSingleStep(512)
        self.n_ctx.setSpecialValueText(self.tr("Automatic"))
        self.n_ctx.setSuffix(self.tr(" tokens"))
        self.n_ctx.setAccessibleName(self.tr("Context size"))
        self.n_ctx.valueChanged.connect(self._update_ram)
        crow.addWidget(self.n_ctx, 1)
        self.ram = QLabel()
        self.ram.setAccessibleName(self.tr("Memory the context needs"))
        crow.addWidget(self.ram)
        form.addRow(self.tr("&Context size"), crow)

        grow = QHBoxLayout()
        self.gpu_mode = QComboBox()
        self.gpu_mode.setAccessibleName(self.tr("GPU use"))
        self.gpu_mode.addItem(self.tr("Automatic"), "auto")
        self.gpu_mode.addItem(self.tr("Off"), "off")
        self.gpu_mode.addItem(self.tr("Layers:"), "layers")
        self.gpu_mode.setToolTip(self.tr(
            "Automatic puts as much of the model on the GPU as its free memory allows "
            "(within the limit set in Preferences). Off runs on the CPU only."))
        self.gpu_mode.currentIndexChanged.connect(self._gpu_mode_changed)
        grow.addWidget(self.gpu_mode, 1)
        self.gpu_layers = QSpinBox()
        self.gpu_layers.setRange(1, 999)
        self.gpu_layers.setSuffix(self.tr(" layers"))
        self.gpu_layers.setAccessibleName(self.tr("GPU offload layers"))
        grow.addWidget(self.gpu_layers)
        self.gpu_label = QLabel(self.tr("&GPU"))
        form.addRow(self.gpu_label, grow)
        from app.core.machine import gpu_offload_supported

        gpu = gpu_offload_supported()  # hidden when this llama.cpp has no GPU backend
        self._gpu = gpu
        for w in (self.gpu_mode, self.gpu_layers, self.gpu_label):
            w.setVisible(gpu)

        self.speculative = QComboBox()
        self.speculative.addItem(self.tr("Automatic (faster where the reply repeats the text)"),
                                 "auto")
        self.speculative.addItem(self.tr("Off"), "off")
        self.speculative.setAccessibleName(self.tr("Lookup decoding"))
        self.speculative.setToolTip(self.tr(
            "Guesses the next words from the document and the conversation and checks the guess "
            "in one step. The reply is the same; summaries and questions about a document come "
            "faster."))
        form.addRow(self.tr("Lookup decoding"), self.speculative)

        bb = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        bb.accepted.connect(self.accept)
        bb.rejected.connect(self.reject)
        lay.addWidget(bb)
        self._saved_gpu = settings.gpu
        self._loading = True
        self.set_values(settings)
        self._loading = False
        self._update_ram()

    def _fill_presets(self) -> None:
        self.preset.blockSignals(True)
        cur = self.preset.currentData()
        self.preset.clear()
        for name in [*BUILTIN_PRESETS, *sorted(self.user_presets), "Custom"]:
            self.preset.addItem(preset_label(name), name)
        if cur:
            self.preset.setCurrentIndex(max(0, self.preset.findData(cur)))
        self.preset.blockSignals(False)

    def all_presets(self) -> dict[str, dict[str, Any]]:
        return {**BUILTIN_PRESETS, **self.user_presets}

    def set_values(self, s: ChatSettings) -> None:
        self.temperature.setValue(s.temperature)
        self.top_p.setValue(s.top_p)
        self.max_tokens.setValue(s.max_tokens)
        self.n_ctx.setValue(s.n_ctx)
        g = s.gpu_setting()
        self.gpu_mode.setCurrentIndex(self.gpu_mode.findData(
            "layers" if isinstance(g, int) and g > 0 else "off" if g in ("off", 0) else "auto"))
        if isinstance(g, int) and g > 0:
            self.gpu_layers.setValue(g)
        self._gpu_mode_changed()
        i = self.speculative.findData(s.speculative)
        self.speculative.setCurrentIndex(max(0, i))
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData(
            s.preset if s.preset in self.all_presets() else "Custom"))
        self.preset.blockSignals(False)

    def _apply_preset(self, name: str) -> None:
        p = self.all_presets().get(name)
        if p is None:
            return
        base = self.values()
        merged = {**base.to_dict(), **p, "preset": name}
        self.set_values(ChatSettings.from_dict(merged))

    def _save_preset(self) -> None:
        name = self.preset_name.text().strip()
        if not name or name in BUILTIN_PRESETS or name == "Custom":
            self.preset_name.setFocus()
            self.preset_name.setPlaceholderText(self.tr("Give the preset a new name"))
            self.preset_name.clear()
            return
        v = self.values()
        self.user_presets[name] = {"temperature": v.temperature, "top_p": v.top_p,
                                   "max_tokens": v.max_tokens}
        self._fill_presets()
        self.preset.setCurrentIndex(self.preset.findData(name))
        self.preset_name.clear()

    def _gpu_mode_changed(self, _index: int = 0) -> None:
        self.gpu_layers.setEnabled(self.gpu_mode.currentData() == "layers")

    def gpu_value(self) -> str:
        mode = self.gpu_mode.currentData()
        if not self._gpu:
            return self._saved_gpu  # hidden here: keep what the conversation had
        return str(self.gpu_layers.value()) if mode == "layers" else str(mode)

    def _update_ram(self) -> None:
        n = self.n_ctx.value()
        if not self.kv_bytes_per_token:
            self.ram.setText("")
            return
        if n == 0:
            self.ram.setText(self.tr("chosen from the model and free memory"))
            return
        from app.core.machine import kv_cache_bytes

        self.ram.setText(self.tr("≈ {size} of RAM").format(
            size=human_bytes(kv_cache_bytes(self.kv_bytes_per_token, n))))

    def values(self) -> ChatSettings:
        name = str(self.preset.currentData() or "Custom")
        s = ChatSettings(
            preset=name,
            temperature=round(self.temperature.value(), 3),
            top_p=round(self.top_p.value(), 3),
            max_tokens=self.max_tokens.value(),
            n_ctx=self.n_ctx.value(),
            gpu=self.gpu_value(),
            speculative=str(self.speculative.currentData()),
        )
        p = self.all_presets().get(name)
        if p is not None and any(abs(float(getattr(s, k)) - float(v)) > 1e-6 for k, v in p.items()):
            s = ChatSettings(**{**s.to_dict(), "preset": "Custom"})
        return s

    def system_prompt(self) -> str:
        return self.system.toPlainText().strip()
