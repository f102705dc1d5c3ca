"""The batch queue on a real SQLite store and real files: folders expanded and sorted, files Wren
cannot read listed with their reason, the queue's states (pause, resume, cancel), resuming the
same batch, recovering an item a kill left 'running', and summary files (Markdown, DOCX)."""
from __future__ import annotations

import os

import pytest

from app.core.batch import BatchClock, BatchQueue, Entry, expand_paths
from app.core.errors import BadInput
from app.core.summary_files import SummaryFile, output_name, to_markdown, write_summary_file


def _tree(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / ".hidden").mkdir()
    for rel in ("b.txt", "A.md", "sub/c.pdf", "sub/table.xlsx", ".hidden/x.txt", ".secret.txt",
                "notes"):
        (d / rel).write_bytes(b"some text\n")
    return d


def test_expand_paths_sorts_folders_and_lists_unsupported(tmp_path):
    d = _tree(tmp_path)
    solo = tmp_path / "solo.docx"
    solo.write_bytes(b"PK")
    entries = expand_paths([solo, d, d / "b.txt", tmp_path / "missing.pdf"])
    names = [(e.name, bool(e.reason)) for e in entries]
    assert names == [("solo.docx", False), ("A.md", False), ("b.txt", False), ("notes", True),
                     ("c.pdf", False), ("table.xlsx", True), ("missing.pdf", True)]
    reasons = {e.name: e.reason for e in entries if e.reason}
    assert reasons["table.xlsx"].startswith("table.xlsx: unsupported document type: '.xlsx' files")
    assert reasons["notes"].startswith("notes: unsupported document type: files without an "
                                       "extension")
    assert reasons["missing.pdf"].startswith("missing.pdf: file not found")


def test_queue_states_and_resume(store, tmp_path):
    d = _tree(tmp_path)
    entries = expand_paths([d])
    q = BatchQueue(store)
    bid, resumed = q.open(entries, model="m", options={"length": "short"})
    assert not resumed
    items = q.items(bid)
    assert [i.status for i in items] == ["queued", "queued", "unsupported", "queued",
                                         "unsupported"]
    first = q.next_item(bid)
    assert first is not None and first.name == "A.md"
    q.start(first.id)
    assert q.pause(first.id) and q.item(first.id).status == "paused"
    assert q.next_item(bid).name == "b.txt"  # a paused item is passed over
    assert q.cancel(items[1].id)
    assert q.next_item(bid).name == "c.pdf"
    assert q.resume(first.id) and q.next_item(bid).name == "A.md"
    assert not q.pause(items[2].id)  # an unsupported file cannot be paused
    # The same documents and options: the unfinished batch is found again.
    again, resumed = q.open(expand_paths([d]), model="m", options={"length": "short"})
    assert (again, resumed) == (bid, True)
    other, resumed = q.open(expand_paths([d]), model="m", options={"length": "medium"})
    assert other != bid and not resumed


def test_a_kill_while_running_is_recovered(store, tmp_path):
    """Item left 'running' by a kill: done if its summary was stored after it started (found
    by the document row), else queued again; failed items are retried."""
    a, b, c = (tmp_path / n for n in ("a.txt", "b.txt", "c.txt"))
    for p in (a, b, c):
        p.write_text("text")
    q = BatchQueue(store)
    bid, _ = q.open(expand_paths([a, b, c]))
    ia, ib, ic = q.items(bid)
    q.start(ia.id)
    q.start(ib.id)
    q.fail(ic.id, "c.txt: broken")
    conv = store.create_conversation(title="Summary of a.txt")
    doc = store.add_document(name="a.txt", text="text", conversation_id=conv, path=str(a.resolve()))
    store.add_message(conv, "assistant", "A summary.", document_id=doc)
    again, resumed = q.open(expand_paths([a, b, c]))
    assert again == bid and resumed
    ia, ib, ic = q.items(bid)
    assert (ia.status, ia.conversation_id, ia.document_id) == ("done", conv, doc)
    assert ib.status == "queued" and ic.status == "queued" and ic.error == ""


def test_close_only_when_nothing_is_left(store, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("x")
    q = BatchQueue(store)
    bid, _ = q.open([Entry(str(p))])
    (it,) = q.items(bid)
    q.pause(it.id)
    assert not q.close_if_finished(bid)
    q.cancel(it.id)
    assert q.close_if_finished(bid) and q.batch(bid)["status"] == "done"


def test_save_summaries_to_writes_done_items_from_the_database(store, tmp_path):
    files = [tmp_path / "report.pdf", tmp_path / "report.docx"]
    for f in files:
        f.write_bytes(b"x")
    q = BatchQueue(store)
    bid, _ = q.open(expand_paths(files))
    for it in q.items(bid):
        conv = store.create_conversation(title=it.name)
        doc = store.add_document(name=it.name, text="t", conversation_id=conv, path=it.path,
                                 pages=3)
        text = f"Summary of {it.name}. A claim."
        store.add_message(conv, "assistant", text, document_id=doc,
                          extra={"citations": [{"sentence": "A claim.", "page": 2,
                                                "supported": False, "passage": "the page",
                                                "source": "cited", "start": len(text) - 8,
                                                "end": len(text)}]})
        q.start(it.id)
        q.complete(it.id, {"conversation_id": conv, "document_id": doc, "elapsed_s": 1.5})
    assert all(i.output_path == "" for i in q.items(bid))  # no folder yet
    out = tmp_path / "out"
    written = q.set_output(bid, str(out), "md")
    assert sorted(p.name for p in written) == ["report.docx.summary.md", "report.pdf.summary.md"]
    md = (out / "report.pdf.summary.md").read_text()
    assert "# Summary of report.pdf" in md and "Summary of report.pdf." in md and "3 pages" in md
    # The same citation list as a conversation export (app.core.report).
    assert "Summary of report.pdf. A claim. [1]" in md
    assert "- [1] p. 2, cited by the model: NOT SUPPORTED — “the page”" in md
    assert "*0 of 1 sentences supported by the document.*" in md
    assert [i.output_path for i in q.items(bid)] == [str(p) for p in sorted(written, key=lambda
                                                                              p: "docx" in p.name)]
    with pytest.raises(BadInput):
        q.set_output(bid, str(out), "pdf")


def test_docx_summary_file_with_citations(tmp_path):
    import docx

    s = SummaryFile("minutes.pdf", "First point.\n\n- one\n- two", "/x/minutes.pdf", 12, "m",
                    citations=({"sentence": "First point.", "page": 4, "supported": True,
                                "passage": "the first point, on page four", "source": "cited",
                                "start": 0, "end": 12},),
                    warnings=("minutes.pdf: OCR could not read page 7",))
    p = write_summary_file(s, tmp_path / "o", "docx")
    assert p.name == "minutes.pdf.summary.docx"
    d = docx.Document(str(p))
    texts = [para.text for para in d.paragraphs]
    assert texts[0] == "Summary of minutes.pdf"
    assert texts[1].startswith("minutes.pdf · 12 pages · ")
    assert "First point.[1]" in texts
    bullets = [para.text for para in d.paragraphs if para.style.name == "List Bullet"]
    assert bullets[:2] == ["one", "two"]
    assert ("[1] p. 4, cited by the model: supported — “the first point, on page four”"
            in bullets)
    assert "1 of 1 sentences supported by the document." in texts
    assert "minutes.pdf: OCR could not read page 7" in texts
    assert not list((tmp_path / "o").glob("*.part"))


def test_markdown_without_citations_and_unique_names():
    md = to_markdown(SummaryFile("a.txt", "Short."))
    assert "## Sources" not in md and "Short." in md
    taken: set[str] = set()
    assert [output_name("a.txt", "md", taken) for _ in range(3)] == [
        "a.txt.summary.md", "a.txt.summary (2).md", "a.txt.summary (3).md"]
    assert output_name('x:/y?.pdf', "md") == "x__y_.pdf.summary.md"


def test_unwritable_output_folder_is_one_line(tmp_path):
    if os.geteuid() == 0:
        blocker = tmp_path / "file"
        blocker.write_text("not a folder")
        target = blocker / "out"
    else:
        target = tmp_path / "ro" / "out"
        (tmp_path / "ro").mkdir(mode=0o500)
    with pytest.raises(BadInput) as ei:
        write_summary_file(SummaryFile("a.txt", "S."), target, "md")
    assert "cannot create the folder for summaries" in str(ei.value)


def test_batch_clock_eta():
    c = BatchClock()
    assert c.eta(3, 0.0) == 0.0  # unknown before anything was measured
    c.seconds, c.count = 10.0, 2
    assert c.eta(3, 0.0) == 15.0
