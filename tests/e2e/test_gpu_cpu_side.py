"""The GPU features on a machine without a GPU (CI, the developers' machines): `system` says
"CPU only" in one line, `--gpu` and `--plan` work, bad values are one-line errors, and a
device list given to the engine reaches llama.cpp's load parameters."""
from __future__ import annotations

import json

import pytest

from app.core.devices import Device, device_report, gpu_devices, report_lines
from app.core.engine import Engine, LoadOptions
from app.core.planner import kv_bytes
from tests.conftest import run_cli

GiB = 2**30


def test_device_report_here_is_cpu_only():
    r = device_report()
    assert r.error == ""  # the ggml libraries were read
    assert "CPU" in r.backends and r.gpus == () and gpu_devices() == ()
    cpu = [d for d in r.devices if d.kind == "cpu"]
    assert len(cpu) == 1 and cpu[0].backend == "CPU"
    assert r.summary.startswith("CPU only (")
    assert r.cpu.physical_cores >= 1 and r.cpu.build.startswith("libggml-cpu")
    assert r.cpu.features, "the CPU backend reports its features (SSE3, AVX2, ...)"
    lines = report_lines(r)
    assert lines[0].startswith("CPU: ") and lines[-1] == r.summary
    assert sum(1 for line in lines if line.startswith("CPU only")) == 1


def test_system_command_text_and_json(data_dir):
    p = run_cli("system", data_dir=data_dir)
    assert p.returncode == 0, p.stderr
    out = p.stdout.splitlines()
    assert out[0].startswith("CPU: ") and any(x.startswith("RAM: ") for x in out)
    assert any(x.startswith("llama.cpp backends: ") and "CPU" in x for x in out)
    assert [x for x in out if x.startswith("CPU only")] == [out[-1]]
    p = run_cli("system", "--json", data_dir=data_dir)
    j = json.loads(p.stdout)
    assert j["gpus"] == [] and j["summary"].startswith("CPU only")
    assert j["cpu"]["physical_cores"] >= 1 and j["total_ram"] >= j["available_ram"] > 0


@pytest.mark.parametrize("cmd", [["chat", "hi"], ["summarize", "README.md"]])
def test_bad_gpu_value_is_one_line_exit_2(cmd, data_dir):
    p = run_cli(*cmd, "--gpu", "lots", data_dir=data_dir)
    assert p.returncode == 2
    assert p.stderr.strip() == ("wren: error: GPU must be auto, off or a number of layers, "
                                "not 'lots'")


def test_summarize_plan_prints_the_plan_without_running(data_dir, starter_model, tmp_path):
    doc = tmp_path / "notes.txt"
    doc.write_text("\n\n".join(f"Paragraph {i}: the harbour council met." for i in range(80)))
    p = run_cli("summarize", str(doc), "--model", str(starter_model), "--plan", "--json",
                data_dir=data_dir)
    assert p.returncode == 0, p.stderr
    j = json.loads(p.stdout)
    plan = j["plan"]
    assert j["document_tokens"] > 500 and plan["mode"] == "single-pass"
    assert plan["n_gpu_layers"] == 0 and plan["gpu"] == {}
    assert plan["text"].startswith(f"Reading {j['document_tokens']:,} tokens in one pass with")
    # Nothing ran: no conversation was stored.
    p = run_cli("summarize", str(doc), "--model", str(starter_model), "--plan",
                data_dir=data_dir)
    assert p.stdout.strip() == plan["text"]
    from app.core.store import Store

    s = Store(data_dir / "wren.db")
    try:
        assert s.list_conversations() == []
    finally:
        s.close()


def test_chat_gpu_off_and_auto_on_cpu(data_dir, starter_model):
    for gpu in ("off", "auto", "3"):
        p = run_cli("chat", "Hi", "--model", str(starter_model), "--gpu", gpu, "--max-tokens",
                    "4", "--json", data_dir=data_dir)
        assert p.returncode == 0, p.stderr
        j = json.loads(p.stdout)
        assert j["n_gpu_layers"] == 0 and j["placement"] == "CPU"  # no GPU here


def test_a_given_gpu_reaches_llama_cpps_load_parameters(starter_model):
    """The engine plans with the device list it is given (as on a GPU machine) and passes the
    layer count, batch sizes and flash attention to llama.cpp; this CPU-only build loads it on
    the CPU regardless, which is what makes the test possible here."""
    e = Engine()
    e.devices = [Device(1, "CUDA0", "NVIDIA H200", "gpu", "CUDA", 139 * GiB, 140 * GiB)]
    try:
        m = e.load(starter_model, LoadOptions(n_threads=1))
        n = m.info.n_layer
        assert m.n_gpu_layers == n + 1 and m.flash_attn
        assert m.placement == (f"NVIDIA H200: {n}/{n} layers on the GPU, KV f16 on the GPU "
                               f"({m.gpu['kv_gpu_bytes'] / 2**20:,.0f} MB)")
        assert e.llm.model_params.n_gpu_layers == n + 1
        assert e.llm.context_params.n_ubatch == 512 and e.llm.context_params.flash_attn_type == 1
        # A small GPU, 3 layers by hand, and off.
        m = e.load(starter_model, LoadOptions(n_threads=1, gpu=3))
        assert m.n_gpu_layers == 4 and m.placement.startswith(f"NVIDIA H200: 3/{n} layers")
        # A context asked for is the one planned (the cache estimate is for 512 tokens).
        m = e.load(starter_model, LoadOptions(n_threads=1, n_ctx=512))
        assert m.n_ctx == 512 and m.gpu["kv_gpu_bytes"] == kv_bytes(m.info, 512, "f16")
        m = e.load(starter_model, LoadOptions(n_threads=1, gpu="off"))
        assert m.n_gpu_layers == 0 and m.placement == "CPU"
        assert not e.llm.context_params.offload_kqv
        with pytest.raises(Exception, match="GPU must be auto, off or a number"):
            e.load(starter_model, LoadOptions(n_threads=1, gpu="all"))
    finally:
        e.unload()
