"""Preferences (File → Preferences…): the window's language, how long document summaries are,
how much disk the saved document readings may use, and the local API server's port and history
logging.

Per-conversation choices (temperature, context size, system prompt) live in the conversation
settings dialog instead; these apply to the whole app.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core import setting_names
from app.core.preferences import Preferences, read_preferences
from app.core.store import Store

MB = 2**20


def length_choices() -> tuple[tuple[str, str], ...]:
    return (("short", QCoreApplication.translate("PreferencesDialog", "Short: a few sentences")),
            ("medium", QCoreApplication.translate("PreferencesDialog", "Medium: a paragraph or two")),
            ("detailed", QCoreApplication.translate("PreferencesDialog", "Detailed: every main point")))



def _mb(n: int) -> str:
    return f"{n / MB:,.0f} MB" if n < 10 * 2**30 else f"{n / 2**30:,.1f} GB"


def restart_hint() -> str:
    return QCoreApplication.translate("PreferencesDialog",
                                      "The new language is used when Wren starts again.")


class PreferencesDialog(QDialog):
    def __init__(self, store: Store, cache_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.core.summarize import StateCache

        self.setWindowTitle(self.tr("Preferences"))
        self.store = store
        self.cache = StateCache(cache_dir, store)
        self.before = read_preferences(store)
        lay = QVBoxLayout(self)

        from app.ui.i18n import LANGUAGES, resolve_language

        look = QGroupBox(self.tr("Language"))
        form = QFormLayout(look)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the window"))
        system = LANGUAGES[resolve_language("")]
        self.language.addItem(self.tr("System language ({language})").format(language=system), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.before.language)))
        form.addRow(self.tr("&Language"), self.language)
        self.language_hint = QLabel(restart_hint())
        self.language_hint.setWordWrap(True)
        form.addRow("", self.language_hint)
        lay.addWidget(look)

        docs = QGroupBox(self.tr("Documents"))
        form = QFormLayout(docs)
        self.length = QComboBox()
        self.length.setAccessibleName(self.tr("Summary length"))
        for key, label in length_choices():
            self.length.addItem(label, key)
        self.length.setCurrentIndex(self.length.findData(self.before.summary_length))
        form.addRow(self.tr("Summary &length"), self.length)
        self.cache_cap = QSpinBox()
        self.cache_cap.setAccessibleName(self.tr("Disk space for saved document readings"))
        self.cache_cap.setRange(0, 1_000_000)
        self.cache_cap.setSingleStep(256)
        self.cache_cap.setSuffix(self.tr(" MB"))
        self.cache_cap.setSpecialValueText(self.tr("Don't keep readings"))
        self.cache_cap.setValue(self.before.cache_cap_bytes // MB)
        self.cache_cap.setToolTip(self.tr(
            "A document's reading is kept on disk so that follow-up questions are answered at "
            "once, even after a restart. The oldest readings are removed beyond this size."))
        self.cache_cap.setAccessibleDescription(self.cache_cap.toolTip())
        row = QHBoxLayout()
        row.addWidget(self.cache_cap, 1)
        self.clear_btn = QPushButton(self.tr("Clear"))
        self.clear_btn.setAccessibleName(self.tr("Clear saved document readings"))
        self.clear_btn.clicked.connect(self.clear_cache)
        row.addWidget(self.clear_btn)
        form.addRow(self.tr("Saved &readings"), row)
        self.cache_usage = QLabel()
        self.cache_usage.setAccessibleName(self.tr("Saved readings in use"))
        form.addRow("", self.cache_usage)
        self._show_usage()
        lay.addWidget(docs)

        api = QGroupBox(self.tr("Local API server (File → Local API server)"))
        form = QFormLayout(api)
        self.port = QSpinBox()
        self.port.setAccessibleName(self.tr("API server port"))
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText(self.tr("Any free port"))
        self.port.setValue(self.before.api_port)
        form.addRow(self.tr("&Port on 127.0.0.1"), self.port)
        self.api_log = QCheckBox(self.tr("Keep API conversations in the history"))
        self.api_log.setChecked(self.before.api_log_conversations)
        form.addRow("", self.api_log)
        lay.addWidget(api)

        gpu = QGroupBox(self.tr("GPU"))
        form = QFormLayout(gpu)
        self.gpu_cap = QSpinBox()
        self.gpu_cap.setAccessibleName(self.tr("GPU memory Wren may use"))
        self.gpu_cap.setRange(0, 4096)
        self.gpu_cap.setSuffix(self.tr(" GB"))
        self.gpu_cap.setSpecialValueText(self.tr("All free memory"))
        self.gpu_cap.setValue(round(self.before.gpu_cap_bytes / 2**30))
        self.gpu_cap.setToolTip(self.tr(
            "Wren plans how much of a model goes to the GPU from its free memory, less a "
            "safety margin of 512 MB. Set a limit to keep room for other programs (games, "
            "video, other models)."))
        form.addRow(self.tr("GPU memory Wren may use"), self.gpu_cap)
        lay.addWidget(gpu)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _show_usage(self) -> None:
        files = self.cache.files()
        used = sum(p.stat().st_size for p in files)
        self.cache_usage.setText(self.tr("{size} in use by %n saved reading(s)", "", len(files))
                                 .format(size=_mb(used)))
        self.clear_btn.setEnabled(bool(files))

    def clear_cache(self) -> None:
        for p in self.cache.files():
            p.unlink(missing_ok=True)
        self._show_usage()

    def chosen(self) -> Preferences:
        return Preferences(summary_length=str(self.length.currentData()),
                           cache_cap_bytes=self.cache_cap.value() * MB,
                           api_port=self.port.value(),
                           api_log_conversations=self.api_log.isChecked(),
                           gpu_cap_bytes=self.gpu_cap.value() * 2**30,
                           language=str(self.language.currentData() or ""))

    def apply(self) -> Preferences:
        """Store the choices (a smaller cap evicts at once). Returns them."""
        p = self.chosen()
        self.store.set_setting(setting_names.DOCUMENT_SUMMARY_LENGTH, p.summary_length)
        if p.cache_cap_bytes != self.before.cache_cap_bytes:
            self.cache.set_cap(p.cache_cap_bytes)
        self.store.set_setting(setting_names.API_PORT, p.api_port)
        self.store.set_setting(setting_names.API_LOG_CONVERSATIONS, p.api_log_conversations)
        self.store.set_setting(setting_names.GPU_MEMORY_CAP, p.gpu_cap_bytes)
        self.store.set_setting(setting_names.UI_LANGUAGE, p.language)
        return p
