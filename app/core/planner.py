"""How to read a document: one pass, or map-reduce, from the GGUF header and the free RAM.

Single pass when document + instructions + reply fit the model's native context and the KV
cache fits the RAM budget, trying an f16 cache, then q8_0, then q4_0 (a quantized cache needs
flash attention and a head_dim divisible by 32). Otherwise map-reduce: chunks cut on
paragraph/page boundaries, partial summaries, then summaries of summaries, recursively.

Times are estimated from rates measured with llama-bench on the starter model
(docs/architecture.md, "llama-cpp-python"),
scaled by model size (prompt processing is compute-bound: by parameter count; decoding is
memory-bound: by file size) and by attention cost per token of context.
"""
from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from app.core.gguf_info import GGUFInfo
from app.core.machine import KV_TYPE_BYTES, RESERVE_BYTES

if TYPE_CHECKING:
    from app.core.catalog import CatalogEntry

# Measured with llama-bench on SmolLM2-135M Q4_1, 2 threads (docs/architecture.md).
REF_PARAMS = 134_515_008
REF_FILE_BYTES = 98_000_000
REF_THREADS = 2
REF_PP_TOK_S = {False: 209.0, True: 239.0}  # flash attention off / on
REF_TG_TOK_S = {False: 107.0, True: 116.0}  # at an empty context
REF_ATTN_UNITS = 30 * 9 * 64  # n_layer * n_head * head_dim of the starter model
# Extra decode seconds per token of context per attention unit, from the 4,096 / 16,384-token
# measurements: f16 without flash attention, f16 with it, quantized cache with it.
DECODE_ATTN_S = {("f16", False): 2.08e-10, ("f16", True): 9.1e-10, ("q", True): 3.2e-10}
# Measured process baseline (Python, numpy, llama.cpp, compute-buffer pages touched besides the
# attention scores): 87 MB on the starter model, 110 MB on a tiny phi3 with flash attention.
PROCESS_BASE_BYTES = 104 * 2**20

LENGTH_REPLY_TOKENS = {"short": 200, "medium": 400, "detailed": 800}
PARTIAL_REPLY_TOKENS = {"short": 96, "medium": 160, "detailed": 256}
INSTRUCTION_TOKENS = 160  # system prompt + template + the request (measured ~80-140)
FOLLOWUP_TOKENS = 512  # room kept after a single-pass read for follow-up questions
SAFETY_TOKENS = 32
N_BATCH = 512
KV_ORDER = ("f16", "q8_0", "q4_0")


@dataclass(frozen=True)
class Plan:
    """How a document will be read. Plain data: recorded with the summary (message extra)."""

    mode: str  # single-pass | map-reduce
    model_name: str
    model_path: str
    document_tokens: int
    n_ctx: int
    kv_type: str
    flash_attn: bool
    n_batch: int
    reply_tokens: int
    partial_reply_tokens: int = 0
    chunk_tokens: int = 0  # token budget of one chunk (map-reduce)
    chunks: int = 1
    levels: int = 1  # 1 for single pass; map + reduce levels otherwise
    ram_bytes: int = 0
    est_seconds: float = 0.0
    n_threads: int = 1
    hint: str = ""  # e.g. a catalog model that would read it in one pass
    reason: str = ""  # why this mode
    extra: dict[str, Any] = field(default_factory=dict)
    n_gpu_layers: int = 0  # llama.cpp's n_gpu_layers (n_layer + 1: all of it)
    n_ubatch: int = 0  # 0: same as n_batch
    gpu: dict[str, Any] = field(default_factory=dict)  # Offload.to_dict() when a GPU is used

    @property
    def text(self) -> str:
        if self.n_gpu_layers > 0 and self.gpu:
            return self._gpu_text()
        ram = f"~{_gb(self.ram_bytes)} RAM"
        est = f"est. {format_duration(self.est_seconds)}"
        if self.mode == "single-pass":
            s = (f"Reading {self.document_tokens:,} tokens in one pass with {self.model_name}, "
                 f"KV cache {self.kv_type}, {ram}, {est}")
        else:
            s = (f"Reading {self.document_tokens:,} tokens in {self.chunks} chunks "
                 f"({self.levels} levels of summaries) with {self.model_name}, context "
                 f"{self.n_ctx:,}, KV cache {self.kv_type}, {ram}, {est}")
        if self.hint:
            s += f". {self.hint}"
        return s

    def _gpu_text(self) -> str:
        g = self.gpu
        o = Offload(**{k: v for k, v in g.items() if k != "layers_on_gpu"})
        where = f"{self.model_name} on {o.device}: {o.describe(self.kv_type)}"
        t = self.est_seconds
        about = f"about {round(t)} s" if 1 <= t < 120 else f"about {format_duration(t)}"
        if self.mode == "single-pass":
            s = f"Reading {self.document_tokens:,} tokens in one pass. {where}, {about}"
        else:
            s = (f"Reading {self.document_tokens:,} tokens in {self.chunks} chunks "
                 f"({self.levels} levels of summaries), context {self.n_ctx:,}. {where}, "
                 f"{about}")
        if self.hint:
            s += f". {self.hint}"
        return s

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["text"] = self.text
        return d


def format_duration(s: float) -> str:
    if s < 60:
        return f"{max(1, round(s))} s"
    if s < 3600:
        return f"{round(s / 60)} min"
    return f"{s / 3600:.1f} h"


def _gb(n: float) -> str:
    return f"{n / 2**30:.1f} GB" if n >= 2**30 * 0.95 else f"{n / 2**20:,.0f} MB"


# ---------------------------------------------------------------------------- memory
def kv_bytes(info: GGUFInfo, n_ctx: int, kv_type: str) -> int:
    return int(info.kv_bytes_per_token(KV_TYPE_BYTES[kv_type]) * n_ctx)


def ram_estimate(info: GGUFInfo, n_ctx: int, kv_type: str, flash_attn: bool,
                 n_batch: int = N_BATCH) -> int:
    """Expected resident memory while reading: weights (mmapped, all touched), the whole KV
    cache (llama.cpp clears it, touching every page), the logits row of a batch, the attention
    scores of a batch without flash attention, and the process itself."""
    logits = info.n_vocab * 4 * 8  # only a few output rows are written
    # Without flash attention llama.cpp materializes the f32 scores of a batch against the whole
    # cache, per head: 67 MB for the starter model at 3,840 tokens, gigabytes for an 8B model
    # at 32K (so such a plan takes flash attention instead).
    attn = 0 if flash_attn else n_ctx * min(n_ctx, n_batch) * max(info.n_head, 1) * 4
    return info.file_size + kv_bytes(info, n_ctx, kv_type) + logits + attn + PROCESS_BASE_BYTES


def quantized_kv_allowed(info: GGUFInfo) -> bool:
    return info.head_dim % 32 == 0 and info.head_dim_v % 32 == 0


# ------------------------------------------------------------------------------ time
def _pp_rate(info: GGUFInfo, flash: bool, threads: int) -> float:
    params = max(info.n_params, 1)
    return REF_PP_TOK_S[flash] * REF_PARAMS / params * max(threads, 1) / REF_THREADS


def _attn_units(info: GGUFInfo) -> int:
    return max(1, info.n_layer * info.n_head * max(info.head_dim, 1))


def prompt_seconds(info: GGUFInfo, n_tokens: int, start_ctx: int, flash: bool,
                   threads: int) -> float:
    """Time to evaluate n_tokens after start_ctx tokens: weights per token plus attention over
    the average context (which dominates for long documents on big models)."""
    rate = _pp_rate(info, flash, threads)
    base = n_tokens / rate
    # Attention FLOPs relative to the weight FLOPs of one token (2 * params).
    avg_ctx = start_ctx + n_tokens / 2
    attn_ratio = 4 * _attn_units(info) * avg_ctx / (2 * max(info.n_params, 1))
    if not flash:
        attn_ratio *= 1.3  # separate KQ/softmax/KQV passes are slower than the fused kernel
    return base * (1 + attn_ratio)


def decode_seconds(info: GGUFInfo, n_tokens: int, ctx: int, kv_type: str, flash: bool,
                   threads: int) -> float:
    per_tok = 1 / REF_TG_TOK_S[flash] * info.file_size / REF_FILE_BYTES
    per_tok /= math.sqrt(max(threads, 1) / REF_THREADS)  # memory-bound: threads help less
    key = ("f16", flash) if kv_type == "f16" else ("q", True)
    per_tok += DECODE_ATTN_S[key] * _attn_units(info) * (ctx + n_tokens / 2)
    return n_tokens * per_tok


# ------------------------------------------------------------------------------ plan
def long_rope_threshold(info: GGUFInfo) -> int:
    """Context above which a Phi-3 model switches to its long rope factors (0: none)."""
    orig = _int_or_0(info.extra.get("rope.scaling.original_context_length"))
    if info.architecture == "phi3" and 0 < orig < info.context_length:
        return orig
    return 0


def _int_or_0(v: Any) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return 0



def plan_reading(
    info: GGUFInfo,
    document_tokens: int,
    *,
    available_ram: int,
    n_threads: int = 2,
    length: str = "medium",
    max_ctx: int | None = None,
    model_name: str | None = None,
    catalog: Sequence[CatalogEntry | dict[str, Any]] | None = None,
    instruction_tokens: int = INSTRUCTION_TOKENS,
    gpu_target: GpuTarget | None = None,
    gpu: str | int = "auto",
) -> Plan:
    """Choose single pass or map-reduce for a document of `document_tokens` tokens.
    With a `gpu_target` (see gpu_target()), layers and KV cache go to the GPU as far as its
    budget allows, and the plan with the shortest estimated time wins among those that fit."""
    if gpu == "off" or gpu == 0:
        gpu_target = None
    name = model_name or info.display_name
    reply = LENGTH_REPLY_TOKENS.get(length, LENGTH_REPLY_TOKENS["medium"])
    partial = PARTIAL_REPLY_TOKENS.get(length, PARTIAL_REPLY_TOKENS["medium"])
    native = info.context_length
    limit = min(native, max_ctx) if max_ctx else native
    budget = available_ram - RESERVE_BYTES
    kv_types = KV_ORDER if quantized_kv_allowed(info) else ("f16",)

    need = document_tokens + instruction_tokens + reply + SAFETY_TOKENS
    want = min(limit, _round_up(need + FOLLOWUP_TOKENS, 256))
    edge = long_rope_threshold(info)
    if edge and need <= edge < want:
        # Phi-3: above 4,096 every token gets the long rope factors; a document that fits in
        # 4K is read with the short ones it was trained with (follow-ups grow the context).
        want = edge
    if need <= limit:
        best = _choose_cache(info, want, document_tokens, reply, budget, kv_types, n_threads,
                             gpu_target, gpu)
        if best is not None:
            kv, flash, ram, est, off = best
            return Plan("single-pass", name, info.path, document_tokens, want, kv, flash,
                        _batch(off), reply, ram_bytes=ram, est_seconds=est,
                        n_threads=n_threads, reason="the document fits the context and the "
                        + ("memory" if off.n_gpu_layers else "RAM"), **_gpu_fields(off))
        why = ("the KV cache for the whole document does not fit in free RAM"
               + (" and GPU memory" if gpu_target is not None else ""))
    else:
        why = (f"the document needs {need:,} tokens of context; "
               f"{'the limit set is' if max_ctx and max_ctx < native else 'the model has'} "
               f"{limit:,}")

    # Map-reduce: the biggest context (<= limit) whose cache fits, as few chunks as possible.
    n_ctx = limit
    choice = None
    while n_ctx >= 512:
        choice = _choose_cache(info, n_ctx, n_ctx - reply, reply, budget, kv_types, n_threads,
                               gpu_target, gpu)
        if choice is not None:
            break
        n_ctx = _round_up(n_ctx // 2, 256)
    if choice is None:
        from app.core.errors import ContextOverflow

        raise ContextOverflow(
            f"not enough free RAM to read documents with {name} "
            f"({_gb(info.file_size)} of weights, {_gb(max(available_ram, 0))} free)")
    kv, flash, ram, _, off = choice
    chunk = n_ctx - instruction_tokens - max(partial, reply) - SAFETY_TOKENS
    chunks = max(1, math.ceil(document_tokens / max(chunk, 64) * 1.05))  # paragraph slack
    levels, fan_in = reduce_levels(chunks, chunk, partial)
    est = _map_reduce_seconds(info, document_tokens, chunks, chunk, partial, reply, fan_in,
                              kv, flash, n_threads)
    if off.n_gpu_layers:
        cpu_one = offload_seconds(info, dataclasses.replace(off, n_gpu_layers=0), n_ctx,
                                  reply, kv, flash, n_threads)
        est *= offload_seconds(info, off, n_ctx, reply, kv, flash, n_threads) / cpu_one
    hint = catalog_hint(info, need, available_ram, catalog)
    return Plan("map-reduce", name, info.path, document_tokens, n_ctx, kv, flash, _batch(off),
                reply, partial_reply_tokens=partial, chunk_tokens=chunk, chunks=chunks,
                levels=levels, ram_bytes=ram, est_seconds=est, n_threads=n_threads,
                hint=hint, reason=why, extra={"fan_in": fan_in}, **_gpu_fields(off))


def _batch(off: Offload) -> int:
    return GPU_BATCH if off.n_gpu_layers else N_BATCH


def _gpu_fields(off: Offload) -> dict[str, Any]:
    if not off.n_gpu_layers:
        return {}
    return {"n_gpu_layers": off.n_gpu_layers, "n_ubatch": GPU_UBATCH, "gpu": off.to_dict()}


def reduce_levels(chunks: int, chunk_tokens: int, partial_tokens: int) -> tuple[int, int]:
    """(levels incl. the map level, summaries combined per reduce step). Groups are sized by
    the partial summaries' maximum length, so the plan holds whatever the model writes."""
    fan_in = max(2, chunk_tokens // max(partial_tokens + 8, 1))
    levels, n = 1, chunks
    while n > 1:
        n = math.ceil(n / fan_in)
        levels += 1
    return levels, fan_in


def _choose_cache(info: GGUFInfo, n_ctx: int, prompt_tokens: int, reply: int, budget: int,
                  kv_types: Sequence[str], threads: int, target: GpuTarget | None = None,
                  gpu: str | int = "auto") -> tuple[str, bool, int, float, Offload] | None:
    """On the CPU: the first KV type (f16, q8_0, q4_0) that fits the RAM; for f16 the faster of
    flash attention on/off. With a GPU: the first KV type whose cache and weights all fit on
    it, else the fastest partial offload whose CPU part fits the RAM (flash attention on: it
    is faster on GPUs for both reading and writing)."""
    partial: list[tuple[float, int, str, bool, int, Offload]] = []
    for rank, kv in enumerate(kv_types):
        options = [True] if (kv != "f16" or target is not None) else [False, True]
        fits = []
        for flash in options:
            off = plan_offload(info, n_ctx, kv, flash, target, gpu, GPU_UBATCH)
            ram = ram_with_offload(info, n_ctx, kv, flash, off)
            if ram <= budget:
                est = offload_seconds(info, off, prompt_tokens, reply, kv, flash, threads)
                fits.append((est, flash, ram, off))
        if not fits:
            continue
        est, flash, ram, off = min(fits, key=lambda f: f[0])
        if target is None or off.full or isinstance(gpu, int):
            return kv, flash, ram, est, off
        partial.append((est, rank, kv, flash, ram, off))
    if not partial:
        return None
    est, _, kv, flash, ram, off = min(partial, key=lambda p: (p[0], p[1]))
    return kv, flash, ram, est, off


def _map_reduce_seconds(info: GGUFInfo, doc: int, chunks: int, chunk: int, partial: int,
                        reply: int, fan_in: int, kv: str, flash: bool, threads: int) -> float:
    per = min(chunk, math.ceil(doc / chunks)) + INSTRUCTION_TOKENS
    t = chunks * (prompt_seconds(info, per, 0, flash, threads)
                  + decode_seconds(info, partial, per, kv, flash, threads))
    n = chunks
    while n > 1:
        groups = math.ceil(n / fan_in)
        size = min(n, fan_in) * partial + INSTRUCTION_TOKENS
        out = reply if groups == 1 else partial
        t += groups * (prompt_seconds(info, size, 0, flash, threads)
                       + decode_seconds(info, out, size, kv, flash, threads))
        n = groups
    return t


def _round_up(n: int, step: int) -> int:
    return int(math.ceil(n / step) * step)


def catalog_hint(info: GGUFInfo, need: int, available_ram: int,
                 catalog: Sequence[CatalogEntry | dict[str, Any]] | None) -> str:
    """Name a catalog model whose context (and, when the catalog says, RAM) allows one pass."""
    if catalog is None:
        try:
            from app.core.catalog import load_catalog

            catalog = load_catalog()
        except Exception:
            catalog = []
    best = None
    for e in catalog:
        raw = e if isinstance(e, dict) else e.raw
        ctx = int(raw.get("context_length") or 0)
        if ctx < need or ctx <= info.context_length:
            continue
        size = int(raw.get("size_bytes") or raw.get("file_size") or 0)
        per_tok = _catalog_kv_per_token(raw)
        if per_tok and size:
            ram = size + per_tok * (need + FOLLOWUP_TOKENS) * KV_TYPE_BYTES["q4_0"] / 2
            if ram + PROCESS_BASE_BYTES > available_ram - RESERVE_BYTES:
                continue
        elif size and size + PROCESS_BASE_BYTES > available_ram - RESERVE_BYTES:
            continue
        if best is None or size < best[0]:
            best = (size, raw.get("name") or raw.get("id"), ctx)
    if best is None:
        return ""
    return (f"{best[1]} ({best[2] // 1024}K context) could read it in one pass "
            f"on this machine")


def _catalog_kv_per_token(raw: dict[str, Any]) -> float:
    try:
        return 2 * int(raw["n_layer"]) * int(raw["n_head_kv"]) * int(raw["head_dim"]) * 2.0
    except (KeyError, TypeError, ValueError):
        return 0.0


def split_chunks(paragraphs: Sequence[str], counts: Sequence[int], budget: int,
                 cut: Any = None) -> list[str]:
    """Pack paragraphs into chunks of at most `budget` tokens, cutting only between paragraphs.
    A paragraph longer than the budget is cut at sentence or line ends by `cut(text, budget)`
    (a callable returning pieces), else at words."""
    chunks: list[str] = []
    cur: list[str] = []
    cur_n = 0
    sep = 2  # "\n\n" between paragraphs is about 1-2 tokens
    for p, n in zip(paragraphs, counts, strict=True):
        if n > budget:
            if cur:
                chunks.append("\n\n".join(cur))
                cur, cur_n = [], 0
            pieces = cut(p, budget) if cut else _cut_words(p, n, budget)
            chunks.extend(pieces)
            continue
        if cur and cur_n + n + sep > budget:
            chunks.append("\n\n".join(cur))
            cur, cur_n = [], 0
        cur.append(p)
        cur_n += n + sep
    if cur:
        chunks.append("\n\n".join(cur))
    return chunks


def _cut_words(text: str, n_tokens: int, budget: int) -> list[str]:
    words = text.split(" ")
    parts = max(2, math.ceil(n_tokens / budget * 1.1))
    per = math.ceil(len(words) / parts)
    return [" ".join(words[i:i + per]) for i in range(0, len(words), per)]


# ============================================================================ the GPU
# Offload follows llama.cpp's placement (llama-model.cpp, load_tensors): with n_gpu_layers = k
# the output head goes to the GPU first (k >= 1), then the last k - 1 repeating layers; the
# input embedding always stays in RAM. Each layer's KV cache lives where the layer does
# (offload_kqv). So k = n_layer + 1 puts the whole model on the GPU.

# Kept free on the device on top of the estimate: drivers, fragmentation, the desktop.
GPU_MARGIN_BYTES = 512 * 2**20
# What a process pays on the device once it uses it at all (CUDA context, cuBLAS handle and
# workspace, loaded kernels): measured with nvidia-smi on the H200 (README, Performance).
GPU_RUNTIME_BYTES = 560 * 2**20
GPU_F16_COPY_FACTOR = 1.75  # f16 copies of a quantized cache the pool holds (measured, H200)
# With an f16 cache and some layers left on the CPU, the flash-attention op of those layers
# runs on the GPU for prompt batches and their K and V are copied there: the device held 1.5x
# one layer's K+V beyond the rest of the estimate (8, 16 and 24 of 32 layers at 128K: +2.09 GiB
# each; 16 layers at 32K: +0.40 GiB; measured with nvidia-smi on the H200, 2026-12-02), less
# 160 MiB that the rest of the estimate already over-counts at those sizes (a line through both).
GPU_F16_PARTIAL_COPY_FACTOR = 1.5
GPU_F16_PARTIAL_COPY_OFFSET = 160 * 2**20
GPU_UBATCH = 512  # physical batch on the GPU: 1,799 vs 1,735 tok/s for 2,048 at 128K (H200)
GPU_BATCH = 2048  # logical batch: fewer Python round trips per long prompt
CHAT_KV_ORDER = ("f16", "q8_0")  # chats never go below q8_0

# Rates of Phi-3.5-mini-sized Q4_K_M (3.82 B parameters, 2.39 GB, 32 x 32 heads x 96) on an
# H200 (llama-bench, flash attention on; ../shared/gpu/README.md): seconds per prompt token
# = weights + attention per token of average context, fitted to pp512 14,661 tok/s and one
# 131,072-token pass at 1,799 tok/s; decode per token fitted to tg128 333 tok/s and 17.1 tok/s
# at depth 131,072. Other GPUs are slower; the progress line reports the real rate.
GPU_REF_PARAMS = 3_821_079_648
GPU_REF_FILE_BYTES = 2_393_232_672
GPU_REF_ATTN_UNITS = 32 * 32 * 96
GPU_PP_S_PER_TOKEN = 6.63e-5
GPU_PP_S_PER_CTX = 7.47e-9
GPU_TG_S_PER_TOKEN = 3.0e-3
GPU_TG_S_PER_CTX = 4.23e-7


@dataclass(frozen=True)
class GpuTarget:
    """The device a plan may use and how much of its memory: free memory (not total: other
    programs' use counts) less the margin, and no more than the user's cap."""

    name: str  # ggml device name, e.g. CUDA0
    label: str  # e.g. NVIDIA H200
    free: int
    total: int
    budget: int
    cap: int = 0  # the preference "GPU memory Wren may use" (0: all free memory)


def gpu_target(devices: Sequence[Any] | None, cap: int = 0) -> GpuTarget | None:
    """The GPU with the most free memory (llama.cpp's split across several GPUs is not
    planned: one device takes the model), or None when there is none."""
    gpus = [d for d in (devices or ()) if getattr(d, "kind", "gpu") in ("gpu", "igpu")
            and int(getattr(d, "total", 0)) > 0]
    if not gpus:
        return None
    d = max(gpus, key=lambda x: int(x.free))
    budget = int(d.free) - GPU_MARGIN_BYTES
    if cap > 0:
        budget = min(budget, int(cap))
    label = getattr(d, "description", "") or d.name
    return GpuTarget(d.name, label, int(d.free), int(d.total), max(budget, 0), int(cap))


def weights_split(info: GGUFInfo) -> tuple[list[int], int, int]:
    """(bytes of each repeating layer, output head, input embedding) from the header's
    tensors; an even split of the file when the header was not read tensor by tensor."""
    n = max(info.n_layer, 1)
    if len(info.layer_bytes) == n:
        return list(info.layer_bytes), info.output_bytes, info.input_bytes
    emb = info.input_bytes or info.n_vocab * info.n_embd * info.file_size // max(
        info.n_params, 1)
    out = info.output_bytes or emb
    rest = max(info.file_size - emb - (0 if info.output_bytes == 0 else out), 0)
    return [rest // n] * n, out, emb


def _pad_ctx(n_ctx: int) -> int:
    return _round_up(n_ctx, 256)  # llama.cpp pads the cache to 256 cells


def kv_layer_bytes(info: GGUFInfo, n_ctx: int, kv_type: str) -> float:
    return (info.n_head_kv * (info.head_dim + info.head_dim_v) * KV_TYPE_BYTES[kv_type]
            * _pad_ctx(n_ctx))


def gpu_compute_bytes(info: GGUFInfo, n_ctx: int, kv_type: str, flash: bool, n_ubatch: int,
                      output_on_gpu: bool, partial: bool = False) -> int:
    """The device's compute buffer and memory-pool peak for one physical batch: activations
    (residual, QKV, FFN up/gate, norms), the logits rows when the output head is there, the
    f32 attention scores without flash attention, and with a quantized cache the f16 copy of
    one layer's K and V that the flash-attention kernel reads for batches."""
    u = max(1, min(n_ubatch, n_ctx))
    ff = info.extra.get("feed_forward_length")
    if isinstance(ff, (list, tuple)):
        ff = max(ff, default=0)
    n_ff = int(ff) if isinstance(ff, (int, float)) and ff > 0 else 4 * info.n_embd
    act = u * 4 * (6 * info.n_embd + 3 * n_ff)
    if output_on_gpu:
        act += u * 4 * info.n_vocab
    # The attention mask of a batch against the whole cache (f16 for flash attention).
    act += _pad_ctx(n_ctx) * u * (2 if flash else 4)
    if not flash:
        act += _pad_ctx(n_ctx) * u * max(info.n_head, 1) * 4 * 2
    pool = 0
    if flash and kv_type != "f16":
        # CUDA's memory pool keeps more than one f16 copy of K and V: on the H200 the device
        # held 1.7-1.8x one copy beyond the rest of the estimate (32K and 128K chats, q8_0),
        # which left the plan 2-5 % short and an out-of-memory fallback at 128K still too big.
        pool += int(GPU_F16_COPY_FACTOR * info.n_head_kv * (info.head_dim + info.head_dim_v)
                    * 2 * _pad_ctx(n_ctx))
    elif flash and partial:
        pool += max(0, int(GPU_F16_PARTIAL_COPY_FACTOR * kv_layer_bytes(info, n_ctx, "f16"))
                    - GPU_F16_PARTIAL_COPY_OFFSET)
    # Quantized weights are dequantized to f16 for the batched matrix products: the biggest
    # matrix of a layer, about a quarter of the layer's f16 size.
    layers, _, _ = weights_split(info)
    per_layer_f16 = 2 * (max(layers) if layers else 0) * 8 / max(_bits_per_weight(info), 1)
    pool += int(per_layer_f16 / 4)
    return int(act + pool)


def _bits_per_weight(info: GGUFInfo) -> float:
    return 8 * info.file_size / max(info.n_params, 1)


@dataclass(frozen=True)
class Offload:
    """How much of a model goes to the GPU, and what that costs there and in RAM."""

    n_gpu_layers: int  # llama.cpp's value: output head first, then repeating layers
    n_layer: int
    device: str = ""  # e.g. NVIDIA H200 ("" when on the CPU)
    gpu_bytes: int = 0  # expected device memory: weights + KV + compute + runtime
    kv_gpu_bytes: int = 0
    kv_ram_bytes: int = 0
    weights_gpu_bytes: int = 0
    budget_bytes: int = 0
    reason: str = ""

    @property
    def layers_on_gpu(self) -> int:
        """Repeating layers on the GPU (the "32" of "32/32")."""
        return max(0, min(self.n_gpu_layers, self.n_layer + 1) - 1)

    @property
    def full(self) -> bool:
        return self.n_gpu_layers > self.n_layer

    @property
    def fraction(self) -> float:
        return self.layers_on_gpu / max(self.n_layer, 1)

    def describe(self, kv_type: str) -> str:
        if self.n_gpu_layers <= 0:
            return "on the CPU"
        s = f"{self.layers_on_gpu}/{self.n_layer} layers on the GPU"
        if self.kv_ram_bytes and self.kv_gpu_bytes:
            s += (f", KV {kv_type} {_gb(self.kv_gpu_bytes)} on the GPU and "
                  f"{_gb(self.kv_ram_bytes)} in RAM")
        elif self.kv_gpu_bytes:
            s += f", KV {kv_type} on the GPU ({_gb(self.kv_gpu_bytes)})"
        else:
            s += f", KV {kv_type} in RAM ({_gb(self.kv_ram_bytes)})"
        return s

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["layers_on_gpu"] = self.layers_on_gpu
        return d


def offload_estimate(info: GGUFInfo, n_ctx: int, kv_type: str, flash: bool, n_gpu_layers: int,
                     n_ubatch: int = GPU_UBATCH, device: str = "", budget: int = 0,
                     reason: str = "") -> Offload:
    """Device memory for `n_gpu_layers` (llama.cpp's meaning) at this context and cache."""
    layers, out_b, _ = weights_split(info)
    n = len(layers)
    k = max(0, min(n_gpu_layers, n + 1))
    on_gpu = max(0, k - 1)
    w = sum(layers[n - on_gpu:]) + (out_b if k >= 1 else 0)
    kv_layer = kv_layer_bytes(info, n_ctx, kv_type)
    kv_gpu = int(kv_layer * on_gpu)
    kv_ram = int(kv_layer * (n - on_gpu))
    if k == 0:
        return Offload(0, n, device, 0, 0, kv_ram, 0, budget, reason)
    total = (w + kv_gpu + gpu_compute_bytes(info, n_ctx, kv_type, flash, n_ubatch, True,
                                            partial=on_gpu < n)
             + GPU_RUNTIME_BYTES)
    return Offload(k, n, device, int(total), kv_gpu, kv_ram, int(w), budget, reason)


def best_offload(info: GGUFInfo, n_ctx: int, kv_type: str, flash: bool, target: GpuTarget,
                 n_ubatch: int = GPU_UBATCH) -> Offload:
    """The most layers whose estimate fits the target's budget (0 when not even the output
    head fits: then the CPU does everything)."""
    n = max(info.n_layer, 1)
    for k in range(n + 1, 0, -1):
        o = offload_estimate(info, n_ctx, kv_type, flash, k, n_ubatch, target.label,
                             target.budget)
        if o.gpu_bytes <= target.budget:
            why = ("the whole model fits" if o.full else
                   f"{o.layers_on_gpu} of {n} layers fit in {_gb(target.budget)} of GPU memory")
            return dataclasses.replace(o, reason=why)
    return offload_estimate(info, n_ctx, kv_type, flash, 0, n_ubatch, target.label,
                            target.budget, f"not even one layer fits in {_gb(target.budget)}")


def parse_gpu_setting(value: Any) -> str | int:
    """"auto", "off" or a layer count (int >= 0). Raises ValueError with a one-line reason."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise ValueError("the GPU layer count cannot be negative")
        return value
    s = str(value or "auto").strip().lower()
    if s in ("auto", "off"):
        return s
    if s.isdigit():
        return int(s)
    raise ValueError(f"GPU must be auto, off or a number of layers, not '{value}'")


def plan_offload(info: GGUFInfo, n_ctx: int, kv_type: str, flash: bool,
                 target: GpuTarget | None, gpu: str | int = "auto",
                 n_ubatch: int = GPU_UBATCH) -> Offload:
    """What the setting "GPU: auto / off / N layers" means for this load."""
    n = max(info.n_layer, 1)
    if target is None or gpu == "off" or gpu == 0:
        why = ("GPU off" if gpu in ("off", 0) else "no GPU")
        return offload_estimate(info, n_ctx, kv_type, flash, 0, reason=why)
    if isinstance(gpu, int):
        # N repeating layers as the user counts them (N >= n_layer: everything).
        k = n + 1 if gpu >= n else gpu + 1
        o = offload_estimate(info, n_ctx, kv_type, flash, k, n_ubatch, target.label,
                             target.budget, f"{min(gpu, n)} layers set by hand")
        return o
    return best_offload(info, n_ctx, kv_type, flash, target, n_ubatch)


def smaller_offload(info: GGUFInfo, failed: Offload, n_ctx: int, kv_type: str, flash: bool,
                    target: GpuTarget | None, n_ubatch: int = GPU_UBATCH) -> Offload:
    """The next smaller plan after an out-of-memory at load: the automatic plan for the memory
    free now (`target` read again: another program may have taken some since), and at most
    three quarters of the layers that failed (so an estimate that was short still drops)."""
    at_most = (failed.n_gpu_layers * 3) // 4 if failed.n_gpu_layers > 1 else 0
    k = at_most
    if target is not None:
        k = min(k, best_offload(info, n_ctx, kv_type, flash, target, n_ubatch).n_gpu_layers)
    return offload_estimate(info, n_ctx, kv_type, flash, k, n_ubatch, failed.device,
                            target.budget if target else failed.budget_bytes,
                            "after the GPU ran out of memory")


# ------------------------------------------------------------------------ GPU time
def gpu_prompt_seconds(info: GGUFInfo, n_tokens: int, start_ctx: int) -> float:
    a = GPU_PP_S_PER_TOKEN * max(info.n_params, 1) / GPU_REF_PARAMS
    b = GPU_PP_S_PER_CTX * _attn_units(info) / GPU_REF_ATTN_UNITS
    return n_tokens * (a + b * (start_ctx + n_tokens / 2))


def gpu_decode_seconds(info: GGUFInfo, n_tokens: int, ctx: int) -> float:
    a = GPU_TG_S_PER_TOKEN * info.file_size / GPU_REF_FILE_BYTES
    b = GPU_TG_S_PER_CTX * _attn_units(info) / GPU_REF_ATTN_UNITS
    return n_tokens * (a + b * (ctx + n_tokens / 2))


def offload_seconds(info: GGUFInfo, o: Offload, prompt_tokens: int, reply: int, kv: str,
                    flash: bool, threads: int) -> float:
    """Layers on the GPU run at its rate, the others at the CPU's (a linear blend: llama.cpp
    runs the layers one after another)."""
    cpu = (prompt_seconds(info, prompt_tokens, 0, flash, threads)
           + decode_seconds(info, reply, prompt_tokens, kv, flash, threads))
    if o.n_gpu_layers <= 0:
        return cpu
    gpu = gpu_prompt_seconds(info, prompt_tokens, 0) + gpu_decode_seconds(info, reply,
                                                                          prompt_tokens)
    f = o.fraction
    return f * gpu + (1 - f) * cpu


def ram_with_offload(info: GGUFInfo, n_ctx: int, kv_type: str, flash: bool,
                     o: Offload) -> int:
    """RAM while reading when part of the model is on the GPU: the CPU layers' weights and
    cache stay; the offloaded weights' pages are dropped after the copy to the device."""
    full = ram_estimate(info, n_ctx, kv_type, flash)
    if o.n_gpu_layers <= 0:
        return full
    return max(0, full - o.weights_gpu_bytes - o.kv_gpu_bytes
               - (0 if flash else n_ctx * min(n_ctx, N_BATCH) * max(info.n_head, 1) * 4))
