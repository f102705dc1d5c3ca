"""Text out of documents: PDF, DOCX, TXT/MD/RST/CSV, HTML and images, keeping page or section
boundaries. PDF pages without a text layer and PNG/JPEG/TIFF images are read by OCR
(app.core.ocr, offline; the only thing extraction writes is the OCR cache, when given one).

Runs on a worker thread (never the GUI thread): `extract_document(path)` returns plain data.
Every way a file can be unusable ends in a `DocumentError` (a BadInput: CLI exit 2) with one
line that names the file and says what is wrong. Extraction never writes anything, so a failure
cannot leave a half-stored document behind.
"""
from __future__ import annotations

import hashlib
import os
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from app.core.errors import BadInput
from app.core.ocr import IMAGE_SUFFIXES, OcrOptions

# Limits: a document bigger than this is refused before it is read.
MAX_FILE_BYTES = 100 * 1024 * 1024
# Extracted text longer than this (about 500K tokens) is more than any local model can read.
MAX_TEXT_CHARS = 2_000_000
# A DOCX whose parts would unpack to more than this (or compress > 200:1 and exceed 20 MB) is a
# zip bomb: we check the sizes in the zip directory before opening anything.
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024
ZIP_BOMB_RATIO = 200
ZIP_BOMB_MIN_BYTES = 20 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".rst", ".csv", ".tsv", ".text", ".log"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | IMAGE_SUFFIXES | {".pdf", ".docx"}
# An image with more pixels than this is refused before decoding (a 600-dpi A3 scan is ~70 M;
# Pillow itself refuses over ~179 M as a decompression bomb).
MAX_IMAGE_PIXELS = 150_000_000

SCANNED_MESSAGE = ("no text found — this looks like a scanned document, and OCR could not read "
                   "text on any of its pages")
NO_OCR_MESSAGE = "no text found — this looks like a scanned document (OCR is turned off)"


class DocumentError(BadInput):
    """A document cannot be read. The message names the file."""


@dataclass(frozen=True)
class Section:
    """One page (PDF) or one heading's section (DOCX, Markdown, HTML) of a document."""

    text: str
    page: int | None = None  # 1-based PDF page
    title: str = ""


@dataclass(frozen=True)
class ExtractedDocument:
    """A document's text. Plain data: safe to pass between threads."""

    name: str
    path: str
    kind: str  # pdf, docx, text, markdown, csv, html
    sha256: str
    size_bytes: int
    sections: tuple[Section, ...]
    pages: int = 0  # PDF pages; 0 for other kinds
    encoding: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The whole text, with page markers ("[Page 3]") or headings kept so the summary can
        cite them."""
        parts = []
        for s in self.sections:
            if s.page is not None:
                parts.append(f"[Page {s.page}]\n{s.text}")
            elif s.title and not s.text.lstrip().startswith(s.title):
                parts.append(f"{s.title}\n{s.text}")
            else:
                parts.append(s.text)
        return "\n\n".join(p.strip() for p in parts if p.strip())

    @property
    def chars(self) -> int:
        return len(self.text)

    def paragraphs(self) -> list[str]:
        """Units a chunker may cut between: paragraphs, each tagged with its page."""
        out: list[str] = []
        for s in self.sections:
            head = f"[Page {s.page}]\n" if s.page is not None else (
                f"{s.title}\n" if s.title and not s.text.lstrip().startswith(s.title) else "")
            paras = [p.strip() for p in s.text.split("\n\n") if p.strip()]
            if len(paras) == 1 and "\n" in paras[0]:
                # PDFs have no blank lines between paragraphs: cut after sentence-ending lines.
                paras = _sentence_blocks(paras[0])
            for i, p in enumerate(paras):
                out.append((head + p) if i == 0 else p)
        return out


def _sentence_blocks(text: str) -> list[str]:
    out, cur = [], []
    for line in text.split("\n"):
        cur.append(line)
        if line.rstrip().endswith((".", "!", "?", ":", "。")):
            out.append("\n".join(cur).strip())
            cur = []
    if cur:
        out.append("\n".join(cur).strip())
    return [p for p in out if p]


def _fail(path: Path, why: str) -> DocumentError:
    return DocumentError(f"{path.name}: {why}")


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB" if n >= 2**20 else f"{n / 1024:,.0f} KB"


def extract_document(path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES,
                     max_chars: int = MAX_TEXT_CHARS,
                     ocr: OcrOptions | None = None) -> ExtractedDocument:
    """Read a document's text. Raises DocumentError with a one-line reason, Cancelled when
    `ocr.cancel` is set during OCR. `ocr` None: OCR on, no cache, no progress. Pages OCR could
    not read are listed in `extra["warnings"]` (one line each) and `extra["ocr_unreadable"]`."""
    ocr = ocr if ocr is not None else OcrOptions()
    path = Path(path)
    if not path.exists():
        raise _fail(path, f"file not found ({path})")
    if path.is_dir():
        raise _fail(path, "is a folder, not a document")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        kinds = "PDF, DOCX, TXT, MD, RST, CSV, HTML, PNG, JPEG, TIFF"
        what = f"'{suffix}' files" if suffix else "files without an extension"
        raise _fail(path, f"unsupported document type: {what} (Wren reads {kinds})")
    try:
        size = path.stat().st_size
    except OSError as e:
        raise _fail(path, f"cannot be read ({e.strerror or e})") from None
    if size == 0:
        raise _fail(path, "the document is empty (0 bytes)")
    if size > max_bytes:
        raise _fail(path, f"the file is {_mb(size)}; Wren reads documents up to {_mb(max_bytes)}")
    try:
        data = path.read_bytes()
    except PermissionError:
        raise _fail(path, "no permission to read this file") from None
    except OSError as e:
        raise _fail(path, f"cannot be read ({e.strerror or e})") from None
    sha = hashlib.sha256(data).hexdigest()
    extra: dict[str, Any] = {}
    if suffix == ".pdf":
        kind, sections, pages, enc = "pdf", *_pdf(path, data), ""
        sections = _ocr_pdf(path, data, sha, sections, ocr, extra)
    elif suffix in IMAGE_SUFFIXES:
        kind, enc = "image", ""
        sections, pages = _image(path, data, sha, ocr, extra)
    elif suffix == ".docx":
        kind, sections, pages, enc = "docx", _docx(path, data), 0, ""
    else:
        text, enc = _decode_text(path, data)
        if suffix in HTML_SUFFIXES:
            kind, sections = "html", _html_sections(text)
        elif suffix in {".md", ".markdown"}:
            kind, sections = "markdown", _markdown_sections(text)
        elif suffix in {".csv", ".tsv"}:
            kind, sections = "csv", (Section(text.strip()),)
        else:
            kind, sections = ("rst" if suffix == ".rst" else "text"), _plain_sections(text)
        pages = 0
    sections = tuple(s for s in sections if s.text.strip())
    if not sections:
        if kind in ("pdf", "image"):
            raise _fail(path, SCANNED_MESSAGE if ocr.enabled else NO_OCR_MESSAGE)
        raise _fail(path, "the document has no text (it is empty or only whitespace)")
    doc = ExtractedDocument(path.name, str(path.resolve()), kind, sha, size, sections, pages, enc,
                            extra)
    if doc.chars > max_chars:
        raise _fail(path, f"the text is {doc.chars:,} characters; Wren reads documents up to "
                          f"{max_chars:,} characters (about {max_chars // 4:,} tokens)")
    return doc


# ------------------------------------------------------------------------------------ PDF
def _pdf(path: Path, data: bytes) -> tuple[tuple[Section, ...], int]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise _fail(path, "not a PDF file (corrupt or renamed)")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code == raw.FPDF_ERR_PASSWORD or "password" in str(e).lower():
            raise _fail(path, "the PDF is encrypted (password-protected): "
                              "save an unprotected copy and try again") from None
        if code == raw.FPDF_ERR_SECURITY:
            raise _fail(path, "the PDF uses an unsupported security handler") from None
        raise _fail(path, "the PDF is corrupt and cannot be opened") from None
    try:
        n = len(pdf)
        if n == 0:
            raise _fail(path, "the PDF has no pages")
        sections = []
        for i in range(n):
            page = pdf[i]
            try:
                tp = page.get_textpage()
                try:
                    text = tp.get_text_range()
                finally:
                    tp.close()
            finally:
                page.close()
            text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
            sections.append(Section(_tidy(text), page=i + 1))
        return tuple(sections), n
    except pdfium.PdfiumError:
        raise _fail(path, "the PDF is corrupt (a page cannot be read)") from None
    finally:
        pdf.close()


def _ocr_pdf(path: Path, data: bytes, sha: str, sections: tuple[Section, ...],
             ocr: OcrOptions, extra: dict[str, Any]) -> tuple[Section, ...]:
    """Pages without a text layer are rendered and read by OCR; their text replaces the empty
    page, in page order."""
    blank = [s.page for s in sections if s.page is not None and not s.text.strip()]
    if not blank or not ocr.enabled:
        return sections
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        from app.core.ocr import read_pages, render_pdf_page

        texts, unreadable = read_pages(path.name, sha, blank, lambda n: render_pdf_page(pdf, n),
                                       ocr)
    except pdfium.PdfiumError:
        raise _fail(path, "the PDF is corrupt (a scanned page cannot be rendered)") from None
    finally:
        pdf.close()
    _note_ocr(path, blank, unreadable, extra)
    return tuple(Section(_tidy(texts.get(s.page, "")), page=s.page)
                 if s.page in texts else s for s in sections)


def _note_ocr(path: Path, pages: list[int], unreadable: list[int], extra: dict[str, Any]) -> None:
    from app.core.ocr import engine_version

    extra["ocr_pages"] = list(pages)
    extra["ocr_engine"] = engine_version()
    extra["ocr_unreadable"] = list(unreadable)
    if unreadable and len(unreadable) < len(pages):  # all unreadable: the whole file fails
        which = ", ".join(str(p) for p in unreadable)
        extra.setdefault("warnings", []).append(
            f"{path.name}: OCR could not read page{'s' if len(unreadable) > 1 else ''} {which} "
            "(no text recognised); the summary leaves {0} out".format(
                "them" if len(unreadable) > 1 else "it"))


# ---------------------------------------------------------------------------------- images
def _image(path: Path, data: bytes, sha: str, ocr: OcrOptions,
           extra: dict[str, Any]) -> tuple[tuple[Section, ...], int]:
    """PNG, JPEG and TIFF (every frame of a multi-page TIFF is a page), read by OCR."""
    import io
    import warnings

    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Sizes are checked below, with a message of our own.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            w, h = img.size
            if w * h > MAX_IMAGE_PIXELS:
                raise _fail(path, f"refused: the image is {w * h / 1e6:,.0f} megapixels "
                                  f"(Wren reads up to {MAX_IMAGE_PIXELS / 1e6:,.0f})")
            frames = int(getattr(img, "n_frames", 1) or 1)
            img.load()
    except Image.DecompressionBombError:
        raise _fail(path, f"refused: the image has more than {MAX_IMAGE_PIXELS / 1e6:,.0f} "
                          "megapixels (a decompression bomb?)") from None
    except UnidentifiedImageError:
        raise _fail(path, "the image is corrupt or not a PNG, JPEG or TIFF file") from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise _fail(path, "the image is corrupt (it cannot be decoded)") from None
    if not ocr.enabled:
        return (), frames

    def render(page: int) -> Any:
        import numpy as np

        try:
            img.seek(page - 1)
            return np.asarray(img.convert("RGB"))
        except (OSError, ValueError, EOFError):
            raise _fail(path, f"the image is corrupt (page {page} cannot be decoded)") from None

    from app.core.ocr import read_pages

    pages = list(range(1, frames + 1))
    texts, unreadable = read_pages(path.name, sha, pages, render, ocr)
    _note_ocr(path, pages, unreadable, extra)
    return tuple(Section(_tidy(texts[p]), page=p) for p in pages), frames


# ----------------------------------------------------------------------------------- DOCX
def check_zip_sizes(path: Path, zf: zipfile.ZipFile, limit: int = MAX_DOCX_UNCOMPRESSED) -> None:
    """Refuse zip bombs from the sizes in the zip directory, before anything is unpacked."""
    total = 0
    for info in zf.infolist():
        total += info.file_size
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > ZIP_BOMB_MIN_BYTES and ratio > ZIP_BOMB_RATIO:
            raise _fail(path, f"refused: a part of this DOCX unpacks {ratio:,.0f}:1 to "
                              f"{_mb(info.file_size)} (a zip bomb?)")
    if total > limit:
        raise _fail(path, f"refused: this DOCX unpacks to {_mb(total)} (limit {_mb(limit)})")


def _docx(path: Path, data: bytes) -> tuple[Section, ...]:
    import io

    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise _fail(path, "this is an encrypted or old-format Word file (.doc): "
                          "save it as an unprotected .docx")
    if data[:2] != b"PK":
        raise _fail(path, "not a DOCX file (corrupt or renamed)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            check_zip_sizes(path, zf)
            if "word/document.xml" not in zf.namelist():
                raise _fail(path, "not a Word document (no word/document.xml inside)")
            bad = zf.testzip()
            if bad is not None:
                raise _fail(path, f"the DOCX is corrupt (damaged part {bad})")
    except zipfile.BadZipFile:
        raise _fail(path, "the DOCX is corrupt (not a readable zip archive)") from None
    except (OSError, EOFError, ValueError) as e:
        raise _fail(path, f"the DOCX is corrupt ({e})") from None
    import docx

    try:
        d = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many kinds (KeyError, XMLSyntaxError...)
        raise _fail(path, f"the DOCX is corrupt ({type(e).__name__})") from None
    sections: list[Section] = []
    title = ""
    buf: list[str] = []

    def flush() -> None:
        if buf or title:
            sections.append(Section("\n\n".join(buf), title=title))

    # Paragraphs and tables in body order; a heading starts a new section.
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in d.iter_inner_content():
        if isinstance(block, Paragraph):
            text = block.text.strip()
            style = (block.style.name if block.style is not None else "") or ""
            if style.lower().startswith(("heading", "title")) and text:
                flush()
                level = "".join(ch for ch in style if ch.isdigit()) or "1"
                title, buf = "#" * int(level[:1] or 1) + " " + text, []
            elif text:
                buf.append(text)
        elif isinstance(block, Table):
            rows = []
            for row in block.rows:
                cells = [c.text.strip() for c in row.cells]
                rows.append(" | ".join(cells))
            if rows:
                buf.append("\n".join(rows))
    flush()
    return tuple(sections)


# ----------------------------------------------------------------------------------- text
_MAGIC = {
    b"%PDF": "a PDF document", b"PK\x03\x04": "a zip archive (DOCX, XLSX...)",
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GGUF": "a GGUF model",
    b"\x7fELF": "a program", b"MZ": "a Windows program", b"\xd0\xcf\x11\xe0": "an old Office file",
    b"GIF8": "a GIF image", b"\x1f\x8b": "a gzip archive",
}


def _decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """Detect the encoding (never assume UTF-8); refuse binary files renamed to text."""
    from charset_normalizer import from_bytes

    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise _fail(path, f"this is not a text file: it is {what} renamed to {path.suffix}")
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        best = from_bytes(data).best()  # a BOM names the encoding (UTF-16 contains NULs)
    elif b"\x00" in data[:65536]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise _fail(path, f"this is a binary file, not text (renamed to {path.suffix}?)")
    else:
        mostly = _mostly_utf8(data)
        if mostly is not None:
            return mostly
        best = from_bytes(data).best()
    if best is None:
        raise _fail(path, f"this is a binary file, not text (renamed to {path.suffix}?)")
    text = str(best).replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    # Text full of control characters is binary that happened to decode.
    sample = text[:65536]
    ctrl = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\t\f\v")
    if sample and ctrl / len(sample) > 0.05:
        raise _fail(path, f"this is a binary file, not text (renamed to {path.suffix}?)")
    return text, best.encoding


def _text_like(text: str) -> bool:
    sample = text[:65536]
    ctrl = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bool(sample) and ctrl / len(sample) <= 0.05 and \
        sum(ch.isprintable() or ch in "\n\r\t" for ch in sample) / len(sample) > 0.95


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a byte-order mark (some Windows tools): its NULs sit on one parity
    (the high byte of every ASCII character). Decoded strictly, and kept only if it reads as text."""
    sample = data[:65536]
    units = len(sample) // 2
    if units < 2:
        return None
    zero_odd = sample[1::2].count(0)
    zero_even = sample[0::2].count(0)
    if zero_odd >= 0.05 * units and zero_even <= zero_odd // 20:
        enc = "utf-16-le"
    elif zero_even >= 0.05 * units and zero_odd <= zero_even // 20:
        enc = "utf-16-be"
    else:
        return None
    try:
        text = data[: len(data) // 2 * 2].decode(enc)
    except UnicodeDecodeError:
        return None
    if not _text_like(text):
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n"), enc


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a few damaged bytes: keep it UTF-8 (bad bytes become U+FFFD) instead of
    letting a detector pick a single-byte code page that garbles every accented letter. Only
    when valid multi-byte sequences clearly outnumber the invalid bytes (a Latin-1 file has none)."""
    try:
        data.decode("utf-8")
        return None  # valid UTF-8: the detector confirms it
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if good < 2 * bad or bad > max(8, len(text) // 100) or not _text_like(text):
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n"), f"utf-8 ({bad} invalid bytes replaced)"


def _tidy(text: str) -> str:
    lines = [ln.rstrip() for ln in text.split("\n")]
    out, blank = [], 0
    for ln in lines:
        blank = blank + 1 if not ln.strip() else 0
        if blank <= 1:
            out.append(ln)
    return "\n".join(out).strip()


def _plain_sections(text: str) -> tuple[Section, ...]:
    return (Section(_tidy(text)),)


def _markdown_sections(text: str) -> tuple[Section, ...]:
    """Split at headings (markdown-it-py finds them; fenced code with '#' lines is not split)."""
    from markdown_it import MarkdownIt

    lines = text.split("\n")
    starts = []
    for tok in MarkdownIt().parse(text):
        if tok.type == "heading_open" and tok.map:
            starts.append(tok.map[0])
    if not starts or starts[0] != 0:
        starts = [0, *starts]
    bounds = [*starts, len(lines)]
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        chunk = _tidy("\n".join(lines[a:b]))
        if chunk:
            first = chunk.split("\n", 1)[0]
            out.append(Section(chunk, title=first if first.startswith("#") else ""))
    return tuple(out)


_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "table", "section", "article", "header", "footer",
               "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "hr", "h1", "h2", "h3", "h4",
               "h5", "h6", "title", "main", "aside", "nav", "figure", "figcaption"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}


class _HTMLText(HTMLParser):
    """HTML to text with the stdlib parser: block tags become line breaks, headings start
    sections, scripts and styles are dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[Section] = []
        self.title = ""
        self.buf: list[str] = []
        self.skip = 0
        self.heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self._flush()
            self.heading = []
        elif tag in _BLOCK_TAGS:
            self.buf.append("\n\n" if tag in {"p", "div", "table", "section", "article"} else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and self.heading is not None:
            self.title = "#" * int(tag[1]) + " " + " ".join("".join(self.heading).split())
            self.heading = None
        elif tag in _BLOCK_TAGS:
            self.buf.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.heading is not None:
            self.heading.append(data)
        else:
            self.buf.append(data)

    def _flush(self) -> None:
        raw_text = "".join(self.buf)
        text = "\n".join(" ".join(ln.split()) for ln in raw_text.split("\n"))
        text = _tidy(text)
        if text or self.title:
            self.sections.append(Section(text, title=self.title))
        self.buf, self.title = [], ""

    def close(self) -> None:
        super().close()
        self._flush()


def _html_sections(text: str) -> tuple[Section, ...]:
    p = _HTMLText()
    p.feed(text)
    p.close()
    return tuple(p.sections)


__all__ = ["DocumentError", "ExtractedDocument", "Section", "extract_document",
           "SUPPORTED_SUFFIXES", "MAX_FILE_BYTES", "SCANNED_MESSAGE", "check_zip_sizes",
           "OcrOptions"]
