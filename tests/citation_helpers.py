"""A stored summary with citations over a real document, for the pane and export tests: the
document is read and cited by the real code; only the summary's wording is fixed here (the
starter model's own summaries are tested in tests/e2e/test_citations.py)."""
from __future__ import annotations

from pathlib import Path

from tests.doc_factory import text_pdf, wrap

PAGES = [
    ["The harbour council met on Monday to approve the new lighthouse budget.",
     "Members agreed to spend 4200 pounds on lantern repairs before winter."],
    ["The village library will open on Sundays from March.",
     "Volunteers from the orchard society offered to staff the reading room."],
    ["A railway bridge over the river needs urgent inspection.",
     "Engineers reported cracks in two stone arches near the meadow."],
]
# Sentence 1 cites the right page, 2 cites none (Wren finds page 3), 3 cites a page that
# does not exist.
SUMMARY = ("The village library will open on Sundays, staffed by orchard society volunteers "
           "(p. 2). Engineers reported cracks in the stone arches of the railway bridge. "
           "The lighthouse budget was approved by the harbour council (p. 9).")


# Lines around the cited ones, sharing no content word with the summary.
HEAD = ["Present: the chair, the clerk and five residents.",
        "The record of the previous session was read and signed."]
TAIL = ["Any other business was deferred to the next session.",
        "The session closed at nine o'clock in the evening."]


def minutes_pdf(folder: Path) -> Path:
    return text_pdf(folder / "minutes.pdf", [wrap(HEAD + p + TAIL) for p in PAGES])


def store_summary(store, path: Path, summary: str = SUMMARY) -> tuple[int, int]:
    """Store a summary conversation as Summarizer does. Returns (conversation id, message id)."""
    from app.core.citations import cite_document
    from app.core.documents import extract_document
    from app.core.summarize import (
        PROMPT_KEY,
        SummaryOptions,
        display_request,
        request_text,
    )

    doc = extract_document(path)
    opts = SummaryOptions()
    cid = store.create_conversation(title=f"Summary of {doc.name}", model="starter")
    did = store.add_document(name=doc.name, text=doc.text, conversation_id=cid, path=doc.path,
                             sha256=doc.sha256, kind=doc.kind, pages=doc.pages, tokens=100)
    store.add_message(cid, "user", display_request(doc.name, opts), document_id=did,
                      extra={PROMPT_KEY: request_text(doc.name, opts, doc.pages > 0)})
    cites = [c.to_json() for c in cite_document(summary, doc)]
    mid = store.add_message(cid, "assistant", summary, model="starter", document_id=did,
                            extra={"mode": "single-pass", "citations": cites})
    return cid, mid
