"""`summarize A B DIR/ [--out DIR] [--format md|docx]` on the real starter model: one
conversation per document, files written, bad files listed one line each while the rest go on,
exit codes, --json, and a scanned PDF read by OCR inside a batch."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from app.core.ocr import ocr_available
from tests.conftest import run_cli
from tests.doc_factory import encrypted_pdf, prose, scanned_text_pdf, text_pdf, wrap

try:
    import pypdf  # noqa: F401  (writes the encrypted PDF)
    HAVE_PYPDF = True
except ImportError:
    HAVE_PYPDF = False


def _rows(data_dir: Path, sql: str) -> list[tuple]:
    c = sqlite3.connect(data_dir / "wren.db")
    try:
        return c.execute(sql).fetchall()
    finally:
        c.close()


def _docs(tmp_path: Path) -> Path:
    d = tmp_path / "docs"
    (d / "more").mkdir(parents=True)
    (d / "one.txt").write_text("\n\n".join(prose(2, seed=1)))
    (d / "more" / "two.md").write_text("# Two\n\n" + "\n\n".join(prose(2, seed=2)))
    return d


def _stderr_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.strip()]


@pytest.mark.skipif(not HAVE_PYPDF, reason="pip install pypdf (test extra)")
def test_batch_with_bad_files_goes_on_and_writes_docx(tmp_path, data_dir):
    import docx

    d = _docs(tmp_path)
    extra = tmp_path / "three.pdf"
    text_pdf(extra, [wrap(prose(2, seed=3))])
    bad = tmp_path / "bad"
    bad.mkdir()
    encrypted_pdf(bad / "locked.pdf", text_pdf(tmp_path / "plain.pdf", [["Secret plans."]]))
    good = text_pdf(tmp_path / "good.pdf", [wrap(prose(3))]).read_bytes()
    (bad / "corrupt.pdf").write_bytes(good[: len(good) // 3] + b"\x00garbage" * 50)
    (bad / "empty.docx").write_bytes(b"")
    (bad / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    out = tmp_path / "summaries"
    r = run_cli("summarize", str(d), str(extra), str(bad), "--out", str(out), "--format", "docx",
                "--length", "short", data_dir=data_dir, timeout=900)
    assert r.returncode == 0, r.stderr
    err = _stderr_lines(r.stderr)
    # One line per unreadable file, naming it and the reason.
    assert any(ln.startswith("wren: skipped sheet.xlsx: unsupported document type") for ln in err)
    failed = [ln for ln in err if " failed: " in ln]
    assert len(failed) == 3, err
    assert any("locked.pdf: the PDF is encrypted (password-protected)" in ln for ln in failed)
    assert any("corrupt.pdf: the PDF is corrupt" in ln for ln in failed)
    assert any("empty.docx: the document is empty (0 bytes)" in ln for ln in failed)
    assert "wren: batch 1: 3 summarized, 4 could not be read" in err
    # The rest were summarized: a conversation and a file each, nothing lost.
    names = sorted(n for (n,) in _rows(data_dir, "SELECT name FROM documents"))
    assert names == ["one.txt", "three.pdf", "two.md"]
    assert len(_rows(data_dir, "SELECT id FROM conversations")) == 3
    written = sorted(p.name for p in out.iterdir())
    assert written == ["one.txt.summary.docx", "three.pdf.summary.docx", "two.md.summary.docx"]
    stored = dict(_rows(data_dir, "SELECT d.name, m.text FROM messages m JOIN documents d ON "
                                  "m.document_id = d.id WHERE m.role = 'assistant'"))
    body = [p.text for p in docx.Document(str(out / "three.pdf.summary.docx")).paragraphs]
    assert body[0] == "Summary of three.pdf"
    assert " ".join(stored["three.pdf"].split())[:40] in " ".join(" ".join(body).split())
    # Streamed output: a header per document, then its summary.
    assert r.stdout.count("==> ") == 6


def test_batch_json_and_exit_codes(tmp_path, data_dir):
    d = _docs(tmp_path)
    (d / "zero.txt").write_bytes(b"")
    r = run_cli("summarize", str(d), "--json", "--length", "short", data_dir=data_dir,
                timeout=900)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["succeeded"] == 2 and data["failed"] == 1 and not data["resumed"]
    rows = {x["name"]: x for x in data["documents"]}
    assert rows["zero.txt"]["status"] == "failed"
    assert rows["zero.txt"]["error"] == "zero.txt: the document is empty (0 bytes)"
    assert rows["one.txt"]["summary"]["text"] == rows["one.txt"]["summary"]["text"].strip() != ""
    assert rows["one.txt"]["conversation_id"] == rows["one.txt"]["summary"]["conversation_id"]
    # The same command again: everything was done, nothing is summarized twice; exit 0.
    again = run_cli("summarize", str(d), "--json", "--length", "short", data_dir=data_dir,
                    timeout=900)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["skipped_done"] == 0  # a finished batch is not resumed...
    assert len(_rows(data_dir, "SELECT id FROM documents")) == 4  # ...a new one summarizes again
    # Nothing readable: exit 2, one line per file.
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.txt").write_bytes(b"")
    (bad / "b.xlsx").write_bytes(b"x")
    r = run_cli("summarize", str(bad), data_dir=data_dir, timeout=300)
    assert r.returncode == 2, r.stderr
    assert "a.txt: the document is empty (0 bytes)" in r.stderr
    assert "b.xlsx: unsupported document type" in r.stderr
    assert "Traceback" not in r.stderr
    # --format docx without --out is bad input.
    r = run_cli("summarize", str(d), "--format", "docx", data_dir=data_dir, timeout=120)
    assert r.returncode == 2 and "needs --out DIR" in r.stderr


@pytest.mark.skipif(not ocr_available(), reason="pip install rapidocr-onnxruntime")
def test_scanned_pdf_in_a_batch_is_read_by_ocr(tmp_path, data_dir):
    d = tmp_path / "mixed"
    d.mkdir()
    (d / "a.txt").write_text("\n\n".join(prose(2, seed=5)))
    scanned_text_pdf(d / "scan.pdf", [["The harbour council met on Monday.",
                                       "The budget for the bridge was approved."]])
    out = tmp_path / "out"
    r = run_cli("summarize", str(d), "--out", str(out), "--length", "short", data_dir=data_dir,
                timeout=900)
    assert r.returncode == 0, r.stderr
    assert "scan.pdf: 1 page needs OCR, about " in r.stderr
    text = _rows(data_dir, "SELECT text FROM documents WHERE name = 'scan.pdf'")[0][0]
    assert "harbour" in text.lower() and "bridge" in text.lower()
    assert sorted(p.name for p in out.iterdir()) == ["a.txt.summary.md", "scan.pdf.summary.md"]
    # The OCR text is cached by file hash: a single summary of the same file reads no page.
    r = run_cli("summarize", str(d / "scan.pdf"), "--length", "short", data_dir=data_dir,
                timeout=600)
    assert r.returncode == 0, r.stderr
    assert "scan.pdf: 1 page needs OCR (all in the OCR cache: no reading needed)" in r.stderr


def test_runner_pause_and_cancel_per_item(store, data_dir, tmp_path, starter_model):
    """BatchRunner (the core the CLI uses): cancel a waiting document, pause the running one
    while it is read; the others go on, and the paused one keeps the batch open."""
    from app.core.batch import BatchQueue, BatchRunner, expand_paths
    from app.core.engine import Engine
    from app.core.models import InstalledModel
    from app.core.summarize import Summarizer, SummaryOptions

    d = tmp_path / "four"
    d.mkdir()
    for i in range(1, 5):
        (d / f"n{i}.txt").write_text("\n\n".join(prose(2 if i != 3 else 8, seed=60 + i)))
    model = InstalledModel("smollm2-135m-instruct", str(starter_model), "SmolLM2",
                           starter_model.stat().st_size, "starter")
    engine = Engine()
    q = BatchQueue(store)
    bid, _ = q.open(expand_paths([d]), model=model.id)
    ids = {i.name: i.id for i in q.items(bid)}
    runner = BatchRunner(store, Summarizer(store, data_dir / "cache", engine), model,
                         SummaryOptions(length="short"), data_dir / "cache")
    events: list[tuple[str, str]] = []

    def on_event(ev):
        events.append((ev.kind, ev.item.name))
        if ev.kind == "done" and ev.item.name == "n1.txt":
            runner.cancel_item(ids["n2.txt"])
        if ev.kind == "progress" and ev.item.name == "n3.txt" and ev.progress.item_fraction > 0:
            runner.pause_item(ids["n3.txt"])

    try:
        report = runner.run(bid, on_event=on_event)
    finally:
        engine.unload()
    assert [i.name for i in report.done] == ["n1.txt", "n4.txt"]
    assert {i.name: i.status for i in report.cancelled} == {"n2.txt": "cancelled",
                                                            "n3.txt": "paused"}
    assert ("paused", "n3.txt") in events and ("started", "n2.txt") not in events
    assert q.batch(bid)["status"] == "running"  # the paused document keeps it open
    assert sorted(x.name for x in store.list_documents()) == ["n1.txt", "n4.txt"]
    # Resumed, it is summarized and the batch closes.
    assert q.resume(ids["n3.txt"])
    engine2 = Engine()
    try:
        r2 = BatchRunner(store, Summarizer(store, data_dir / "cache", engine2), model,
                         SummaryOptions(length="short"), data_dir / "cache").run(bid)
    finally:
        engine2.unload()
    assert [i.name for i in r2.done] == ["n1.txt", "n3.txt", "n4.txt"] and r2.skipped_done == 2
    assert q.batch(bid)["status"] == "done"
