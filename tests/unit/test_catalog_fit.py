"""The catalog as data, fit hints computed from its numbers, and the recommender."""
from __future__ import annotations

import json

import pytest

from app.core.catalog import (
    SIZE_CLASSES,
    SPECIALIZATIONS,
    TRAININGS,
    catalog_path,
    find_entry,
    load_catalog,
    size_class_for,
)
from app.core.errors import BadInput
from app.core.fit import FITS, TIGHT, WONT_FIT, fit_entry, fit_gguf, recommend
from app.core.gguf_info import read_gguf_info
from app.core.machine import MachineInfo

GiB = 1024**3


def machine(ram_gib: float, cores: int = 4, gpu: bool = False) -> MachineInfo:
    return MachineInfo(int(ram_gib * GiB), int(ram_gib * GiB), cores, cores, gpu)


def test_every_named_family_is_in_the_catalog() -> None:
    ids = {e.id for e in load_catalog()}
    for needed in ("gemma-2-2b-it", "gemma-2-9b-it", "llama-3.1-8b-instruct", "qwen2-0.5b-instruct",
                   "qwen2-1.5b-instruct", "qwen2-7b-instruct", "phi-3.5-mini-instruct",
                   "tinyllama-1.1b-chat", "mobilellama-1.4b-chat", "stablelm-zephyr-3b",
                   "pythia-1.4b", "smollm2-135m-instruct"):
        assert needed in ids, needed


def test_entries_carry_all_fields_and_consistent_values() -> None:
    raw = json.loads(catalog_path().read_text())
    for e in load_catalog():
        r = e.raw
        for key in ("repo_id", "parameters", "architecture", "context_length", "n_layer",
                    "n_head_kv", "head_dim", "license", "commercial_use", "gated",
                    "size_class", "specializations", "training", "description"):
            assert r.get(key) not in (None, ""), (e.id, key)
        assert r["size_class"] in SIZE_CLASSES and r["size_class"] == size_class_for(e.parameters), e.id
        assert r["training"] in TRAININGS
        assert set(r["specializations"]) <= set(SPECIALIZATIONS)
        assert r["license_restricts_commercial"] == (r["commercial_use"] == "restricted")
        assert e.repo_id.count("/") == 1
        quants = e.quants
        assert quants and all(q.filename.endswith(".gguf") and q.size_bytes > 0 for q in quants)
        assert e.quant() is not None and e.filename == e.quant().filename
        names = [q.quantization for q in quants]
        if "Q4_K_M" in names and e.id != "smollm2-135m-instruct":  # the starter: its bundled Q4_1
            assert e.default_quantization == "Q4_K_M", e.id
    assert sum(len(e.quants) >= 3 for e in load_catalog()) >= 8
    assert raw["version"] >= 2


def test_phi35_kv_cache_matches_the_design_numbers() -> None:
    phi = find_entry("phi-3.5-mini-instruct")
    assert phi is not None and phi.context_length == 131072
    assert phi.kv_bytes_per_token() * 131072 == 48 * GiB  # f16, as docs/architecture.md says
    # StableLM-zephyr's head size 80 is the one that rules out a quantized KV cache.
    assert find_entry("stablelm-zephyr-3b").raw["head_dim"] % 32 != 0


def test_starter_entry_numbers_match_its_gguf_header(starter_model) -> None:
    info = read_gguf_info(starter_model)
    e = find_entry("smollm2-135m-instruct")
    assert e.raw["architecture"] == info.architecture
    assert e.context_length == info.context_length
    assert e.kv_bytes_per_token() == info.kv_bytes_per_token()
    q = e.quant("Q4_1")
    assert q.size_bytes == info.file_size
    # Same fit whether computed from the catalog or from the header.
    m = machine(8)
    assert fit_entry(e, q, m).needed_bytes == fit_gguf(info, m).needed_bytes


def test_fit_statuses_follow_the_ram() -> None:
    e = find_entry("llama-3.1-8b-instruct")
    q = e.quant()
    assert fit_entry(e, q, machine(32)).status == FITS
    hint = fit_entry(e, q, machine(8))
    assert hint.status == TIGHT, hint
    assert fit_entry(e, q, machine(4)).status == WONT_FIT
    # weights + KV at 4096 tokens (32 layers x 8 KV heads x 128 x 2 x 2 bytes) + overhead
    assert hint.kv_bytes == 2 * 32 * 8 * 128 * 2 * 4096
    assert hint.needed_bytes == q.size_bytes + hint.kv_bytes + hint.overhead_bytes
    # A bigger quantization needs more.
    assert fit_entry(e, e.quant("Q8_0"), machine(8)).needed_bytes > hint.needed_bytes


def test_context_is_capped_at_the_native_length() -> None:
    e = find_entry("tinyllama-1.1b-chat")
    assert fit_entry(e, None, machine(8), n_ctx=32768).n_ctx == 2048


def test_recommender_picks_by_machine_and_purpose() -> None:
    weak = recommend(machine(2, cores=2), "chat")
    assert find_entry(weak.model_id).raw["size_class"] == "ultra-small", weak
    assert "fits" in weak.reason
    big = recommend(machine(32, cores=8), "chat")
    assert find_entry(big.model_id).parameters > 7e9 and big.fit.status == FITS
    docs = recommend(machine(32, cores=8), "long-documents")
    assert "long-documents" in find_entry(docs.model_id).raw["specializations"]
    code = recommend(machine(16), "code")
    assert "code" in find_entry(code.model_id).raw["specializations"]
    # Never a base model for chat.
    assert find_entry(recommend(machine(4), "chat").model_id).raw["training"] != "base"
    tiny = recommend(machine(1), "chat")
    assert "Nothing" in tiny.reason


def test_recommender_refuses_an_unknown_purpose() -> None:
    with pytest.raises(BadInput, match="unknown purpose"):
        recommend(machine(8), "poetry")
