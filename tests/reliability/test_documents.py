"""Bad documents, through the core (`extract_document`) and `python main.py summarize`.

tests/unit/test_documents.py (the documents helper's) already covers at core level: empty,
whitespace only, empty DOCX, scanned/encrypted/corrupt PDF, a text file renamed .pdf, corrupt
DOCX, zip bomb, unsupported types, binary renamed .txt, the size and length limits, missing
file and folder; tests/e2e/test_summarize.py runs four of them through the CLI. Here: that
whole list through the CLI (exit 2, one line, nothing stored, no model loaded), and at
core level what was missing: invalid UTF-8, UTF-16 without BOM, a 500 MB file refused without
reading it, a file that vanishes while being read, a path with unicode and spaces.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.core.documents import DocumentError, extract_document
from tests.conftest import ROOT, run_cli
from tests.doc_factory import encrypted_pdf, prose, scanned_pdf, text_pdf, wrap, zip_bomb_docx
from tests.reliability.conftest import db_rows, one_line_error

TEXT = ("The council met on Tuesday. It approved a budget for road repairs, a new library in "
        "São Paulo street and a café. ") * 8
UNICODE_DIR = "Dokumente mit Leerzeichen — 文档"
UNICODE_NAME = "Relatório final (cópia) 2024 — 議事録.txt"


def _w(p: Path, data: bytes) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)
    return p


def _sparse(p: Path, size: int) -> Path:
    with open(p, "wb") as fh:  # a hole: instant to make, nothing on disk
        fh.truncate(size)
    return p


def _corrupt_pdf(d: Path) -> Path:
    good = text_pdf(d / "good.pdf", [wrap(prose(3))]).read_bytes()
    return _w(d / "corrupt.pdf", good[: len(good) // 3] + b"\x00garbage" * 50)


BAD = {  # case -> (make file in dir, words in the message)
    "empty": (lambda d: _w(d / "empty.txt", b""), "empty"),
    "whitespace-only": (lambda d: _w(d / "blank.md", b" \n\t\r\n   \n"), "no text"),
    "binary-renamed": (lambda d: _w(d / "notes.txt", b"\x7fELF\x02\x01" + os.urandom(4000)),
                       "not a text file"),
    "random-bytes-as-txt": (lambda d: _w(d / "data.txt", os.urandom(8000).replace(b"\0", b"\1")
                                         + b"\0" * 64), "binary file"),
    "encrypted-pdf": (lambda d: encrypted_pdf(d / "locked.pdf", text_pdf(d / "p.pdf", [["Plans."]])),
                      "encrypted"),
    "corrupt-pdf": (_corrupt_pdf, "corrupt"),
    "scanned-pdf": (lambda d: scanned_pdf(d / "scan.pdf"), "scanned document"),
    "docx-zip-bomb": (lambda d: zip_bomb_docx(d / "bomb.docx", unpacked_mb=60), "zip bomb"),
    "500MB-text": (lambda d: _sparse(d / "huge.txt", 500 * 1024 * 1024), "Wren reads documents up to"),
    "gone-before-start": (lambda d: d / "vanished.txt", "not found"),
    "unicode-path-binary": (lambda d: _w(d / UNICODE_DIR / "Präsentation (final).pdf",
                                         b"%PDF-1.7\n" + os.urandom(3000)), "Präsentation (final).pdf"),
    "docx-that-is-a-pdf": (lambda d: _w(d / "letter.docx", b"%PDF-1.4\n" + os.urandom(500)),
                           "not a DOCX"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_document_core_and_cli(case, tmp_path, data_dir) -> None:
    make, words = BAD[case]
    p = make(tmp_path)
    with pytest.raises(DocumentError) as ei:
        extract_document(p)
    assert words in str(ei.value) and "\n" not in str(ei.value)
    r = run_cli("summarize", str(p), data_dir=data_dir, timeout=120)
    assert r.returncode == 2, r.stderr
    assert words in one_line_error(r.stderr)
    assert r.stdout == ""
    assert db_rows(data_dir, "SELECT id FROM documents") == []
    assert db_rows(data_dir, "SELECT id FROM messages") == []


def test_500mb_file_is_refused_without_reading_it(tmp_path) -> None:
    p = _sparse(tmp_path / "huge log.txt", 500 * 1024 * 1024)
    before = _read_chars()
    with pytest.raises(DocumentError, match=r"the file is 500 MB; Wren reads documents up to 100 MB"):
        extract_document(p)
    assert _read_chars() - before < 1024 * 1024  # /proc/self/io: not the 500 MB


def _read_chars() -> int:
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    pytest.skip("no /proc/self/io here")


def test_invalid_utf8_is_read_as_utf8_with_replacements(tmp_path) -> None:
    raw = TEXT.encode("utf-8")
    p = _w(tmp_path / "damaged.txt", raw[:40] + b"\xff\xfe\xc3\x28" + raw[40:300] + b"\x80" + raw[300:])
    doc = extract_document(p)
    assert doc.encoding.startswith("utf-8") and "invalid bytes replaced" in doc.encoding
    assert "São Paulo" in doc.text and "café" in doc.text and "\ufffd" in doc.text


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(enc, tmp_path) -> None:
    for text in (TEXT, "Отчёт за квартал: выручка выросла, расходы снизились. " * 20):
        p = _w(tmp_path / f"{enc}.txt", text.encode(enc))
        doc = extract_document(p)
        assert doc.encoding == enc and doc.text == text.strip()


def test_latin1_text_is_not_taken_for_damaged_utf8(tmp_path) -> None:
    p = _w(tmp_path / "latin1.txt", TEXT.encode("latin-1"))
    doc = extract_document(p)
    assert "\ufffd" not in doc.text and not doc.encoding.startswith("utf-8")


def test_file_vanishing_while_being_read(tmp_path) -> None:
    """A file replaced and deleted over and over (a sync client, a download that restarts) while
    Wren reads it: every read gives the whole text or one clear error, never part of the text
    and never another exception."""
    p = tmp_path / "synced notes.txt"
    stop = threading.Event()

    def churn() -> None:
        i = 0
        while not stop.is_set():
            tmp = tmp_path / f".sync-{i % 2}.tmp"
            tmp.write_text(TEXT, encoding="utf-8")
            os.replace(tmp, p)  # appears whole...
            os.unlink(p)  # ...and vanishes
            i += 1

    t = threading.Thread(target=churn, name="churn")
    t.start()
    outcomes = {"read": 0, "gone": 0}
    try:
        for _ in range(400):
            try:
                doc = extract_document(p)
            except DocumentError as e:
                assert "not found" in str(e) or "cannot be read" in str(e), str(e)
                outcomes["gone"] += 1
            else:
                assert doc.text == TEXT.strip()
                outcomes["read"] += 1
    finally:
        stop.set()
        t.join()
    assert sum(outcomes.values()) == 400


def test_unicode_path_and_file_deleted_during_summarize(tmp_path, data_dir) -> None:
    """A path with unicode and spaces (UTF-16 text without BOM inside) is summarized by the CLI;
    the file is deleted while the model reads it: the summary still completes and is stored,
    because the text was read whole before any model work."""
    p = _w(tmp_path / UNICODE_DIR / UNICODE_NAME, TEXT.encode("utf-16-le"))
    cmd = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "summarize", str(p),
           "--length", "short", "--json"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8")
    first = proc.stderr.readline()  # "wren: <name> (text, N characters)": extracted
    assert UNICODE_NAME in first, first
    p.unlink()
    out, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, first + err
    import json

    res = json.loads(out)
    assert res["text"].strip() and res["mode"] == "single-pass"
    docs = db_rows(data_dir, "SELECT name FROM documents")
    assert docs == [(UNICODE_NAME,)]
    assert db_rows(data_dir, f"SELECT status FROM messages WHERE id={res['message_id']}") == \
        [("complete",)]
