"""Benchmark: remote engines and Wren's local API, on the starter model, on this machine.

1. Decode tokens/s of one `llama_cpp.server` read two ways in the same run, interleaved:
   directly with the `openai` client, and through Wren (ChatSession + RemoteEngine, storing the
   reply in SQLite as the window does). Target: Wren >= 0.97x direct.
2. Local API throughput: the same workload (sequential streaming requests, then concurrent
   ones) against `python main.py serve` and against `llama_cpp.server`, same model, same
   threads (1 each, so the client keeps a core), same context.

`python -m tests.benchmarks.bench_remote [--quick]` prints JSON; `run(quick)` returns the dict.
"""
from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PROMPT = "Write a long story about a fox who learns to fly."
THREADS = 1
N_CTX = 2048


def _stream_direct(client: Any, model: str, max_tokens: int) -> dict[str, float]:
    t0 = time.perf_counter()
    n = 0
    t_first = t_last = 0.0
    for ch in client.chat.completions.create(
            model=model, messages=[{"role": "user", "content": PROMPT}], stream=True,
            max_tokens=max_tokens, temperature=0.0, seed=1):
        if ch.choices and ch.choices[0].delta.content:
            now = time.perf_counter()
            if n == 0:
                t_first = now
            t_last = now
            n += 1
    decode = (n - 1) / (t_last - t_first) if n > 1 and t_last > t_first else 0.0
    return {"tokens": n, "ttft_s": t_first - t0, "decode_tok_s": decode,
            "wall_s": time.perf_counter() - t0}


def _wren_session(base_url: str, data_dir: Path) -> Any:
    from app.core.chat import ChatSession
    from app.core.engines_registry import add_engine
    from app.core.models import resolve_model
    from app.core.paths import DataDir
    from app.core.store import Store

    store = Store(data_dir / "wren.db")
    add_engine(store, "bench", base_url)
    session = ChatSession(store)
    session.use_model(resolve_model("remote:bench/smollm2", store, DataDir(data_dir)))
    return session


def bench_wren_vs_direct(model_path: Path, quick: bool) -> dict[str, Any]:
    import openai

    from app.core.engine import SamplingParams
    from tests.remote_helpers import LlamaServer

    max_tokens = 64 if quick else 256
    rounds = 2 if quick else 5
    server = LlamaServer(model_path, n_ctx=N_CTX, n_threads=THREADS)
    tmp = Path(tempfile.mkdtemp(prefix="wren-bench-remote-"))
    try:
        client = openai.OpenAI(base_url=server.base_url, api_key="none", max_retries=0)
        session = _wren_session(server.base_url, tmp)
        _stream_direct(client, LlamaServer.ALIAS, 8)  # warm up
        direct, wren, wren_tokens = [], [], []
        for _ in range(rounds):  # interleaved, so drift hits both sides alike
            d = _stream_direct(client, LlamaServer.ALIAS, max_tokens)
            direct.append(d["decode_tok_s"])
            r = session.send(PROMPT, params=SamplingParams(max_tokens=max_tokens,
                                                           temperature=0.0, seed=1))
            wren.append(r.stats.decode_tokens_per_s)
            wren_tokens.append(r.stats.completion_tokens)
        session.store.close()
        d_med, w_med = statistics.median(direct), statistics.median(wren)
        return {
            "max_tokens": max_tokens, "rounds": rounds, "threads": THREADS,
            "reply_tokens": wren_tokens,
            "direct_openai_decode_tok_s": round(d_med, 2),
            "wren_remote_decode_tok_s": round(w_med, 2),
            "ratio": round(w_med / d_med, 3) if d_med else 0.0,
            "direct_runs": [round(x, 2) for x in direct],
            "wren_runs": [round(x, 2) for x in wren],
        }
    finally:
        server.stop()


def _workload(base_url: str, key: str, model: str, quick: bool) -> dict[str, Any]:
    import openai

    client = openai.OpenAI(base_url=base_url, api_key=key, max_retries=0, timeout=600)
    max_tokens = 48 if quick else 128
    n_seq = 2 if quick else 4
    n_conc = 3 if quick else 6
    _stream_direct(client, model, 4)  # warm up
    seq = [_stream_direct(client, model, max_tokens) for _ in range(n_seq)]
    results: list[dict[str, float]] = []
    lock = threading.Lock()

    def one() -> None:
        r = _stream_direct(client, model, max_tokens)
        with lock:
            results.append(r)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=one) for _ in range(n_conc)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    conc_wall = time.perf_counter() - t0
    seq_tokens = sum(r["tokens"] for r in seq)
    seq_wall = sum(r["wall_s"] for r in seq)
    conc_tokens = sum(r["tokens"] for r in results)
    return {
        "sequential_decode_tok_s": round(statistics.median(r["decode_tok_s"] for r in seq), 2),
        "sequential_ttft_s": round(statistics.median(r["ttft_s"] for r in seq), 3),
        "sequential_throughput_tok_s": round(seq_tokens / seq_wall, 2),
        "concurrent_requests": n_conc,
        "concurrent_answered": len(results),
        "concurrent_throughput_tok_s": round(conc_tokens / conc_wall, 2),
    }


def bench_local_api(model_path: Path, quick: bool) -> dict[str, Any]:
    from tests.remote_helpers import LlamaServer, child_keyring_env, wait_http

    tmp = Path(tempfile.mkdtemp(prefix="wren-bench-api-"))
    env = child_keyring_env(tmp)
    env["WREN_THREADS"] = str(THREADS)
    main = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp / "data")]
    key = subprocess.run(main + ["serve", "--show-key"], capture_output=True, text=True, env=env,
                         check=True).stdout.strip()
    err = tmp / "serve.err"
    proc = subprocess.Popen(main + ["serve", "--port", "0", "--ctx", str(N_CTX), "--model",
                                    str(model_path)],
                            stdout=subprocess.DEVNULL, stderr=open(err, "w"), env=env)
    try:
        url = None
        deadline = time.monotonic() + 120
        while url is None and time.monotonic() < deadline:
            m = re.search(r"at (http://127\.0\.0\.1:\d+/v1)", err.read_text())
            url = m.group(1) if m else None
            time.sleep(0.2)
        if url is None:
            raise RuntimeError(f"serve did not start: {err.read_text()}")
        wait_http(url.removesuffix("/v1") + "/health", proc=proc)
        wren = _workload(url, key, "any", quick)
    finally:
        proc.terminate()
        proc.wait(30)
    server = LlamaServer(model_path, n_ctx=N_CTX, n_threads=THREADS)
    try:
        lcs = _workload(server.base_url, "none", LlamaServer.ALIAS, quick)
    finally:
        server.stop()
    ratio = {k: round(wren[k] / lcs[k], 3) for k in wren
             if k.endswith("tok_s") and lcs.get(k)}
    return {"wren_serve": wren, "llama_cpp_server": lcs, "ratio_wren_over_llama_cpp": ratio}


def run(quick: bool = False) -> dict[str, Any]:
    from app.core.starter import find_starter_model

    model = find_starter_model()
    if model is None:
        raise RuntimeError("the starter model is not installed")
    return {
        "model": model.name,
        "cpu_count": os.cpu_count(),
        "quick": quick,
        "remote_decode": bench_wren_vs_direct(model, quick),
        "local_api": bench_local_api(model, quick),
    }


if __name__ == "__main__":
    print(json.dumps(run("--quick" in sys.argv), indent=2))
