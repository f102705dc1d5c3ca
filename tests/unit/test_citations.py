"""Citations on real documents (PDFs with known page texts, Markdown with sections): the model's
page marks, the fallback to the best page, unsupported and made-up pages, passages, echoed
markup, and the stored form."""
from __future__ import annotations

import pytest

from app.core.citations import (
    Citation,
    MarkupFilter,
    SourceIndex,
    cite,
    cite_document,
    cited_pages,
    find_passage,
    sections_from_text,
    split_sentences,
    strip_markup,
)
from app.core.documents import extract_document
from tests.doc_factory import text_pdf, wrap

PAGES = [
    ["The harbour council met on Monday to approve the new lighthouse budget.",
     "Members agreed to spend 4200 pounds on lantern repairs before winter."],
    ["The village library will open on Sundays from March.",
     "Volunteers from the orchard society offered to staff the reading room."],
    ["A railway bridge over the river needs urgent inspection.",
     "Engineers reported cracks in two stone arches near the meadow."],
]


@pytest.fixture
def pdf(tmp_path):
    return extract_document(text_pdf(tmp_path / "minutes.pdf", [wrap(p) for p in PAGES]))


def _sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_sentences_keep_page_marks_abbreviations_and_list_items():
    text = ("The council approved the budget (p. 2). It covers e.g. the harbour and the bridge. "
            "Revenue rose 3.5% in 2023!\n\n- **Library** hours grew (pp. 3-4).\n"
            "- The festival moved [Page 9].\n1. First. Second one.")
    assert _sentences(text) == [
        "The council approved the budget (p. 2).",
        "It covers e.g. the harbour and the bridge.",
        "Revenue rose 3.5% in 2023!",
        "**Library** hours grew (pp. 3-4).",
        "The festival moved [Page 9].",
        "First.", "Second one."]


@pytest.mark.parametrize("sentence, pages", [
    ("Costs rose (p. 3).", [3]), ("Costs rose (p.3, 5).", [3, 5]),
    ("Costs rose (pp. 3-5).", [3, 4, 5]), ("Costs rose (page 12).", [12]),
    ("Costs rose (pages 2 and 4).", [2, 4]), ("Costs rose [Page 7].", [7]),
    ("Costs rose in 2023 (see above).", []),
])
def test_cited_page_forms(sentence, pages):
    assert cited_pages(sentence)[0] == pages


def test_a_correct_page_cite_is_supported_with_its_passage(pdf):
    summary = "The harbour council approved the lighthouse budget (p. 1)."
    [c] = cite_document(summary, pdf)
    assert (c.page, c.source, c.supported, c.cited_pages) == (1, "cited", True, (1,))
    assert "lighthouse budget" in c.passage and c.coverage >= 0.6
    assert summary[c.marker[0]:c.marker[1]] == "(p. 1)"
    assert c.sentence == "The harbour council approved the lighthouse budget."


def test_without_a_cite_the_best_page_is_found(pdf):
    summary = ("Engineers found cracks in the stone arches of the railway bridge. "
               "Volunteers will staff the library reading room.")
    cites = cite_document(summary, pdf)
    assert [(c.page, c.source, c.supported) for c in cites] == [
        (3, "matched", True), (2, "matched", True)]
    assert "cracks in two stone arches" in cites[0].passage


def test_a_made_up_page_is_unsupported_not_a_crash(pdf):
    [c] = cite_document("The lighthouse budget was approved by the council (p. 42).", pdf)
    assert c.page == 42 and not c.supported and c.passage == ""
    assert c.reason == "the document has no page 42"
    assert c.to_json()["page"] == 42 and c.to_json()["supported"] is False


def test_a_wrong_page_or_a_wrong_number_is_unsupported(pdf):
    wrong_page, wrong_number = cite_document(
        "Engineers reported cracks in the railway bridge arches (p. 1). "
        "Members agreed to spend 9900 pounds on lantern repairs (p. 1).", pdf)
    assert wrong_page.page == 1 and not wrong_page.supported
    assert not wrong_number.supported and "9900" in wrong_number.reason
    # An invented claim matches no page well enough.
    [c] = cite_document("Astronauts landed a spacecraft on distant Jupiter moons yesterday.", pdf)
    assert not c.supported


def test_filler_sentences_are_not_cited(pdf):
    assert cite_document("Here is a summary of the document:", pdf) == []


def test_sections_of_other_documents_are_named(tmp_path):
    md = tmp_path / "notes.md"
    md.write_text("# Harbour\n\nThe lighthouse needs a new lantern.\n\n# Library\n\n"
                  "The reading room opens on Sundays for volunteers.\n", encoding="utf-8")
    doc = extract_document(md)
    [c] = cite_document("The reading room will open on Sundays.", doc)
    assert c.page is None and c.section == "Library" and c.supported and c.section_index == 1
    j = c.to_json()
    assert j["section"] == "Library" and "page" not in j


def test_json_round_trip_and_stored_text(pdf):
    [c] = cite_document("The harbour council approved the lighthouse budget (p. 1).", pdf)
    assert Citation.from_json(c.to_json()) == c
    # Old rows and hand-edited JSON: missing keys default, never raise.
    assert Citation.from_json({"sentence": "x"}).supported is False
    # The stored document text (with its [Page N] marks) gives the same pages back.
    again = sections_from_text(pdf.text, pdf.pages)
    assert [s.page for s in again] == [1, 2, 3]
    [c2] = cite("The harbour council approved the lighthouse budget (p. 1).",
                SourceIndex(again, pdf.pages))
    assert (c2.page, c2.supported, c2.passage) == (c.page, c.supported, c.passage)


def test_find_passage_across_line_breaks():
    page = "Engineers reported cracks\nin two stone   arches near\nthe meadow."
    a, b = find_passage(page, "cracks in two stone arches")
    assert page[a:b] == "cracks\nin two stone   arches"
    assert find_passage(page, "nothing like this") is None
    assert find_passage(list(page), "the meadow.") == (len(page) - 11, len(page))


def test_echoed_markup_is_stripped():
    text = ("<p>\nThe council met.\n</document>\n\nIt approved a budget.<|im_end|> [INST] "
            '<document name="x.pdf"></p>')
    assert strip_markup(text) == "The council met.\n\nIt approved a budget."
    assert strip_markup("Cost < 5 and [note] kept.") == "Cost < 5 and [note] kept."


@pytest.mark.parametrize("cut", range(1, 66))
def test_echoed_markup_is_stripped_from_a_stream_cut_anywhere(cut):
    text = "<p>Summary here.</document> More <|im_end|>text < 3 [a] <b>.</p>"
    f = MarkupFilter()
    out = f.feed(text[:cut]) + f.feed(text[cut:]) + f.flush()
    assert out == "Summary here. More text < 3 [a] <b>."


def test_stream_filter_on_the_real_tokenizers_pieces(starter_model):
    """The model's own token boundaries for an echoed tag, fed one piece at a time."""
    import llama_cpp

    llm = llama_cpp.Llama(str(starter_model), vocab_only=True, verbose=False)
    try:
        reply = "The budget passed.\n</document>\nThe bridge needs repairs."
        pieces = [llm.detokenize([t]).decode("utf-8", "replace")
                  for t in llm.tokenize(reply.encode(), add_bos=False, special=False)]
    finally:
        llm.close()
    assert len(pieces) > 5
    f = MarkupFilter()
    shown = "".join(f.feed(p) for p in pieces) + f.flush()
    assert "</document>" not in shown and "<" not in shown
    assert shown.replace("\n", "") == "The budget passed.The bridge needs repairs."


def test_pdf_page_renders_with_the_passage_boxes(tmp_path):
    from app.core.errors import BadInput
    from app.core.page_render import render_pdf_page

    path = text_pdf(tmp_path / "minutes.pdf", [wrap(p) for p in PAGES])
    doc = extract_document(path)
    [c] = cite_document("Engineers found cracks in the stone arches of the railway bridge.", doc)
    img = render_pdf_page(path, c.page, c.passage, scale=1.5)
    assert (img.page, img.pages, img.width, img.height) == (3, 3, 918, 1188)
    assert len(img.data) == img.stride * img.height and img.found
    # One box per line of the passage (two lines on page 3), inside the page, top line first.
    assert len(img.rects) == 2
    for left, top, right, bottom in img.rects:
        assert 0 <= left < right <= img.width and 0 <= top < bottom <= img.height
    assert img.rects[0][1] < img.rects[1][1]
    # Page 3's first line starts at the text origin (x = 50 pt): the box starts there.
    assert abs(img.rects[0][0] - 50 * 1.5) < 3
    # No passage, or one that is not on the page: no boxes.
    assert render_pdf_page(path, 1, "cracks in stone arches").rects == ()
    with pytest.raises(BadInput, match=r"^minutes.pdf has no page 9 \(it has 3\)$"):
        render_pdf_page(path, 9)
    with pytest.raises(BadInput, match="no longer at"):
        render_pdf_page(tmp_path / "gone.pdf", 1)
