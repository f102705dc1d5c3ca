"""Exports of a summary with its citations: Markdown, DOCX (read back with python-docx), the
HTML behind the PDF, and the `export` command's bad input."""
from __future__ import annotations

import docx

from app.core.history import export_data, export_markdown
from app.core.report import report_html, segments, write_docx
from tests.citation_helpers import minutes_pdf, store_summary
from tests.conftest import run_cli


def test_markdown_numbers_citations_and_lists_sources(store, tmp_path):
    cid, _ = store_summary(store, minutes_pdf(tmp_path))
    md = export_markdown(store, cid)
    assert "*Source: minutes.pdf · 3 pages · read " in md
    assert "orchard society volunteers (p. 2). [1]" in md
    assert "railway bridge. [2]" in md
    assert "- [1] p. 2, cited by the model: supported — “The village library" in md
    assert "- [2] p. 3, matched by Wren: supported — “" in md
    assert "- [3] p. 9, cited by the model: NOT SUPPORTED (the document has no page 9)" in md
    assert "*2 of 3 sentences supported by the document.*" in md
    # The user's turn is the short request, not Wren's instructions to the model.
    assert "Summarize minutes.pdf" in md and "[Page N] marks" not in md


def test_docx_holds_summary_sources_and_document(store, tmp_path):
    cid, _ = store_summary(store, minutes_pdf(tmp_path))
    out = tmp_path / "summary.docx"
    write_docx(export_data(store, cid)["conversations"], out)
    d = docx.Document(str(out))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "Summary of minutes.pdf" in text
    assert "Source: minutes.pdf · 3 pages · read" in text
    assert "staffed by orchard society volunteers (p. 2).[1]" in text
    assert "[3] p. 9, cited by the model: NOT SUPPORTED (the document has no page 9)" in text
    sup = [r for p in d.paragraphs for r in p.runs if r.font.superscript]
    assert [r.text for r in sup] == ["[1]", "[2]", "[3]"]
    assert not list(tmp_path.glob(".summary.docx.*"))  # no temporary file left


def test_html_for_pdf_marks_unsupported_in_words(store, tmp_path):
    cid, _ = store_summary(store, minutes_pdf(tmp_path))
    h = report_html(export_data(store, cid)["conversations"])
    assert "<sup>[3]</sup>" in h and "⚠ " in h and "NOT SUPPORTED" in h
    assert "minutes.pdf · 3 pages" in h


def test_segments_cut_after_each_cited_sentence(store, tmp_path):
    from app.core.citations import cite_document
    from app.core.documents import extract_document

    doc = extract_document(minutes_pdf(tmp_path))
    text = "Engineers reported cracks in the bridge arches. Then nothing else happened here."
    cites = cite_document(text, doc)
    segs = segments(text, cites)
    assert "".join(p for p, _ in segs) == text
    assert segs[0] == ("Engineers reported cracks in the bridge arches.", 1)


def test_export_docx_or_pdf_needs_a_file(data_dir):
    r = run_cli("export", "--format", "pdf", data_dir=data_dir, timeout=60)
    assert r.returncode == 2
    assert r.stderr.strip().splitlines()[-1] == (
        "wren: error: --format pdf writes a file: give it with --out FILE.pdf")


def test_docx_keeps_list_items_and_puts_numbers_after_their_sentence():
    """Conversation exports and summary files share add_cited_docx: a bulleted summary stays a
    list, and a cited sentence at a line's end keeps its number on that line."""
    import docx

    from app.core.citations import Citation
    from app.core.report import add_cited_docx

    text = "Two points.\n- First, the roof\n  leaks.\n- Second, the bridge.\n\nThat is all."
    end = text.index("leaks.") + len("leaks.")
    cites = [Citation("First, the roof leaks.", text.index("First"), end, page=2,
                      supported=True, passage="The roof leaks.", source="cited")]
    d = docx.Document()
    add_cited_docx(d, text, cites)
    paras = [(p.style.name, p.text) for p in d.paragraphs]
    assert paras[:4] == [("Normal", "Two points."), ("List Bullet", "First, the roof leaks.[1]"),
                         ("List Bullet", "Second, the bridge."), ("Normal", "That is all.")]
    assert paras[5] == ("List Bullet", "[1] p. 2, cited by the model: supported — “The roof leaks.”")
