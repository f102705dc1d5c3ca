"""One measured load-and-chat through Wren's Engine, in its own process (so the GPU memory
nvidia-smi reports for the process is this configuration's alone). Prints one JSON object.

    python tests/benchmarks/gpu/point.py MODEL --ctx N --gpu auto|off|N [--kv f16|q8_0|q4_0]
        [--cap BYTES] [--prompt-file F] [--max-tokens N]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--ctx", type=int, default=0)
    ap.add_argument("--gpu", default="auto")
    ap.add_argument("--kv", default="f16")
    ap.add_argument("--cap", type=int, default=0)
    ap.add_argument("--prompt-file")
    ap.add_argument("--max-tokens", type=int, default=64)
    a = ap.parse_args()
    from app.core.devices import gpu_devices
    from app.core.engine import Engine, LoadOptions, SamplingParams
    from app.core.planner import parse_gpu_setting

    before = {d.name: d.free for d in gpu_devices()}
    prompt = Path(a.prompt_file).read_text() if a.prompt_file else "Tell me a long story."
    e = Engine()
    t0 = time.perf_counter()
    m = e.load(a.model, LoadOptions(n_ctx=a.ctx or None, gpu=parse_gpu_setting(a.gpu),
                                    kv_type=a.kv, gpu_cap=a.cap))
    load_s = time.perf_counter() - t0
    params = SamplingParams(max_tokens=a.max_tokens, temperature=0.0, seed=1,
                            speculative="off")
    text = "".join(e.stream_chat([{"role": "user", "content": prompt}], params))
    s = e.last_stats
    after = {d.name: d.free for d in gpu_devices()}
    used = max((before[k] - after.get(k, before[k]) for k in before), default=0)
    print(json.dumps({
        "n_ctx": m.n_ctx, "kv_type": m.kv_type, "flash_attn": m.flash_attn,
        "n_gpu_layers": m.n_gpu_layers, "gpu": m.gpu, "placement": m.placement,
        "notice": m.notice, "load_s": round(load_s, 3), "prompt_tokens": s.prompt_tokens,
        "completion_tokens": s.completion_tokens,
        "prompt_tokens_per_s": round(s.prompt_tokens_per_s, 2),
        "decode_tokens_per_s": round(s.decode_tokens_per_s, 2),
        "ggml_used_bytes": int(used), "chars": len(text)}))
    e.unload()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
