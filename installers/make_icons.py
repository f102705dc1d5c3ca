"""Render resources/icons/wren.svg into the raster icons the installers need.

Run once after editing the SVG (the outputs are committed, so builds need no renderer):
    QT_QPA_PLATFORM=offscreen python installers/make_icons.py
Writes wren.png (256 px, hicolor and window icon), wren.ico (Windows exe/Inno Setup) and
wren.icns (macOS .app), using Qt's own image writers so no extra package is needed.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def render(svg: Path, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv)
    svg = ICONS / "wren.svg"
    big = render(svg, 256)
    for name, fmt, image in (("wren.png", "PNG", big), ("wren.ico", "ICO", big),
                             ("wren.icns", "ICNS", render(svg, 512))):
        if not image.save(str(ICONS / name), fmt):
            print(f"could not write {name} (Qt image plugin for {fmt} missing?)", file=sys.stderr)
            return 1
        print(ICONS / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
