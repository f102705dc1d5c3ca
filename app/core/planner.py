"""How to read a document: one pass, or map-reduce, from the GGUF header and the free RAM.

Single pass when document + instructions + reply fit the model's native context and the KV
cache fits the RAM budget, trying an f16 cache, then q8_0, then q4_0 (a quantized cache needs
flash attention and a head_dim divisible by 32). Otherwise map-reduce: chunks cut on
paragraph/page boundaries, partial summaries, then summaries of summaries, recursively.

Times are estimated from rates measured here with llama-bench on the starter model (DESIGN.md),
scaled by model size (prompt processing is compute-bound: by parameter count; decoding is
memory-bound: by file size) and by attention cost per token of context.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from app.core.gguf_info import GGUFInfo
from app.core.machine import KV_TYPE_BYTES, RESERVE_BYTES

# Measured with llama-bench on SmolLM2-135M Q4_1, 2 threads (DESIGN.md).
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

    @property
    def text(self) -> str:
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
def plan_reading(
    info: GGUFInfo,
    document_tokens: int,
    *,
    available_ram: int,
    n_threads: int = 2,
    length: str = "medium",
    max_ctx: int | None = None,
    model_name: str | None = None,
    catalog: Sequence[Any] | None = None,
    instruction_tokens: int = INSTRUCTION_TOKENS,
) -> Plan:
    """Choose single pass or map-reduce for a document of `document_tokens` tokens."""
    name = model_name or info.display_name
    reply = LENGTH_REPLY_TOKENS.get(length, LENGTH_REPLY_TOKENS["medium"])
    partial = PARTIAL_REPLY_TOKENS.get(length, PARTIAL_REPLY_TOKENS["medium"])
    native = info.context_length
    limit = min(native, max_ctx) if max_ctx else native
    budget = available_ram - RESERVE_BYTES
    kv_types = KV_ORDER if quantized_kv_allowed(info) else ("f16",)

    need = document_tokens + instruction_tokens + reply + SAFETY_TOKENS
    want = min(limit, _round_up(need + FOLLOWUP_TOKENS, 256))
    if need <= limit:
        best = _choose_cache(info, want, document_tokens, reply, budget, kv_types, n_threads)
        if best is not None:
            kv, flash, ram, est = best
            return Plan("single-pass", name, info.path, document_tokens, want, kv, flash,
                        N_BATCH, reply, ram_bytes=ram, est_seconds=est, n_threads=n_threads,
                        reason="the document fits the context and the RAM")
        why = "the KV cache for the whole document does not fit in free RAM"
    else:
        why = (f"the document needs {need:,} tokens of context; "
               f"{'the limit set is' if max_ctx and max_ctx < native else 'the model has'} "
               f"{limit:,}")

    # Map-reduce: the biggest context (<= limit) whose cache fits, as few chunks as possible.
    n_ctx = limit
    choice = None
    while n_ctx >= 512:
        choice = _choose_cache(info, n_ctx, n_ctx - reply, reply, budget, kv_types, n_threads)
        if choice is not None:
            break
        n_ctx = _round_up(n_ctx // 2, 256)
    if choice is None:
        from app.core.errors import ContextOverflow

        raise ContextOverflow(
            f"not enough free RAM to read documents with {name} "
            f"({_gb(info.file_size)} of weights, {_gb(max(available_ram, 0))} free)")
    kv, flash, _, _ = choice
    chunk = n_ctx - instruction_tokens - max(partial, reply) - SAFETY_TOKENS
    chunks = max(1, math.ceil(document_tokens / max(chunk, 64) * 1.05))  # paragraph slack
    levels, fan_in = reduce_levels(chunks, chunk, partial)
    est = _map_reduce_seconds(info, document_tokens, chunks, chunk, partial, reply, fan_in,
                              kv, flash, n_threads)
    hint = catalog_hint(info, need, available_ram, catalog)
    return Plan("map-reduce", name, info.path, document_tokens, n_ctx, kv, flash, N_BATCH,
                reply, partial_reply_tokens=partial, chunk_tokens=chunk, chunks=chunks,
                levels=levels, ram_bytes=ram_estimate(info, n_ctx, kv, flash),
                est_seconds=est, n_threads=n_threads, hint=hint, reason=why,
                extra={"fan_in": fan_in})


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
                  kv_types: Sequence[str], threads: int
                  ) -> tuple[str, bool, int, float] | None:
    """First KV type (f16, q8_0, q4_0) that fits; for f16 the faster of flash attention on/off."""
    for kv in kv_types:
        options = [False, True] if kv == "f16" else [True]
        fits = []
        for flash in options:
            ram = ram_estimate(info, n_ctx, kv, flash)
            if ram <= budget:
                est = (prompt_seconds(info, prompt_tokens, 0, flash, threads)
                       + decode_seconds(info, reply, prompt_tokens, kv, flash, threads))
                fits.append((est, flash, ram))
        if fits:
            est, flash, ram = min(fits)
            return kv, flash, ram, est
    return None


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
                 catalog: Sequence[Any] | None) -> str:
    """Name a catalog model whose context (and, when the catalog says, RAM) allows one pass."""
    if catalog is None:
        try:
            from app.core.catalog import load_catalog

            catalog = load_catalog()
        except Exception:
            catalog = []
    best = None
    for e in catalog:
        raw = getattr(e, "raw", e) if not isinstance(e, dict) else e
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
