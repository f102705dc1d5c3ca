"""Document summaries on the real starter model (8K context) and on a real 128K-context phi3
GGUF written here: single pass, map-reduce over several levels, cancel, follow-ups that evaluate
only the question, the CLI contract."""
from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from app.core.chat import ChatSession
from app.core.engine import Engine, SamplingParams
from app.core.errors import Cancelled
from app.core.models import InstalledModel
from app.core.store import Store
from app.core.summarize import StateCache, Summarizer, SummaryOptions
from tests.conftest import run_cli
from tests.doc_factory import prose, text_pdf, wrap

GREEDY = SamplingParams(max_tokens=16, temperature=0.0, seed=1)


@pytest.fixture(scope="module")
def starter(starter_model) -> InstalledModel:
    return InstalledModel("smollm2-135m-instruct", str(starter_model), "SmolLM2 135M Instruct",
                          starter_model.stat().st_size, "starter")


@pytest.fixture(scope="module")
def own_engine():
    """An engine of our own: summaries reload it with planned contexts (not the shared one)."""
    e = Engine()
    yield e
    e.unload()


@pytest.fixture
def summarizer(store, data_dir, own_engine):
    return Summarizer(store, data_dir / "cache", own_engine)


def _question_tokens(engine: Engine, question: str) -> int:
    return len(engine.llm.tokenize(question.encode(), add_bos=False, special=False))


def test_single_pass_pdf_then_followups_evaluate_only_the_question(
        summarizer, store, starter, data_dir, tmp_path):
    pdf = text_pdf(tmp_path / "council.pdf",
                   [wrap(prose(3, seed=1)), wrap(prose(2, seed=2, tag="Budget. "))])
    plans, progress = [], []
    r = summarizer.summarize(pdf, starter, SummaryOptions(length="short"),
                             on_plan=plans.append, on_progress=progress.append)
    assert r.plan.mode == "single-pass" and r.chunks == 1 and plans == [r.plan]
    assert plans[0].text.startswith(f"Reading {r.document_tokens:,} tokens in one pass with")
    assert r.text.strip()
    # The whole document was evaluated, in n_batch slices with progress.
    assert r.prompt_tokens_total >= r.document_tokens
    assert progress and progress[-1].done == progress[-1].total >= r.document_tokens
    assert all(0 <= p.fraction <= 1 for p in progress)
    # Stored: the document, and the summary as an assistant message that records the plan.
    doc = store.get_document(r.document_id)
    assert doc.pages == 2 and "[Page 2]" in doc.text and doc.tokens == r.document_tokens
    msg = store.get_message(r.message_id)
    assert msg.role == "assistant" and msg.document_id == r.document_id and msg.text == r.text
    extra = store.message_extra(r.message_id)
    assert extra["mode"] == "single-pass" and extra["plan"]["n_ctx"] == r.plan.n_ctx
    assert Path(r.state_file).is_file() and Path(r.state_file).parent == data_dir / "cache"

    # Follow-up in the same process: the KV cache still holds the document and the summary.
    session = ChatSession(store, summarizer.engine)
    session.model = starter
    q = "Which places are named?"
    a = session.send(q, conversation_id=r.conversation_id, params=GREEDY)
    n_q = _question_tokens(summarizer.engine, q)
    assert a.stats.prompt_tokens > r.document_tokens
    assert a.stats.prompt_tokens_evaluated <= n_q + 12, (a.stats.prompt_tokens_evaluated, n_q)

    # Something else runs on the engine (the KV cache is overwritten) ...
    list(summarizer.engine.stream_chat([{"role": "user", "content": "Say hi."}], GREEDY))
    # ... so the next follow-up restores the saved state from cache/ instead of re-reading.
    q2 = "Is there a budget?"
    b = session.send(q2, conversation_id=r.conversation_id, params=GREEDY)
    n_q2 = _question_tokens(summarizer.engine, q2)
    assert b.stats.prompt_tokens > r.document_tokens
    assert b.stats.prompt_tokens_evaluated <= n_q2 + 12 + a.stats.completion_tokens + n_q + 12

    # A new process (`chat --conversation ID`) reuses the saved state as well.
    store.close()
    res = run_cli("chat", "Who met?", "--conversation", str(r.conversation_id), "--json",
                  "--max-tokens", "8", "--temperature", "0", data_dir=data_dir)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["prompt_tokens"] > r.document_tokens
    # State saved after the summary: the earlier follow-ups and this question are new.
    assert out["prompt_tokens_evaluated"] < out["prompt_tokens"] - r.document_tokens + 40


def test_map_reduce_several_levels(summarizer, store, starter, tmp_path):
    p = tmp_path / "long.md"
    p.write_text("# Town report\n\n" + "\n\n".join(prose(9, words_per=40, seed=7)),
                 encoding="utf-8")
    seen = []
    r = summarizer.summarize(p, starter, SummaryOptions(length="short", max_ctx=512),
                             on_progress=seen.append)
    assert r.plan.mode == "map-reduce"
    assert r.chunks >= 3 and r.levels >= 3, (r.chunks, r.levels)
    assert r.text.strip()
    assert {s.phase for s in seen} >= {"summarizing", "combining"}
    assert r.prompt_tokens_total > r.document_tokens  # chunks, then summaries of summaries
    extra = store.message_extra(r.message_id)
    assert extra["mode"] == "map-reduce" and extra["chunks"] == r.chunks
    assert extra["levels"] == r.levels
    assert r.state_file == ""  # nothing to keep: no single context holds the document


def test_cancel_during_prompt_processing_stores_nothing_then_chat(
        summarizer, store, starter, tmp_path):
    p = tmp_path / "cancel.txt"
    p.write_text("\n\n".join(prose(30, seed=3)), encoding="utf-8")
    started = []

    def on_progress(prog):
        started.append(prog)
        if len(started) == 1:
            threading.Thread(target=summarizer.cancel).start()

    with pytest.raises(Cancelled):
        summarizer.summarize(p, starter, SummaryOptions(length="short"), on_progress=on_progress)
    assert started and started[0].done < started[0].total
    assert store.list_documents() == [] and store.list_conversations() == []
    # The model is still usable.
    text = "".join(summarizer.engine.stream_chat([{"role": "user", "content": "Hello"}], GREEDY))
    assert text.strip()


def test_state_cache_lru_cap(summarizer, store, tmp_path):
    cache = StateCache(tmp_path / "c", store)
    cache.dir.mkdir()
    for i in range(3):
        f = cache.path(f"doc{i}-x")
        f.write_bytes(b"\0" * 1000)
        import os

        os.utime(f, (1000 + i, 1000 + i))
    assert cache.usage_bytes() == 3000
    cache.set_cap(2500)  # the user lowers the cap: the least recently used state goes
    assert store.get_setting("document_state_cache_bytes") == 2500
    assert sorted(p.name for p in cache.files()) == ["doc1-x.wstate.npz", "doc2-x.wstate.npz"]


def test_128k_model_single_pass_30k_tokens(starter_model, gguf_dir, tmp_path):
    """A real phi3 GGUF with a 131072-token context reads a ~30,000-token document in one pass."""
    from tests.gguf_factory import tiny_long_context_model

    path = tiny_long_context_model(starter_model, gguf_dir / "tiny-128k.gguf")
    model = InstalledModel("tiny-128k", str(path), "Tiny 128K", path.stat().st_size, "path")
    doc = tmp_path / "big.txt"
    doc.write_text("\n\n".join(prose(420, words_per=60, seed=11)), encoding="utf-8")
    store = Store(tmp_path / "w.db")
    engine = Engine()
    try:
        s = Summarizer(store, tmp_path / "cache", engine)
        r = s.summarize(doc, model, SummaryOptions(length="short", temperature=0.0))
        assert 28_000 <= r.document_tokens <= 34_000
        assert r.plan.mode == "single-pass" and r.chunks == 1
        assert r.plan.n_ctx > r.document_tokens and engine.model.n_ctx == r.plan.n_ctx
        assert r.stats.prompt_tokens_evaluated >= r.document_tokens  # the whole document
        assert engine.llm.n_tokens >= r.document_tokens
        assert r.completion_tokens_total > 0
        session = ChatSession(store, engine)
        session.model = model
        q = "And the bakery?"
        a = session.send(q, conversation_id=r.conversation_id,
                         params=SamplingParams(max_tokens=4, temperature=0.0, seed=1))
        assert a.stats.prompt_tokens > r.document_tokens
        assert a.stats.prompt_tokens_evaluated <= _question_tokens(engine, q) + 12
    finally:
        engine.unload()
        store.close()


# ------------------------------------------------------------------------------ CLI
def test_cli_summarize_json(data_dir, tmp_path):
    p = tmp_path / "note.txt"
    p.write_text("\n\n".join(prose(4, seed=5)), encoding="utf-8")
    res = run_cli("summarize", str(p), "--json", "--length", "short", "--format", "bullets",
                  data_dir=data_dir)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    for k in ("text", "model", "conversation_id", "prompt_tokens", "completion_tokens", "n_ctx",
              "n_threads", "ttft_s", "prompt_tokens_per_s", "decode_tokens_per_s", "mode",
              "document_tokens", "chunks", "plan"):
        assert k in out, k
    assert out["mode"] == "single-pass" and out["chunks"] == 1 and out["text"].strip()
    assert "Reading" in res.stderr and "tokens in one pass" in res.stderr
    assert "Traceback" not in res.stderr


@pytest.mark.parametrize("make,match", [
    (lambda d: d / "missing.pdf", "not found"),
    (lambda d: _write(d / "empty.txt", b""), "empty"),
    (lambda d: _write(d / "x.png.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256))), "not a text"),
    (lambda d: _write(d / "a.xlsx", b"PK\x03\x04"), "unsupported"),
])
def test_cli_bad_documents_exit_2_one_line(data_dir, tmp_path, make, match):
    res = run_cli("summarize", str(make(tmp_path)), data_dir=data_dir)
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and match in lines[0] and lines[0].startswith("wren: error:")
    db = data_dir / "wren.db"
    if db.exists():
        s = Store(db)
        try:
            assert s.list_documents() == [] and s.count_messages() == 0
        finally:
            s.close()


def test_cli_bad_length_is_bad_input(data_dir, tmp_path):
    p = _write(tmp_path / "a.txt", b"hello world, a real sentence.")
    res = run_cli("summarize", str(p), "--max-ctx", "100", data_dir=data_dir)
    assert res.returncode == 2 and "at least 512" in res.stderr


def _write(p: Path, data: bytes) -> Path:
    p.write_bytes(data)
    return p
