"""Summarize a document with the local engine, following a Plan; follow-ups without re-reading.

Single pass: the whole document goes into one prompt, evaluated in n_batch slices (progress,
cancel); afterwards the processed state stays in the KV cache and is saved to cache/ so a
follow-up question evaluates only the question. Map-reduce: chunks on paragraph/page
boundaries get partial summaries, combined in groups, recursively, into one summary.

Nothing is stored until the summary is complete: the document row, the conversation and both
messages are written in one transaction (a cancel or an error leaves no trace in the database).
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.core.citations import Citation, MarkupFilter, cite_document, strip_markup
from app.core.documents import ExtractedDocument, extract_document
from app.core.engine import (
    SPECULATIVE_MODES,
    Engine,
    LoadOptions,
    Prompt,
    PromptProgress,
    ReplyStats,
    SamplingParams,
    reply_json,
)
from app.core.errors import BadInput, Cancelled, WrenError
from app.core.gguf_info import GGUFInfo, read_gguf_info
from app.core.machine import choose_threads, machine_info
from app.core.models import LAST_MODEL_SETTING, InstalledModel
from app.core.planner import Plan, gpu_target, parse_gpu_setting, plan_reading, split_chunks
from app.core.setting_names import DOCUMENT_STATE_CACHE_BYTES
from app.core.store import Message, Store
from app.core.vocab import Vocabulary

LENGTHS = ("short", "medium", "detailed")
FORMATS = ("paragraph", "bullets")
CACHE_CAP_SETTING = DOCUMENT_STATE_CACHE_BYTES
DEFAULT_CACHE_CAP = 4 * 2**30

_LENGTH_TEXT = {
    "short": "in a few sentences",
    "medium": "in one or two paragraphs",
    "detailed": "in detail, covering every main point",
}


@dataclass(frozen=True)
class SummaryOptions:
    length: str = "medium"
    format: str = "paragraph"
    focus: str = ""
    max_ctx: int | None = None  # cap the context (tests, weak machines)
    temperature: float = 0.2
    seed: int | None = 0
    gpu: str | int = "auto"  # auto, off, or N layers on the GPU
    gpu_cap: int = 0  # bytes of GPU memory Wren may use (0: all free memory less the margin)
    speculative: str = "auto"  # lookup decoding (app/core/lookup.py): auto, on or off

    def check(self) -> None:
        try:
            parse_gpu_setting(self.gpu)
        except ValueError as e:
            raise BadInput(str(e)) from None
        if self.length not in LENGTHS:
            raise BadInput(f"length must be one of {', '.join(LENGTHS)}")
        if self.format not in FORMATS:
            raise BadInput(f"format must be one of {', '.join(FORMATS)}")
        if self.speculative not in SPECULATIVE_MODES:
            raise BadInput(f"speculative must be one of {', '.join(SPECULATIVE_MODES)}")
        if self.max_ctx is not None and self.max_ctx < 512:
            raise BadInput("the context limit must be at least 512 tokens")


@dataclass(frozen=True)
class SummaryProgress:
    """Progress of a whole summarization (plain data for the UI thread / stderr)."""

    phase: str  # reading, summarizing, combining, writing
    label: str
    done: int  # tokens evaluated so far (all steps)
    total: int
    rate: float  # tokens per second in the current step
    eta_s: float

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.total) if self.total else 0.0


@dataclass
class SummaryResult:
    text: str
    conversation_id: int
    document_id: int
    user_message_id: int
    message_id: int
    model_id: str
    plan: Plan
    stats: ReplyStats
    document_tokens: int
    chunks: int
    levels: int
    prompt_tokens_total: int  # every prompt token evaluated (all chunks and levels)
    completion_tokens_total: int
    elapsed_s: float
    state_file: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    citations: list[Citation] = field(default_factory=list)
    citation_s: float = 0.0  # time spent checking citations (part of elapsed_s)
    draft_tokens_total: int = 0  # lookup decoding, every step of the summary
    accepted_tokens_total: int = 0

    def to_json(self) -> dict[str, Any]:
        return reply_json(
            self.text, self.model_id, self.conversation_id, self.message_id, self.stats,
            document_id=self.document_id,
            prompt_tokens=self.prompt_tokens_total,
            completion_tokens=self.completion_tokens_total,
            draft_tokens=self.draft_tokens_total,
            accepted_tokens=self.accepted_tokens_total,
            mode=self.plan.mode,
            document_tokens=self.document_tokens,
            chunks=self.chunks,
            levels=self.levels,
            elapsed_s=round(self.elapsed_s, 3),
            plan=self.plan.to_dict(),
            citations=[c.to_json() for c in self.citations],
            citation_s=round(self.citation_s, 4),
        )

# ---------------------------------------------------------------------------- prompts
def request_text(name: str, opts: SummaryOptions, paged: bool = False) -> str:
    focus = f", for this reader: {opts.focus.strip()}" if opts.focus.strip() else ""
    fmt = "as a bulleted list" if opts.format == "bullets" else "as prose"
    return (f"Summarize the document \"{name}\" above{focus}, {_LENGTH_TEXT[opts.length]}, "
            f"{fmt}. Write in the same language as the document."
            + (" Cite pages as (p. N) using the [Page N] marks." if paged else ""))


def display_request(name: str, opts: SummaryOptions) -> str:
    """What the conversation shows as the user's turn: the request in the user's words, not
    Wren's instructions to the model (those are kept with the message, see PROMPT_KEY)."""
    bits = [] if opts.length == "medium" else [opts.length]
    if opts.format == "bullets":
        bits.append("as bullets")
    if opts.focus.strip():
        bits.append(f"for {opts.focus.strip()}")
    return f"Summarize {name}" + (f" ({', '.join(bits)})" if bits else "")


# The user message's `extra` key holding the instruction the model was given.
PROMPT_KEY = "prompt"


def document_block(name: str, text: str) -> str:
    return f"<document name=\"{name}\">\n{text}\n</document>"


def user_content(name: str, text: str, request: str) -> str:
    return f"{document_block(name, text)}\n\n{request}"


def _partial_request(name: str, i: int, n: int, opts: SummaryOptions) -> str:
    return (f"This is part {i} of {n} of the document \"{name}\". Summarize this part in a few "
            "sentences, keeping names, numbers and page references. Write in the same language "
            "as the document.")


def _combine_request(name: str, final: bool, opts: SummaryOptions, paged: bool = False) -> str:
    if final:
        return ("These are summaries of consecutive parts of the document \"" + name + "\". "
                + request_text(name, opts, paged).replace(f"the document \"{name}\" above",
                                                   "the whole document"))
    return (f"These are summaries of consecutive parts of the document \"{name}\". Combine them "
            "into one shorter summary, keeping names, numbers and page references.")


# ---------------------------------------------------------------------------- state cache
class StateCache:
    """Saved KV-cache states in cache/, evicted least-recently-used under a size cap that the
    user can see and change (setting `document_state_cache_bytes`)."""

    SUFFIX = ".wstate.npz"

    def __init__(self, directory: Path, store: Store | None = None):
        self.dir = Path(directory)
        self.store = store

    @property
    def cap_bytes(self) -> int:
        v = self.store.get_setting(CACHE_CAP_SETTING) if self.store else None
        return int(v) if isinstance(v, (int, float)) and v >= 0 else DEFAULT_CACHE_CAP

    def set_cap(self, n: int) -> None:
        if self.store is None:
            raise WrenError("no settings store")
        self.store.set_setting(CACHE_CAP_SETTING, int(n))
        self.evict()

    def files(self) -> list[Path]:
        if not self.dir.is_dir():
            return []
        return sorted(self.dir.glob("*" + self.SUFFIX), key=lambda p: p.stat().st_mtime)

    def usage_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.files())

    @staticmethod
    def key(document_id: int, model_path: str, n_ctx: int, kv_type: str) -> str:
        h = hashlib.sha256(f"{model_path}|{n_ctx}|{kv_type}".encode()).hexdigest()[:12]
        return f"doc{document_id}-{h}"

    def path(self, key: str) -> Path:
        return self.dir / (key + self.SUFFIX)

    def save(self, key: str, engine: Engine) -> Path | None:
        """Snapshot the engine's context with the tokens it holds (Engine.save_state)."""
        import numpy as np

        if engine.state_size() > self.cap_bytes:
            return None
        held, state = engine.save_state()
        tokens = np.asarray(held, dtype=np.int32)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.remove_stale_parts()
        dest = self.path(key)
        # One partial file per writing process: a process killed while writing leaves its own,
        # which the next save (in any process) removes once that process is gone.
        tmp = dest.with_name(f"{dest.name}.{os.getpid()}.part")
        try:
            with open(tmp, "wb") as fh:
                np.savez(fh, tokens=tokens, state=np.frombuffer(state, dtype=np.uint8))
            os.replace(tmp, dest)
        except OSError:
            tmp.unlink(missing_ok=True)
            return None
        self.evict(keep=dest)
        return dest

    def remove_stale_parts(self) -> list[Path]:
        """Delete partial state files whose writer is no longer running (killed mid-save);
        each is as big as a saved state, and a new key per document would let them pile up."""
        import psutil

        gone = []
        for p in self.dir.glob("*" + self.SUFFIX + "*.part"):
            writer = p.name.split(self.SUFFIX, 1)[1].removesuffix(".part").strip(".")  # pid or ""
            if writer.isdigit() and (int(writer) == os.getpid() or psutil.pid_exists(int(writer))):
                continue  # being written now, by this or another Wren process
            p.unlink(missing_ok=True)
            gone.append(p)
        return gone

    def load_tokens(self, key: str) -> list[int] | None:
        import numpy as np

        p = self.path(key)
        if not p.is_file():
            return None
        try:
            with np.load(p) as z:
                return z["tokens"].tolist()
        except (OSError, ValueError, KeyError):
            return None

    def restore(self, key: str, engine: Engine) -> int:
        """Load a saved state into the engine. Returns the number of tokens restored (0: none)."""
        import numpy as np

        p = self.path(key)
        if not p.is_file():
            return 0
        try:
            with np.load(p) as z:
                tokens = z["tokens"].tolist()
                state = z["state"].tobytes()
        except (OSError, ValueError, KeyError):
            return 0
        n = engine.restore_state(tokens, state)
        if n:
            os.utime(p)  # LRU: most recently used
        return n

    def evict(self, keep: Path | None = None) -> list[Path]:
        cap = self.cap_bytes
        files = self.files()
        total = sum(p.stat().st_size for p in files)
        gone = []
        for p in files:
            if total <= cap:
                break
            if keep is not None and p == keep:
                continue
            total -= p.stat().st_size
            p.unlink(missing_ok=True)
            gone.append(p)
        return gone


# ---------------------------------------------------------------------------- tokenizer
class _Tokenizer:
    """Counts tokens with the model's own vocabulary: the loaded engine, else the vocabulary
    alone (cheap: no weights, no context; see app/core/vocab.py)."""

    def __init__(self, engine: Engine, path: str):
        self.engine = engine
        self.path = path
        self._vocab: Vocabulary | None = None
        if engine.loaded and engine.model is not None and engine.model.path == path:
            self._tok = engine.llm.tokenize
        else:
            self._vocab = Vocabulary(path)

    def tokens(self, text: str) -> list[int]:
        if self._vocab is not None:
            return self._vocab.tokens(text)
        return self._tok(text.encode("utf-8"), add_bos=False, special=False)

    def count(self, text: str) -> int:
        return len(self.tokens(text))

    def detokenize(self, toks: list[int]) -> str:
        if self._vocab is not None:
            return self._vocab.detokenize(toks)
        return self.engine.llm.detokenize(toks).decode("utf-8", "replace")

    def close(self) -> None:
        if self._vocab is not None:
            self._vocab.close()
            self._vocab = None


# ---------------------------------------------------------------------------- summarizer
class Summarizer:
    """Runs document summaries on one Engine (use from the engine's thread; cancel() from any)."""

    def __init__(self, store: Store, cache_dir: Path, engine: Engine | None = None):
        self.store = store
        self.engine = engine or Engine()
        self.cache = StateCache(cache_dir, store)
        self._cancelled = threading.Event()  # also each step's reply's cancel token
        self._lookup = [0, 0]  # draft tokens, accepted tokens over all steps of one summary

    def cancel(self) -> None:
        self._cancelled.set()

    def _check_cancel(self) -> None:
        if self._cancelled.is_set():
            raise Cancelled()

    def plan(self, doc: ExtractedDocument, model: InstalledModel, opts: SummaryOptions,
             info: GGUFInfo | None = None, available_ram: int | None = None,
             tokenizer: _Tokenizer | None = None) -> tuple[Plan, int]:
        info = info or read_gguf_info(model.path)
        tok = tokenizer or _Tokenizer(self.engine, model.path)
        try:
            n_doc = tok.count(document_block(doc.name, doc.text))
            n_req = tok.count(request_text(doc.name, opts, doc.pages > 0))
        finally:
            if tokenizer is None:
                tok.close()
        threads = (self.engine.model.n_threads if self.engine.loaded and self.engine.model
                   else choose_threads().n_threads)
        if available_ram is None:
            available_ram = machine_info().available_ram
            if self.engine.loaded and self.engine.model is not None:
                available_ram += _loaded_bytes(self.engine)  # it will be reloaded
        plan = plan_reading(info, n_doc, available_ram=available_ram, n_threads=threads,
                            length=opts.length, max_ctx=opts.max_ctx, model_name=model.name,
                            instruction_tokens=n_req + 40,
                            gpu_target=gpu_target(self._gpus(), opts.gpu_cap),
                            gpu=parse_gpu_setting(opts.gpu))
        return plan, n_doc

    def _gpus(self) -> list[Any]:
        return self.engine.gpu_devices_now()  # a Summarizer's engine is always local

    def summarize(
        self,
        source: str | os.PathLike[str] | ExtractedDocument,
        model: InstalledModel,
        opts: SummaryOptions | None = None,
        *,
        conversation_id: int | None = None,
        on_plan: Callable[[Plan], None] | None = None,
        on_progress: Callable[[SummaryProgress], None] | None = None,
        on_text: Callable[[str], None] | None = None,
        available_ram: int | None = None,
    ) -> SummaryResult:
        opts = opts or SummaryOptions()
        opts.check()
        self._cancelled.clear()
        self._lookup = [0, 0]
        t_start = time.perf_counter()
        if conversation_id is not None and self.store.get_conversation(conversation_id) is None:
            raise BadInput(f"conversation {conversation_id} does not exist")
        doc = source if isinstance(source, ExtractedDocument) else extract_document(source)
        self._check_cancel()
        info = read_gguf_info(model.path)
        # Count and cut with the model's tokenizer before loading: the loaded model may be
        # replaced by the planned one, and the vocab-only copy is freed before the read.
        tok = _Tokenizer(self.engine, model.path)
        try:
            plan, n_doc = self.plan(doc, model, opts, info, available_ram, tok)
            pieces = self._chunks(doc, plan, tok) if plan.mode == "map-reduce" else []
        finally:
            tok.close()
        if on_plan is not None:
            on_plan(plan)
        self._check_cancel()
        self._load(model, info, plan)
        # Markup the model echoes from the prompt ("</document>") is never shown nor stored.
        shown = MarkupFilter()

        def text_out(piece: str) -> None:
            clean = shown.feed(piece)
            if clean and on_text is not None:
                on_text(clean)

        if plan.mode == "single-pass":
            text, stats, totals = self._single(doc, plan, opts, on_progress, text_out)
            chunks, levels = 1, 1
        else:
            text, stats, totals, chunks, levels = self._map_reduce(
                doc, plan, opts, pieces, on_progress, text_out)
        tail = shown.flush()
        if tail and on_text is not None:
            on_text(tail)
        t_cite = time.perf_counter()
        citations = cite_document(text, doc)
        citation_s = time.perf_counter() - t_cite
        elapsed = time.perf_counter() - t_start
        plan_d = plan.to_dict()
        request = request_text(doc.name, opts, doc.pages > 0)
        extra = {"plan": plan_d, "mode": plan.mode, "chunks": chunks, "levels": levels,
                 "document_tokens": n_doc, "finish_reason": stats.finish_reason,
                 "prompt_tokens_total": totals[0], "elapsed_s": round(elapsed, 3),
                 "options": asdict(opts), "model_path": model.path,
                 "citations": [c.to_json() for c in citations],
                 "citation_s": round(citation_s, 4)}
        with self.store.transaction():
            if conversation_id is None:
                conversation_id = self.store.create_conversation(
                    title=f"Summary of {doc.name}", model=model.id)
            doc_id = self.store.add_document(
                name=doc.name, text=doc.text, conversation_id=conversation_id, path=doc.path,
                sha256=doc.sha256, kind=doc.kind, pages=doc.pages, tokens=n_doc)
            user_id = self.store.add_message(conversation_id, "user",
                                             display_request(doc.name, opts),
                                             document_id=doc_id, extra={PROMPT_KEY: request})
            msg_id = self.store.add_message(
                conversation_id, "assistant", text, model=model.id, document_id=doc_id,
                prompt_tokens=totals[0], completion_tokens=totals[1], ttft_s=stats.ttft_s,
                prompt_tokens_per_s=stats.prompt_tokens_per_s,
                decode_tokens_per_s=stats.decode_tokens_per_s, n_ctx=stats.n_ctx,
                n_threads=stats.n_threads, extra=extra)
            self.store.set_setting(LAST_MODEL_SETTING, model.id)
        state_file = ""
        if plan.mode == "single-pass" and self.engine.loaded:
            # Keep the read document for follow-ups: saved under the LRU cap.
            key = StateCache.key(doc_id, model.path, plan.n_ctx, plan.kv_type)
            saved = self.cache.save(key, self.engine)
            state_file = str(saved) if saved else ""
        return SummaryResult(text, conversation_id, doc_id, user_id, msg_id, model.id, plan,
                             stats, n_doc, chunks, levels, totals[0], totals[1], elapsed,
                             state_file, citations=citations, citation_s=citation_s,
                             draft_tokens_total=self._lookup[0],
                             accepted_tokens_total=self._lookup[1])

    # ------------------------------------------------------------------ internals
    def _load(self, model: InstalledModel, info: GGUFInfo, plan: Plan) -> None:
        e = self.engine
        m = e.model
        if (m is not None and e.loaded and m.path == model.path and m.n_ctx >= plan.n_ctx
                and m.kv_type == plan.kv_type and m.flash_attn == plan.flash_attn
                and m.n_gpu_layers == plan.n_gpu_layers):
            return
        e.load(model.path, plan_load_options(plan.to_dict()), info=info)

    def _run(self, messages: list[dict[str, str]], max_tokens: int, opts: SummaryOptions,
             progress: Callable[[PromptProgress], None] | None,
             on_text: Callable[[str], None] | None) -> tuple[str, ReplyStats]:
        self._check_cancel()
        params = SamplingParams(max_tokens=max_tokens, temperature=opts.temperature,
                                seed=opts.seed, repeat_penalty=1.1, speculative=opts.speculative)
        parts = []
        reply = self.engine.stream_chat(messages, params, progress, cancel=self._cancelled)
        for piece in reply:
            parts.append(piece)
            if on_text is not None:
                on_text(piece)
        stats = reply.stats
        self._lookup[0] += stats.draft_tokens
        self._lookup[1] += stats.accepted_tokens
        if stats.finish_reason == "cancelled" or self._cancelled.is_set():
            raise Cancelled()
        return strip_markup("".join(parts)), stats

    def _single(self, doc: ExtractedDocument, plan: Plan, opts: SummaryOptions,
                on_progress: Callable[[SummaryProgress], None] | None,
                on_text: Callable[[str], None] | None
                ) -> tuple[str, ReplyStats, tuple[int, int]]:
        msgs = [{"role": "user",
                 "content": user_content(doc.name, doc.text, request_text(doc.name, opts, doc.pages > 0))}]

        def progress(p: PromptProgress) -> None:
            if on_progress is not None:
                on_progress(SummaryProgress("reading", f"Reading {doc.name}", p.done, p.total,
                                            p.rate, p.eta_s))

        text, stats = self._run(msgs, plan.reply_tokens, opts, progress, on_text)
        self._settle(msgs, text)
        return text, stats, (stats.prompt_tokens_evaluated, stats.completion_tokens)

    def _settle(self, msgs: list[dict[str, str]], reply: str) -> None:
        """Make the KV cache hold the conversation as a follow-up will render it: the stored
        reply text re-tokenized can differ from the sampled tokens, and every token after the
        first difference would be evaluated again by the follow-up. Costs ~the reply's tokens."""
        e = self.engine
        if e.format is None or not reply:
            return
        rendered = e.format.render([*msgs, {"role": "assistant", "content": reply}],
                                   add_generation_prompt=False)
        tokens = e.tokenize_prompt(rendered)
        if len(tokens) < (e.context_length or 0) - 1:
            try:
                # Evaluates all but the (dummy) last token.
                e.prefill(tokens + [tokens[-1]], cancel=self._cancelled)
            except WrenError:
                pass

    @staticmethod
    def _chunks(doc: ExtractedDocument, plan: Plan, tok: _Tokenizer) -> list[tuple[str, int]]:
        """The document cut on paragraph/page boundaries into chunks of the planned size."""
        paras = doc.paragraphs()
        counts = [tok.count(p) for p in paras]

        def cut(text: str, budget: int) -> list[str]:
            ids = tok.tokens(text)
            return [tok.detokenize(ids[i:i + budget]) for i in range(0, len(ids), budget)]

        return [(c, tok.count(c)) for c in split_chunks(paras, counts, plan.chunk_tokens, cut)]

    def _map_reduce(self, doc: ExtractedDocument, plan: Plan, opts: SummaryOptions,
                    pieces: list[tuple[str, int]],
                    on_progress: Callable[[SummaryProgress], None] | None,
                    on_text: Callable[[str], None] | None
                    ) -> tuple[str, ReplyStats, tuple[int, int], int, int]:
        chunks = [c for c, _ in pieces]
        total = sum(n for _, n in pieces) or 1
        done_before = [0]
        prompt_total = [0]
        completion_total = [0]
        fan_in = int(plan.extra.get("fan_in", 2))

        def progress_for(phase: str, label: str) -> Callable[[PromptProgress], None]:
            def f(p: PromptProgress) -> None:
                if on_progress is not None:
                    on_progress(SummaryProgress(phase, label, done_before[0] + p.done,
                                                max(total, done_before[0] + p.total),
                                                p.rate, p.eta_s))
            return f

        def step(content: str, max_tokens: int, phase: str, label: str,
                 text_cb: Callable[[str], None] | None) -> tuple[str, ReplyStats]:
            out, st = self._run([{"role": "user", "content": content}], max_tokens, opts,
                                progress_for(phase, label), text_cb)
            prompt_total[0] += st.prompt_tokens_evaluated
            completion_total[0] += st.completion_tokens
            return out.strip(), st

        summaries: list[str] = []
        stats = ReplyStats()
        n = len(chunks)
        for i, (ch, ch_tokens) in enumerate(pieces, 1):
            content = f"{document_block(doc.name, ch)}\n\n{_partial_request(doc.name, i, n, opts)}"
            s, stats = step(content, plan.partial_reply_tokens, "summarizing",
                            f"Summarizing part {i} of {n}", None)
            summaries.append(s or "(nothing to summarize in this part)")
            done_before[0] += ch_tokens
        levels = 1
        while True:
            levels += 1
            final = len(summaries) <= fan_in
            groups = [summaries[i:i + fan_in] for i in range(0, len(summaries), fan_in)]
            nxt = []
            for gi, g in enumerate(groups, 1):
                joined = "\n\n".join(f"Summary {k}:\n{s}" for k, s in enumerate(g, 1))
                label = ("Writing the summary" if final
                         else f"Combining summaries (level {levels}, group {gi} of {len(groups)})")
                s, stats = step(f"{joined}\n\n{_combine_request(doc.name, final, opts, doc.pages > 0)}",
                                plan.reply_tokens if final else plan.partial_reply_tokens,
                                "writing" if final else "combining", label,
                                on_text if final else None)
                nxt.append(s)
            summaries = nxt
            if final:
                break
        return summaries[0], stats, (prompt_total[0], completion_total[0]), n, levels


def _loaded_bytes(engine: Engine) -> int:
    """RAM the loaded model holds (weights + KV): freed when the planned load replaces it."""
    m = engine.model
    if m is None:
        return 0
    from app.core.planner import kv_bytes

    return m.info.file_size + kv_bytes(m.info, m.n_ctx, m.kv_type)


# ------------------------------------------------------------------ follow-up questions
def document_history(store: Store, messages: list[Message], system_prompt: str = ""
                     ) -> list[dict[str, str]] | None:
    """The prompt messages of a conversation holding a document, rendered exactly as when the
    document was read (so the KV cache prefix matches). None when no message has a document."""
    if not any(m.document_id for m in messages):
        return None
    out: list[dict[str, str]] = []
    if system_prompt:
        out.append({"role": "system", "content": system_prompt})
    docs: dict[int, Any] = {}
    for m in messages:
        if m.role == "assistant" and (m.status == "error" or not m.text):
            continue
        content = m.text
        if m.role == "user" and m.document_id:
            d = docs.get(m.document_id) or store.get_document(m.document_id)
            if d is not None:
                docs[m.document_id] = d
                mode = _mode_of(store, messages, m)
                # The instruction the model was given (older rows stored it as the text).
                prompt = str(store.message_extra(m.id).get(PROMPT_KEY)
                             or m.text)
                if mode == "map-reduce":
                    content = (f"(The document \"{d.name}\", {d.tokens:,} tokens, is too long "
                               "to include here; its summary follows.)\n\n" + prompt)
                else:
                    content = user_content(d.name, d.text, prompt)
        if m.role in ("user", "assistant", "system"):
            out.append({"role": m.role, "content": content})
    return out


def _mode_of(store: Store, messages: list[Message], user_msg: Message) -> str:
    for m in messages:
        if m.role == "assistant" and m.document_id == user_msg.document_id and m.id > user_msg.id:
            return str(store.message_extra(m.id).get("mode", ""))
    return ""


def prepare_followup(session: Any, messages: list[Message], system_prompt: str,
                     reply_tokens: int) -> Prompt | None:
    """Called by ChatSession before answering in a conversation with a document: builds the
    prompt with the document text (rendered and tokenized once the model is loaded as the plan
    did), and restores the saved state when the KV cache does not already hold the document.
    None when no message has a document."""
    store: Store = session.store
    history = document_history(store, messages, system_prompt)
    if history is None:
        return None
    # The last single-pass summary's plan says how the document was read.
    plan = None
    doc_id = None
    for m in reversed(messages):
        if m.role == "assistant" and m.document_id:
            ex = store.message_extra(m.id)
            if ex.get("mode") == "single-pass":
                plan, doc_id = ex.get("plan") or {}, m.document_id
            break
    engine = session.engine
    model = session.model
    if not plan or model is None or plan.get("model_path") != model.path \
            or not isinstance(engine, Engine):
        return engine.prepare(history)
    prompt = engine.prepare(history) if engine.loaded else None
    n_prompt = prompt.n_tokens if prompt is not None else 0
    info = engine.model.info if engine.model else read_gguf_info(model.path)
    needed = n_prompt + reply_tokens + 64
    n_ctx = int(plan["n_ctx"])
    if needed > n_ctx:
        n_ctx = min(info.context_length, int(-(-needed // 256) * 256))
    opts = dataclasses.replace(plan_load_options(plan), n_ctx=n_ctx)
    lm = engine.model
    if not (lm is not None and lm.path == model.path and lm.n_ctx == n_ctx
            and lm.kv_type == opts.kv_type and lm.flash_attn == opts.flash_attn
            and lm.n_gpu_layers == (opts.n_gpu_layers or 0)):
        engine.load(model.path, opts, info=info)
        prompt = None
    session.load_options = opts
    prompt = prompt or engine.prepare(history)
    assert prompt.tokens is not None and doc_id is not None
    # Already in the KV cache (same process, nothing else ran since)? Then nothing to do.
    cache = StateCache(session_cache_dir(session), store)
    key = StateCache.key(int(doc_id), model.path, int(plan["n_ctx"]), str(plan["kv_type"]))
    saved = cache.load_tokens(key)
    if not saved:
        return prompt
    have = _common_prefix(engine.cached_tokens(), prompt.tokens)
    could = _common_prefix(saved, prompt.tokens)
    if could > have and could == len(saved):
        cache.restore(key, engine)
    return prompt


def plan_load_options(plan: dict[str, Any]) -> LoadOptions:
    """How to load the model as a reading plan (Plan.to_dict(), also as stored with the
    summary) says: context, batches, cache, flash attention and layers on the GPU."""
    n_gpu = int(plan.get("n_gpu_layers", 0) or 0)
    return LoadOptions(n_ctx=int(plan["n_ctx"]), n_batch=int(plan.get("n_batch", 512)),
                       kv_type=str(plan["kv_type"]), flash_attn=bool(plan["flash_attn"]),
                       n_gpu_layers=n_gpu, n_ubatch=int(plan.get("n_ubatch", 0) or 0) or None,
                       gpu="auto" if n_gpu else "off")


def session_cache_dir(session: Any) -> Path:
    d = getattr(session, "cache_dir", None)
    if d:
        return Path(d)
    return Path(session.store.path).parent / "cache"


def _common_prefix(a: list[int], b: list[int]) -> int:
    n = min(len(a), len(b))
    for i in range(n):
        if a[i] != b[i]:
            return i
    return n
