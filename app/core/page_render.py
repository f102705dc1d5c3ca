"""A PDF page as pixels, with the boxes of a passage on it: what the document pane shows when a
citation is clicked. pypdfium2 only (no Qt): the window converts the bytes into an image on its
side. Runs on a worker thread.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.citations import find_passage
from app.core.errors import BadInput

if TYPE_CHECKING:
    from pypdfium2 import PdfTextPage  # pypdfium2 ships no type hints: this is Any to mypy

Rect = tuple[float, float, float, float]  # left, top, right, bottom in image pixels


@dataclass(frozen=True)
class PageImage:
    """One rendered page: 32-bit pixels (bytes B, G, R, x per pixel), and highlight boxes."""

    page: int  # 1-based
    pages: int
    width: int
    height: int
    stride: int
    data: bytes
    rects: tuple[Rect, ...] = ()
    found: bool = False  # the passage was located on the page


def passage_rects(textpage: PdfTextPage, page_height: float, passage: str, scale: float
                  ) -> tuple[Rect, ...]:
    """The passage's text boxes on a page (pdfium merges a line's characters into one box)."""
    import pypdfium2.raw as raw

    tp = textpage.raw
    n = raw.FPDFText_CountChars(tp)
    if n <= 0 or not passage.strip():
        return ()
    # One character per index (get_text_range may not map 1:1 to indices).
    chars = []
    for i in range(n):
        cp = raw.FPDFText_GetUnicode(tp, i)
        chars.append(chr(cp) if 0 < cp < 0x110000 else "")
    span = find_passage(chars, passage)
    if span is None:
        return ()
    start, end = span
    count = textpage.count_rects(start, end - start)
    out = []
    for k in range(count):
        left, bottom, right, top = textpage.get_rect(k)
        out.append((left * scale, (page_height - top) * scale,
                    right * scale, (page_height - bottom) * scale))
    return tuple(out)


def render_pdf_page(path: str | os.PathLike[str], page: int, passage: str = "",
                    scale: float = 1.5) -> PageImage:
    """Render page `page` (1-based) of the PDF at `path`. A page out of range, a missing or
    unreadable file: BadInput with one line."""
    import pypdfium2 as pdfium

    name = os.path.basename(os.fspath(path))
    if not os.path.isfile(path):
        raise BadInput(f"{name}: the file is no longer at {path}")
    try:
        pdf = pdfium.PdfDocument(os.fspath(path))
    except pdfium.PdfiumError:
        raise BadInput(f"{name}: the PDF cannot be opened") from None
    try:
        n = len(pdf)
        if not 1 <= page <= n:
            raise BadInput(f"{name} has no page {page} (it has {n})")
        pg = pdf[page - 1]
        try:
            bitmap = pg.render(scale=scale, prefer_bgrx=True)
            try:
                w, h, stride = bitmap.width, bitmap.height, bitmap.stride
                data = bytes(bitmap.buffer)
                if bitmap.n_channels == 3:  # pdfium chose BGR: widen to B, G, R, x
                    data, stride = _bgr_to_bgrx(data, w, h, stride), w * 4
            finally:
                bitmap.close()
            rects: tuple[Rect, ...] = ()
            if passage:
                tp = pg.get_textpage()
                try:
                    rects = passage_rects(tp, pg.get_height(), passage, scale)
                finally:
                    tp.close()
        finally:
            pg.close()
    except pdfium.PdfiumError:
        raise BadInput(f"{name}: page {page} cannot be read") from None
    finally:
        pdf.close()
    return PageImage(page, n, w, h, stride, data, rects, bool(rects))


def _bgr_to_bgrx(data: bytes, w: int, h: int, stride: int) -> bytes:
    import numpy as np

    a = np.frombuffer(data, dtype=np.uint8).reshape(h, stride)[:, : w * 3].reshape(h, w, 3)
    out = np.full((h, w, 4), 255, dtype=np.uint8)
    out[:, :, :3] = a
    return out.tobytes()
