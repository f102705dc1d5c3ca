"""What this machine can give a model: RAM, cores, GPU, and the thread counts we choose."""
from __future__ import annotations

import os
from dataclasses import dataclass

import psutil

ENV_THREADS = "WREN_THREADS"

# Bytes per KV-cache element for the cache types llama.cpp offers on CPU.
KV_TYPE_BYTES: dict[str, float] = {"f16": 2.0, "q8_0": 34 / 32, "q4_0": 18 / 32}
# ggml type ids for those cache types (GGML_TYPE_F16=1, Q4_0=2, Q8_0=8).
KV_TYPE_GGML: dict[str, int] = {"f16": 1, "q4_0": 2, "q8_0": 8}

# RAM that llama.cpp needs beyond weights and KV cache (compute buffers, output logits, the
# tokenizer) plus the Python process itself: measured ~120-220 MB on the starter model.
RUNTIME_OVERHEAD_BYTES = 256 * 1024 * 1024
# Leave this much RAM for the desktop and other programs when planning.
RESERVE_BYTES = 1024 * 1024 * 1024


@dataclass(frozen=True)
class MachineInfo:
    total_ram: int
    available_ram: int
    physical_cores: int
    logical_cores: int
    gpu_offload: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "total_ram": self.total_ram,
            "available_ram": self.available_ram,
            "physical_cores": self.physical_cores,
            "logical_cores": self.logical_cores,
            "gpu_offload": self.gpu_offload,
        }


def gpu_offload_supported() -> bool:
    try:
        import llama_cpp

        from app.core.backends import ensure_backends

        ensure_backends()  # else llama.cpp looks for loadable backends in the wrong folder
        return bool(llama_cpp.llama_supports_gpu_offload())
    except Exception:
        return False


def machine_info() -> MachineInfo:
    vm = psutil.virtual_memory()
    logical = psutil.cpu_count(logical=True) or os.cpu_count() or 1
    physical = psutil.cpu_count(logical=False) or logical
    return MachineInfo(
        total_ram=int(vm.total),
        available_ram=int(vm.available),
        physical_cores=int(physical),
        logical_cores=int(logical),
        gpu_offload=gpu_offload_supported(),
    )


@dataclass(frozen=True)
class ThreadChoice:
    n_threads: int
    n_threads_batch: int
    reason: str
    max_threads: int = 0  # what the machine could use when idle (0: n_threads)


def choose_threads(sample_seconds: float = 0.1) -> ThreadChoice:
    """Threads for decoding and for prompt processing.

    llama-cpp-python's default is cpu_count//2, which is 1 on a 2-core machine. Measured here on
    the starter model: 1 thread gives 85 prompt / 23 decode tok/s, 2 threads 162 / 39 - so we use
    every physical core. Hyper-threads don't help (both are memory- and FMA-bound). But llama.cpp's
    worker threads spin-wait on each other: when another program keeps a core busy, 2 threads
    collapsed to 50 / 2 tok/s here. So cores that are busy right now are left out.
    WREN_THREADS=N overrides (for benchmarks and unusual machines).
    """
    override = os.environ.get(ENV_THREADS, "").strip()
    if override.isdigit() and int(override) > 0:
        n = int(override)
        return ThreadChoice(n, n, f"set by {ENV_THREADS}")
    logical = psutil.cpu_count(logical=True) or os.cpu_count() or 1
    physical = psutil.cpu_count(logical=False) or logical
    try:
        per_cpu = psutil.cpu_percent(interval=sample_seconds, percpu=True)
    except Exception:
        per_cpu = []
    busy_logical = sum(1 for p in per_cpu if p >= 60.0)
    # Map busy logical CPUs to physical cores (with SMT two logical share one core).
    smt = max(1, logical // max(1, physical))
    busy_physical = -(-busy_logical // smt)
    n = max(1, physical - busy_physical)
    reason = f"{physical} physical cores"
    if busy_physical:
        reason += f", {busy_physical} busy with other work"
    return ThreadChoice(n, n, reason, physical)


def kv_cache_bytes(kv_bytes_per_token_f16: float, n_ctx: int, kv_type: str = "f16") -> int:
    return int(kv_bytes_per_token_f16 / 2.0 * KV_TYPE_BYTES[kv_type] * n_ctx)
