"""Wren on a GPU against llama.cpp's own llama-bench, same build, same model, same run.

    python tests/benchmarks/gpu/bench_gpu.py --bin BUILD/bin --model MODEL.gguf --out DIR
        [--doc-tokens 120000] [--quick]

(run.sh does the build and calls this.) Stages, each saved to DIR/results.json as it ends so
that a second call resumes where the first stopped:
  system   `wren system --json`: the GPU as Wren sees it
  read     `summarize DOC --plan --json`, then `summarize DOC --json` of a ~120K-token
           document in one pass against `llama-bench -p <same tokens>` with the plan's KV type;
           the plan's GPU memory estimate against the process's memory in nvidia-smi
  decode   `chat --json` (128 tokens) against `llama-bench -n 128`; memory as above
  caps     "GPU memory Wren may use" at 8 and 16 GiB: a chat at 32K context planned under the
           cap against a sweep of layer counts (same cache type), the sweep's points kept only
           when nvidia-smi shows them within the cap
  oom      another process holds most of the GPU; a chat forced to all layers at 128K runs
           out of memory at load, falls back once, and says so
Nothing here asserts a time: it writes the figures and their ratios (table.md, results.json).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))
GiB = 2**30
WORDS = ("river mountain council budget school library harbour festival bridge railway market "
         "museum hospital village forest bakery orchard lantern meadow tower evening letter "
         "garden station window morning winter summer teacher doctor farmer sailor").split()


# ------------------------------------------------------------------------- helpers
class GpuMemory:
    """Peak GPU memory of one process (nvidia-smi, every 0.2 s) while it runs."""

    def __init__(self) -> None:
        self.peak = 0
        self.pid = 0
        self._stop = threading.Event()
        self._t: threading.Thread | None = None
        self.available = shutil.which("nvidia-smi") is not None

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                out = subprocess.run(
                    ["nvidia-smi", "--query-compute-apps=pid,used_memory",
                     "--format=csv,noheader,nounits"], capture_output=True, text=True,
                    timeout=5).stdout
                for line in out.splitlines():
                    parts = [p.strip() for p in line.split(",")]
                    if len(parts) == 2 and parts[0].isdigit() and int(parts[0]) == self.pid:
                        self.peak = max(self.peak, int(float(parts[1])) * 2**20)
            except Exception:
                pass
            self._stop.wait(0.2)

    def run(self, cmd: list[str], env: dict[str, str], timeout: float) -> tuple[int, str, str]:
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=env, cwd=ROOT)
        self.pid = p.pid
        if self.available:
            self._t = threading.Thread(target=self._sample, daemon=True)
            self._t.start()
        try:
            out, err = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
        self._stop.set()
        if self._t:
            self._t.join()
        return p.returncode, out, err


def wren(args: list[str], env: dict[str, str], timeout: float = 580
         ) -> tuple[dict[str, Any] | None, int, str]:
    """Run `python main.py ARGS` and read its JSON; (json, peak GPU bytes, stderr tail)."""
    mem = GpuMemory()
    rc, out, err = mem.run([sys.executable, "main.py", *args], env, timeout)
    try:
        return json.loads(out.strip().splitlines()[-1]), mem.peak, err[-2000:]
    except Exception:
        return None, mem.peak, f"rc={rc} {err[-2000:]}"


def point(model: str, env: dict[str, str], **kw: Any) -> tuple[dict[str, Any] | None, int, str]:
    cmd = [sys.executable, str(HERE / "point.py"), model]
    for k, v in kw.items():
        cmd += [f"--{k.replace('_', '-')}", str(v)]
    mem = GpuMemory()
    rc, out, err = mem.run(cmd, env, 580)
    try:
        return json.loads(out.strip().splitlines()[-1]), mem.peak, err[-1500:]
    except Exception:
        return None, mem.peak, f"rc={rc} {err[-1500:]}"


def llama_bench(bin_dir: Path, model: str, args: list[str]) -> dict[str, Any] | None:
    exe = bin_dir / "llama-bench"
    if not exe.exists():
        return None
    r = subprocess.run([str(exe), "-m", model, "-o", "json", *args], capture_output=True,
                       text=True, timeout=580)
    try:
        rows = json.loads(r.stdout)
        return {"avg_ts": rows[0]["avg_ts"], "stddev_ts": rows[0].get("stddev_ts"),
                "args": args}
    except Exception:
        return {"error": r.stderr[-1500:], "args": args}


def prose(n_words: int, seed: int = 7) -> str:
    import random

    rnd = random.Random(seed)
    paras = []
    i = 0
    while n_words > 0:
        k = min(80, n_words)
        body = " ".join(rnd.choice(WORDS) for _ in range(k))
        paras.append(f"Paragraph {i + 1}. {body.capitalize()}.")
        n_words -= k
        i += 1
    return "\n\n".join(paras)


def set_cap(data: Path, cap: int) -> None:
    from app.core.backup import open_store
    from app.core.paths import resolve_data_dir
    from app.core.setting_names import GPU_MEMORY_CAP

    store, _ = open_store(resolve_data_dir(str(data)), daily=False)
    try:
        store.set_setting(GPU_MEMORY_CAP, int(cap))
    finally:
        store.close()


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a and b else None


# -------------------------------------------------------------------------- stages
def stage_system(ctx: dict[str, Any]) -> dict[str, Any]:
    j, _, err = wren(["--data-dir", ctx["data"], "system", "--json"], ctx["env"], 120)
    return {"system": j, "error": "" if j else err}


def stage_read(ctx: dict[str, Any]) -> dict[str, Any]:
    data, env, model = ctx["data"], ctx["env"], ctx["model"]
    target = ctx["doc_tokens"]
    doc = Path(ctx["work"]) / "document.txt"
    words = int(target * 0.95)
    res: dict[str, Any] = {}
    for _ in range(3):  # words -> tokens is close to linear: two probes suffice
        doc.write_text(prose(words))
        plan, _, err = wren(["--data-dir", data, "summarize", str(doc), "--model", model,
                             "--length", "short", "--plan", "--json"], env, 300)
        if plan is None:
            return {"error": f"plan failed: {err}"}
        n = int(plan["document_tokens"])
        if abs(n - target) <= target * 0.01:
            break
        words = int(words * target / n)
    res["plan"] = plan["plan"]
    res["document_tokens"] = n
    p = plan["plan"]
    kv = p["kv_type"]
    res["native_pp"] = llama_bench(ctx["bin"], model, [
        "-ngl", "99", "-fa", "1" if p["flash_attn"] else "0", "-ctk", kv, "-ctv", kv,
        "-ub", str(p.get("n_ubatch") or 512), "-b", "2048", "-p", str(n), "-n", "0",
        "-r", "1"])
    j, peak, err = wren(["--data-dir", data, "summarize", str(doc), "--model", model,
                         "--length", "short", "--json"], env)
    if j is None:
        res["error"] = f"summarize failed: {err}"
        return res
    res["wren"] = {k: j.get(k) for k in ("prompt_tokens_per_s", "decode_tokens_per_s",
                                         "ttft_s", "elapsed_s", "mode", "n_ctx",
                                         "prompt_tokens", "completion_tokens")}
    res["gpu_peak_bytes"] = peak
    res["gpu_estimate_bytes"] = int(p.get("gpu", {}).get("gpu_bytes", 0))
    nat = (res["native_pp"] or {}).get("avg_ts")
    res["pp_ratio"] = ratio(j.get("prompt_tokens_per_s"), nat)
    res["mem_error"] = (round(res["gpu_estimate_bytes"] / peak - 1, 3) if peak else None)
    return res


def stage_decode(ctx: dict[str, Any]) -> dict[str, Any]:
    res: dict[str, Any] = {}
    res["native_tg"] = llama_bench(ctx["bin"], ctx["model"],
                                   ["-ngl", "99", "-fa", "1", "-p", "0", "-n", "128", "-r", "3"])
    runs = []
    peak = 0
    # Lookup decoding off: one token per step, as llama-bench's tg128 does (a random-weights
    # model repeats itself, which lookup decoding would turn into an unfair speed-up); one
    # run with it on (the default) is reported beside.
    for i, spec in enumerate(("off", "off", "off", "auto")):
        j, pk, err = wren(["--data-dir", ctx["data"], "chat", "Write a long story about a "
                           "lighthouse keeper.", "--model", ctx["model"], "--max-tokens", "128",
                           "--temperature", "0", "--seed", str(i), "--speculative", spec,
                           "--json"], ctx["env"], 300)
        if spec == "auto":
            if j is not None:
                res["wren_speculative_auto"] = {k: j.get(k) for k in (
                    "decode_tokens_per_s", "draft_tokens", "accepted_tokens")}
            continue
        if j is None:
            res["error"] = err
            break
        runs.append(j)
        peak = max(peak, pk)
    if runs:
        best = max(runs, key=lambda r: r["decode_tokens_per_s"])
        res["wren"] = {k: best.get(k) for k in ("decode_tokens_per_s", "completion_tokens",
                                                "n_ctx", "n_gpu_layers", "placement",
                                                "kv_type", "flash_attn")}
        res["wren_all"] = [r["decode_tokens_per_s"] for r in runs]
        res["gpu_peak_bytes"] = peak
        res["gpu_estimate_bytes"] = int((best.get("gpu") or {}).get("gpu_bytes", 0))
        res["mem_error"] = (round(res["gpu_estimate_bytes"] / peak - 1, 3) if peak else None)
        res["tg_ratio"] = ratio(best["decode_tokens_per_s"],
                                (res["native_tg"] or {}).get("avg_ts"))
    return res


def stage_caps(ctx: dict[str, Any]) -> dict[str, Any]:
    prompt = Path(ctx["work"]) / "prompt.txt"
    prompt.write_text(prose(1400, seed=3) + "\n\nSummarize the text above.")
    n_ctx = ctx["cap_ctx"]
    out: dict[str, Any] = {}
    for cap_gib in ctx["caps"]:
        cap = int(cap_gib * GiB)
        row: dict[str, Any] = {"cap_bytes": cap}
        # The plan: the real preference, through `chat`.
        set_cap(Path(ctx["data"]), cap)
        auto, peak, err = wren(["--data-dir", ctx["data"], "chat", prompt.read_text(),
                                "--model", ctx["model"], "--ctx", str(n_ctx), "--max-tokens",
                                "64", "--temperature", "0", "--seed", "1", "--speculative",
                                "off", "--json"],
                               ctx["env"], 300)
        set_cap(Path(ctx["data"]), 0)
        if auto is None:
            row["error"] = err
            out[str(cap_gib)] = row
            continue
        auto["gpu_peak_bytes"] = peak
        row["auto"] = auto
        kv = auto["kv_type"]
        sweep = []
        planned = max(0, auto["n_gpu_layers"] - 1)
        for n in sorted(set(ctx["sweep"]) | {planned}):
            if n == planned:
                sweep.append(dict(auto, layers=n))
                continue
            j, pk, err = point(ctx["model"], ctx["env"], ctx=n_ctx, gpu=n, kv=kv, cap=cap,
                               prompt_file=prompt, max_tokens=64)
            if j is None:
                sweep.append({"layers": n, "error": err})
                continue
            j["gpu_peak_bytes"] = pk
            j["layers"] = n
            sweep.append(j)
        row["sweep"] = sweep
        ok = [s for s in sweep if "error" not in s and (not s["gpu_peak_bytes"]
                                                        or s["gpu_peak_bytes"] <= cap)]
        row["within_cap"] = [s["layers"] for s in ok]
        if ok:
            bp = max(s["prompt_tokens_per_s"] for s in ok)
            bd = max(s["decode_tokens_per_s"] for s in ok)
            row["pp_ratio"] = ratio(auto["prompt_tokens_per_s"], bp)
            row["tg_ratio"] = ratio(auto["decode_tokens_per_s"], bd)
        row["auto_within_cap"] = bool(peak and peak <= cap)
        est = int((auto.get("gpu") or {}).get("gpu_bytes", 0))
        row["mem_error"] = round(est / peak - 1, 3) if peak else None
        out[str(cap_gib)] = row
    return out


HOG = r"""
import ctypes, sys, time
sys.path.insert(0, sys.argv[2])
from app.core.devices import _libs, gpu_devices
reg, base, _ = _libs()
base.ggml_backend_dev_buffer_type.restype = ctypes.c_void_p
base.ggml_backend_dev_buffer_type.argtypes = [ctypes.c_void_p]
base.ggml_backend_buft_alloc_buffer.restype = ctypes.c_void_p
base.ggml_backend_buft_alloc_buffer.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
reg.ggml_backend_dev_get.restype = ctypes.c_void_p
g = gpu_devices()[0]
buft = base.ggml_backend_dev_buffer_type(reg.ggml_backend_dev_get(g.index))
keep, left = [], g.free - int(float(sys.argv[1]) * 2**30)
while left > 2**30:  # 1 GiB pieces: one huge allocation may exceed the driver's limit
    b = base.ggml_backend_buft_alloc_buffer(buft, 2**30)
    if not b:
        break
    keep.append(b); left -= 2**30
print("held", len(keep), flush=True)
time.sleep(float(sys.argv[3]))
"""


def stage_oom(ctx: dict[str, Any]) -> dict[str, Any]:
    """Leave 20 GiB free, then ask for all 32 layers at 131,072 tokens (48 GiB of f16 cache)."""
    hog = subprocess.Popen([sys.executable, "-c", HOG, "20", str(ROOT), "240"],
                           stdout=subprocess.PIPE, text=True, env=ctx["env"])
    line = hog.stdout.readline() if hog.stdout else ""
    res: dict[str, Any] = {"hog": line.strip()}
    try:
        forced, pk, err = point(ctx["model"], ctx["env"], ctx=131072, gpu=32, prompt_file="",
                                max_tokens=16)
        res["forced"] = forced or {"error": err}
        res["forced_peak"] = pk
        auto, pk2, err2 = point(ctx["model"], ctx["env"], ctx=131072, gpu="auto",
                                prompt_file="", max_tokens=16)
        res["auto"] = auto or {"error": err2}
        res["auto_peak"] = pk2
    finally:
        hog.kill()
        hog.wait()
    return res


STAGES = {"system": stage_system, "read": stage_read, "decode": stage_decode,
          "caps": stage_caps, "oom": stage_oom}


# --------------------------------------------------------------------------- table
def table(r: dict[str, Any], build: str) -> str:
    def f(x: Any, d: int = 0) -> str:
        return "n/a" if x is None else f"{x:,.{d}f}"

    lines = [f"GPU run {time.strftime('%Y-%m-%d')}, {build}", "",
             "| measure | Wren | llama.cpp / reference | ratio | target |", "|---|---|---|---|---|"]
    rd = r.get("read", {})
    if rd.get("wren"):
        lines.append(f"| one-pass read of {f(rd.get('document_tokens'))} tokens, tok/s "
                     f"({rd['plan'].get('kv_type')} KV) | {f(rd['wren']['prompt_tokens_per_s'])}"
                     f" | {f((rd.get('native_pp') or {}).get('avg_ts'))} (llama-bench -p) | "
                     f"{f(rd.get('pp_ratio'), 3)} | >= 0.90 |")
        lines.append(f"| GPU memory while reading: plan's estimate vs nvidia-smi | "
                     f"{f(rd['gpu_estimate_bytes'] / GiB, 2)} GiB | "
                     f"{f(rd['gpu_peak_bytes'] / GiB, 2)} GiB | {f(rd.get('mem_error'), 3)} | "
                     "within 10 % |")
    dc = r.get("decode", {})
    if dc.get("wren"):
        lines.append(f"| decode, `chat --json`, tok/s | {f(dc['wren']['decode_tokens_per_s'], 1)}"
                     f" | {f((dc.get('native_tg') or {}).get('avg_ts'), 1)} (llama-bench tg128) | "
                     f"{f(dc.get('tg_ratio'), 3)} | >= 0.90 |")
        lines.append(f"| GPU memory in chat: estimate vs nvidia-smi | "
                     f"{f(dc['gpu_estimate_bytes'] / GiB, 2)} GiB | "
                     f"{f(dc['gpu_peak_bytes'] / GiB, 2)} GiB | {f(dc.get('mem_error'), 3)} | "
                     "within 10 % |")
    for cap, row in (r.get("caps") or {}).items():
        if not isinstance(row, dict):
            continue  # stage_s
        a = row.get("auto")
        if not a:
            continue
        lines.append(f"| cap {cap} GiB, 32K chat: plan {a['placement']} | "
                     f"pp {f(a['prompt_tokens_per_s'])}, tg {f(a['decode_tokens_per_s'], 1)}; "
                     f"{f(a['gpu_peak_bytes'] / GiB, 2)} GiB used | best of sweep "
                     f"{row.get('within_cap')} | pp {f(row.get('pp_ratio'), 3)}, tg "
                     f"{f(row.get('tg_ratio'), 3)} | >= 0.90, within cap |")
    om = r.get("oom") or {}
    if om.get("forced"):
        fo = om["forced"]
        lines.append(f"| out of memory at load (20 GiB left free, 32 layers at 128K forced) | "
                     f"{fo.get('placement', fo.get('error', ''))[:80]} | "
                     f"{(fo.get('notice') or '')[:120]} | | falls back once, says so |")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--model", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--state", default="/tmp/wren-gpu-bench")
    ap.add_argument("--doc-tokens", type=int, default=120_000)
    ap.add_argument("--only", default=",".join(STAGES))
    ap.add_argument("--quick", action="store_true", help="tiny sizes: check that it runs")
    ap.add_argument("--build", default="llama-cpp-python 0.3.36 vendored llama.cpp, CUDA sm_90")
    a = ap.parse_args()
    state = Path(a.state)
    (state / "data").mkdir(parents=True, exist_ok=True)
    res_file = state / "results.json"
    results = json.loads(res_file.read_text()) if res_file.exists() else {}
    env = dict(os.environ)
    env.setdefault("WREN_THREADS", str(os.cpu_count() or 4))
    ctx = {"bin": Path(a.bin), "model": str(Path(a.model).resolve()), "env": env,
           "data": str(state / "data"), "work": str(state), "doc_tokens": a.doc_tokens,
           "caps": [8, 16], "cap_ctx": 32768, "sweep": [0, 8, 16, 24, 32]}
    if a.quick:
        ctx.update(doc_tokens=min(a.doc_tokens, 3000), caps=[1], cap_ctx=2048, sweep=[0, 1])
    for name in a.only.split(","):
        if name in results and "error" not in results[name]:
            continue
        t0 = time.time()
        print(f"[{time.strftime('%T')}] {name}", flush=True)
        set_cap(Path(ctx["data"]), 0)
        try:
            results[name] = STAGES[name](ctx)
        except Exception as e:  # keep the other stages' figures
            results[name] = {"error": f"{type(e).__name__}: {e}"}
        results[name]["stage_s"] = round(time.time() - t0, 1)
        res_file.write_text(json.dumps(results, indent=1))
        print(json.dumps(results[name])[:1500], flush=True)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=1))
    (out / "table.md").write_text(table(results, a.build))
    print(table(results, a.build))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
