"""Will a model run on this machine? RAM = weights + KV cache at a useful context + overhead.

The numbers come from the catalog (or a GGUF header), never from guesses: weights are the file
size (llama.cpp maps the file), the KV cache is 2 x layers x KV heads x head size x 2 bytes (f16)
per token, and RUNTIME_OVERHEAD_BYTES covers compute buffers and the Python process.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from app.core.catalog import CatalogEntry, Quant, load_catalog
from app.core.machine import RESERVE_BYTES, RUNTIME_OVERHEAD_BYTES, MachineInfo

if TYPE_CHECKING:
    from app.core.gguf_info import GGUFInfo

# A context that makes chat useful: a few pages of conversation.
USEFUL_CONTEXT = 4096
# Summarizing long documents wants a bigger window.
LONG_DOC_CONTEXT = 32768
# "tight" if the model needs more than this share of the RAM we can plan with.
COMFORT_SHARE = 0.75

FITS, TIGHT, WONT_FIT = "fits", "tight", "won't fit"

GiB = 1024**3


@dataclass(frozen=True)
class FitHint:
    status: str  # fits / tight / won't fit
    needed_bytes: int
    weights_bytes: int
    kv_bytes: int
    overhead_bytes: int
    n_ctx: int
    budget_bytes: int  # RAM we plan with: total minus a reserve for the desktop
    total_ram: int

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @property
    def summary(self) -> str:
        return (f"{self.status}: needs {self.needed_bytes / GiB:.1f} GiB at {self.n_ctx} tokens "
                f"of {self.total_ram / GiB:.1f} GiB RAM")


def ram_needed(weights_bytes: int, kv_bytes_per_token: float, n_ctx: int) -> tuple[int, int, int]:
    kv = int(kv_bytes_per_token * n_ctx)
    return weights_bytes + kv + RUNTIME_OVERHEAD_BYTES, kv, RUNTIME_OVERHEAD_BYTES


def classify(needed: int, machine: MachineInfo) -> tuple[str, int]:
    budget = max(0, machine.total_ram - RESERVE_BYTES)
    if needed <= budget * COMFORT_SHARE:
        return FITS, budget
    if needed <= budget:
        return TIGHT, budget
    return WONT_FIT, budget


def fit_for(weights_bytes: int, kv_bytes_per_token: float, native_ctx: int, machine: MachineInfo,
            n_ctx: int = USEFUL_CONTEXT) -> FitHint:
    ctx = min(n_ctx, native_ctx) if native_ctx > 0 else n_ctx
    needed, kv, overhead = ram_needed(weights_bytes, kv_bytes_per_token, ctx)
    status, budget = classify(needed, machine)
    return FitHint(status, needed, weights_bytes, kv, overhead, ctx, budget, machine.total_ram)


def fit_entry(entry: CatalogEntry, quant: Quant | None, machine: MachineInfo,
              n_ctx: int = USEFUL_CONTEXT) -> FitHint:
    q = quant or entry.quant()
    weights = q.size_bytes if q else 0
    return fit_for(weights, entry.kv_bytes_per_token(), entry.context_length, machine, n_ctx)


def fit_gguf(info: GGUFInfo, machine: MachineInfo, n_ctx: int = USEFUL_CONTEXT) -> FitHint:
    """Fit hint for an installed file, from its GGUF header."""
    return fit_for(int(info.file_size), float(info.kv_bytes_per_token()),
                   int(info.context_length), machine, n_ctx)


# ----------------------------------------------------------------- "Which model should I use?"
PURPOSES = {
    "chat": ("general", USEFUL_CONTEXT),
    "long-documents": ("long-documents", LONG_DOC_CONTEXT),
    "code": ("code", USEFUL_CONTEXT),
    "multilingual": ("multilingual", USEFUL_CONTEXT),
    "low-power": ("mobile", USEFUL_CONTEXT),
}


@dataclass(frozen=True)
class Recommendation:
    model_id: str
    name: str
    quantization: str
    fit: FitHint
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {"model_id": self.model_id, "name": self.name, "quantization": self.quantization,
                "fit": self.fit.to_dict(), "reason": self.reason}


def recommend(machine: MachineInfo, purpose: str = "chat",
              entries: list[CatalogEntry] | None = None) -> Recommendation:
    """Pick the most capable catalog model for the purpose that comfortably fits this machine.

    "Most capable" is approximated by parameter count among models made for the purpose,
    preferring instruction-tuned ones (a base model does not follow instructions). If nothing
    fits comfortably, the smallest model that is at least "tight" is offered, with a warning.
    """
    if purpose not in PURPOSES:
        from app.core.errors import BadInput

        raise BadInput(f"unknown purpose '{purpose}': choose one of {', '.join(PURPOSES)}")
    spec, n_ctx = PURPOSES[purpose]
    entries = entries if entries is not None else load_catalog()
    usable = [e for e in entries if e.get("training") != "base" and e.quant() is not None]
    matching = [e for e in usable if spec in e.get("specializations", [])] or usable
    scored = [(e, fit_entry(e, None, machine, n_ctx)) for e in matching]
    fitting = [(e, f) for e, f in scored if f.status == FITS]
    ram = f"{machine.total_ram / GiB:.0f} GiB RAM"
    cores = f"{machine.physical_cores} cores"
    if fitting:
        # Slower CPUs make big models painful even when they fit: cap by cores.
        cap = 4_000_000_000 if machine.physical_cores <= 2 and not machine.gpu_offload else None
        pool = [(e, f) for e, f in fitting if cap is None or e.parameters <= cap] or fitting
        e, f = max(pool, key=lambda ef: (ef[0].parameters, -ef[1].needed_bytes))
        why = (f"{e.name} is the most capable {purpose} model that fits comfortably in {ram} "
               f"({f.needed_bytes / GiB:.1f} GiB at {f.n_ctx} tokens)")
        if cap is not None and any(x.parameters > cap for x, _ in fitting):
            why += f"; bigger ones would fit but are slow on {cores} without a GPU"
        return Recommendation(e.id, e.name, e.default_quantization, f, why + ".")
    tight = [(e, f) for e, f in scored if f.status == TIGHT]
    candidates = tight or scored
    e, f = min(candidates, key=lambda ef: ef[1].needed_bytes)
    why = (f"Nothing made for {purpose} fits comfortably in {ram}; {e.name} is the smallest "
           f"({f.needed_bytes / GiB:.1f} GiB, {f.status}). Close other programs before using it.")
    return Recommendation(e.id, e.name, e.default_quantization, f, why)
