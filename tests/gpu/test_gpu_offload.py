"""The real offload path on a machine with a GPU (marker `gpu`, left out by default).

    WREN_GPU_MODEL=/path/model.gguf python -m pytest -m gpu tests/gpu -q

Uses a GGUF large enough to matter (the benchmark's Phi-3.5-dims model, 2.2 GiB, or any
model); skipped without a GPU or without WREN_GPU_MODEL. tests/benchmarks/gpu/run.sh runs
these on the GPU machine after the build."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gpu
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def gpu_model() -> Path:
    from app.core.devices import gpu_devices

    p = os.environ.get("WREN_GPU_MODEL", "")
    if not p or not Path(p).is_file():
        pytest.skip("set WREN_GPU_MODEL to a GGUF file to run the GPU tests")
    if not gpu_devices():
        pytest.skip("no GPU that this llama.cpp can use")
    return Path(p)


def _cli(*args: str, data: Path) -> tuple[int, str, str]:
    r = subprocess.run([sys.executable, "main.py", "--data-dir", str(data), *args],
                       capture_output=True, text=True, cwd=ROOT, timeout=600)
    return r.returncode, r.stdout, r.stderr


def test_system_shows_the_gpu(gpu_model, tmp_path):
    rc, out, err = _cli("system", "--json", data=tmp_path)
    assert rc == 0, err
    j = json.loads(out)
    assert j["gpus"] and all(g["total"] >= g["free"] > 0 for g in j["gpus"])
    assert j["summary"].startswith("GPU: ") and "CPU" in j["backends"]
    rc, out, _ = _cli("system", data=tmp_path)
    assert f"GPU {j['gpus'][0]['name']}: {j['gpus'][0]['description']}" in out


def test_auto_puts_the_model_on_the_gpu_and_chats(gpu_model, tmp_path):
    rc, out, err = _cli("chat", "Hello there", "--model", str(gpu_model), "--max-tokens", "16",
                        "--json", data=tmp_path)
    assert rc == 0, err
    j = json.loads(out)
    assert j["n_gpu_layers"] >= 1 and j["completion_tokens"] > 0
    assert "layers on the GPU" in j["placement"]
    rc, out, err = _cli("chat", "Hello there", "--model", str(gpu_model), "--max-tokens", "4",
                        "--gpu", "off", "--json", data=tmp_path)
    assert rc == 0, err
    assert json.loads(out)["n_gpu_layers"] == 0 and json.loads(out)["placement"] == "CPU"


def test_document_plan_names_the_gpu(gpu_model, tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("\n\n".join(f"Paragraph {i}: the river meets the sea." for i in range(300)))
    rc, out, err = _cli("summarize", str(doc), "--model", str(gpu_model), "--plan", "--json",
                        data=tmp_path)
    assert rc == 0, err
    plan = json.loads(out)["plan"]
    assert plan["n_gpu_layers"] >= 1 and " on the GPU" in plan["text"]
    assert plan["gpu"]["gpu_bytes"] > 0


def test_summarize_reads_a_document_on_the_gpu(gpu_model, tmp_path):
    """The whole `summarize` command on the GPU. It once crashed (SIGSEGV) while loading the
    model: a CUDA build whose libggml-cuda.so exported its own static copy of libstdc++, in a
    process where numpy had loaded the system one first (build flag: --exclude-libs)."""
    doc = tmp_path / "doc.txt"
    doc.write_text("\n\n".join(f"Paragraph {i}: the river meets the sea at dawn." for i in range(200)))
    rc, out, err = _cli("summarize", str(doc), "--model", str(gpu_model), "--length", "short",
                        "--json", data=tmp_path)
    assert rc == 0, err[-2000:]
    j = json.loads(out)
    assert j["mode"] == "single-pass" and j["completion_tokens"] > 0 and j["text"]
    assert j["plan"]["n_gpu_layers"] >= 1 and " on the GPU" in j["plan"]["text"]


HOG = """
import ctypes, sys, time
from app.core.devices import _libs, gpu_devices
reg, base, _ = _libs()
base.ggml_backend_dev_buffer_type.restype = ctypes.c_void_p
base.ggml_backend_dev_buffer_type.argtypes = [ctypes.c_void_p]
base.ggml_backend_buft_alloc_buffer.restype = ctypes.c_void_p
base.ggml_backend_buft_alloc_buffer.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
g = gpu_devices()[0]
buft = base.ggml_backend_dev_buffer_type(reg.ggml_backend_dev_get(g.index))
keep, left = [], g.free - int(float(sys.argv[1]) * 2**30)
while left > 2**30:
    b = base.ggml_backend_buft_alloc_buffer(buft, 2**30)
    if not b:
        break
    keep.append(b); left -= 2**30
print("held", len(keep), flush=True)
sys.stdin.read()
"""


def test_out_of_memory_at_load_falls_back_once_and_says_so(gpu_model, tmp_path):
    """Another program holds all but 6 GiB; all layers at the model's whole context are asked
    for by hand: llama.cpp cannot allocate them, Wren loads the plan that fits what is free
    now, says so, and the chat runs."""
    from app.core.gguf_info import read_gguf_info

    hog = subprocess.Popen([sys.executable, "-c", HOG, "6"], stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert hog.stdout is not None and hog.stdout.readline().startswith("held")
        n_layer = read_gguf_info(gpu_model).n_layer
        ctx = str(read_gguf_info(gpu_model).context_length)
        rc, out, err = _cli("chat", "Hello", "--model", str(gpu_model), "--ctx", ctx,
                            "--gpu", str(n_layer), "--max-tokens", "4", "--json", data=tmp_path)
        assert rc == 0, err
        j = json.loads(out)
        assert 0 <= j["n_gpu_layers"] - 1 < n_layer
        assert "could not hold" in j["notice"] and "instead" in j["notice"]
    finally:
        hog.stdin.close()  # type: ignore[union-attr]
        hog.wait(timeout=60)
