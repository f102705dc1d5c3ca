"""Help > About: Wren's version, the licence of the loaded model (from its GGUF header) and the
bundled components' licences (resources/licenses/THIRD-PARTY.md, rendered as Markdown)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.core.paths import resources_dir
from app.ui.markdown_view import render_markdown


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def model_licence(model_path: str) -> str:
    """general.license of a local GGUF ('' when unknown, remote or unreadable)."""
    if not model_path or model_path.startswith("remote:"):
        return ""
    try:
        from app.core.gguf_info import read_gguf_info

        return read_gguf_info(model_path).license
    except Exception:  # an unreadable header must not break About
        return ""


def about_html(model_path: str = "") -> str:
    from app import __version__
    parts = [f"<h2>Wren {_esc(__version__)}</h2>",
             QCoreApplication.translate("AboutDialog", "<p>Offline chat with small language models, running on this "
                "computer through llama.cpp. Wren is released under the MIT licence.</p>")]
    if model_path:
        lic = model_licence(model_path)
        name = model_path.rsplit("/", 1)[-1]
        parts.append(QCoreApplication.translate("AboutDialog", "<p><b>Loaded model:</b> {name} — licence: {licence}</p>")
                     .format(name=_esc(name), licence=_esc(lic) if lic else QCoreApplication.translate(
                         "AboutDialog", "not stated in the file (see its model card)")))
    third = resources_dir() / "licenses" / "THIRD-PARTY.md"
    if third.is_file():
        parts.append(render_markdown(third.read_text(encoding="utf-8"))[0])
    else:
        parts.append(QCoreApplication.translate("AboutDialog",
                        "<p>(The licence list THIRD-PARTY.md is missing from this build.)</p>"))
    return "\n".join(parts)


class AboutDialog(QDialog):
    def __init__(self, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Wren"))
        self.resize(720, 560)
        lay = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(html)
        self.text.setAccessibleName(self.tr("About Wren and licences"))
        self.text.setTabChangesFocus(True)
        lay.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
