"""Phi-3's two rope scalings, planned: the vendored llama.cpp uses the long factors for every
token once the context is over the original 4,096 (test_families shows the logits change), so
chats start at 4,096 and grow only when the conversation needs it, saying so; documents that
need more than 4K are read with the long factors, shorter ones with the short factors."""
from __future__ import annotations

from pathlib import Path

from app.core.chat import ChatSession
from app.core.engine import Engine, LoadOptions, SamplingParams, default_chat_ctx
from app.core.gguf_info import read_gguf_info
from app.core.models import _path_model
from app.core.planner import long_rope_threshold, plan_reading

GiB = 2**30


def test_phi3_chat_starts_at_4096(tiny_model):
    path = tiny_model("phi35")
    info = read_gguf_info(path)
    assert info.context_length == 131072 and long_rope_threshold(info) == 4096
    assert default_chat_ctx(info) == 4096
    e = Engine()
    try:
        assert e.load(path, LoadOptions(n_threads=1)).n_ctx == 4096
    finally:
        e.unload()


def test_other_models_keep_their_chat_context(tiny_model, starter_model):
    for path in (tiny_model("llama31"), starter_model):
        info = read_gguf_info(path)
        assert long_rope_threshold(info) == 0
        assert default_chat_ctx(info) == min(8192, info.context_length)


def test_phi3_chat_grows_past_4096_and_says_so(tiny_model, store):
    path = tiny_model("phi35")
    session = ChatSession(store)
    try:
        session.use_model(_path_model(Path(path)), LoadOptions(n_threads=1))
        assert session.engine.model.n_ctx == 4096
        short = session.send("Hello", params=SamplingParams(max_tokens=4, temperature=0.0))
        assert "context grew" not in short.notice and session.engine.model.n_ctx == 4096
        long_prompt = " ".join(f"river{i % 50} meadow" for i in range(1800))
        r = session.send(long_prompt, conversation_id=short.conversation_id,
                         params=SamplingParams(max_tokens=8, temperature=0.0))
        n_ctx = session.engine.model.n_ctx
    finally:
        session.engine.unload()
    assert n_ctx > 4096 and r.stats.n_ctx == n_ctx and r.stats.completion_tokens > 0
    assert r.stats.prompt_tokens + 8 > 4096  # it really needed more than 4K
    assert f"its context grew from 4,096 to {n_ctx:,} tokens" in r.notice
    assert "Beyond 4,096 tokens this model uses its long-context rope scaling" in r.notice


def test_documents_over_4k_use_the_long_factors(tiny_model):
    info = read_gguf_info(tiny_model("phi35"))
    short = plan_reading(info, 3000, available_ram=8 * GiB, catalog=[])
    assert short.mode == "single-pass" and short.n_ctx == 4096  # short factors
    long = plan_reading(info, 6000, available_ram=8 * GiB, catalog=[])
    assert long.mode == "single-pass" and long.n_ctx > 4096  # long factors, as intended
    # A model without the two scalings keeps its room for follow-ups above 4K.
    llama = read_gguf_info(tiny_model("llama31"))
    assert llama.context_length > 4352
    assert plan_reading(llama, 3000, available_ram=8 * GiB, catalog=[]).n_ctx == 4352
