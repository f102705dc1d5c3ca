"""Every model family the catalog names, proven through Wren on a tiny stand-in of its real
architecture (tests/families/tiny_models.py): header, planner numbers for the real model,
loading in llama.cpp, the real chat template, generation, and each family's special care.

What these tests cannot prove (real weights, real speed, real answers) is listed in
docs/families.md.
"""
from __future__ import annotations

import re

import numpy as np
import pytest
from gguf import GGUFValueType

from app.core.engine import Engine, LoadOptions, SamplingParams, plan_n_ctx
from app.core.errors import ContextOverflow
from app.core.gguf_info import read_gguf_info
from app.core.machine import KV_TYPE_BYTES, RESERVE_BYTES, RUNTIME_OVERHEAD_BYTES, kv_cache_bytes
from app.core.templates import resolve_chat_format
from tests.families.tiny_models import FAMILIES

KEYS = list(FAMILIES)
GREEDY = SamplingParams(max_tokens=8, temperature=0.0, seed=1)
TWO_TURNS = [
    {"role": "system", "content": "Be brief."},
    {"role": "user", "content": "Hi"},
    {"role": "assistant", "content": "Hello!"},
    {"role": "user", "content": "Bye"},
]

# The real models' published dimensions, from each model's config.json on Hugging Face.
REAL = {
    "gemma2": dict(layers=26, kv_heads=4, heads=8, head_dim=256, context=8192,
                   url="https://huggingface.co/google/gemma-2-2b-it/blob/main/config.json"),
    "llama31": dict(layers=32, kv_heads=8, heads=32, head_dim=128, context=131072,
                    url="https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct/blob/main/config.json"),
    "tinyllama": dict(layers=22, kv_heads=4, heads=32, head_dim=64, context=2048,
                      url="https://huggingface.co/TinyLlama/TinyLlama-1.1B-Chat-v1.0/blob/main/config.json"),
    "mobilellama": dict(layers=24, kv_heads=16, heads=16, head_dim=128, context=2048,
                        url="https://huggingface.co/mtgv/MobileLLaMA-1.4B-Chat/blob/main/config.json"),
    "qwen2": dict(layers=28, kv_heads=2, heads=12, head_dim=128, context=32768,
                  url="https://huggingface.co/Qwen/Qwen2-1.5B-Instruct/blob/main/config.json"),
    "phi35": dict(layers=32, kv_heads=32, heads=32, head_dim=96, context=131072,
                  url="https://huggingface.co/microsoft/Phi-3.5-mini-instruct/blob/main/config.json"),
    "stablelm": dict(layers=32, kv_heads=32, heads=32, head_dim=80, context=4096,
                     url="https://huggingface.co/stabilityai/stablelm-zephyr-3b/blob/main/config.json"),
    "pythia": dict(layers=24, kv_heads=16, heads=16, head_dim=64, context=2048,
                   url="https://huggingface.co/EleutherAI/pythia-410m-deduped/blob/main/config.json"),
}

# The two-turn conversation exactly as each family's template renders it.
RENDERED = {
    "gemma2": (
        "<bos><start_of_turn>user\nBe brief.\n\nHi<end_of_turn>\n<start_of_turn>model\nHello!"
        "<end_of_turn>\n<start_of_turn>user\nBye<end_of_turn>\n<start_of_turn>model\n"
    ),
    "llama31": (
        "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n"
        "Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\nBe brief.<|eot_id|>"
        "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>"
        "<|start_header_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|>"
        "<|start_header_id|>user<|end_header_id|>\n\nBye<|eot_id|>"
        "<|start_header_id|>assistant<|end_header_id|>\n\n"
    ),
    "tinyllama": (
        "<|system|>\nBe brief.</s>\n<|user|>\nHi</s>\n<|assistant|>\nHello!</s>\n"
        "<|user|>\nBye</s>\n<|assistant|>\n"
    ),
    "mobilellama": "Be brief. USER: Hi ASSISTANT: Hello!</s>USER: Bye ASSISTANT:",
    "qwen2": (
        "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
        "<|im_start|>assistant\nHello!<|im_end|>\n<|im_start|>user\nBye<|im_end|>\n"
        "<|im_start|>assistant\n"
    ),
    "phi35": (
        "<|system|>\nBe brief.<|end|>\n<|user|>\nHi<|end|>\n<|assistant|>\nHello!<|end|>\n"
        "<|user|>\nBye<|end|>\n<|assistant|>\n"
    ),
    "stablelm": (
        "<|system|>\nBe brief.<|endoftext|>\n<|user|>\nHi<|endoftext|>\n<|assistant|>\n"
        "Hello!<|endoftext|>\n<|user|>\nBye<|endoftext|>\n<|assistant|>\n"
    ),
    # A base model: the text itself (completion mode), each reply after the words it continued.
    "pythia": "Be brief.\n\nHiHello!\n\nBye",
}

# Wren's name for each family's chat format, and where it comes from.
FORMAT = {
    "gemma2": ("gemma", "gguf"), "llama31": ("llama3", "gguf"), "tinyllama": ("zephyr", "gguf"),
    "mobilellama": ("vicuna", "family"), "qwen2": ("chatml", "gguf"), "phi35": ("phi3", "gguf"),
    "stablelm": ("zephyr", "gguf"), "pythia": ("base", "base"),
}

# Turn markers that are special tokens in the real vocabulary (one token each), and the token
# that ends the model's turn (must be end-of-generation for llama.cpp so replies stop there).
SPECIAL_MARKERS = {
    "gemma2": ["<bos>", "<start_of_turn>", "<end_of_turn>"],
    "llama31": ["<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"],
    "tinyllama": ["</s>"], "mobilellama": ["</s>"],
    "qwen2": ["<|im_start|>", "<|im_end|>"],
    "phi35": ["<|system|>", "<|user|>", "<|assistant|>", "<|end|>"],
    "stablelm": ["<|endoftext|>"], "pythia": [],  # base model: no markers
}
END_OF_TURN = {
    "gemma2": "<end_of_turn>", "llama31": "<|eot_id|>", "tinyllama": "</s>",
    "mobilellama": "</s>", "qwen2": "<|im_end|>", "phi35": "<|end|>",
    "stablelm": "<|endoftext|>", "pythia": "<|endoftext|>",
}


def _kv_bytes_per_token(real: dict) -> int:
    """K and V, every layer, every KV head, f16: computed from the table, not from Wren."""
    return 2 * real["layers"] * real["kv_heads"] * real["head_dim"] * 2


# ------------------------------------------------------------------------- header
@pytest.mark.parametrize("key", KEYS)
def test_header_has_the_real_models_keys(key, tiny_model):
    fam, real = FAMILIES[key], REAL[key]
    info = read_gguf_info(tiny_model(key))
    assert info.architecture == fam.arch
    assert info.name == fam.name
    assert "phi3" not in info.name.lower() and "phi-3" not in info.name.lower()
    assert info.context_length == real["context"]
    assert info.head_dim == real["head_dim"]  # kept real even in the tiny file
    assert info.n_layer == 2
    assert info.has_chat_template == (fam.template is not None)
    if key == "gemma2":
        assert info.sliding_window == 4096
        assert info.extra["attn_logit_softcapping"] == pytest.approx(50.0)
        assert info.extra["final_logit_softcapping"] == pytest.approx(30.0)
    if key == "phi35":
        assert info.extra["rope.scaling.original_context_length"] == 4096


@pytest.mark.parametrize("key", KEYS)
def test_planner_numbers_for_the_real_model(key, real_header):
    """KV bytes per token and the RAM-bounded context, read from a header with the real
    dimensions through read_gguf_info, checked against the published table."""
    real = REAL[key]
    info = read_gguf_info(real_header(key))
    assert (info.n_layer, info.n_head, info.n_head_kv, info.head_dim) == (
        real["layers"], real["heads"], real["kv_heads"], real["head_dim"])
    assert info.context_length == real["context"]
    per_tok = _kv_bytes_per_token(real)
    assert info.kv_bytes_per_token() == per_tok
    for kv_type, nbytes in KV_TYPE_BYTES.items():
        assert kv_cache_bytes(info.kv_bytes_per_token(), real["context"], kv_type) == int(
            per_tok / 2 * nbytes * real["context"])
    # The planner grants the full native context when exactly that much RAM is free, and
    # refuses it (naming RAM) with one token's worth less.
    ram = info.file_size + RUNTIME_OVERHEAD_BYTES + RESERVE_BYTES + per_tok * real["context"]
    assert plan_n_ctx(info, real["context"], "f16", available_ram=ram) == real["context"]
    with pytest.raises(ContextOverflow, match="RAM"):
        plan_n_ctx(info, real["context"], "f16", available_ram=ram - per_tok)


def test_phi35_full_context_needs_48_gib_f16():
    """docs/architecture.md's numbers: Phi-3.5-mini at 131,072 tokens."""
    per_tok = _kv_bytes_per_token(REAL["phi35"])
    assert kv_cache_bytes(per_tok, 131072, "f16") == 48 * 2**30
    assert kv_cache_bytes(per_tok, 131072, "q8_0") == int(25.5 * 2**30)
    assert kv_cache_bytes(per_tok, 131072, "q4_0") == int(13.5 * 2**30)


# ------------------------------------------------------------------------- load, template, run
@pytest.mark.parametrize("key", KEYS)
def test_loads_renders_and_generates(key, tiny_model, loaded):
    e = loaded(tiny_model(key))
    fam_name, source = FORMAT[key]
    assert e.model.chat_family == fam_name
    assert e.format.source == source
    text = e.render(TWO_TURNS)
    assert text == RENDERED[key]

    tokens = e.tokenize_prompt(text)
    for marker in SPECIAL_MARKERS[key]:
        ids = e.llm.tokenize(marker.encode(), add_bos=False, special=True)
        assert len(ids) == 1, f"{marker} is not one special token: {ids}"
        assert ids[0] in tokens
    if e.llm._model.add_bos_token() or key == "gemma2":
        assert tokens.count(tokens[0]) == 1  # no doubled BOS: the template wrote it already
    import llama_cpp

    eot = e.llm.tokenize(END_OF_TURN[key].encode(), add_bos=False, special=True)
    assert len(eot) == 1 and llama_cpp.llama_vocab_is_eog(e.llm._model.vocab, eot[0])

    reply = "".join(e.stream_chat(TWO_TURNS, GREEDY))
    s = e.last_stats
    assert s.prompt_tokens == len(tokens)
    assert s.completion_tokens > 0 and s.finish_reason in ("stop", "length")
    for stop in e.format.stops:
        assert stop not in reply


def test_llama31_rope_freqs_tensor_is_llama3_scaling(tiny_model):
    """Llama 3.1's rope scaling lives in the rope_freqs tensor (factor 8 on low frequencies,
    1 on high ones), which llama.cpp applies on every layer."""
    from gguf import GGUFReader

    r = GGUFReader(tiny_model("llama31"))
    freqs = next(t for t in r.tensors if t.name == "rope_freqs.weight")
    vals = np.asarray(freqs.data, dtype=np.float32)
    assert vals.shape == (64,)  # head_dim / 2
    assert vals[0] == pytest.approx(1.0) and vals[-1] == pytest.approx(8.0)
    assert np.all(np.diff(vals) >= 0)


# ------------------------------------------------------------------------- Gemma 2
def test_gemma2_system_prompt_is_folded_not_refused(tiny_model, loaded):
    """Gemma's real template raises 'System role not supported': Wren folds the system prompt
    into the first user turn instead of failing or dropping it."""
    e = loaded(tiny_model("gemma2"))
    assert e.format.fold_system
    text = e.render([{"role": "system", "content": "Answer in French."},
                     {"role": "user", "content": "Hello"}])
    assert text == "<bos><start_of_turn>user\nAnswer in French.\n\nHello<end_of_turn>\n<start_of_turn>model\n"


def test_gemma2_sliding_window_prefix_reuse(tiny_model, loaded):
    """With a 32-token sliding window (so that every turn reaches past it), later turns only
    evaluate their new tokens, and the reply equals a fresh engine's reply to the same prompt
    (the reused cache was right)."""
    path = tiny_model("gemma2", "swa32",
                      overrides={"gemma2.attention.sliding_window": (32, GGUFValueType.UINT32)})
    assert read_gguf_info(path).sliding_window == 32
    e = loaded(path)
    msgs = [{"role": "system", "content": "You are terse."}]
    p = SamplingParams(max_tokens=10, temperature=0.0, seed=1)
    seen = []
    for i in range(4):
        msgs.append({"role": "user",
                     "content": f"Give me fact number {i + 1} about the sea and its ships, please."})
        reply = "".join(e.stream_chat(msgs, p))
        seen.append((e.last_stats.prompt_tokens, e.last_stats.prompt_tokens_evaluated))
        fresh = loaded(path)
        assert "".join(fresh.stream_chat(msgs, p)) == reply
        assert fresh.last_stats.prompt_tokens_evaluated == fresh.last_stats.prompt_tokens
        fresh.unload()
        msgs.append({"role": "assistant", "content": reply})
    total, evaluated = seen[-1]
    assert total > 3 * 32, seen  # the conversation is well past the window
    assert evaluated < total / 2, seen


# ------------------------------------------------------------------------- Phi-3.5
def _last_logits(e: Engine, prompt: str) -> np.ndarray:
    import llama_cpp

    tokens = e.tokenize_prompt(e.render([{"role": "user", "content": prompt}]))
    e.llm.reset()
    e.llm.eval(tokens)
    ptr = llama_cpp.llama_get_logits_ith(e.llm._ctx.ctx, -1)
    return np.ctypeslib.as_array(ptr, shape=(e.llm.n_vocab(),)).copy()


def test_phi35_long_rope_factors_apply_above_4096(tiny_model, loaded):
    """LongRoPE: up to the original 4,096 tokens of context llama.cpp uses the short factors,
    above it the long ones. Same prompt, same weights: logits are identical at n_ctx 2048 and
    4096 and change at 8192; with long == short factors (control file) they do not change."""
    prompt = "Tell me about the sea and the ships on it."
    path = tiny_model("phi35")
    by_ctx = {n: _last_logits(loaded(path, n_ctx=n), prompt) for n in (2048, 4096, 8192)}
    assert np.array_equal(by_ctx[2048], by_ctx[4096])
    assert np.abs(by_ctx[8192] - by_ctx[4096]).max() > 1e-3

    control = tiny_model("phi35", "same-factors", rope_long_equals_short=True)
    c = {n: _last_logits(loaded(control, n_ctx=n), prompt) for n in (4096, 8192)}
    assert np.array_equal(c[4096], c[8192])


def test_phi35_runs_with_long_context_chosen_by_planner(tiny_model, loaded):
    """Asking for 20,000 tokens: the planner loads more than 4,096, and a chat runs."""
    from app.core.engine import Engine

    e = Engine()
    try:
        m = e.load(tiny_model("phi35"), LoadOptions(n_threads=1), wanted_ctx=20000)
        assert m.n_ctx >= 20000 > 4096
        reply = "".join(e.stream_chat(TWO_TURNS, GREEDY))
        assert e.last_stats.completion_tokens > 0, reply
    finally:
        e.unload()


# ------------------------------------------------------------------------- StableLM
def test_stablelm_head_dim_80_falls_back_to_f16_kv(tiny_model, loaded):
    """A q8_0 KV cache needs head_dim divisible by 32; StableLM-zephyr-3b's is 80. Wren loads
    it with an f16 cache (and says so) instead of failing."""
    path = tiny_model("stablelm")
    assert read_gguf_info(path).head_dim == 80
    e = loaded(path, kv_type="q8_0")
    assert e.model.kv_type == "f16" and not e.model.flash_attn
    assert "head size 80" in e.model.extra["kv_type_note"]
    "".join(e.stream_chat(TWO_TURNS, GREEDY))
    assert e.last_stats.completion_tokens > 0


def test_stablelm_q8_kv_is_refused_by_llama_cpp_itself(tiny_model):
    """Why the fallback exists: asked directly, llama.cpp cannot build that context."""
    import llama_cpp

    with pytest.raises(ValueError):
        llama_cpp.Llama(str(tiny_model("stablelm")), n_ctx=512, type_k=8, type_v=8,
                        flash_attn=True, verbose=False)


def test_q8_kv_kept_where_head_dim_allows(tiny_model, loaded):
    e = loaded(tiny_model("llama31"), kv_type="q8_0")
    assert e.model.kv_type == "q8_0" and e.model.flash_attn
    assert "kv_type_note" not in e.model.extra
    "".join(e.stream_chat(TWO_TURNS, GREEDY))
    assert e.last_stats.completion_tokens > 0


# ------------------------------------------------------------------------- Pythia
def test_pythia_is_a_base_model_in_completion_mode(tiny_model, loaded):
    e = loaded(tiny_model("pythia"))
    assert e.format.is_base and e.model.chat_family == "base"
    assert "base model" in e.model.chat_notice
    out = "".join(e.stream_completion("The sea is", GREEDY))
    assert e.last_stats.completion_tokens > 0, out
    assert e.render([{"role": "user", "content": "Hi"}]) == "Hi"  # the text itself, no markers


# ------------------------------------------------------------------------- MobileLLaMA
def test_mobilellama_without_template_uses_vicuna_and_says_so(tiny_model, loaded):
    e = loaded(tiny_model("mobilellama"))
    assert not e.model.info.has_chat_template
    assert e.format.family == "vicuna" and "no chat template" in e.model.chat_notice
    assert "[INST]" not in e.render(TWO_TURNS)  # never llama.cpp's silent llama-2 fallback


# ------------------------------------------------------------------------- catalog agreement
CATALOG_PATTERNS = {
    "gemma2": r"gemma-2-2b", "llama31": r"llama-3\.1-8b", "tinyllama": r"tinyllama",
    "mobilellama": r"mobilellama", "qwen2": r"qwen2-1\.5b", "phi35": r"phi-3\.5-mini",
    "stablelm": r"stablelm-zephyr", "pythia": r"pythia",
}


def _catalog_entry(key: str):
    from app.core.catalog import load_catalog

    entries = load_catalog()
    pat = re.compile(CATALOG_PATTERNS[key])
    for e in entries:
        hay = " ".join([e.id, e.name, e.repo_id, e.filename]).lower().replace(" ", "-")
        if pat.search(hay):
            return e
    pytest.fail(f"the catalog has no entry for the {key} family ({CATALOG_PATTERNS[key]})")


@pytest.mark.parametrize("key", KEYS)
def test_catalog_entry_agrees_with_stand_in(key, tiny_model):
    entry = _catalog_entry(key)
    info = read_gguf_info(tiny_model(key))
    assert entry.get("architecture") == info.architecture
    assert int(entry.get("context_length")) == info.context_length
    assert entry.get("template_family") == resolve_chat_format(info).family


# ------------------------------------------------------------------------- summary path
DOC = "\n\n".join(
    f"Section {i}. The harbour of Wrenport handled {100 + i} ships in year {1900 + i}; "
    "the fishing fleet grew, the lighthouse was rebuilt, and trade with the islands doubled."
    for i in range(60)
)


@pytest.mark.parametrize("key", KEYS)
def test_summary_path_runs(key, tiny_model, tmp_path):
    """The document summary path (plan, load with the planned context, read, summarize, store)
    runs on each family's stand-in, through the same Summarizer the CLI and window use."""
    from app.core.engine import Engine
    from app.core.models import InstalledModel
    from app.core.store import Store
    from app.core.summarize import Summarizer, SummaryOptions

    path = tiny_model(key)
    doc = tmp_path / "harbour.txt"
    doc.write_text(DOC, encoding="utf-8")
    store = Store(tmp_path / "wren.db")
    engine = Engine()
    try:
        s = Summarizer(store, tmp_path / "cache", engine)
        model = InstalledModel(key, str(path), key, path.stat().st_size, "path")
        r = s.summarize(doc, model, SummaryOptions(length="short", temperature=0.0, max_ctx=4096))
        assert r.plan.mode in ("single-pass", "map-reduce")
        assert r.document_tokens > 1000
        assert r.completion_tokens_total > 0
        msg = store.get_message(r.message_id)
        assert msg.role == "assistant" and msg.document_id == r.document_id
        assert msg.text == r.text
    finally:
        engine.unload()
        store.close()


# ------------------------------------------------------------------------- sanity of the fixture
def test_stand_ins_are_small_and_quick(tiny_model):
    """All eight stand-ins together stay small (they are written once per session)."""
    sizes = {k: tiny_model(k).stat().st_size for k in KEYS}
    assert sum(sizes.values()) < 400 * 2**20, sizes

