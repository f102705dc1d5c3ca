"""Citations of real summaries by the starter model (it rarely cites pages: the fallback must
find them), stored with the message, in `summarize --json`, and exported by `export` to DOCX
and PDF without a display."""
from __future__ import annotations

import json

import docx
import pypdfium2 as pdfium
import pytest

from app.core.engine import Engine
from app.core.models import InstalledModel
from app.core.summarize import (
    PROMPT_KEY,
    Summarizer,
    SummaryOptions,
    document_history,
    request_text,
)
from tests.citation_helpers import minutes_pdf
from tests.conftest import run_cli

KEYS = {"sentence", "page", "supported", "passage"}


@pytest.fixture(scope="module")
def starter(starter_model) -> InstalledModel:
    return InstalledModel("smollm2-135m-instruct", str(starter_model), "SmolLM2 135M Instruct",
                          starter_model.stat().st_size, "starter")


@pytest.fixture(scope="module")
def own_engine():
    e = Engine()
    yield e
    e.unload()


def test_real_summary_gets_checked_citations(store, data_dir, tmp_path, starter, own_engine):
    pdf = minutes_pdf(tmp_path)
    r = Summarizer(store, data_dir / "cache", own_engine).summarize(
        pdf, starter, SummaryOptions(length="short"))
    j = r.to_json()
    assert j["citations"] and all(KEYS <= set(c) for c in j["citations"])
    for c in j["citations"]:
        assert c["source"] in ("cited", "matched", "none")
        if c["source"] == "matched":  # the fallback points at a real page
            assert c["page"] in (1, 2, 3) and c["passage"]
        if c["supported"]:
            assert c["passage"] and c["page"] in (1, 2, 3)
    # Whatever the model wrote, each checked sentence is one of the summary's sentences.
    flat = " ".join(r.text.split())
    assert all(c["sentence"].split()[0] in flat for c in j["citations"])
    # Stored with the message, so the window shows them for this conversation later.
    assert store.message_extra(r.message_id)["citations"] == j["citations"]
    # The user's turn reads as the user's; the model got (and follow-ups get) the instruction.
    user = store.get_message(r.user_message_id)
    assert user.text == "Summarize minutes.pdf (short)"
    instruction = request_text("minutes.pdf", SummaryOptions(length="short"), True)
    assert store.message_extra(user.id)[PROMPT_KEY] == instruction
    history = document_history(store, store.messages(r.conversation_id))
    assert history[0]["content"].endswith(instruction) and "[Page 2]" in history[0]["content"]
    assert "</document>" not in r.text


def test_cli_json_and_exports_without_a_display(data_dir, tmp_path):
    pdf = minutes_pdf(tmp_path)
    r = run_cli("summarize", str(pdf), "--length", "short", "--json", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["citations"] and all(KEYS <= set(c) for c in out["citations"])
    cid = str(out["conversation_id"])
    # No display at all, and a platform that would need one: the export still works offscreen.
    env = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": "xcb"}
    for fmt in ("docx", "pdf"):
        dest = tmp_path / f"summary.{fmt}"
        e = run_cli("export", "--conversation", cid, "--format", fmt, "--out", str(dest),
                    data_dir=data_dir, env=env, timeout=120)
        assert e.returncode == 0, e.stderr
        assert e.stderr.strip().endswith(f"wrote {dest}")
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "summary.docx")).paragraphs)
    first = out["citations"][0]
    where = f"p. {first['page']}" if first["page"] else "no source"
    assert "Sources" in text and f"[1] {where}, " in text
    assert "Source: minutes.pdf · 3 pages" in text
    doc = pdfium.PdfDocument(str(tmp_path / "summary.pdf"))
    try:
        ptext = " ".join("".join(doc[i].get_textpage().get_text_range()
                                 for i in range(len(doc))).split())
    finally:
        doc.close()
    assert "Sources" in ptext and "minutes.pdf · 3 pages" in ptext
    assert f"of {len(out['citations'])} sentences supported by the document" in ptext
