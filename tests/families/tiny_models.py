"""One tiny GGUF per architecture the catalog names, written with gguf.GGUFWriter.

Each stand-in has its family's real architecture (tensor names and shapes as llama.cpp 0.3.36's
vendored src/models/<arch>.cpp creates them), the real model's header keys (name, context
length, rope scaling, soft-capping, sliding window, head dimension), the real chat template from
the model's tokenizer_config.json, and the starter model's tokenizer (SmolLM2's BPE vocabulary)
with the family's special tokens appended as control tokens, so turn markers such as
`<|eot_id|>` or `<end_of_turn>` are single end-of-generation tokens as in the real file.

Only the width and depth are shrunk (2 layers, 2 heads, random weights) so that a file loads in
milliseconds. `write_real_header()` writes the same header with the real model's published
dimensions (layer count, heads, KV heads, width) and a single 1-element placeholder tensor
(read_gguf_info refuses tensor-less files): it is for reading the planner numbers of the real
model through the same code path (read_gguf_info -> GGUFInfo.kv_bytes_per_token), never for
loading; it leaves out the tokenizer arrays, which the planner does not read.
"""
from __future__ import annotations

import math
import mmap
import struct
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from gguf import GGMLQuantizationType, GGUFValueType, GGUFWriter

TEMPLATES_DIR = Path(__file__).with_name("templates")

# Token types of the GGUF tokenizer (llama.cpp's llama_token_type).
TOKEN_NORMAL = 1
TOKEN_CONTROL = 3


def template(name: str) -> str:
    """A chat template stored verbatim as published (see templates/SOURCES.md)."""
    return (TEMPLATES_DIR / f"{name}.jinja").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Dims:
    n_layer: int
    n_embd: int
    n_head: int
    n_head_kv: int
    head_dim: int
    n_ff: int


@dataclass(frozen=True)
class Family:
    """A family's stand-in: what the header says, and how the tiny file is shaped."""

    key: str  # test id: gemma2, llama31, tinyllama, mobilellama, qwen2, phi35, stablelm, pythia
    arch: str
    # general.name as the real GGUF has it; never "phi3"/"phi-3" in a test file's name: llama.cpp
    # then looks up </s>, <s> and <unk>, which the copied starter vocabulary lacks: no load.
    name: str
    basename: str
    finetune: str
    size_label: str
    context_length: int
    real: Dims  # the real model's published dimensions (test table has the source URL)
    tiny: Dims
    template: str | None  # None: no template in tokenizer_config.json
    special_tokens: tuple[str, ...]  # appended to the starter vocabulary as control tokens
    bos: str
    eos: str
    add_bos: bool
    rope_dims: int | None = None  # partial rotary (StableLM, Pythia): rope.dimension_count
    rope_freq_base: float = 10000.0
    norm_eps: float = 1e-5
    extra_keys: dict[str, tuple[Any, GGUFValueType]] = field(default_factory=dict)
    set_key_length: bool = False  # write attention.key_length/value_length (Gemma 2 does)


def _f32(v: float) -> tuple[float, GGUFValueType]:
    return (v, GGUFValueType.FLOAT32)


def _u32(v: int) -> tuple[int, GGUFValueType]:
    return (v, GGUFValueType.UINT32)


def _str(v: str) -> tuple[str, GGUFValueType]:
    return (v, GGUFValueType.STRING)


LLAMA_SPM_TOKENS = ("<unk>", "<s>", "</s>")

FAMILIES: dict[str, Family] = {
    f.key: f
    for f in [
        Family(
            key="gemma2", arch="gemma2", name="Gemma 2 2b It", basename="gemma-2",
            finetune="it", size_label="2B", context_length=8192,
            real=Dims(26, 2304, 8, 4, 256, 9216), tiny=Dims(2, 128, 2, 1, 256, 256),
            template=template("gemma-2-2b-it"),
            special_tokens=("<pad>", "<eos>", "<bos>", "<start_of_turn>", "<end_of_turn>"),
            bos="<bos>", eos="<eos>", add_bos=True, norm_eps=1e-6, set_key_length=True,
            extra_keys={
                "gemma2.attention.sliding_window": _u32(4096),
                "gemma2.attn_logit_softcapping": _f32(50.0),
                "gemma2.final_logit_softcapping": _f32(30.0),
            },
        ),
        Family(
            key="llama31", arch="llama", name="Meta Llama 3.1 8B Instruct",
            basename="Meta-Llama-3.1", finetune="Instruct", size_label="8B",
            context_length=131072,
            real=Dims(32, 4096, 32, 8, 128, 14336), tiny=Dims(2, 256, 2, 1, 128, 512),
            template=template("Llama-3.1-8B-Instruct"),
            special_tokens=("<|begin_of_text|>", "<|end_of_text|>", "<|start_header_id|>",
                            "<|end_header_id|>", "<|eom_id|>", "<|eot_id|>", "<|python_tag|>"),
            bos="<|begin_of_text|>", eos="<|eot_id|>", add_bos=True, rope_freq_base=500000.0,
        ),
        Family(
            key="tinyllama", arch="llama", name="TinyLlama 1.1B Chat v1.0",
            basename="TinyLlama", finetune="Chat", size_label="1.1B", context_length=2048,
            real=Dims(22, 2048, 32, 4, 64, 5632), tiny=Dims(2, 128, 2, 1, 64, 256),
            template=template("TinyLlama-1.1B-Chat-v1.0"),
            special_tokens=LLAMA_SPM_TOKENS, bos="<s>", eos="</s>", add_bos=True,
        ),
        Family(
            # MobileLLaMA-1.4B-Chat publishes no chat_template (Vicuna v1 format, by its
            # README and MobileVLM's code): the file carries none and Wren's vicuna format applies.
            key="mobilellama", arch="llama", name="MobileLLaMA 1.4B Chat",
            basename="MobileLLaMA", finetune="Chat", size_label="1.4B", context_length=2048,
            real=Dims(24, 2048, 16, 16, 128, 5632), tiny=Dims(2, 256, 2, 2, 128, 512),
            template=None, special_tokens=LLAMA_SPM_TOKENS, bos="<s>", eos="</s>", add_bos=True,
        ),
        Family(
            key="qwen2", arch="qwen2", name="Qwen2 1.5B Instruct", basename="Qwen2",
            finetune="Instruct", size_label="1.5B", context_length=32768,
            real=Dims(28, 1536, 12, 2, 128, 8960), tiny=Dims(2, 256, 2, 1, 128, 512),
            template=template("Qwen2-1.5B-Instruct"),
            # <|endoftext|>, <|im_start|>, <|im_end|> are already in the starter vocabulary.
            special_tokens=(), bos="<|endoftext|>", eos="<|im_end|>", add_bos=False,
            rope_freq_base=1000000.0, norm_eps=1e-6,
        ),
        Family(
            key="phi35", arch="phi3", name="Phi 3.5 Mini Instruct", basename="Phi-3.5",
            finetune="instruct", size_label="mini", context_length=131072,
            real=Dims(32, 3072, 32, 32, 96, 8192), tiny=Dims(2, 192, 2, 2, 96, 256),
            template=template("Phi-3.5-mini-instruct"),
            special_tokens=LLAMA_SPM_TOKENS + ("<|assistant|>", "<|system|>", "<|end|>",
                                               "<|user|>"),
            bos="<s>", eos="<|endoftext|>", add_bos=False,
            extra_keys={
                "phi3.rope.scaling.attn_factor": _f32(1.190238118171692),
                "phi3.rope.scaling.original_context_length": _u32(4096),
            },
        ),
        Family(
            key="stablelm", arch="stablelm", name="Stablelm Zephyr 3b",
            basename="stablelm-zephyr", finetune="", size_label="3B", context_length=4096,
            real=Dims(32, 2560, 32, 32, 80, 6912), tiny=Dims(2, 160, 2, 2, 80, 320),
            template=template("stablelm-zephyr-3b"),
            special_tokens=(), bos="<|endoftext|>", eos="<|endoftext|>", add_bos=False,
            rope_dims=20,  # partial_rotary_factor 0.25 of head_dim 80
        ),
        Family(
            key="pythia", arch="gptneox", name="Pythia 410m Deduped", basename="pythia",
            finetune="deduped", size_label="410M", context_length=2048,
            real=Dims(24, 1024, 16, 16, 64, 4096), tiny=Dims(2, 128, 2, 2, 64, 512),
            template=None, special_tokens=(), bos="<|endoftext|>", eos="<|endoftext|>",
            add_bos=False, rope_dims=16,  # rotary_pct 0.25 of head_dim 64
            extra_keys={"gptneox.use_parallel_residual": (True, GGUFValueType.BOOL)},
        ),
    ]
}


# ----------------------------------------------------------------- starter tokenizer
_TYPES = {
    0: ("<B", 1), 1: ("<b", 1), 2: ("<H", 2), 3: ("<h", 2), 4: ("<I", 4), 5: ("<i", 4),
    6: ("<f", 4), 7: ("<?", 1), 10: ("<Q", 8), 11: ("<q", 8), 12: ("<d", 8),
}


@dataclass(frozen=True)
class Tokenizer:
    model: str
    pre: str
    tokens: tuple[bytes, ...]
    token_types: tuple[int, ...]
    merges: tuple[bytes, ...]


@lru_cache(maxsize=2)
def starter_tokenizer(path: str) -> Tokenizer:
    """The starter model's tokenizer arrays. A direct parse of the GGUF key/value section:
    gguf.GGUFReader builds a numpy view per string and takes ~6 s for SmolLM2's 98,000."""
    with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as buf:
        if buf[:4] != b"GGUF":
            raise ValueError(f"{path}: not a GGUF file")
        _version, _n_tensors, n_kv = struct.unpack_from("<IQQ", buf, 4)
        off = 24
        wanted = {"tokenizer.ggml.model", "tokenizer.ggml.pre", "tokenizer.ggml.tokens",
                  "tokenizer.ggml.token_type", "tokenizer.ggml.merges"}
        found: dict[str, Any] = {}

        def read_str(o: int) -> tuple[bytes, int]:
            (n,) = struct.unpack_from("<Q", buf, o)
            return bytes(buf[o + 8 : o + 8 + n]), o + 8 + n

        def read_value(o: int, vtype: int, keep: bool) -> tuple[Any, int]:
            if vtype == 8:  # string
                s, o = read_str(o)
                return s, o
            if vtype == 9:  # array
                itype, count = struct.unpack_from("<IQ", buf, o)
                o += 12
                if itype == 8:
                    items = []
                    for _ in range(count):
                        s, o = read_str(o)
                        if keep:
                            items.append(s)
                    return items, o
                fmt, size = _TYPES[itype]
                vals = np.frombuffer(buf, dtype=np.dtype(fmt), count=count, offset=o) if keep else None
                return (vals.tolist() if keep else None), o + size * count
            fmt, size = _TYPES[vtype]
            return struct.unpack_from(fmt, buf, o)[0], o + size

        for _ in range(n_kv):
            key_b, off = read_str(off)
            (vtype,) = struct.unpack_from("<I", buf, off)
            off += 4
            key = key_b.decode("utf-8")
            value, off = read_value(off, vtype, key in wanted)
            if key in wanted:
                found[key] = value
    return Tokenizer(
        model=found["tokenizer.ggml.model"].decode(),
        pre=found.get("tokenizer.ggml.pre", b"default").decode(),
        tokens=tuple(found["tokenizer.ggml.tokens"]),
        token_types=tuple(int(t) for t in found["tokenizer.ggml.token_type"]),
        merges=tuple(found.get("tokenizer.ggml.merges", [])),
    )


# ----------------------------------------------------------------- writing
def _llama3_rope_freqs(head_dim: int, base: float) -> np.ndarray:
    """Llama 3.1's rope scaling as convert_hf_to_gguf.py stores it (rope_freqs.weight):
    factor 8, low_freq_factor 1, high_freq_factor 4, original context 8192."""
    factor, low, high, old_ctx = 8.0, 1.0, 4.0, 8192
    low_wavelen, high_wavelen = old_ctx / low, old_ctx / high
    freqs = 1.0 / (base ** (np.arange(0, head_dim, 2, dtype=np.float32) / head_dim))
    out = []
    for f in freqs:
        wavelen = 2 * math.pi / f
        if wavelen < high_wavelen:
            out.append(1.0)
        elif wavelen > low_wavelen:
            out.append(factor)
        else:
            smooth = (old_ctx / wavelen - low) / (high - low)
            out.append(1 / ((1 - smooth) / factor + smooth))
    return np.asarray(out, dtype=np.float32)


def _phi35_rope_factors(n: int, long: bool) -> np.ndarray:
    """LongRoPE factors shaped like Phi-3.5-mini's (short ~1.0-1.1, long rising to ~50),
    resampled to n entries (the real ones have head_dim/2 = 48)."""
    x = np.linspace(0.0, 1.0, n, dtype=np.float32)
    if long:
        return (1.0 + 49.0 * x**3).astype(np.float32)
    return (1.0 + 0.1 * x).astype(np.float32)


_POOL_SIZE = 1 << 24


@lru_cache(maxsize=1)
def _random_pool() -> np.ndarray:
    """16M random f16 values drawn once; weights are slices of it (drawing fresh numbers for
    every file cost half a second each)."""
    rng = np.random.default_rng(1234)
    return (rng.standard_normal(_POOL_SIZE, dtype=np.float32) * 0.05).astype(np.float16)


class _Tensors:
    def __init__(self, seed: int) -> None:
        self.offset = (seed * 7_919_993) % _POOL_SIZE
        self.items: list[tuple[str, np.ndarray]] = []

    def w(self, name: str, *ne: int) -> None:
        """A weight with ggml shape ne (numpy shape is reversed), f16, small random values."""
        shape = tuple(reversed(ne))
        n = math.prod(shape)
        pool = _random_pool()
        if self.offset + n > _POOL_SIZE:
            self.offset = 0
        data = pool[self.offset : self.offset + n].reshape(shape)
        self.offset += n + 7_001  # an odd stride so tensors do not repeat each other
        self.items.append((name, data))

    def ones(self, name: str, n: int) -> None:
        self.items.append((name, np.ones(n, dtype=np.float32)))

    def zeros(self, name: str, n: int) -> None:
        self.items.append((name, np.zeros(n, dtype=np.float32)))

    def raw(self, name: str, data: np.ndarray) -> None:
        self.items.append((name, data.astype(np.float32)))


def _tensors(fam: Family, d: Dims, n_vocab: int, seed: int,
             rope_long_equals_short: bool = False) -> _Tensors:
    t = _Tensors(seed)
    E, H, KV, hd, F = d.n_embd, d.n_head, d.n_head_kv, d.head_dim, d.n_ff
    q, kv = H * hd, KV * hd
    t.w("token_embd.weight", E, n_vocab)
    if fam.arch in ("llama", "qwen2", "phi3", "gemma2"):
        t.ones("output_norm.weight", E)
        if fam.key in ("llama31", "tinyllama", "mobilellama", "phi35"):  # untied output
            t.w("output.weight", E, n_vocab)
        if fam.key == "llama31":
            t.raw("rope_freqs.weight", _llama3_rope_freqs(hd, fam.rope_freq_base))
        if fam.arch == "phi3":
            short = _phi35_rope_factors(hd // 2, long=False)
            long = short if rope_long_equals_short else _phi35_rope_factors(hd // 2, long=True)
            t.raw("rope_factors_long.weight", long)
            t.raw("rope_factors_short.weight", short)
        for i in range(d.n_layer):
            b = f"blk.{i}."
            t.ones(b + "attn_norm.weight", E)
            if fam.arch == "phi3":  # fused QKV and fused gate+up, as the Phi-3 checkpoint is
                t.w(b + "attn_qkv.weight", E, q + 2 * kv)
                t.w(b + "attn_output.weight", q, E)
                t.ones(b + "ffn_norm.weight", E)
                t.w(b + "ffn_up.weight", E, 2 * F)
                t.w(b + "ffn_down.weight", F, E)
                continue
            t.w(b + "attn_q.weight", E, q)
            t.w(b + "attn_k.weight", E, kv)
            t.w(b + "attn_v.weight", E, kv)
            if fam.arch == "qwen2":  # Qwen2 has Q/K/V biases
                t.zeros(b + "attn_q.bias", q)
                t.zeros(b + "attn_k.bias", kv)
                t.zeros(b + "attn_v.bias", kv)
            t.w(b + "attn_output.weight", q, E)
            if fam.arch == "gemma2":
                t.ones(b + "post_attention_norm.weight", E)
            t.ones(b + "ffn_norm.weight", E)
            t.w(b + "ffn_gate.weight", E, F)
            t.w(b + "ffn_up.weight", E, F)
            t.w(b + "ffn_down.weight", F, E)
            if fam.arch == "gemma2":
                t.ones(b + "post_ffw_norm.weight", E)
    elif fam.arch == "stablelm":
        t.ones("output_norm.weight", E)
        t.zeros("output_norm.bias", E)
        t.w("output.weight", E, n_vocab)
        for i in range(d.n_layer):
            b = f"blk.{i}."
            t.ones(b + "attn_norm.weight", E)
            t.zeros(b + "attn_norm.bias", E)
            t.w(b + "attn_q.weight", E, q)
            t.w(b + "attn_k.weight", E, kv)
            t.w(b + "attn_v.weight", E, kv)
            t.w(b + "attn_output.weight", q, E)
            t.ones(b + "ffn_norm.weight", E)
            t.zeros(b + "ffn_norm.bias", E)
            t.w(b + "ffn_gate.weight", E, F)
            t.w(b + "ffn_up.weight", E, F)
            t.w(b + "ffn_down.weight", F, E)
    elif fam.arch == "gptneox":
        t.ones("output_norm.weight", E)
        t.zeros("output_norm.bias", E)
        t.w("output.weight", E, n_vocab)
        for i in range(d.n_layer):
            b = f"blk.{i}."
            t.ones(b + "attn_norm.weight", E)
            t.zeros(b + "attn_norm.bias", E)
            t.w(b + "attn_qkv.weight", E, q + 2 * kv)
            t.zeros(b + "attn_qkv.bias", q + 2 * kv)
            t.w(b + "attn_output.weight", q, E)
            t.zeros(b + "attn_output.bias", E)
            t.ones(b + "ffn_norm.weight", E)
            t.zeros(b + "ffn_norm.bias", E)
            t.w(b + "ffn_up.weight", E, F)
            t.zeros(b + "ffn_up.bias", F)
            t.w(b + "ffn_down.weight", F, E)
            t.zeros(b + "ffn_down.bias", E)
    else:  # pragma: no cover - a family added without its tensors
        raise ValueError(f"no tensor layout for {fam.arch}")
    return t


def _write(fam: Family, dims: Dims, dst: Path, tok: Tokenizer, *, tensors: _Tensors | None,
           overrides: dict[str, tuple[Any, GGUFValueType]] | None = None) -> Path:
    a = fam.arch
    tokens = list(tok.tokens)
    types = list(tok.token_types)
    for s in fam.special_tokens:
        b = s.encode()
        if b not in tokens:
            tokens.append(b)
            types.append(TOKEN_CONTROL)
    index = {t: i for i, t in enumerate(tokens)}
    w = GGUFWriter(str(dst), arch=a)
    kv: dict[str, tuple[Any, GGUFValueType]] = {
        "general.type": _str("model"),
        "general.name": _str(fam.name),
        "general.basename": _str(fam.basename),
        "general.size_label": _str(fam.size_label),
        "general.file_type": _u32(1),  # MOSTLY_F16
        f"{a}.context_length": _u32(fam.context_length),
        f"{a}.embedding_length": _u32(dims.n_embd),
        f"{a}.block_count": _u32(dims.n_layer),
        f"{a}.feed_forward_length": _u32(dims.n_ff),
        f"{a}.attention.head_count": _u32(dims.n_head),
        f"{a}.attention.head_count_kv": _u32(dims.n_head_kv),
        f"{a}.rope.dimension_count": _u32(fam.rope_dims or dims.head_dim),
        f"{a}.rope.freq_base": _f32(fam.rope_freq_base),
    }
    if fam.finetune:
        kv["general.finetune"] = _str(fam.finetune)
    if a in ("stablelm", "gptneox"):
        kv[f"{a}.attention.layer_norm_epsilon"] = _f32(fam.norm_eps)
    else:
        kv[f"{a}.attention.layer_norm_rms_epsilon"] = _f32(fam.norm_eps)
    if fam.set_key_length:
        kv[f"{a}.attention.key_length"] = _u32(dims.head_dim)
        kv[f"{a}.attention.value_length"] = _u32(dims.head_dim)
    kv.update(fam.extra_keys)
    kv.update(overrides or {})
    for k, (v, t) in kv.items():
        w.add_key_value(k, v, t)
    if tensors is None:  # header only: the tokenizer arrays are not needed (and slow to pack)
        if fam.template is not None:
            w.add_key_value("tokenizer.chat_template", fam.template, GGUFValueType.STRING)
        w.add_tensor("placeholder.weight", np.zeros(1, dtype=np.float32))
        w.write_header_to_file()
        w.write_kv_data_to_file()
        w.write_tensors_to_file()
        w.close()
        return dst
    w.add_key_value("tokenizer.ggml.model", tok.model, GGUFValueType.STRING)
    w.add_key_value("tokenizer.ggml.pre", tok.pre, GGUFValueType.STRING)
    w.add_key_value("tokenizer.ggml.tokens", tokens, GGUFValueType.ARRAY,
                    sub_type=GGUFValueType.STRING)
    w.add_key_value("tokenizer.ggml.token_type", types, GGUFValueType.ARRAY,
                    sub_type=GGUFValueType.INT32)
    if tok.merges:
        w.add_key_value("tokenizer.ggml.merges", list(tok.merges), GGUFValueType.ARRAY,
                        sub_type=GGUFValueType.STRING)
    w.add_key_value("tokenizer.ggml.bos_token_id", index[fam.bos.encode()], GGUFValueType.UINT32)
    w.add_key_value("tokenizer.ggml.eos_token_id", index[fam.eos.encode()], GGUFValueType.UINT32)
    w.add_key_value("tokenizer.ggml.add_bos_token", fam.add_bos, GGUFValueType.BOOL)
    if fam.template is not None:
        w.add_key_value("tokenizer.chat_template", fam.template, GGUFValueType.STRING)
    for name, data in tensors.items:
        if data.dtype == np.float16:
            w.add_tensor(name, data, raw_dtype=GGMLQuantizationType.F16)
        else:
            w.add_tensor(name, data)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return dst


def vocab_size(fam: Family, tok: Tokenizer) -> int:
    return len(tok.tokens) + sum(1 for s in fam.special_tokens if s.encode() not in tok.tokens)


def write_tiny(fam: Family, dst: Path, tok: Tokenizer, *, seed: int = 0,
               overrides: dict[str, tuple[Any, GGUFValueType]] | None = None,
               rope_long_equals_short: bool = False) -> Path:
    """The runnable stand-in: real header keys, 2 narrow layers of random weights."""
    t = _tensors(fam, fam.tiny, vocab_size(fam, tok), seed, rope_long_equals_short)
    return _write(fam, fam.tiny, dst, tok, tensors=t, overrides=overrides)


def write_real_header(fam: Family, dst: Path, tok: Tokenizer) -> Path:
    """The same header keys with the real model's dimensions, no weights and no tokenizer
    arrays (not loadable: for reading planner numbers only)."""
    return _write(fam, fam.real, dst, tok, tensors=None)


__all__ = ["FAMILIES", "Family", "Dims", "starter_tokenizer", "write_tiny", "write_real_header",
           "template", "vocab_size"]
