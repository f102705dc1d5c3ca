"""Wren's speed and memory against raw llama-cpp-python, side by side, in one run.

    python tests/benchmarks/run.py [--quick] [--model PATH] [--only NAME[,NAME...]]

Each benchmark runs Wren's path and the raw library on the same model file, prompt, sampling
and thread count, interleaved A/B, median of >= 5 runs, and reports the ratio against its
target. Prints a table and writes tests/benchmarks/results.json. Times are never asserted.
Other benchmark modules (bench_*.py beside this file) join in through their `run(quick)`.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DECODE_PROMPT = "Count from 1 to 300, separated by commas, without any other text."
SAMPLING = dict(temperature=0.0, top_p=0.95, top_k=40, min_p=0.05, repeat_penalty=1.0)


def _median(xs: list[float]) -> float:
    return float(statistics.median(xs)) if xs else 0.0


def _model_path(arg: str | None) -> Path:
    if arg:
        return Path(arg).resolve()
    from app.core.starter import find_starter_model

    p = find_starter_model()
    if p is None:
        raise SystemExit("no model: install the starter model or pass --model")
    return p


# ----------------------------------------------------------------------------- decode
def bench_decode(model: Path, quick: bool) -> dict[str, Any]:
    """Decode tok/s through Wren's chat path (engine + chat session + store writes) vs raw
    create_chat_completion(stream=True), same threads, greedy, interleaved."""
    import llama_cpp

    from app.core.chat import ChatSession
    from app.core.engine import SamplingParams
    from app.core.models import InstalledModel
    from app.core.store import Store

    runs = 5 if quick else 7
    max_tokens = 96 if quick else 160
    tmp = Path(tempfile.mkdtemp(prefix="wren-bench-"))
    store = Store(tmp / "wren.db")
    session = ChatSession(store)
    session.use_model(InstalledModel("bench", str(model), "bench", model.stat().st_size, "path"))
    lm = session.engine.model
    raw = llama_cpp.Llama(str(model), n_ctx=lm.n_ctx, n_batch=512, n_threads=lm.n_threads,
                          n_threads_batch=lm.n_threads_batch, verbose=False)
    params = SamplingParams(max_tokens=max_tokens, seed=1, **SAMPLING)
    wren_rates, raw_rates, wren_n, raw_n = [], [], [], []
    for _ in range(runs):
        # Wren: a new conversation each run (same prompt), stored as the window would.
        res = session.send(DECODE_PROMPT, params=params)
        wren_rates.append(res.stats.decode_tokens_per_s)
        wren_n.append(res.stats.completion_tokens)
        # Raw: the library's own streaming chat path.
        t_first = t_last = 0.0
        n = 0
        for chunk in raw.create_chat_completion(
            [{"role": "user", "content": DECODE_PROMPT}], stream=True, max_tokens=max_tokens,
            temperature=SAMPLING["temperature"], top_p=SAMPLING["top_p"], top_k=SAMPLING["top_k"],
            min_p=SAMPLING["min_p"], repeat_penalty=SAMPLING["repeat_penalty"], seed=1,
        ):
            if chunk["choices"][0]["delta"].get("content"):
                t = time.perf_counter()
                if n == 0:
                    t_first = t
                t_last = t
                n += 1
        raw_rates.append((n - 1) / (t_last - t_first) if n > 1 else 0.0)
        raw_n.append(n)
    raw.close()
    session.engine.unload()
    store.close()
    w, r = _median(wren_rates), _median(raw_rates)
    return {
        "name": "decode tok/s (chat path vs raw create_chat_completion)",
        "wren": round(w, 2), "raw": round(r, 2), "ratio": round(w / r, 3) if r else None,
        "target": ">= 0.97", "met": bool(r and w / r >= 0.97),
        "runs": runs, "n_threads": lm.n_threads, "tokens": {"wren": wren_n, "raw": raw_n},
        "samples": {"wren": [round(x, 2) for x in wren_rates], "raw": [round(x, 2) for x in raw_rates]},
    }


# ----------------------------------------------------------------------------- prompt
def _prompt_tokens(llm: Any, n: int) -> list[int]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    toks = llm.tokenize(text.encode(), add_bos=False)
    while len(toks) < n:
        toks = toks + toks
    return toks[:n]


def bench_prompt(model: Path, quick: bool) -> dict[str, Any]:
    """Prompt tok/s on a 4,000-token prompt: Wren (its own thread choice, Engine.prefill in
    n_batch slices) vs raw Llama.eval with the best thread count of a sweep."""
    import llama_cpp

    from app.core.engine import Engine, LoadOptions

    runs = 3 if quick else 5  # one run is ~80 s on 2 cores (Wren + a raw thread sweep)
    n_tok = 4000
    engine = Engine()
    lm = engine.load(model, LoadOptions(n_ctx=8192 if n_tok < 8000 else n_tok + 512))
    tokens = _prompt_tokens(engine.llm, n_tok)
    raw = llama_cpp.Llama(str(model), n_ctx=lm.n_ctx, n_batch=512, n_ubatch=512,
                          n_threads=lm.n_threads, n_threads_batch=lm.n_threads_batch, verbose=False)
    cores = os.cpu_count() or 1
    sweep = list(range(1, cores + 1))
    raw_by_threads: dict[int, list[float]] = {t: [] for t in sweep}
    wren: list[float] = []
    for _ in range(runs):
        engine.llm.reset()
        engine.llm._ctx.kv_cache_clear()
        t0 = time.perf_counter()
        engine.prefill(tokens + [tokens[0]])  # prefill evaluates all but the last token
        wren.append(n_tok / (time.perf_counter() - t0))
        for t in sweep:
            llama_cpp.llama_set_n_threads(raw._ctx.ctx, t, t)
            raw.reset()
            raw._ctx.kv_cache_clear()
            t0 = time.perf_counter()
            raw.eval(tokens)
            raw_by_threads[t].append(n_tok / (time.perf_counter() - t0))
    raw.close()
    engine.unload()
    med = {t: _median(v) for t, v in raw_by_threads.items()}
    best_t = max(med, key=med.get)
    w = _median(wren)
    return {
        "name": "prompt tok/s, 4,000 tokens (Wren's threads vs best of sweep)",
        "wren": round(w, 1), "raw": round(med[best_t], 1), "ratio": round(w / med[best_t], 3),
        "target": ">= 0.95", "met": w / med[best_t] >= 0.95,
        "wren_threads": lm.n_threads_batch, "best_threads": best_t,
        "sweep": {str(t): round(v, 1) for t, v in med.items()}, "runs": runs,
    }


# ----------------------------------------------------------------------------- ttft
def bench_ttft(model: Path, quick: bool) -> dict[str, Any]:
    """Time to first token at turn 10 vs turn 1 of one conversation (prefix reuse)."""
    from app.core.chat import ChatSession
    from app.core.engine import SamplingParams
    from app.core.models import InstalledModel
    from app.core.store import Store

    runs = 5
    ratios, t1s, t10s = [], [], []
    tmp = Path(tempfile.mkdtemp(prefix="wren-bench-"))
    store = Store(tmp / "wren.db")
    session = ChatSession(store)
    session.use_model(InstalledModel("bench", str(model), "bench", model.stat().st_size, "path"))
    params = SamplingParams(max_tokens=48, seed=2, **SAMPLING)
    for r in range(runs):
        session.engine.llm.reset()
        cid = None
        ttfts = []
        for turn in range(10):
            res = session.send(f"Tell me one short fact about the number {turn + r * 10}.",
                               conversation_id=cid, params=params)
            cid = res.conversation_id
            ttfts.append(res.stats.ttft_s)
        t1s.append(ttfts[0])
        t10s.append(ttfts[-1])
        ratios.append(ttfts[-1] / ttfts[0])
    session.engine.unload()
    store.close()
    ratio = _median(ratios)
    return {
        "name": "TTFT turn 10 / turn 1 (prefix reuse)",
        "wren": round(_median(t10s) * 1000, 1), "raw": round(_median(t1s) * 1000, 1),
        "unit": "ms (turn 10 vs turn 1)", "ratio": round(ratio, 3), "target": "<= 1.3",
        "met": ratio <= 1.3, "runs": runs,
    }


# ----------------------------------------------------------------------------- memory
_RSS_CHILD = r"""
import json, sys, psutil, time
sys.path.insert(0, sys.argv[2])
from app.core.engine import Engine, SamplingParams
from app.core.machine import kv_cache_bytes
p = sys.argv[1]
proc = psutil.Process()
base = proc.memory_info().rss
e = Engine()
m = e.load(p)
"".join(e.stream_chat([{"role": "user", "content": "Hello there"}], SamplingParams(max_tokens=16, temperature=0)))
rss = proc.memory_info().rss
kv = kv_cache_bytes(m.info.kv_bytes_per_token(), m.n_ctx, m.kv_type)
print(json.dumps({"base": base, "rss": rss, "file": m.info.file_size, "kv": kv, "n_ctx": m.n_ctx}))
"""


def bench_rss(model: Path, quick: bool) -> dict[str, Any]:
    """RSS with the model loaded (after one reply) vs model file + planned KV cache."""
    out = subprocess.run([sys.executable, "-c", _RSS_CHILD, str(model), str(ROOT)],
                         capture_output=True, text=True, check=True)
    d = json.loads(out.stdout.strip().splitlines()[-1])
    over = d["rss"] - d["file"] - d["kv"]
    return {
        "name": "RSS loaded - (model file + planned KV)",
        "wren": round(d["rss"] / 2**20, 1), "raw": round((d["file"] + d["kv"]) / 2**20, 1),
        "unit": "MB", "ratio": None, "overhead_mb": round(over / 2**20, 1),
        "python_baseline_mb": round(d["base"] / 2**20, 1), "n_ctx": d["n_ctx"],
        "target": "<= +300 MB", "met": over <= 300 * 2**20,
    }


# ----------------------------------------------------------------------------- bandwidth
def bench_bandwidth(model: Path, quick: bool, decode: dict[str, Any] | None) -> dict[str, Any]:
    """Physical decode limit: memory bandwidth / bytes read per token."""
    import numpy as np

    from app.core.gguf_info import read_gguf_info

    n = 512 * 2**20
    a = np.ones(n // 8, dtype=np.float64)
    b = np.empty_like(a)
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        np.copyto(b, a)
        times.append(time.perf_counter() - t0)
    bw = 2 * n / min(times)  # read + write
    info = read_gguf_info(model)
    per_token = info.file_size  # every weight is read once per decoded token
    bound = bw / per_token
    res: dict[str, Any] = {
        "name": "decode vs memory-bandwidth bound",
        "bandwidth_gb_s": round(bw / 1e9, 2), "bytes_per_token_mb": round(per_token / 2**20, 1),
        "bound_tok_s": round(bound, 1), "target": "(informational)", "met": None, "ratio": None,
    }
    if decode and decode.get("wren"):
        res["wren"] = decode["wren"]
        res["fraction_of_bound"] = round(decode["wren"] / bound, 3)
    return res


# ----------------------------------------------------------------------------- contention
def bench_contention(model: Path, quick: bool) -> dict[str, Any]:
    """Decode tok/s when other programs (one spinning process per logical CPU) start after the
    24th token: Wren (thread governor) vs raw create_chat_completion, both starting at every
    physical core. Raw llama.cpp keeps its threads and spin-waits. Whether the threads collapse
    depends on the scheduler (seen here: 3.5 s per token in some runs, 2x slower in others), so
    the samples matter more than the median."""
    import llama_cpp

    from app.core.engine import Engine, LoadOptions, SamplingParams
    from app.core.machine import ThreadChoice, choose_threads

    runs = 1 if quick else 3
    start_at, max_tokens = 24, 88
    n = choose_threads().max_threads
    messages = [{"role": "user", "content": DECODE_PROMPT}]

    def hogs() -> list[subprocess.Popen]:
        return [subprocess.Popen([sys.executable, "-c", "while True: pass"])
                for _ in range(os.cpu_count() or 2)]

    def timed(pieces: Any) -> float:
        started: list[subprocess.Popen] = []
        t_hog = 0.0
        k = 0
        try:
            for _ in pieces:
                k += 1
                if k == start_at:
                    started = hogs()
                    t_hog = time.perf_counter()
                elif t_hog and time.perf_counter() - t_hog > 20:
                    break  # a collapsed run can take seconds per token
            return (k - start_at) / (time.perf_counter() - t_hog) if t_hog else 0.0
        finally:
            for h in started:
                h.kill()
                h.wait()

    engine = Engine()
    engine.load(model, LoadOptions(n_ctx=2048), threads=ThreadChoice(n, n, "benchmark", n))
    raw = llama_cpp.Llama(str(model), n_ctx=2048, n_threads=n, n_threads_batch=n, verbose=False)
    wren, rawr, final = [], [], []
    for _ in range(runs):
        engine._set_threads(n, n)  # each run starts from every core, as after a quiet spell
        engine._governor.current = n
        wren.append(timed(engine.stream_chat(messages, SamplingParams(
            max_tokens=max_tokens, temperature=0.0, seed=1))))
        final.append(engine.last_stats.n_threads_final)
        rawr.append(timed(c for c in raw.create_chat_completion(
            messages, stream=True, max_tokens=max_tokens, temperature=0.0, seed=1)
            if c["choices"][0]["delta"].get("content")))
        time.sleep(2)  # let the machine settle before the next pair
    raw.close()
    engine.unload()
    w, r = _median(wren), _median(rawr)
    return {
        "name": "decode tok/s once other programs take every core (governor vs raw)",
        "wren": round(w, 2), "raw": round(r, 2), "ratio": round(w / r, 2) if r else None,
        "target": "(informational)", "met": None, "threads_at_start": n,
        "wren_threads_at_end": final, "runs": runs,
        "samples": {"wren": [round(x, 2) for x in wren], "raw": [round(x, 2) for x in rawr]},
    }


# ----------------------------------------------------------------------------- CLI
_RAW_CHILD = r"""
import json, sys, time, llama_cpp
path, prompt, n_threads, max_tokens = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
llm = llama_cpp.Llama(path, n_ctx=8192, n_threads=n_threads, n_threads_batch=n_threads, verbose=False)
t0 = time.perf_counter(); t_first = t_last = 0.0; n = 0
for ch in llm.create_chat_completion([{"role": "user", "content": prompt}], stream=True,
        max_tokens=max_tokens, temperature=0.0, top_k=40, top_p=0.95, min_p=0.05, seed=1):
    if ch["choices"][0]["delta"].get("content"):
        t = time.perf_counter()
        if n == 0: t_first = t
        t_last = t; n += 1
print(json.dumps({"ttft_s": t_first - t0, "decode": (n - 1) / (t_last - t_first) if n > 1 else 0.0,
                  "n": n}))
"""


def bench_cli(model: Path, quick: bool) -> dict[str, Any]:
    """`python main.py chat --json` (a whole process, database included) vs raw
    llama-cpp-python in a process of its own, same prompt, threads and sampling."""
    runs = 5
    max_tokens = 128
    tmp = Path(tempfile.mkdtemp(prefix="wren-bench-cli-"))
    w_dec, w_pp, r_dec, w_ttft, r_ttft, threads = [], [], [], [], [], 0
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp), "chat", DECODE_PROMPT,
             "--json", "--model", str(model), "--max-tokens", str(max_tokens), "--temperature",
             "0", "--seed", "1"], capture_output=True, text=True, check=True)
        d = json.loads(out.stdout)
        threads = d["n_threads"]
        w_dec.append(d["decode_tokens_per_s"])
        w_pp.append(d["prompt_tokens_per_s"])
        w_ttft.append(d["ttft_s"])
        raw = subprocess.run([sys.executable, "-c", _RAW_CHILD, str(model), DECODE_PROMPT,
                              str(threads), str(max_tokens)], capture_output=True, text=True,
                             check=True)
        rd = json.loads(raw.stdout.strip().splitlines()[-1])
        r_dec.append(rd["decode"])
        r_ttft.append(rd["ttft_s"])
    w, r = _median(w_dec), _median(r_dec)
    return {
        "name": "chat --json decode tok/s vs raw process",
        "wren": round(w, 2), "raw": round(r, 2), "ratio": round(w / r, 3) if r else None,
        "target": ">= 0.97", "met": bool(r and w / r >= 0.97), "n_threads": threads,
        "wren_prompt_tok_s": round(_median(w_pp), 1),
        "wren_ttft_ms": round(_median(w_ttft) * 1000, 1),
        "raw_ttft_ms": round(_median(r_ttft) * 1000, 1), "runs": runs,
    }


# ----------------------------------------------------------------------------- others
EXTERNAL = ["bench_gui", "bench_search", "bench_documents", "bench_download", "bench_remote",
            "bench_citations", "bench_speculative", "bench_batch", "bench_backends"]


def run_external(name: str, quick: bool) -> list[dict[str, Any]]:
    try:
        mod = importlib.import_module(f"tests.benchmarks.{name}")
    except ModuleNotFoundError as e:
        return [{"name": name, "skipped": f"not available ({e.name})"}]
    out = mod.run(quick)
    if isinstance(out, dict) and "results" in out:
        out = out["results"]
    if name in _ROWS:
        return _ROWS[name](out)
    return out if isinstance(out, list) else [out]


def _rows_gui(d: dict[str, Any]) -> list[dict[str, Any]]:
    stall = {k: v for k, v in d.items() if not k.startswith("launch")}
    return [
        {"name": f"GUI stall streaming into {d['conversation_tokens']:,} tokens (p99 ms)",
         "wren": d["stall_p99_ms"], "raw": None, "ratio": None, "target": "p99 <= 16 ms",
         "met": d["stall_p99_ms"] <= 16, **stall},
        {"name": "launch to first frame, no model (s)", "wren": d["launch_to_shown_s_median"],
         "raw": None, "ratio": None, "target": "<= 1.0 s",
         "met": d["launch_to_shown_s_median"] <= 1.0, "all_s": d["launch_to_shown_s_all"]},
        {"name": "launch to first frame, last conversation 20K tokens (s)",
         "wren": d["launch_returning_s_median"], "raw": None, "ratio": None, "target": "<= 1.0 s",
         "met": d["launch_returning_s_median"] <= 1.0, "all_s": d["launch_returning_s_all"]},
    ]


def _rows_download(d: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for f in d["files"]:
        rows.append({"name": f"download {f['file']} with sha256 (MB/s vs curl)",
                     "wren": f["wren_transfer_MBps"], "raw": f["curl_MBps"],
                     "ratio": f["ratio_transfer_vs_curl"], "target": ">= 0.9", **f,
                     "met": f["ratio_transfer_vs_curl"] >= 0.9})
    rows.append({"name": "bytes re-fetched after a kill -9 and resume (%)",
                 "wren": d["kill_resume_refetched_pct"], "raw": None, "ratio": None,
                 "target": "< 1 %", "met": d["kill_resume_refetched_pct"] < 1})
    return rows


def _rows_remote(d: dict[str, Any]) -> list[dict[str, Any]]:
    rd, api = d["remote_decode"], d["local_api"]
    w, lcs = api["wren_serve"], api["llama_cpp_server"]
    return [
        {"name": "remote decode through Wren vs the server via openai (tok/s)",
         "wren": rd["wren_remote_decode_tok_s"], "raw": rd["direct_openai_decode_tok_s"],
         "ratio": rd["ratio"], "target": ">= 0.97", "met": rd["ratio"] >= 0.97, **rd},
        {"name": "local API sequential throughput vs llama_cpp.server (tok/s)",
         "wren": w["sequential_throughput_tok_s"], "raw": lcs["sequential_throughput_tok_s"],
         "ratio": api["ratio_wren_over_llama_cpp"].get("sequential_throughput_tok_s"),
         "target": "(none set)", "met": None, "wren_serve": w, "llama_cpp_server": lcs},
        {"name": f"local API, {w['concurrent_requests']} concurrent, vs llama_cpp.server (tok/s)",
         "wren": w["concurrent_throughput_tok_s"], "raw": lcs["concurrent_throughput_tok_s"],
         "ratio": api["ratio_wren_over_llama_cpp"].get("concurrent_throughput_tok_s"),
         "target": "(none set)", "met": None},
    ]


# Benchmarks whose run() returns its own detail dict: turned into table rows here.
_ROWS = {"bench_gui": _rows_gui, "bench_download": _rows_download, "bench_remote": _rows_remote}


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.3g}" if abs(v) < 10 else f"{v:,.1f}"
    return str(v)


def print_table(results: list[dict[str, Any]]) -> None:
    rows = [("benchmark", "wren", "raw/ref", "ratio", "target", "met")]
    for r in results:
        if "skipped" in r:
            rows.append((r["name"], "skipped", r["skipped"], "", "", ""))
            continue
        met = r.get("met")
        rows.append((r.get("name", "?"), _fmt(r.get("wren")), _fmt(r.get("raw")), _fmt(r.get("ratio")),
                     str(r.get("target", "")), "yes" if met else ("-" if met is None else "NO")))
    widths = [max(len(str(row[i])) for row in rows) for i in range(6)]
    for i, row in enumerate(rows):
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
        if i == 0:
            print("  ".join("-" * w for w in widths))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer tokens and runs")
    ap.add_argument("--model", help="GGUF to benchmark (default: the starter model)")
    ap.add_argument("--only", help="comma-separated subset: decode,cli,prompt,ttft,rss,contention,bandwidth,"
                                   + ",".join(EXTERNAL))
    ap.add_argument("--out", default=str(HERE / "results.json"))
    args = ap.parse_args(argv)
    model = _model_path(args.model)
    only = set(args.only.split(",")) if args.only else None
    results: list[dict[str, Any]] = []
    decode = None

    def want(name: str) -> bool:
        return only is None or name in only

    for name, fn in (("decode", bench_decode), ("cli", bench_cli), ("prompt", bench_prompt),
                     ("ttft", bench_ttft), ("rss", bench_rss), ("contention", bench_contention)):
        if want(name):
            print(f"running {name} ...", file=sys.stderr, flush=True)
            r = fn(model, args.quick)
            if name == "decode":
                decode = r
            results.append(r)
    if want("bandwidth"):
        results.append(bench_bandwidth(model, args.quick, decode))
    for name in EXTERNAL:
        if want(name) or want(name.removeprefix("bench_")):  # --only speculative works too
            print(f"running {name} ...", file=sys.stderr, flush=True)
            try:
                results.extend(run_external(name, args.quick))
            except Exception as e:  # one broken benchmark must not hide the others
                results.append({"name": name, "skipped": f"failed: {type(e).__name__}: {e}"})
    print_table(results)
    meta = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version()},
        "model": str(model), "quick": args.quick,
    }
    Path(args.out).write_text(json.dumps({"meta": meta, "results": results}, indent=2))
    print(f"\nwrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
