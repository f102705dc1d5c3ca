"""Real document files for tests: PDFs (text, image-only, encrypted), DOCX, zip bombs, text in
other encodings. Written with pypdfium2, python-docx, pypdf and zipfile - no mocks."""
from __future__ import annotations

import random
import zipfile
from pathlib import Path
from typing import Any

WORDS = ("river mountain council budget school library harbour festival bridge railway market "
         "museum hospital village forest bakery orchard lantern meadow tower").split()


def prose(n_paragraphs: int, words_per: int = 60, seed: int = 1, tag: str = "") -> list[str]:
    rnd = random.Random(seed)
    out = []
    for i in range(n_paragraphs):
        body = " ".join(rnd.choice(WORDS) for _ in range(words_per))
        out.append(f"{tag}Paragraph {i + 1}: {body.capitalize()}.")
    return out


def _pdf_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A real PDF with a text layer (Helvetica), one list of lines per page, written by hand
    with a correct xref table, so pdfium reads it as any PDF."""
    objs: list[bytes] = []
    n_pages = len(pages)
    # 1 catalog, 2 pages, 3 font, then (page, content) pairs.
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n_pages))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, lines in enumerate(pages):
        ops = ["BT", "/F1 10 Tf", "14 TL", "50 780 Td"]
        for ln in lines:
            ops.append(f"({_pdf_escape(ln)}) '")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                    f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode())
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def wrap(paragraphs: list[str], width: int = 95) -> list[str]:
    import textwrap

    lines: list[str] = []
    for p in paragraphs:
        lines.extend(textwrap.wrap(p, width))
        lines.append("")
    return lines


def scanned_pdf(path: Path, n_pages: int = 2) -> Path:
    """Pages that hold only an image (what a scanner makes): no text layer."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(n_pages):
        page = pdf.new_page(612, 792)
        img = pdfium.PdfImage.new(pdf)
        bitmap = pdfium.PdfBitmap.new_native(150, 200, pdfium.raw.FPDFBitmap_BGR)
        bitmap.fill_rect((255, 255, 255, 255), 0, 0, 150, 200)
        bitmap.fill_rect((0, 0, 0, 255), 20, 40, 110, 20)  # a bar, like a scanned text line
        img.set_bitmap(bitmap)
        img.set_matrix(pdfium.PdfMatrix().scale(450, 600).translate(80, 100))
        page.insert_obj(img)
        page.gen_content()
        page.close()
    pdf.save(str(path))
    pdf.close()
    return path


def encrypted_pdf(path: Path, src: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    for p in PdfReader(str(src)).pages:
        w.add_page(p)
    w.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with open(path, "wb") as fh:
        w.write(fh)
    return path


def docx_file(path: Path, sections: list[tuple[str, list[str]]], table: bool = False) -> Path:
    import docx

    d = docx.Document()
    for heading, paras in sections:
        d.add_heading(heading, level=1)
        for p in paras:
            d.add_paragraph(p)
    if table:
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).text, t.cell(0, 1).text = "Item", "Cost"
        t.cell(1, 0).text, t.cell(1, 1).text = "Bridge repair", "120000"
    d.save(str(path))
    return path


def zip_bomb_docx(path: Path, unpacked_mb: int = 300) -> Path:
    """A DOCX-shaped zip whose one part unpacks to `unpacked_mb` MB of zeros (~0.3 MB packed)."""
    block = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            for _ in range(unpacked_mb):
                fh.write(block)
    return path


def text_image(lines: list[str], width: int = 1240, font_px: int = 34) -> Any:
    """A white page with black text lines, like a scan at ~150 dpi (a PIL image)."""
    from PIL import Image, ImageDraw, ImageFont

    line_h = int(font_px * 1.9)
    img = Image.new("RGB", (width, max(200, 80 + line_h * len(lines))), "white")
    d = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", font_px)
    except OSError:  # no DejaVu: Pillow's own scalable font
        font = ImageFont.load_default(size=font_px)
    for i, line in enumerate(lines):
        d.text((60, 40 + i * line_h), line, fill="black", font=font)
    return img


def image_file(path: Path, lines: list[str] | list[list[str]]) -> Path:
    """PNG/JPEG/TIFF by suffix; a list of pages (lists of lines) makes a multi-page TIFF."""
    pages = lines if lines and isinstance(lines[0], list) else [lines]
    imgs = [text_image(p) for p in pages]  # type: ignore[arg-type]
    if len(imgs) > 1:
        imgs[0].save(path, save_all=True, append_images=imgs[1:])
    else:
        imgs[0].save(path)
    return path


def scanned_text_pdf(path: Path, pages: list[list[str]], text_pages: dict[int, list[str]] | None
                     = None) -> Path:
    """An image-only PDF whose pages are pictures of the given lines (no text layer), like a
    scanner's output. text_pages: 0-based pages that get a real text layer instead (mixed PDF)."""
    import pypdfium2 as pdfium

    text_pages = text_pages or {}
    pdf = pdfium.PdfDocument.new()
    for i, lines in enumerate(pages):
        page = pdf.new_page(612, 792)
        if i not in text_pages:
            img = pdfium.PdfImage.new(pdf)
            pil = text_image(lines)
            bitmap = pdfium.PdfBitmap.from_pil(pil)
            img.set_bitmap(bitmap)
            w = 612 - 60
            img.set_matrix(pdfium.PdfMatrix().scale(w, w * pil.height / pil.width)
                           .translate(30, 792 - 30 - w * pil.height / pil.width))
            page.insert_obj(img)
            page.gen_content()
        page.close()
    pdf.save(str(path))
    pdf.close()
    if text_pages:
        # Pages with a real text layer come from text_pdf, merged in by page number.
        tmp = path.with_name(path.stem + ".text.pdf")
        text_pdf(tmp, [text_pages.get(i, [" "]) for i in range(len(pages))])
        scan, txt, out = (pdfium.PdfDocument(str(path)), pdfium.PdfDocument(str(tmp)),
                          pdfium.PdfDocument.new())
        for i in range(len(pages)):
            out.import_pages(txt if i in text_pages else scan, [i])
        scan.close()
        txt.close()
        out.save(str(path))
        out.close()
        tmp.unlink()
    return path
