"""Lookup (speculative) decoding against plain decoding, same engine, same prompts.

    python tests/benchmarks/bench_speculative.py [--quick] [--model PATH] [--counts [COST]]
    python tests/benchmarks/run.py --only bench_speculative [--quick]

Three workloads, each run with lookup decoding ("auto") and without ("off"), interleaved, median
of 5 (3 with --quick), on the same loaded model: writing a summary of a real document (the
project's own docs pages, with the prompt and sampling `summarize` uses), a follow-up question
that asks to repeat a section of that document word for word, and an open chat that copies
nothing. Reports decode tokens/s for both, the ratio, the acceptance rate (accepted / drafted
tokens), the mean accepted length per verified draft, tokens per decode call, the verify-batch
cost the engine learned, and how many reply tokens copy a run of 4+ tokens of the prompt (so a
quote that is not one shows). `run(quick) -> list` joins tests/benchmarks/run.py. Times are
reported, never asserted; the replies of both modes are compared (they must be equal).

Each workload also reports the ceiling lookup decoding has there: the verify cost of a batch of
1..11 tokens measured at the workload's prompt end (`batch_cost`, in single steps), and the
speedup a drafter with perfect foresight would get from the same n-gram index on the plain
reply (`bound`: at every step it verifies exactly the draft tokens that will be kept, never a
rejected one). On a CPU a batch costs far more than a step, and a summary copies little of
its document, so this bound, not the policy, is what limits the summary rows.

--counts [COST] runs each workload once per mode with the verify-batch cost fixed at COST
(default 0.25, not learned) and reports only counts: tokens per decode call, drafts, drafted
and accepted tokens. With greedy or seeded sampling these do not depend on the machine's load,
so they compare drafting strategies on a busy machine where timings mean nothing.
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DOCS = ("documents.md", "models.md", "remote.md")
DOC_WORDS = 1400  # fits the starter model's context with the reply


def _doc_text(name: str) -> str:
    words = (ROOT / "docs" / name).read_text(encoding="utf-8").split(" ")
    return " ".join(words[:DOC_WORDS])


# The summary a follow-up comes after (as in a conversation that began with `summarize`). A
# real-looking one matters: after a one-line placeholder the starter model repeats that line
# instead of quoting the document.
SUMMARIES = {
    "documents.md": "Wren reads a document (PDF, DOCX, text, Markdown, HTML or scanned pages) "
                    "with the local model and writes a summary; follow-up questions start "
                    "answering at once.",
    "models.md": "Wren helps pick a model that runs on the machine (a catalog with fit hints), "
                 "downloads it resumably with checksums, and imports GGUF files.",
    "remote.md": "Wren can use remote engines that speak the OpenAI-compatible API (vLLM, "
                 "Ollama, llama.cpp server, LM Studio) and serves its own local API.",
}


def _quote_ask(text: str) -> str:
    """A follow-up that asks for a passage of the document word for word: the first section."""
    heads = [ln.lstrip("#").strip() for ln in text.splitlines() if ln.startswith("## ")]
    return f'Repeat the section "{heads[0]}" of the document word for word.'


def _workloads(quick: bool) -> list[tuple[str, str, list[dict[str, str]], Any]]:
    from app.core.engine import SamplingParams
    from app.core.summarize import SummaryOptions, request_text, user_content

    max_tokens = 96 if quick else 256
    opts = SummaryOptions()
    # The sampling `summarize` uses (Summarizer._run).
    summ = SamplingParams(max_tokens=max_tokens, temperature=opts.temperature, seed=opts.seed,
                          repeat_penalty=1.1)
    out = []
    docs = DOCS[:1] if quick else DOCS
    for name in docs:
        text = _doc_text(name)
        msgs = [{"role": "user", "content": user_content(name, text, request_text(name, opts))}]
        out.append(("summary", name, msgs, summ))
        follow = [*msgs, {"role": "assistant", "content": SUMMARIES[name]},
                  {"role": "user", "content": _quote_ask(text)}]
        out.append(("follow-up quote", name, follow, replace(summ, repeat_penalty=1.0)))
    chat = SamplingParams(max_tokens=max_tokens, temperature=0.7, seed=5)
    out.append(("open chat", "-", [{"role": "user", "content": "Write a short story about a "
                                    "lighthouse keeper who finds a strange bird."}], chat))
    return out


def _copied_tokens(engine: Any, msgs: list[dict[str, str]], text: str, n: int = 4) -> int:
    """Reply tokens inside a run of `n` or more tokens that also occurs in the prompt."""
    llm = engine.llm
    prompt = llm.tokenize("\n".join(m["content"] for m in msgs).encode(), add_bos=False)
    reply = llm.tokenize(text.encode(), add_bos=False)
    grams = {tuple(prompt[i: i + n]) for i in range(len(prompt) - n + 1)}
    covered = [False] * len(reply)
    for i in range(len(reply) - n + 1):
        if tuple(reply[i: i + n]) in grams:
            covered[i: i + n] = [True] * n
    return sum(covered)


def batch_cost(engine: Any, sizes: int = 11, reps: int = 5) -> list[float]:
    """Time of one decode call of n = 1..`sizes` tokens at the end of what the cache holds,
    in single steps (median of `reps`, sizes interleaved); the cache is left as it was."""
    import llama_cpp
    from llama_cpp._internals import LlamaBatch

    llm = engine.llm
    ctx, base = llm._ctx.ctx, llm.n_tokens
    holder = LlamaBatch(n_tokens=sizes, embd=0, n_seq_max=1, verbose=False)
    b = holder.batch
    times: dict[int, list[float]] = {n: [] for n in range(1, sizes + 1)}
    try:
        for rep in range(reps + 1):
            for n in range(1, sizes + 1):
                for i in range(n):
                    b.token[i] = llm.input_ids[max(0, base - 1 - i)]  # ordinary text tokens
                    b.pos[i] = base + i
                    b.seq_id[i][0] = 0
                    b.n_seq_id[i] = 1
                    b.logits[i] = 1
                b.n_tokens = n
                t = time.perf_counter()
                rc = llama_cpp.llama_decode(ctx, b)
                llama_cpp.llama_synchronize(ctx)  # a GPU computes on after decode returns
                dt = time.perf_counter() - t
                llm._ctx.kv_cache_seq_rm(0, base, -1)
                if rc != 0:
                    raise RuntimeError(f"llama_decode returned {rc}")
                if rep:  # the first round warms up
                    times[n].append(dt)
    finally:
        holder.close()
    one = statistics.median(times[1])
    return [round(statistics.median(times[n]) / one, 3) for n in range(1, sizes + 1)]


def speedup_bound(prompt: list[int], reply: list[int], cost: list[float]) -> float:
    """Decode speedup of lookup decoding with perfect foresight: from each point of `reply`
    it drafts what `NgramIndex` would offer there and verifies exactly the draft tokens that
    will be kept (none, if none will). A call of n tokens costs cost[n - 1] single steps; the
    best split of the reply into calls is found by dynamic programming."""
    from app.core.lookup import NgramIndex

    n_reply = len(reply)
    max_draft = len(cost) - 1
    index = NgramIndex(prompt)
    kept = []  # draft tokens that would be kept if the engine drafted right before reply[i]
    for i in range(n_reply):
        draft, _ = index.find(max_draft)
        k = 0
        while k < len(draft) and i + k < n_reply and reply[i + k] == draft[k]:
            k += 1
        kept.append(k)
        index.append(reply[i])
    best = [0.0] * (n_reply + 1)  # best[i]: least cost of writing reply[i:]
    for i in range(n_reply - 1, -1, -1):
        # A call verifying d kept draft tokens writes d + 1 tokens (the last is the model's own).
        best[i] = min(cost[d] + best[min(n_reply, i + d + 1)] for d in range(kept[i] + 1))
    return n_reply / best[0] if n_reply else 1.0


def _reply_tokens(engine: Any, prompt: list[int]) -> list[int]:
    """The reply just written, as tokens (all but the last, which was never evaluated)."""
    llm = engine.llm
    n = engine.last_stats.completion_tokens
    return [int(t) for t in llm.input_ids[len(prompt): len(prompt) + n - 1]]


def _fresh(engine: Any) -> None:
    engine.llm.reset()
    engine.llm._ctx.kv_cache_clear()


def counts(quick: bool = False, model: str | None = None, cost: float = 0.25
           ) -> list[dict[str, Any]]:
    """Each workload once per mode with a fixed verify-batch cost: exact counts, no timings."""
    from app.core.engine import Engine, LoadOptions
    from app.core.starter import find_starter_model

    path = Path(model) if model else find_starter_model()
    if path is None:
        return [{"name": "speculative counts", "skipped": "the starter model is not installed"}]
    engine = Engine()
    # Flash attention on one thread: llama.cpp computes a batch exactly as single steps, so
    # both modes (and any two drafting strategies) write the same text and only the counts
    # differ. Elsewhere a near-tie can tip and the texts, hence the counts, part ways.
    engine.load(path, LoadOptions(flash_attn=True, n_threads=1))
    engine._learn_cost = lambda *a: None  # the cost stays `cost`: drafting does not depend on load
    engine._learn_after = lambda *a: None
    rows = []
    for kind, doc, msgs, params in _workloads(quick):
        params = replace(params, max_tokens=256)  # counts are cheap to read: a full reply
        texts = {}
        for mode in ("off", "auto"):
            engine._spec_cost = cost
            _fresh(engine)  # the same start for both modes: the prompt read in one batch
            texts[mode] = "".join(engine.stream_chat(msgs, replace(params, speculative=mode)))
        st = engine.last_stats
        rows.append({
            "name": f"lookup decoding counts, {kind} ({doc}), verify cost {cost}",
            "completion_tokens": st.completion_tokens, "decode_calls": st.decode_calls,
            "tokens_per_decode_call": round(st.completion_tokens / st.decode_calls, 3)
            if st.decode_calls else None,
            "drafts": st.drafts, "draft_tokens": st.draft_tokens,
            "accepted_tokens": st.accepted_tokens,
            "acceptance_rate": round(st.accepted_tokens / st.draft_tokens, 3)
            if st.draft_tokens else None,
            "copied_tokens": _copied_tokens(engine, msgs, texts["auto"]),
            "same_text": texts["off"] == texts["auto"],
        })
    engine.unload()
    return rows


def run(quick: bool = False, model: str | None = None) -> list[dict[str, Any]]:
    from app.core.engine import Engine
    from app.core.starter import find_starter_model

    path = Path(model) if model else find_starter_model()
    if path is None:
        return [{"name": "speculative", "skipped": "the starter model is not installed"}]
    runs = 3 if quick else 5
    engine = Engine()
    engine.load(path)
    rows = []
    for kind, doc, msgs, params in _workloads(quick):
        rates: dict[str, list[float]] = {"off": [], "auto": []}
        texts: dict[str, set[str]] = {"off": set(), "auto": set()}
        drafted = accepted = drafts = completion = calls = 0
        "".join(engine.stream_chat(msgs, replace(params, max_tokens=4)))  # read the prompt once
        curve = batch_cost(engine)
        prompt = engine.prepare(msgs).tokens
        bound = None
        for _ in range(runs):
            for mode in ("off", "auto"):  # interleaved: a slow spell hits both modes
                text = "".join(engine.stream_chat(msgs, replace(params, speculative=mode)))
                st = engine.last_stats
                rates[mode].append(st.decode_tokens_per_s)
                texts[mode].add(text)
                if mode == "off" and bound is None:
                    bound = speedup_bound(prompt, _reply_tokens(engine, prompt), curve)
                if mode == "auto":
                    drafted += st.draft_tokens
                    accepted += st.accepted_tokens
                    drafts += st.drafts
                    completion += st.completion_tokens
                    calls += st.decode_calls
        off, auto = statistics.median(rates["off"]), statistics.median(rates["auto"])
        ratio = auto / off if off else None
        target = 0.97 if kind == "open chat" else 1.5
        rows.append({
            "name": f"lookup decoding, {kind} ({doc}): decode tok/s auto vs off",
            "wren": round(auto, 2), "raw": round(off, 2),
            "ratio": round(ratio, 3) if ratio else None, "target": f">= {target}",
            "met": bool(ratio and ratio >= target), "runs": runs,
            "acceptance_rate": round(accepted / drafted, 3) if drafted else None,
            "mean_accepted_length": round(accepted / drafts, 2) if drafts else None,
            "tokens_per_decode_call": round(completion / calls, 2) if calls else None,
            "draft_tokens": drafted, "accepted_tokens": accepted, "drafts": drafts,
            # The extra time of one more token in a verify batch, in single steps, as learned.
            "verify_cost_learned": round(engine._spec_cost, 3),
            "verify_fixed_cost_learned": round(engine._spec_fixed, 3),
            # The most lookup decoding could give on this reply here, knowing in advance
            # which drafts will be kept, and the measured cost of a batch of 1..11 tokens.
            "bound": round(bound, 3) if bound else None,
            # How much of that gain was had (where there is one worth the name).
            "share_of_bound": round((ratio - 1) / (bound - 1), 2)
            if ratio and bound and bound >= 1.05 else None,
            "batch_cost": curve,
            "copied_tokens": _copied_tokens(engine, msgs, min(texts["auto"])),
            "completion_tokens": completion // runs,
            "same_text": texts["off"] == texts["auto"],
            "samples": {m: [round(x, 2) for x in v] for m, v in rates.items()},
        })
    engine.unload()
    return rows


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--model")
    ap.add_argument("--counts", nargs="?", type=float, const=0.25, default=None, metavar="COST",
                    help="exact counts with the verify cost fixed at COST (default 0.25)")
    a = ap.parse_args()
    rows = run(a.quick, a.model) if a.counts is None else counts(a.quick, a.model, a.counts)
    for r in rows:
        print(json.dumps(r))
