"""The full llama.cpp build (CPU variant chosen at run time) against the quick start's AVX2
build, and against native llama.cpp (`llama-bench` from the same vendored source).

    python tests/benchmarks/bench_backends.py [--quick]

Needs both builds: the AVX2 one (README's install, in llama_cpp/lib) and the full one
(`python installers/build_llama.py --no-install` keeps it in the build cache; or installed, in
which case the AVX2 baseline comes from WREN_AVX2_LIB=DIR). Each measurement is a fresh process
on one build (LLAMA_CPP_LIB_PATH), through Wren's engine (its backend choice, its thread count),
alternating builds, median of >= 5. Prompt: 512 tokens read in one batch of 512; decode: 128
greedy tokens. Times are never asserted.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "installers"))

N_PROMPT, N_DECODE = 512, 128

WORKER = r"""
import json, sys, time
from app.core.backends import ensure_backends
from app.core.engine import Engine, LoadOptions
from app.core.machine import choose_threads
from app.core.params import SamplingParams
model, n_prompt, n_decode = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rep = ensure_backends()
threads = choose_threads()
e = Engine()
e.load(model, LoadOptions(n_ctx=2048, n_batch=512, n_threads=threads.n_threads))
llm = e.llm
words = ("the river runs past the old mill where bakers sell bread each morning " * 200).encode()
toks = llm.tokenize(words, add_bos=True)[:n_prompt]
# raw llama-cpp-python: the prompt in one eval, decode through create_completion's own loop
llm.reset()
t0 = time.perf_counter()
llm.eval(toks)
raw_prompt = len(toks) / (time.perf_counter() - t0)
llm.reset()
n, t_first = 0, None
for _ in llm.create_completion("Count from 1 to 300, separated by commas.", max_tokens=n_decode,
                               temperature=0.0, stream=True):
    n += 1
    if t_first is None:
        t_first = time.perf_counter()
raw_decode = (n - 1) / (time.perf_counter() - t_first) if n > 1 else 0.0
# Wren: its own prompt and decode loop (lookup decoding off: nothing to copy here)
llm.reset()
text = words.decode()[: len(words) // 2]
prompt = e.prepare([{"role": "user", "content": text}])
prompt = type(prompt)(prompt.messages, prompt.tokens[:n_prompt], min(n_prompt, prompt.n_tokens))
reply = e.reply(prompt, SamplingParams(max_tokens=1, temperature=0.0, speculative="off"))
for _ in reply:
    pass
wren_prompt = reply.stats.prompt_tokens_per_s
llm.reset()
prompt = e.prepare([{"role": "user", "content": "Count from 1 to 300, separated by commas."}])
reply = e.reply(prompt, SamplingParams(max_tokens=n_decode, temperature=0.0, speculative="off"))
for _ in reply:
    pass
print(json.dumps({"variant": rep.cpu_variant, "gpus": [g.name for g in rep.gpu_backends],
                  "threads": threads.n_threads, "flash_attn": e.model.flash_attn, "prompt_tok_s": wren_prompt,
                  "decode_tok_s": reply.stats.decode_tokens_per_s,
                  "raw_prompt_tok_s": raw_prompt, "raw_decode_tok_s": raw_decode}))
"""


def _libs() -> tuple[Path | None, Path | None]:
    """(AVX2 build, full build) folders."""
    import build_llama

    full = build_llama.cached_lib_dir()
    env = build_llama.env_lib_dir()
    avx2: Path | None = env
    if (env / build_llama.MARKER).exists():
        full = env
        avx2 = Path(os.environ["WREN_AVX2_LIB"]) if os.environ.get("WREN_AVX2_LIB") else None
    return avx2, full


def _worker(lib: Path, model: Path, data: Path, n_prompt: int, n_decode: int) -> dict[str, Any]:
    env = dict(os.environ, LLAMA_CPP_LIB_PATH=str(lib), WREN_DATA_DIR=str(data))
    env.pop("WREN_GGML_BACKENDS", None)
    r = subprocess.run([sys.executable, "-c", WORKER, str(model), str(n_prompt), str(n_decode)],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    if r.returncode:
        raise RuntimeError(f"worker failed: {r.stderr.strip()[-300:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def _llama_bench(full: Path, model: Path, threads: int, n_prompt: int,
                 n_decode: int, flash_attn: bool) -> dict[str, float] | None:
    """Native llama.cpp's own figures. Run in the library folder: llama.cpp looks for its
    backends in the current directory too, and takes the best-scoring CPU variant (unprobed).
    Flash attention as Wren loaded the model (llama-bench's default, auto, turns it on)."""
    exe = full.parent / "bin" / "llama-bench"
    if not exe.exists():
        return None
    env = dict(os.environ, LD_LIBRARY_PATH=f"{full}{os.pathsep}{exe.parent}")
    r = subprocess.run([str(exe), "-m", str(model), "-p", str(n_prompt), "-n", str(n_decode),
                        "-t", str(threads), "-b", "512", "-ub", "512", "-r", "5", "-o", "json",
                        "-fa", "on" if flash_attn else "off"],
                       cwd=full, env=env, capture_output=True, text=True, timeout=900)
    if r.returncode:
        raise RuntimeError(f"llama-bench failed: {r.stderr.strip()[-300:]}")
    out: dict[str, float] = {}
    for row in json.loads(r.stdout):
        key = "prompt_tok_s" if row.get("n_prompt") else "decode_tok_s"
        out[key] = float(row["avg_ts"])
    return out


def run(quick: bool = False) -> list[dict[str, Any]]:
    import tempfile

    from app.core.starter import find_starter_model

    model = find_starter_model()
    avx2, full = _libs()
    if model is None or full is None:
        return [{"name": "full build vs AVX2 build",
                 "skipped": "no full build (python installers/build_llama.py --no-install)"
                 if full is None else "no starter model"}]
    runs = 3 if quick else 7
    n_prompt, n_decode = (64, 16) if quick else (N_PROMPT, N_DECODE)
    res: dict[str, list[dict[str, Any]]] = {"avx2": [], "full": []}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):  # alternate, so drift on the machine hits both alike
            for name, lib in (("full", full), ("avx2", avx2)):
                if lib is not None:
                    res[name].append(_worker(lib, model, Path(tmp) / name, n_prompt, n_decode))
    metrics = ("prompt_tok_s", "decode_tok_s", "raw_prompt_tok_s", "raw_decode_tok_s")
    med = {k: {m: statistics.median(r[m] for r in v) for m in metrics}
           for k, v in res.items() if v}
    full_m, variant = med["full"], res["full"][0]["variant"]
    threads = res["full"][0]["threads"]
    rows: list[dict[str, Any]] = []
    for metric, label in (("prompt_tok_s", "prompt"), ("decode_tok_s", "decode")):
        if "avx2" in med:
            ratio = round(full_m[metric] / med["avx2"][metric], 3)
            rows.append({"name": f"{label}: CPU variant {variant} vs the AVX2 build (tok/s)",
                         "wren": round(full_m[metric], 1), "raw": round(med["avx2"][metric], 1),
                         "ratio": ratio, "target": ">= 0.97 (no worse, within noise)", "met": ratio >= 0.97,
                         "runs": runs, "threads": threads})
    native = _llama_bench(full, model, threads, n_prompt, n_decode,
                          bool(res["full"][0]["flash_attn"]))
    for metric, label in (("prompt_tok_s", "prompt"), ("decode_tok_s", "decode")):
        if native and metric in native:
            ratio = round(full_m[metric] / native[metric], 3)
            rows.append({"name": f"{label}: Wren on the full build vs native llama-bench (tok/s)",
                         "wren": round(full_m[metric], 1), "raw": round(native[metric], 1),
                         "ratio": ratio, "target": ">= 0.90", "met": ratio >= 0.90,
                         "threads": threads})
            raw = full_m[f"raw_{metric}"]
            rows.append({"name": f"{label}: raw llama-cpp-python on the full build vs native "
                                 "llama-bench (tok/s)",
                         "wren": round(raw, 1), "raw": round(native[metric], 1),
                         "ratio": round(raw / native[metric], 3), "threads": threads})
    if native is None:
        rows.append({"name": "native llama-bench", "skipped": "not built (build_llama.py)"})
    return rows


if __name__ == "__main__":
    print(json.dumps(run("--quick" in sys.argv), indent=2))
