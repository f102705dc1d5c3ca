"""The local inference engine: one loaded GGUF model in llama.cpp, streaming chat replies.

A `Llama` is not thread-safe: one Engine belongs to one thread (the CLI's main thread, or the
window's inference worker) or to threads that take turns through a lock (the API server's gate).
Each call returns a `Reply` with its own stats and its own cancel token: `Reply.cancel()` may be
called from any thread and stops that reply only, never another front end's.

Design notes:
- The prompt is rendered by us (app.core.templates) and fed as tokens to `Llama.generate`,
  which reuses the longest common prefix already in the KV cache. Because earlier turns render
  identically, turn N evaluates only the new tokens.
- Long prompts are evaluated in `n_batch` slices before generation, so we can report progress
  and abort between (and inside, via llama.cpp's abort callback) slices.
- The abort callback costs a Python call per graph node, so it is installed only while a
  prompt is being evaluated, never during token-by-token decoding.
"""
from __future__ import annotations

import codecs
import ctypes
import gc
import os
import statistics
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from app.core.backends import ensure_backends
from app.core.devices import gpu_devices
from app.core.errors import BadInput, Cancelled, ContextOverflow, ModelFileError, WrenError
from app.core.gguf_info import GGUFInfo, read_gguf_info, validate_for_loading
from app.core.lookup import DraftPolicy, NgramIndex
from app.core.machine import (
    KV_TYPE_BYTES,
    KV_TYPE_GGML,
    RESERVE_BYTES,
    RUNTIME_OVERHEAD_BYTES,
    ThreadChoice,
    choose_threads,
    machine_info,
)
from app.core.params import LoadOptions, SamplingParams
from app.core.planner import (
    CHAT_KV_ORDER,
    GPU_UBATCH,
    Offload,
    gpu_target,
    long_rope_threshold,
    offload_estimate,
    parse_gpu_setting,
    plan_offload,
    smaller_offload,
)
from app.core.templates import ChatFormat, resolve_chat_format
from app.core.thread_governor import ThreadGovernor
from app.core.vetting import vet_model_file

DEFAULT_CHAT_CTX = 8192
MIN_CTX = 512
CTX_STEP = 256

ProgressFn = Callable[["PromptProgress"], None]
SPECULATIVE_MODES = ("auto", "on", "off")
MAX_DRAFT = 10  # longest draft verified in one batch
AFTER_STEPS = 2  # single steps after a verify call whose slowdown is counted against it
SPEC_COST_AGING = 0.95  # per reply left without lookup decoding because it could not pay


@dataclass
class ReplyStats:  # filled in while the reply streams; final once its iteration ends
    prompt_tokens: int = 0  # tokens in the whole prompt
    prompt_tokens_evaluated: int = 0  # of which evaluated now (the rest reused from the cache)
    completion_tokens: int = 0
    ttft_s: float = 0.0
    prompt_eval_s: float = 0.0
    decode_s: float = 0.0
    prompt_tokens_per_s: float = 0.0
    decode_tokens_per_s: float = 0.0
    n_ctx: int = 0
    n_threads: int = 0  # at the start of the reply
    n_threads_batch: int = 0
    finish_reason: str = ""  # stop, length, context, cancelled
    n_threads_final: int = 0  # fewer than n_threads if other programs took the CPU meanwhile
    draft_tokens: int = 0  # tokens proposed by lookup decoding and verified by the model
    accepted_tokens: int = 0  # of which kept (each one a decode step saved)
    decode_calls: int = 0  # llama_decode calls while generating (steps and verify batches)
    drafts: int = 0  # of which verified a draft (accepted_tokens / drafts: mean accepted length)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def speed_json(self) -> dict[str, Any]:
        """The context, thread and speed fields every `--json` output carries (docs/architecture.md)."""
        return {
            "n_ctx": self.n_ctx,
            "n_threads": self.n_threads,
            "ttft_s": round(self.ttft_s, 4),
            "prompt_tokens_per_s": round(self.prompt_tokens_per_s, 2),
            "decode_tokens_per_s": round(self.decode_tokens_per_s, 2),
            "draft_tokens": self.draft_tokens,
            "accepted_tokens": self.accepted_tokens,
        }


def reply_json(text: str, model_id: str, conversation_id: int, message_id: int,
               stats: ReplyStats, **fields: Any) -> dict[str, Any]:
    """What every stored reply's `--json` output carries, then `fields` (which win on a clash)."""
    return {"text": text, "model": model_id, "conversation_id": conversation_id,
            "message_id": message_id, **stats.speed_json(), **fields}


@dataclass(frozen=True)
class PromptProgress:
    done: int
    total: int
    elapsed_s: float

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0

    @property
    def rate(self) -> float:
        return self.done / self.elapsed_s if self.elapsed_s > 0 else 0.0

    @property
    def eta_s(self) -> float:
        r = self.rate
        return (self.total - self.done) / r if r > 0 else 0.0


@dataclass(frozen=True)
class Prompt:
    """The prompt of one reply, prepared once: its messages and, for a local engine, the
    rendered prompt's tokens (`n_tokens` is then exact; a remote engine's is an estimate)."""

    messages: list[dict[str, str]]
    tokens: list[int] | None
    n_tokens: int


class Reply:
    """One streamed reply. Iterate it (once) for the text as it is written; `stats` fill in
    while it streams and are final when the iteration ends; `cancel()`, from any thread, stops
    this reply (at the next token, or inside the prompt's evaluation) and no other."""

    def __init__(self, run: Callable[[Reply], Generator[str, None, None]],
                 cancel: threading.Event | None = None) -> None:
        self.stats = ReplyStats()
        self.cancelled = cancel if cancel is not None else threading.Event()
        self._hooks: list[Callable[[], None]] = []
        self._pieces = run(self)  # a generator: nothing runs before the first piece is asked

    def __iter__(self) -> Iterator[str]:
        return self._pieces

    def cancel(self) -> None:
        self.cancelled.set()
        for hook in list(self._hooks):
            hook()

    def on_cancel(self, hook: Callable[[], None]) -> None:
        """Also run `hook` on cancel (e.g. close a remote reply's connection)."""
        self._hooks.append(hook)

    def close(self) -> None:
        """Stop reading: the engine is left consistent for the next reply."""
        self._pieces.close()

    def text(self) -> str:
        """Read the whole reply."""
        return "".join(self._pieces)


class ChatEngine(Protocol):
    """What a front end needs of an engine, local (Engine) or remote (RemoteEngine)."""

    local: bool  # the model runs here (documents, the API server and GPU settings need that)
    model: Any  # the loaded model's plain data (LoadedModel, RemoteModel: n_ctx, path) or None
    _last: Reply | None  # the latest reply

    @property
    def loaded(self) -> bool: ...

    @property
    def context_length(self) -> int | None:
        """The loaded model's context in tokens; None when a remote server does not say."""
        return self.model.n_ctx if self.model is not None else None

    @property
    def model_path(self) -> str:
        return self.model.path if self.model is not None else ""

    @property
    def notice(self) -> str:
        """What to tell the user about the loaded model (template, GPU fallback), or ""."""
        ...

    @property
    def last_stats(self) -> ReplyStats | None:
        """The stats of the latest reply (read-only: each Reply carries its own)."""
        return self._last.stats if self._last is not None else None

    def load(self, path: str, options: LoadOptions | None = None, *,
             wanted_ctx: int | None = None) -> Any: ...

    def unload(self) -> None: ...

    def prepare(self, messages: list[dict[str, str]]) -> Prompt: ...

    def count_tokens(self, messages: list[dict[str, str]]) -> int: ...

    def reply(self, prompt: Prompt, params: SamplingParams | None = None, *,
              stops: Sequence[str] = (), cancel: threading.Event | None = None,
              on_prompt_progress: ProgressFn | None = None) -> Reply: ...

    def stream_chat(self, messages: list[dict[str, str]], params: SamplingParams | None = None,
                    on_prompt_progress: ProgressFn | None = None, *, stops: Sequence[str] = (),
                    cancel: threading.Event | None = None) -> Reply:
        """The reply to `messages`, streamed piece by piece as the Reply is iterated (one body
        for every engine that names ChatEngine as its base)."""
        return self.reply(self.prepare(messages), params, stops=stops, cancel=cancel,
                          on_prompt_progress=on_prompt_progress)

    def placement(self) -> dict[str, Any]:
        """Where the model runs, for a reply's JSON (GPU layers, KV type), or {}."""
        ...


@dataclass(frozen=True)
class LoadedModel:
    """What the UI shows about the loaded model. Plain data."""

    path: str
    info: GGUFInfo
    n_ctx: int
    n_threads: int
    n_threads_batch: int
    thread_reason: str
    kv_type: str
    flash_attn: bool
    chat_family: str
    chat_notice: str
    load_s: float
    extra: dict[str, Any] = field(default_factory=dict)
    n_gpu_layers: int = 0
    gpu: dict[str, Any] = field(default_factory=dict)  # planner.Offload.to_dict() when used
    notice: str = ""  # e.g. the out-of-memory fallback, said to the user

    @property
    def placement(self) -> str:
        """"CPU" or e.g. "NVIDIA H200: 32/32 layers on the GPU, KV f16 on the GPU (1.5 GB)"."""
        if not self.n_gpu_layers or not self.gpu:
            return "CPU"
        from app.core.planner import Offload

        o = Offload(**{k: v for k, v in self.gpu.items() if k != "layers_on_gpu"})
        return f"{o.device}: {o.describe(self.kv_type)}"


@dataclass
class _Batch:
    """A verify batch in flight: its tokens, and how many of them the cache is to keep."""

    tokens: list[int]
    used: int = 0


class _NativeLog:
    """Collects llama.cpp's log lines so a load failure can say why (it only logs the reason)."""

    def __init__(self) -> None:
        self.lines: deque[str] = deque(maxlen=50)
        self._installed = False
        self._cb: Callable[..., Any] | None = None

    def install(self) -> None:
        if self._installed:
            return
        import llama_cpp

        @llama_cpp.llama_log_callback
        def _cb(level: int, text: bytes, user_data: ctypes.c_void_p) -> None:
            if level in (2, 3):  # warn, error
                try:
                    self.lines.append(text.decode("utf-8", "replace").strip())
                except Exception:
                    pass

        self._cb = _cb  # keep a reference: the native side holds only a pointer
        llama_cpp.llama_log_set(_cb, ctypes.c_void_p(0))
        self._installed = True

    def last_error(self) -> str:
        for line in reversed(self.lines):
            if line and "error" in line.lower() or "failed" in line.lower():
                return line
        return self.lines[-1] if self.lines else ""


NATIVE_LOG = _NativeLog()


def default_chat_ctx(info: GGUFInfo) -> int:
    """The context a chat starts with. Phi-3's llama.cpp applies the long rope factors to every
    token once the context is over the original 4,096 (by context size, not position), while
    the model was trained to use the short ones up to 4K: so a Phi-3 chat starts at 4,096 and
    grows only when the conversation needs more."""
    native = info.context_length if info.context_length > 0 else DEFAULT_CHAT_CTX
    edge = long_rope_threshold(info)
    if edge:
        return min(edge, DEFAULT_CHAT_CTX)
    return min(DEFAULT_CHAT_CTX, native)


def plan_n_ctx(
    info: GGUFInfo,
    wanted: int | None,
    kv_type: str = "f16",
    available_ram: int | None = None,
    kv_ram_fraction: float = 1.0,
) -> int:
    """The context size to load: what the chat needs (at least default_chat_ctx), within the
    model's native context and the RAM left after weights. Raises ContextOverflow if `wanted`
    cannot be had. `kv_ram_fraction`: the part of the KV cache kept in RAM (the rest is on
    the GPU)."""
    native = info.context_length if info.context_length > 0 else DEFAULT_CHAT_CTX
    if available_ram is None:
        available_ram = machine_info().available_ram
    budget = available_ram - info.file_size - RUNTIME_OVERHEAD_BYTES - RESERVE_BYTES
    per_tok = info.kv_bytes_per_token(KV_TYPE_BYTES[kv_type]) * kv_ram_fraction
    by_ram = int(budget // per_tok) if per_tok > 0 else native
    ceiling = min(native, by_ram)
    target = max(wanted or 0, default_chat_ctx(info))
    if wanted and wanted > ceiling:
        why = (
            f"the model's context is {native:,} tokens"
            if native <= by_ram
            else f"this machine's free RAM allows about {max(by_ram, 0):,} tokens"
        )
        raise ContextOverflow(f"{wanted:,} tokens are needed but {why}")
    n = min(target, ceiling)
    if n < native:
        down = max(CTX_STEP, (n // CTX_STEP) * CTX_STEP)
        # Never round below what the caller asked for (20,000 wanted must not load 19,968).
        n = min(-(-n // CTX_STEP) * CTX_STEP, ceiling) if wanted and down < wanted else down
    if n < MIN_CTX and (wanted or 0) <= n and ceiling >= MIN_CTX:
        n = MIN_CTX
    if ceiling < min(MIN_CTX, native):
        raise ContextOverflow(
            f"not enough free RAM to run {Path(info.path).name} "
            f"({_gib(info.file_size)} of weights, {_gib(max(available_ram, 0))} free)"
        )
    return n


def _gib(n: float) -> str:
    return f"{n / 2**30:.1f} GB"


_NEVER = threading.Event()  # the abort callback's token while no reply runs (never set)


class Engine(ChatEngine):
    """Owns one llama.cpp model. Use from one thread at a time; a reply's `cancel()` from any."""

    local = True

    def __init__(self) -> None:
        self.llm: Any = None
        self.model: LoadedModel | None = None
        self.format: ChatFormat | None = None
        self._last: Reply | None = None
        self._active = _NEVER  # the running reply's cancel token, read by the abort callback
        self._abort_cb: Any = None
        self._abort_installed = False
        self._lock = threading.Lock()
        # Threads in use (decode, prompt) and, unless the caller fixed them, the governor that
        # drops one while other programs keep the cores busy (app/core/thread_governor.py).
        self._threads = (0, 0)
        self._governor: ThreadGovernor | None = None
        # The GPUs to plan for: None asks llama.cpp (devices.gpu_devices); a list (plain
        # Device dataclasses) is what tests and benchmarks give.
        self.devices: list[Any] | None = None
        # Lookup decoding: the measured extra cost of one more token in a verify batch and
        # the cost of a verify call whatever its length (the slowdown of the steps after it
        # included), in single decode steps, kept across replies; and each token's text.
        self._spec_cost = 0.25
        self._spec_fixed = 0.0
        self._pieces: tuple[Any, dict[int, tuple[bytes, bool]]] = (None, {})

    # ----------------------------------------------------------------- loading
    @property
    def loaded(self) -> bool:
        return self.llm is not None

    @property
    def notice(self) -> str:
        m = self.model
        return " ".join(n for n in (m.chat_notice, m.notice) if n) if m is not None else ""

    def placement(self) -> dict[str, Any]:
        m = self.model
        if m is None:
            return {}
        return {"n_gpu_layers": m.n_gpu_layers, "placement": m.placement, "gpu": m.gpu,
                "kv_type": m.kv_type, "flash_attn": m.flash_attn}

    def load(
        self,
        path: str | Path,
        options: LoadOptions | None = None,
        *,
        wanted_ctx: int | None = None,
        info: GGUFInfo | None = None,
        threads: ThreadChoice | None = None,
    ) -> LoadedModel:
        """Load a GGUF. Validates the header first; errors are ModelFileError/ContextOverflow."""
        import llama_cpp

        options = options or LoadOptions()
        path = Path(path)
        info = info or read_gguf_info(path)
        validate_for_loading(info)
        fmt = resolve_chat_format(info)
        backends = ensure_backends()  # loadable backends: the CPU variant that runs here
        if backends.error:
            raise WrenError(f"llama.cpp cannot run models here: {backends.error}")
        vet_model_file(path)  # a file that would crash llama.cpp is refused, not loaded
        kv_type = options.kv_type
        extra: dict[str, Any] = {}
        if kv_type != "f16":
            if info.head_dim % 32 or info.head_dim_v % 32:
                kv_type = "f16"  # quantized cache needs head_dim divisible by 32
                extra["kv_type_note"] = (
                    f"{options.kv_type} KV cache is not possible with head size {info.head_dim} "
                    "(needs a multiple of 32): using f16"
                )
        flash = options.flash_attn or kv_type != "f16"
        offload, kv_type, flash, n_ctx = self._plan_load(info, options, wanted_ctx, kv_type,
                                                         flash)
        if kv_type != options.kv_type and "kv_type_note" not in extra:
            extra["kv_type_note"] = f"KV cache {kv_type} so that more of it fits on the GPU"
        threads = threads or (
            ThreadChoice(options.n_threads, options.n_threads, "set by caller")
            if options.n_threads
            else choose_threads()
        )
        self.unload()
        NATIVE_LOG.install()
        NATIVE_LOG.lines.clear()
        on_gpu = offload.n_gpu_layers > 0
        n_batch = min(options.n_batch, n_ctx)
        n_ubatch = options.n_ubatch or (GPU_UBATCH if on_gpu else options.n_batch)
        kwargs: dict[str, Any] = dict(
            n_ctx=n_ctx,
            n_batch=n_batch,
            n_ubatch=min(n_ubatch, n_batch),
            n_threads=threads.n_threads,
            n_threads_batch=threads.n_threads_batch,
            n_gpu_layers=offload.n_gpu_layers,
            flash_attn=flash,
            verbose=False,
        )
        if str(options.gpu).strip().lower() in ("off", "0"):
            # Nothing on the GPU: not the cache, nor the big products of prompt batches.
            kwargs.update(offload_kqv=False, op_offload=False)
        if kv_type != "f16":
            kwargs["type_k"] = KV_TYPE_GGML[kv_type]
            kwargs["type_v"] = KV_TYPE_GGML[kv_type]
        notice = ""
        t0 = time.perf_counter()
        reason = ""
        try:
            llm = llama_cpp.Llama(model_path=str(path), **kwargs)
        except (ValueError, RuntimeError, OSError) as e:
            reason = NATIVE_LOG.last_error() or str(e) or type(e).__name__
        if reason:
            if not on_gpu:
                raise ModelFileError(
                    f"{path.name}: llama.cpp could not load this model ({reason})") from None
            # The failed attempt's half-built Llama holds its GPU buffers (the weights it did
            # load) until it is collected: it was kept alive by the exception's traceback, and
            # freed now, before the retry needs that memory (on the H200 it held 2.2 GiB and
            # the retry's peak was that much over its plan).
            gc.collect()
            # Most likely the GPU's memory (another program took some since we looked, or the
            # estimate was short): the next smaller plan, once.
            now = gpu_target(self.gpu_devices_now(), options.gpu_cap)
            smaller = smaller_offload(info, offload, n_ctx, kv_type, flash, now, n_ubatch)
            notice = (f"The GPU could not hold {offload.layers_on_gpu}/{offload.n_layer} "
                      f"layers ({reason}); loaded with {smaller.layers_on_gpu} on the GPU "
                      "instead.")
            offload = smaller
            kwargs["n_gpu_layers"] = smaller.n_gpu_layers
            NATIVE_LOG.lines.clear()
            try:
                llm = llama_cpp.Llama(model_path=str(path), **kwargs)
            except (ValueError, RuntimeError, OSError) as e2:
                reason = NATIVE_LOG.last_error() or str(e2)
                raise ModelFileError(
                    f"{path.name}: llama.cpp could not load this model, also with fewer "
                    f"layers on the GPU ({reason})") from None
        load_s = time.perf_counter() - t0
        self.llm = llm
        self.format = fmt
        self._spec_cost, self._spec_fixed = 0.25, 0.0  # learned anew: another model, device
        self._install_abort_callback()
        self._threads = (threads.n_threads, threads.n_threads_batch)
        self._governor = None
        if not threads.reason.startswith("set by"):
            self._governor = ThreadGovernor(max(threads.max_threads, threads.n_threads),
                                            threads.n_threads)
        self.model = LoadedModel(
            path=str(path),
            info=info,
            n_ctx=llm.n_ctx(),
            n_threads=threads.n_threads,
            n_threads_batch=threads.n_threads_batch,
            thread_reason=threads.reason,
            kv_type=kv_type,
            flash_attn=flash,
            chat_family=fmt.family,
            chat_notice=fmt.notice,
            load_s=load_s,
            extra=extra,
            n_gpu_layers=offload.n_gpu_layers,
            gpu=offload.to_dict() if offload.n_gpu_layers else {},
            notice=notice,
        )
        return self.model

    def gpu_devices_now(self) -> list[Any]:
        """The GPUs and their free memory, counting what the loaded model holds there as free
        (a new load replaces it)."""
        import dataclasses

        devs = list(self.devices if self.devices is not None else gpu_devices())
        m = self.model if self.llm is not None else None
        held = int(m.gpu.get("gpu_bytes", 0)) if m is not None and m.gpu else 0
        if held and devs:
            i = max(range(len(devs)), key=lambda j: devs[j].free)
            devs[i] = dataclasses.replace(devs[i], free=min(devs[i].total, devs[i].free + held))
        return devs

    def _plan_load(self, info: GGUFInfo, options: LoadOptions, wanted_ctx: int | None,
                   kv_type: str, flash: bool) -> tuple[Offload, str, bool, int]:
        """(offload, KV type, flash attention, n_ctx). Without a GPU (or with it off) this is
        the CPU plan as before: the context from the RAM (plan_n_ctx). With one, chats take
        the context they need, as many layers as the GPU's budget holds, and an f16 cache
        unless q8_0 puts the whole model on the GPU where f16 would not."""
        devices = self.gpu_devices_now()
        try:
            gpu = parse_gpu_setting(options.gpu)
        except ValueError as e:
            raise BadInput(str(e)) from None
        target = gpu_target(devices, options.gpu_cap) if gpu not in ("off", 0) else None
        want = options.n_ctx or wanted_ctx
        if options.n_gpu_layers is not None:  # a reading plan fixed everything
            n_ctx = options.n_ctx or plan_n_ctx(info, wanted_ctx, kv_type)
            k = options.n_gpu_layers if target is not None else 0
            o = offload_estimate(info, n_ctx, kv_type, flash, k,
                                 options.n_ubatch or GPU_UBATCH,
                                 target.label if target else "", target.budget if target else 0,
                                 "from the reading plan")
            return o, kv_type, flash, n_ctx
        if target is None:
            n_ctx = plan_n_ctx(info, want, kv_type)
            if options.n_ctx:
                n_ctx = options.n_ctx
            return offload_estimate(info, n_ctx, kv_type, flash, 0), kv_type, flash, n_ctx
        native = info.context_length
        # A context asked for (--ctx, the conversation's setting) is what is planned for;
        # otherwise the chat default, or what the conversation needs if more.
        n_ctx = min(native, options.n_ctx or max(want or 0, default_chat_ctx(info)))
        if want and want > native:
            raise ContextOverflow(f"{want:,} tokens are needed but the model's context is "
                                  f"{native:,} tokens")
        kinds = [kv_type]
        if kv_type == "f16" and not (info.head_dim % 32 or info.head_dim_v % 32):
            kinds += [k for k in CHAT_KV_ORDER if k != "f16"]
        choice = None
        for kv in kinds:
            fl = True  # flash attention is faster on GPUs, for reading and for writing
            o = plan_offload(info, n_ctx, kv, fl, target, gpu)
            if choice is None or o.layers_on_gpu > choice[0].layers_on_gpu:
                choice = (o, kv, fl)
            if o.full or isinstance(gpu, int):
                break
        assert choice is not None
        o, kv, fl = choice
        # The part of the cache that stays in RAM must fit there: else the CPU rule decides
        # the context (it counts that part only).
        frac = 1 - o.layers_on_gpu / max(info.n_layer, 1)
        if frac > 0:
            fitted = plan_n_ctx(info, want, kv, kv_ram_fraction=frac)
            if fitted < n_ctx:
                n_ctx = fitted
                o = plan_offload(info, n_ctx, kv, fl, target, gpu)
        if options.n_ctx:
            n_ctx = options.n_ctx
        return o, kv, fl, n_ctx

    def unload(self) -> None:
        if self.llm is not None:
            try:
                self._set_abort(False)
                self.llm.close()
            except Exception:
                pass
        self.llm = None
        self.model = None
        self.format = None

    @property
    def threads(self) -> tuple[int, int]:
        """(decode, prompt) threads in use now."""
        return self._threads

    def _set_threads(self, n_threads: int, n_threads_batch: int) -> None:
        import llama_cpp

        if (n_threads, n_threads_batch) != self._threads:
            llama_cpp.llama_set_n_threads(self.llm._ctx.ctx, n_threads, n_threads_batch)
            self._threads = (n_threads, n_threads_batch)

    # ------------------------------------------------------------- cancelling
    def _install_abort_callback(self) -> None:
        import llama_cpp

        engine = self

        @llama_cpp.ggml_abort_callback
        def _abort(_data: ctypes.c_void_p) -> bool:
            return engine._active.is_set()  # the running reply's own token

        self._abort_cb = _abort
        self._abort_installed = False

    def _set_abort(self, on: bool) -> None:
        import llama_cpp

        if self.llm is None or on == self._abort_installed:
            return
        ctx = self.llm._ctx.ctx
        if on:
            llama_cpp.llama_set_abort_callback(ctx, self._abort_cb, ctypes.c_void_p(0))
        else:
            llama_cpp.llama_set_abort_callback(ctx, llama_cpp.ggml_abort_callback(0), ctypes.c_void_p(0))
        self._abort_installed = on

    # ------------------------------------------------------------- tokens
    def tokenize_prompt(self, text: str) -> list[int]:
        llm = self._require()
        bos = self.format.bos_token if self.format else ""
        add_bos = bool(llm._model.add_bos_token()) and not (bos and text.startswith(bos))
        return llm.tokenize(text.encode("utf-8"), add_bos=add_bos, special=True)

    def render(self, messages: list[dict[str, str]]) -> str:
        self._require()
        assert self.format is not None
        return self.format.render(messages, add_generation_prompt=True)

    def prepare(self, messages: list[dict[str, str]]) -> Prompt:
        """Render and tokenize once: the context check and the reply use the same tokens."""
        tokens = self.tokenize_prompt(self.render(messages))
        return Prompt(list(messages), tokens, len(tokens))

    def count_tokens(self, messages: list[dict[str, str]]) -> int:
        return self.prepare(messages).n_tokens

    def cached_tokens(self) -> list[int]:
        """The tokens the KV cache holds now (what the next prompt's prefix can reuse)."""
        llm = self._require()
        return [int(t) for t in llm.input_ids[: llm.n_tokens]]

    def save_state(self) -> tuple[list[int], bytes]:
        """A snapshot of the context (llama_state_get_data) and the tokens it holds, e.g. a
        document read once and asked about later."""
        import llama_cpp

        llm = self._require()
        size = int(llama_cpp.llama_state_get_size(llm._ctx.ctx))
        buf = (ctypes.c_uint8 * size)()
        n = int(llama_cpp.llama_state_get_data(llm._ctx.ctx, buf, size))
        return self.cached_tokens(), bytes(memoryview(buf)[:n])

    def state_size(self) -> int:
        """Bytes a save_state() snapshot would take now."""
        import llama_cpp

        return int(llama_cpp.llama_state_get_size(self._require()._ctx.ctx))

    def restore_state(self, tokens: Sequence[int], state: bytes) -> int:
        """Load a save_state() snapshot. Returns the number of tokens restored (0: none; the
        cache is then empty and still usable)."""
        import llama_cpp

        llm = self._require()
        n = len(tokens)
        if n >= llm.n_ctx():
            return 0
        buf = (ctypes.c_uint8 * len(state)).from_buffer_copy(state)
        if int(llama_cpp.llama_state_set_data(llm._ctx.ctx, buf, len(state))) != len(state):
            llm.reset()
            llm._ctx.kv_cache_clear()
            return 0
        llm.input_ids[:n] = tokens
        llm.n_tokens = n
        return n

    def _require(self) -> Any:
        if self.llm is None:
            raise WrenError("No model is loaded")
        return self.llm

    # ------------------------------------------------------------- generation
    def reply(
        self,
        prompt: Prompt,
        params: SamplingParams | None = None,
        *,
        stops: Sequence[str] = (),
        cancel: threading.Event | None = None,
        on_prompt_progress: ProgressFn | None = None,
    ) -> Reply:
        """The reply to a prepared prompt. `stops`: strings that end the reply (besides the
        template's own), never part of its text."""
        tokens = prompt.tokens if prompt.tokens is not None else self.prepare(prompt.messages).tokens
        assert tokens is not None and self.format is not None
        return self._reply(tokens, params, [*self.format.stops, *stops], on_prompt_progress,
                           cancel)

    def stream_completion(
        self,
        prompt: str,
        params: SamplingParams | None = None,
        stops: list[str] | None = None,
        on_prompt_progress: ProgressFn | None = None,
        *,
        cancel: threading.Event | None = None,
    ) -> Reply:
        """A plain completion of `prompt` (no chat template)."""
        return self._reply(self.tokenize_prompt(prompt), params, list(stops or []),
                           on_prompt_progress, cancel)

    def prefill(self, tokens: list[int], on_progress: ProgressFn | None = None,
                cancel: threading.Event | None = None) -> int:
        """Evaluate all but the last prompt token, reusing the cached prefix. Returns the number
        of tokens evaluated now. Raises Cancelled when `cancel` is set (model stays usable)."""
        import numpy as np

        llm = self._require()
        cancel = cancel if cancel is not None else threading.Event()
        n_ctx = llm.n_ctx()
        if len(tokens) >= n_ctx:
            raise ContextOverflow(
                f"the prompt is {len(tokens):,} tokens but the model's context holds {n_ctx:,}"
            )
        # Longest common prefix with what the KV cache holds.
        cached = llm._input_ids[: llm.n_tokens]
        m = min(len(cached), len(tokens) - 1)
        if m > 0:
            a = np.asarray(cached[:m])
            b = np.asarray(tokens[:m], dtype=a.dtype)
            diff = np.nonzero(a != b)[0]
            prefix = int(diff[0]) if diff.size else m
        else:
            prefix = 0
        if prefix < llm.n_tokens:
            if prefix == 0 or not llm._ctx.kv_cache_seq_rm(-1, prefix, -1):
                llm.reset()
                llm._ctx.kv_cache_clear()
                prefix = 0
            else:
                llm.n_tokens = prefix
        todo = tokens[prefix:-1]
        total = len(todo)
        if total == 0:
            return 0
        step = llm.n_batch
        t0 = time.perf_counter()
        # Tiny prompts (a chat turn) skip the abort callback: nothing to abort.
        use_abort = total > step
        if use_abort:
            self._active = cancel
            self._set_abort(True)
            if self._governor is not None:
                # A long read: use the cores that are idle now, not those idle at load time.
                self._set_threads(self._threads[0], min(self._governor.max_threads,
                                                        choose_threads(0.05).n_threads_batch))
        prev_per_token = 0.0
        try:
            for i in range(0, total, step):
                if cancel.is_set():
                    raise Cancelled()
                piece = todo[i : i + step]
                t_slice = time.perf_counter()
                try:
                    llm.eval(piece)
                except RuntimeError as e:
                    if cancel.is_set():
                        raise Cancelled() from None
                    raise WrenError(f"llama.cpp failed while reading the prompt ({e})") from None
                per_token = (time.perf_counter() - t_slice) / len(piece)
                nb = self._threads[1]
                if (self._governor is not None and prev_per_token and nb > 1
                        and per_token > self._governor.slow_factor * prev_per_token):
                    # Consecutive slices differ little; a sudden 3x means another program
                    # took a core and our threads now spin-wait on each other.
                    self._set_threads(self._threads[0], nb - 1)
                    prev_per_token = 0.0
                else:
                    prev_per_token = per_token
                if on_progress is not None:
                    on_progress(PromptProgress(min(i + step, total), total, time.perf_counter() - t0))
        except Cancelled:
            # The aborted slice may have left half-written cells: drop them.
            llm._ctx.kv_cache_seq_rm(-1, llm.n_tokens, -1)
            raise
        finally:
            if use_abort:
                self._set_abort(False)
                self._active = _NEVER
        return total

    def _reply(self, tokens: list[int], params: SamplingParams | None, stops: list[str],
               on_prompt_progress: ProgressFn | None,
               cancel: threading.Event | None) -> Reply:
        params = params or SamplingParams()
        if params.speculative not in SPECULATIVE_MODES:
            raise BadInput(f"speculative decoding must be one of {', '.join(SPECULATIVE_MODES)}")

        def run(reply: Reply) -> Generator[str, None, None]:
            return self._stream(reply, tokens, params, stops, on_prompt_progress)

        reply = Reply(run, cancel)
        self._last = reply
        return reply

    def _stream(self, reply: Reply, tokens: list[int], params: SamplingParams, stops: list[str],
                on_prompt_progress: ProgressFn | None) -> Generator[str, None, None]:
        with self._lock:
            llm = self._require()
            stats = reply.stats
            stats.prompt_tokens = len(tokens)
            stats.n_ctx = llm.n_ctx()
            stats.n_threads, stats.n_threads_batch = self._threads
            gov = self._governor
            if gov is not None:
                gov.new_reply()
            t0 = time.perf_counter()
            try:
                evaluated = self.prefill(tokens, on_prompt_progress, reply.cancelled)
            except Cancelled:
                stats.finish_reason = "cancelled"
                stats.prompt_eval_s = time.perf_counter() - t0
                return
            try:
                yield from self._decode(llm, tokens, evaluated, params, stops, stats, t0,
                                        reply.cancelled)
            finally:
                stats.n_threads_final = self._threads[0]

    # The decode loop below runs once per generated token (or per verified draft): it is kept
    # lean on purpose (locals, no per-token numpy, a piece cache) so that Python adds little to
    # llama.cpp's own time per token.
    def _decode(
        self,
        llm: Any,
        tokens: list[int],
        evaluated: int,
        params: SamplingParams,
        stops: list[str],
        stats: ReplyStats,
        t0: float,
        cancel: threading.Event,
    ) -> Iterator[str]:
        import llama_cpp
        from llama_cpp._internals import LlamaBatch

        mode = params.speculative
        n_ctx = llm.n_ctx()
        ctx = llm._ctx.ctx
        ids = llm.input_ids
        seed = params.seed if params.seed is not None else int.from_bytes(os.urandom(4), "little")
        sampler = self._make_sampler(llm, params, int(seed) & 0xFFFFFFFF)
        smpl = sampler.sampler
        sample = llama_cpp.llama_sampler_sample
        decode = llama_cpp.llama_decode
        seq_rm = llm._ctx.kv_cache_seq_rm
        pieces = self._pieces_for(llm)
        piece_of = self._piece
        gov = self._governor
        perf = time.perf_counter

        policy: DraftPolicy | None = None
        index: NgramIndex | None = None
        max_draft = 0
        if mode != "off":
            max_draft = MAX_DRAFT
            policy = DraftPolicy(mode=mode, max_len=max_draft, cost=self._spec_cost,
                                 fixed=self._spec_fixed)
            if mode == "auto" and not policy.can_pay():
                # Learned here: no draft can pay on this device (a small model on a GPU).
                # Plain decoding, without even the index; the estimate ages a little with
                # each such reply, so that a few replies on lookup decoding tries again (a
                # slow spell may have inflated it).
                self._spec_cost *= SPEC_COST_AGING
                self._spec_fixed *= SPEC_COST_AGING
                policy, max_draft = None, 0
            else:
                index = NgramIndex(tokens)
        holder = LlamaBatch(n_tokens=max_draft + 1, embd=0, n_seq_max=1, verbose=False)
        batch = holder.batch
        b_tok, b_pos = batch.token, batch.pos
        for i in range(max_draft + 1):  # one sequence, logits wanted at every position
            batch.seq_id[i][0] = 0
            batch.n_seq_id[i] = 1
            batch.logits[i] = 1

        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        max_stop = max((len(s) for s in stops), default=0)
        max_tokens = params.max_tokens
        pending = ""  # text held back because it could be the start of a stop string
        n_out = 0
        t_first = 0.0
        finish = "length"
        stopped_by_text = False
        nxt = tokens[-1]  # the next token to evaluate (not yet in the KV cache)
        n_past = llm.n_tokens
        seq_rm(0, n_past, -1)  # the cache must end where n_tokens says
        # A verify batch's bookkeeping, done in `finally` too: the caller may stop reading
        # in the middle of a batch, and the next turn's prefix reuse needs a consistent cache.
        todo: list[_Batch] = []

        def settle() -> None:
            nonlocal n_past
            if not todo:
                return
            batch = todo.pop()
            xs, used = batch.tokens, batch.used
            ids[n_past: n_past + used] = xs[:used]
            n_past += used
            llm.n_tokens = n_past
            if used < len(xs):
                seq_rm(0, n_past, -1)

        singles: deque[float] = deque(maxlen=16)  # recent single-step times, for the cost model
        # The single steps right after a verify call are timed against the usual step: what
        # they take beyond it is the verify's doing (a GPU captures its CUDA graph again).
        after_left = 0
        after_extra = 0.0
        try:
            while True:
                if cancel.is_set():
                    finish = "cancelled"
                    break
                draft: list[int] = []
                match_len = 0
                if policy is not None and index is not None:
                    room = n_ctx - 2 - n_past  # the KV cache must hold nxt and the whole draft
                    want = min(policy.max_len, room, max_tokens - n_out - 1)
                    if want > 0:
                        cand, match_len = index.find(want)
                        if cand:
                            draft = cand[: policy.length(len(cand), match_len)]
                n = 1 + len(draft)
                b_tok[0] = nxt
                b_pos[0] = n_past
                for i, d in enumerate(draft, 1):
                    b_tok[i] = d
                    b_pos[i] = n_past + i
                batch.n_tokens = n
                t_step = perf()
                rc = decode(ctx, batch)
                if rc != 0:
                    if rc == 1:  # no room left in the KV cache
                        finish = "context"
                        break
                    raise WrenError(f"llama.cpp failed while writing the reply (code {rc})")
                # Verify: sample the model's own token at each position with the same sampler
                # (which accepts what it samples); keep draft tokens while they equal it.
                kept = [sample(smpl, ctx, 0)]
                for i, d in enumerate(draft):
                    if kept[-1] != d:
                        break
                    kept.append(sample(smpl, ctx, i + 1))
                elapsed = perf() - t_step
                stats.decode_calls += 1
                if draft:
                    acc = len(kept) - 1
                    stats.draft_tokens += len(draft)
                    stats.drafts += 1
                    stats.accepted_tokens += acc
                    assert policy is not None
                    policy.update(len(draft), acc, match_len)
                    if singles:
                        if 0 < after_left < AFTER_STEPS:  # part of the last verify's steps after it
                            self._learn_after(after_extra, singles, policy)
                        self._learn_cost(elapsed, n, singles, policy)
                        after_left, after_extra = AFTER_STEPS, 0.0
                elif after_left and policy is not None:
                    after_extra += elapsed - statistics.median(singles)
                    after_left -= 1
                    if not after_left:
                        self._learn_after(after_extra, singles, policy)
                elif n_out:
                    singles.append(elapsed)
                if n == 1 and n_out and gov is not None:  # (the first call: the prompt's end)
                    # Single steps only: a verify batch runs on the prompt's thread count, so
                    # its time says nothing about the decode threads the governor chooses.
                    change = gov.observe(elapsed)
                    if change is not None:
                        self._set_threads(change, self._threads[1])
                if n_out == 0:
                    t_first = perf()
                    stats.ttft_s = t_first - t0
                    stats.prompt_tokens_evaluated = evaluated + 1
                    stats.prompt_eval_s = stats.ttft_s
                # Hand the kept tokens on one by one, exactly as single steps would have.
                # The cache is to hold what single steps would have evaluated: the first
                # `used` batch tokens; the rest (rejected or unused draft positions) goes.
                slot = _Batch([nxt, *draft])
                todo.append(slot)
                done = False
                for tok in kept:
                    slot.used += 1
                    entry = pieces.get(tok)
                    if entry is None:
                        entry = piece_of(llm, tok)
                        pieces[tok] = entry
                    if entry[1]:  # end of generation
                        finish = "stop"
                        done = True
                        break
                    n_out += 1
                    stats.completion_tokens = n_out  # live: a reader may cancel on it
                    nxt = tok
                    if index is not None:
                        index.append(tok)
                    piece = decoder.decode(entry[0])
                    if piece:
                        pending += piece
                        if max_stop:
                            hit = _find_stop(pending, stops)
                            if hit >= 0:
                                out = pending[:hit]
                                pending = ""
                                if out:
                                    yield out
                                finish = "stop"
                                stopped_by_text = True
                                done = True
                                break
                            keep = _partial_stop_len(pending, stops)
                            out, pending = pending[: len(pending) - keep], pending[len(pending) - keep:]
                        else:
                            out, pending = pending, ""
                        if out:
                            yield out
                    if cancel.is_set():
                        finish = "cancelled"
                        done = True
                        break
                    if n_out >= max_tokens:
                        finish = "length"
                        done = True
                        break
                    if n_past + slot.used + 1 >= n_ctx:
                        finish = "context"
                        done = True
                        break
                settle()
                if done:
                    break
        finally:
            settle()
            holder.close()
            sampler.close()
            if cancel.is_set() and finish not in ("stop", "length", "context"):
                finish = "cancelled"
            now = perf()
            stats.completion_tokens = n_out
            stats.finish_reason = finish
            if n_out:
                stats.decode_s = now - t_first
                # The first token's time is prompt processing; the rest is decoding.
                if n_out > 1 and stats.decode_s > 0:
                    stats.decode_tokens_per_s = (n_out - 1) / stats.decode_s
            if stats.prompt_eval_s > 0 and stats.prompt_tokens_evaluated:
                stats.prompt_tokens_per_s = stats.prompt_tokens_evaluated / stats.prompt_eval_s
        tail = pending + decoder.decode(b"", final=True)
        if tail and not stopped_by_text:
            yield tail

    @staticmethod
    def _make_sampler(llm: Any, params: SamplingParams, seed: int) -> Any:
        """The same chain llama-cpp-python's `generate` builds, so replies are unchanged."""
        from llama_cpp._internals import LlamaSampler

        s = LlamaSampler()
        s.add_penalties(n_vocab=llm.n_vocab(), penalty_last_n=llm.last_n_tokens_size,
                        penalty_repeat=params.repeat_penalty, penalty_freq=0.0,
                        penalty_present=0.0)
        if params.temperature == 0.0:
            s.add_greedy()
        else:
            s.add_top_k(params.top_k)
            s.add_typical(1.0, 1)
            s.add_top_p(params.top_p, 1)
            s.add_min_p(params.min_p, 1)
            s.add_temp(params.temperature)
            s.add_dist(seed)
        return s

    def _pieces_for(self, llm: Any) -> dict[int, tuple[bytes, bool]]:
        if self._pieces[0] is not llm:
            self._pieces = (llm, {})
        return self._pieces[1]

    @staticmethod
    def _piece(llm: Any, tok: int) -> tuple[bytes, bool]:
        import llama_cpp

        return (llm.detokenize([tok], special=False),
                bool(llama_cpp.llama_vocab_is_eog(llm._model.vocab, tok)))

    def _learn_cost(self, elapsed: float, n: int, singles: deque[float],
                    policy: DraftPolicy) -> None:
        """Update the extra cost of one more token in a verify batch, in single steps."""
        single = statistics.median(singles)
        if single <= 0 or elapsed > 3.0 * single * (1.0 + self._spec_cost * (n - 1)):
            return  # another program took the CPU meanwhile: not a measure of the batch
        obs = min(3.0, max(0.0, (elapsed / single - 1.0) / (n - 1)))
        self._spec_cost = min(3.0, max(0.01, 0.8 * self._spec_cost + 0.2 * obs))
        policy.cost = self._spec_cost

    def _learn_after(self, extra: float, singles: deque[float], policy: DraftPolicy) -> None:
        """Update the fixed cost of a verify call from `extra`, the time the steps after it
        took beyond the usual step. Noise comes in both signs and averages out; a slow spell
        (another program) moves the estimate by a bounded step only."""
        single = statistics.median(singles)
        if single <= 0:
            return
        obs = min(extra / single, 4.0 + 2.0 * self._spec_fixed)
        self._spec_fixed = min(50.0, max(0.0, 0.8 * self._spec_fixed + 0.2 * obs))
        policy.fixed = self._spec_fixed



def _find_stop(text: str, stops: list[str]) -> int:
    best = -1
    for s in stops:
        if s:
            i = text.find(s)
            if i >= 0 and (best < 0 or i < best):
                best = i
    return best


def _partial_stop_len(text: str, stops: list[str]) -> int:
    """Length of the longest suffix of `text` that is a proper prefix of a stop string."""
    best = 0
    for s in stops:
        for k in range(min(len(s) - 1, len(text)), 0, -1):
            if text.endswith(s[:k]):
                best = max(best, k)
                break
    return best
