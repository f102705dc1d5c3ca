"""The reading planner: single pass vs map-reduce, KV cache type, RAM and time estimates."""
from __future__ import annotations

import dataclasses
import re

import pytest

from app.core.errors import ContextOverflow
from app.core.gguf_info import read_gguf_info
from app.core.planner import (
    kv_bytes,
    plan_reading,
    ram_estimate,
    reduce_levels,
    split_chunks,
)

GiB = 2**30


@pytest.fixture(scope="module")
def starter_info(starter_model):
    return read_gguf_info(starter_model)


@pytest.fixture(scope="module")
def phi35(starter_info):
    """Phi-3.5-mini-instruct Q4_K_M's header numbers on the starter's info (no 2 GB download)."""
    return dataclasses.replace(
        starter_info, path="/models/Phi-3.5-mini-instruct-Q4_K_M.gguf", architecture="phi3",
        name="Phi-3.5-mini", context_length=131072, n_layer=32, n_head=32, n_head_kv=32,
        head_dim=96, head_dim_v=96, n_embd=3072, file_size=2_393_232_672,
        n_params=3_821_079_648, n_vocab=32064)


def test_kv_bytes_match_design_numbers(phi35):
    # docs/architecture.md: Phi-3.5-mini at 131072 tokens: 48 GiB f16, ~25.5 GiB q8_0,
    # ~13.5 GiB q4_0.
    assert kv_bytes(phi35, 131072, "f16") == 48 * GiB
    assert kv_bytes(phi35, 131072, "q8_0") / GiB == pytest.approx(25.5, abs=0.1)
    assert kv_bytes(phi35, 131072, "q4_0") / GiB == pytest.approx(13.5, abs=0.1)


def test_kv_type_follows_ram(phi35):
    doc = 84_000
    big = plan_reading(phi35, doc, available_ram=64 * GiB, n_threads=4, catalog=[])
    mid = plan_reading(phi35, doc, available_ram=24 * GiB, n_threads=4, catalog=[])
    small = plan_reading(phi35, doc, available_ram=16 * GiB, n_threads=4, catalog=[])
    tiny = plan_reading(phi35, doc, available_ram=8 * GiB, n_threads=4, catalog=[])
    assert (big.mode, big.kv_type) == ("single-pass", "f16")
    assert (mid.mode, mid.kv_type, mid.flash_attn) == ("single-pass", "q8_0", True)
    assert (small.mode, small.kv_type, small.flash_attn) == ("single-pass", "q4_0", True)
    assert tiny.mode == "map-reduce" and tiny.chunks >= 2 and tiny.n_ctx < 84_000
    assert "RAM" in tiny.reason
    for p in (big, mid, small):
        assert doc < p.n_ctx <= 131072
        assert p.ram_bytes <= (64 if p is big else 24 if p is mid else 16) * GiB - GiB
        assert p.ram_bytes > phi35.file_size + kv_bytes(phi35, p.n_ctx, p.kv_type)
    # The plan string the window and the CLI show before the work starts.
    assert re.fullmatch(r"Reading 84,000 tokens in one pass with Phi-3\.5-mini, KV cache q4_0, "
                        r"~\d+\.\d GB RAM, est\. \d+(\.\d)? (min|h|s)", small.text), small.text


def test_no_quantized_cache_when_head_dim_not_divisible_by_32(phi35):
    odd = dataclasses.replace(phi35, head_dim=80, head_dim_v=80, n_head=32, n_head_kv=32)
    p = plan_reading(odd, 84_000, available_ram=16 * GiB, catalog=[])
    assert p.kv_type == "f16"
    assert p.mode == "map-reduce"  # f16 for 84K tokens does not fit 16 GB, q8_0 is not allowed
    assert p.n_ctx < 84_000


def test_starter_small_doc_single_pass_big_doc_map_reduce(starter_info):
    p = plan_reading(starter_info, 3000, available_ram=8 * GiB, catalog=[])
    assert p.mode == "single-pass" and p.chunks == 1 and p.levels == 1
    assert p.n_ctx >= 3000 + 200 and p.n_ctx % 256 == 0
    q = plan_reading(starter_info, 30_000, available_ram=8 * GiB, catalog=[])
    assert q.mode == "map-reduce" and q.n_ctx == 8192
    assert q.chunks >= 4 and q.levels >= 2
    assert "context" in q.reason
    assert q.est_seconds > p.est_seconds
    assert f"{q.chunks} chunks" in q.text


def test_context_limit_forces_several_levels(starter_info):
    p = plan_reading(starter_info, 900, available_ram=8 * GiB, length="short", max_ctx=512,
                     catalog=[])
    assert p.mode == "map-reduce" and p.n_ctx == 512
    assert p.chunks >= 5 and p.levels >= 3


def test_catalog_model_hint(starter_info):
    catalog = [
        {"id": "smollm2-135m-instruct", "name": "SmolLM2 135M", "context_length": 8192},
        {"id": "phi-3.5-mini", "name": "Phi-3.5-mini", "context_length": 131072,
         "size_bytes": 2_393_232_672, "n_layer": 32, "n_head_kv": 32, "head_dim": 96},
    ]
    p = plan_reading(starter_info, 30_000, available_ram=16 * GiB, catalog=catalog)
    assert p.mode == "map-reduce"
    assert "Phi-3.5-mini (128K context) could read it in one pass" in p.hint
    assert p.hint in p.text
    # Not enough RAM for it: no hint.
    assert plan_reading(starter_info, 30_000, available_ram=3 * GiB, catalog=catalog).hint == ""
    # The real catalog: a long-context entry is named.
    from app.core.catalog import load_catalog

    real = plan_reading(starter_info, 30_000, available_ram=16 * GiB).hint
    names = [e.name for e in load_catalog() if int(e.get("context_length", 0)) >= 32768]
    assert "could read it in one pass" in real
    assert any(n in real for n in names), real


def test_not_enough_ram_at_all(phi35):
    with pytest.raises(ContextOverflow, match="not enough free RAM"):
        plan_reading(phi35, 10_000, available_ram=2 * GiB, catalog=[])


def test_flash_attention_choice_uses_the_time_estimate(phi35):
    # Both fit at f16 for a short document: the faster estimate wins, recorded in the plan.
    p = plan_reading(phi35, 2000, available_ram=64 * GiB, catalog=[])
    assert p.kv_type == "f16" and isinstance(p.flash_attn, bool)
    assert p.est_seconds > 0
    assert ram_estimate(phi35, p.n_ctx, "f16", p.flash_attn) == p.ram_bytes


def test_split_chunks_cuts_only_between_paragraphs():
    paras = [f"p{i} " + "x " * (10 + i) for i in range(20)]
    counts = [len(p.split()) for p in paras]
    chunks = split_chunks(paras, counts, 60)
    assert len(chunks) > 3
    assert "\n\n".join(chunks) == "\n\n".join(paras)  # nothing lost, no paragraph split
    for c in chunks:
        assert sum(len(p.split()) + 2 for p in c.split("\n\n")) <= 62
    # A paragraph longer than the budget is cut by the given cutter.
    long = ["y " * 200]
    out = split_chunks(long, [200], 60, cut=lambda t, b: [t[:100], t[100:]])
    assert out == [long[0][:100], long[0][100:]]


def test_reduce_levels():
    assert reduce_levels(1, 1000, 100) == (1, 9)
    assert reduce_levels(9, 1000, 100)[0] == 2
    assert reduce_levels(10, 1000, 100)[0] == 3
    assert reduce_levels(5, 190, 96) == (4, 2)


def test_attention_scores_without_flash_attention_are_counted(phi35, starter_info):
    # llama.cpp's f32 scores of one 512-token batch against the whole cache, for every head.
    for info, n_ctx in ((starter_info, 3840), (phi35, 32768)):
        gap = ram_estimate(info, n_ctx, "f16", False) - ram_estimate(info, n_ctx, "f16", True)
        assert gap == n_ctx * 512 * info.n_head * 4
    # 8 GiB of scores at 128K for Phi-3.5: an f16 plan that only fits with flash attention
    # takes it, instead of counting on RAM it would not have.
    doc = 100_000
    need_flash = phi35.file_size + kv_bytes(phi35, 131072, "f16") + 2 * GiB + GiB
    p = plan_reading(phi35, doc, available_ram=need_flash, n_threads=4, catalog=[])
    assert (p.mode, p.kv_type, p.flash_attn) == ("single-pass", "f16", True)
