"""How to load a model and how to sample a reply: plain data, importable without the engine
(the window reads them before its first frame). The sampling defaults are written here once;
presets, the CLI and the API server take them from SamplingParams."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LoadOptions:
    n_ctx: int | None = None  # None: chosen from the model and the RAM
    n_batch: int = 512
    kv_type: str = "f16"  # f16, q8_0, q4_0 (quantized V needs flash attention)
    flash_attn: bool = False
    # llama.cpp's n_gpu_layers as a reading plan fixed it; None: planned here from `gpu`.
    n_gpu_layers: int | None = None
    n_threads: int | None = None  # None: choose_threads()
    gpu: str | int = "auto"  # the user's setting: auto, off, or N layers on the GPU
    gpu_cap: int = 0  # bytes of GPU memory Wren may use (0: all free memory less the margin)
    n_ubatch: int | None = None  # None: n_batch on the CPU, planner.GPU_UBATCH on a GPU


@dataclass(frozen=True)
class SamplingParams:
    max_tokens: int = 512
    temperature: float = 0.7
    top_p: float = 0.95
    top_k: int = 40
    min_p: float = 0.05
    repeat_penalty: float = 1.0
    seed: int | None = None
    # Lookup (speculative) decoding: "auto" drafts from the prompt and the reply where it pays,
    # "on" whenever a match is found (tests, benchmarks), "off" decodes one token per step.
    # The output is the same either way (app/core/lookup.py).
    speculative: str = "auto"
