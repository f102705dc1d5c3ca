"""Text extraction on real files, and every kind of bad document (one clear line each)."""
from __future__ import annotations

import zipfile

import pytest

from app.core.documents import (
    SCANNED_MESSAGE,
    DocumentError,
    check_zip_sizes,
    extract_document,
)
from app.core.errors import BadInput
from tests.doc_factory import (
    docx_file,
    encrypted_pdf,
    prose,
    scanned_pdf,
    text_pdf,
    wrap,
    zip_bomb_docx,
)


def test_pdf_keeps_pages(tmp_path):
    p = text_pdf(tmp_path / "report.pdf", [wrap(prose(2, seed=1)), ["Second page: the budget."]])
    doc = extract_document(p)
    assert doc.kind == "pdf" and doc.pages == 2
    assert [s.page for s in doc.sections] == [1, 2]
    assert "[Page 2]\nSecond page: the budget." in doc.text
    assert doc.text.startswith("[Page 1]\nParagraph 1:")
    # Paragraph units for the chunker: two on page 1 (cut after sentence ends), one on page 2.
    paras = doc.paragraphs()
    assert len(paras) == 3 and paras[2].startswith("[Page 2]")
    assert len(doc.sha256) == 64 and doc.size_bytes == p.stat().st_size


def test_docx_sections_and_tables(tmp_path):
    p = docx_file(tmp_path / "minutes.docx",
                  [("Introduction", ["The council met on Monday."]),
                   ("Budget", ["The bridge costs money."])], table=True)
    doc = extract_document(p)
    assert doc.kind == "docx"
    assert [s.title for s in doc.sections] == ["# Introduction", "# Budget"]
    assert "# Budget\nThe bridge costs money." in doc.text
    assert "Bridge repair | 120000" in doc.text


def test_text_encoding_is_detected_not_assumed(tmp_path):
    body = ("Le conseil municipal s'est réuni à l'hôtel de ville. Les élèves, très nombreux, "
            "ont présenté leur première exposition sur la forêt et le château. ") * 8
    p = tmp_path / "latin1.txt"
    p.write_bytes(body.encode("cp1252"))
    doc = extract_document(p)
    assert "hôtel de ville" in doc.text and "première" in doc.text
    u16 = tmp_path / "utf16.txt"
    u16.write_bytes(body.encode("utf-16"))
    assert "château" in extract_document(u16).text


def test_markdown_sections(tmp_path):
    p = tmp_path / "notes.md"
    p.write_text("Intro line.\n\n# First\n\nAlpha text.\n\n```\n# not a heading\n```\n\n## Second\n\n"
                 "Beta text.\n", encoding="utf-8")
    doc = extract_document(p)
    assert [s.title for s in doc.sections] == ["", "# First", "## Second"]
    assert "# not a heading" in doc.sections[1].text


def test_html_gives_text_not_markup(tmp_path):
    p = tmp_path / "page.html"
    p.write_text("<html><head><title>T</title><style>p{color:red}</style></head><body>"
                 "<h1>News</h1><p>The <b>harbour</b> opens &amp; closes.</p>"
                 "<script>alert('x')</script><h2>Sport</h2><p>We won.</p></body></html>",
                 encoding="utf-8")
    doc = extract_document(p)
    assert doc.kind == "html"
    assert "The harbour opens & closes." in doc.text
    assert "<" not in doc.text and "alert" not in doc.text and "color" not in doc.text
    assert [s.title for s in doc.sections] == ["# News", "## Sport"]


def test_csv_and_rst(tmp_path):
    c = tmp_path / "t.csv"
    c.write_text("name,cost\nbridge,12\n", encoding="utf-8")
    assert extract_document(c).text == "name,cost\nbridge,12"
    r = tmp_path / "t.rst"
    r.write_text("Title\n=====\n\nBody text here.\n", encoding="utf-8")
    assert "Body text here." in extract_document(r).text


# ------------------------------------------------------------------- bad documents
def _bad(path, match):
    with pytest.raises(DocumentError, match=match) as ei:
        extract_document(path)
    msg = str(ei.value)
    assert "\n" not in msg and msg.startswith(path.name + ":")
    assert isinstance(ei.value, BadInput)  # CLI exit 2
    return msg


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert _bad(p, "empty") == "empty.txt: the document is empty (0 bytes)"


def test_whitespace_only(tmp_path):
    p = tmp_path / "blank.md"
    p.write_text("  \n\n\t \n", encoding="utf-8")
    assert "empty or only whitespace" in _bad(p, "no text")


def test_empty_docx(tmp_path):
    import docx

    p = tmp_path / "empty.docx"
    docx.Document().save(str(p))
    assert "empty or only whitespace" in _bad(p, "no text")


def test_scanned_pdf(tmp_path):
    p = scanned_pdf(tmp_path / "scan.pdf")
    msg = _bad(p, "no text found")
    assert SCANNED_MESSAGE in msg and "scanned document" in msg


def test_encrypted_pdf(tmp_path):
    src = text_pdf(tmp_path / "plain.pdf", [["Secret plans."]])
    p = encrypted_pdf(tmp_path / "locked.pdf", src)
    assert "password-protected" in _bad(p, "encrypted")


def test_corrupt_pdf(tmp_path):
    good = text_pdf(tmp_path / "good.pdf", [wrap(prose(3))]).read_bytes()
    p = tmp_path / "broken.pdf"
    p.write_bytes(good[:40] + b"\x00garbage" * 20)
    assert "cannot be opened" in _bad(p, "corrupt")


def test_pdf_that_is_not_a_pdf(tmp_path):
    p = tmp_path / "fake.pdf"
    p.write_text("hello, I am text", encoding="utf-8")
    assert "renamed" in _bad(p, "not a PDF")


def test_corrupt_docx(tmp_path):
    p = tmp_path / "broken.docx"
    p.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert "not a readable zip" in _bad(p, "corrupt")
    q = tmp_path / "other.docx"
    with zipfile.ZipFile(q, "w") as z:
        z.writestr("hello.txt", "not word")
    assert "word/document.xml" in _bad(q, "not a Word document")


def test_zip_bomb_docx_refused_before_unpacking(tmp_path):
    p = zip_bomb_docx(tmp_path / "bomb.docx", unpacked_mb=60)
    assert p.stat().st_size < 2 * 2**20
    assert _bad(p, "zip bomb") == ("bomb.docx: refused: a part of this DOCX unpacks 229:1 to "
                                   "60 MB (a zip bomb?)")
    # A plain (not bomb-like) zip that still unpacks past the limit is refused too.
    q = tmp_path / "huge.docx"
    with zipfile.ZipFile(q, "w", compression=zipfile.ZIP_STORED) as z:
        z.writestr("word/document.xml", b"x" * (3 * 2**20))
    with zipfile.ZipFile(q) as z, pytest.raises(DocumentError, match="unpacks to 3 MB"):
        check_zip_sizes(q, z, limit=2**20)


def test_unsupported_type(tmp_path):
    p = tmp_path / "sheet.xlsx"
    p.write_bytes(b"PK\x03\x04stuff")
    assert "'.xlsx'" in _bad(p, "unsupported document type")
    q = tmp_path / "noext"
    q.write_text("text", encoding="utf-8")
    assert _bad(q, "unsupported").startswith("noext:")


@pytest.mark.parametrize("payload,expected", ids=["png", "elf", "bytes"], argvalues=[
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
     "notes.txt: this is not a text file: it is a PNG image renamed to .txt"),
    (b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 4,
     "notes.txt: this is not a text file: it is a program renamed to .txt"),
    (bytes(range(256)) * 16, "notes.txt: this is a binary file, not text (renamed to .txt?)"),
])
def test_binary_renamed_txt(tmp_path, payload, expected):
    p = tmp_path / "notes.txt"
    p.write_bytes(payload)
    assert _bad(p, "text") == expected


def test_size_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"word " * 300_000)  # 1.5 MB
    msg = _bad_with_limit(p)
    assert "MB" in msg and "up to" in msg


def _bad_with_limit(p):
    with pytest.raises(DocumentError, match="Wren reads documents up to") as ei:
        extract_document(p, max_bytes=1 * 2**20)
    return str(ei.value)


def test_text_length_limit(tmp_path):
    p = tmp_path / "long.txt"
    p.write_text("abc " * 5000, encoding="utf-8")
    with pytest.raises(DocumentError, match="characters"):
        extract_document(p, max_chars=10_000)


def test_missing_and_folder(tmp_path):
    missing = tmp_path / "nope.pdf"
    assert _bad(missing, "not found") == f"nope.pdf: file not found ({missing})"
    d = tmp_path / "dir.txt"
    d.mkdir()
    assert _bad(d, "folder") == "dir.txt: is a folder, not a document"
