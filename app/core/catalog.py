"""The model catalog: data in resources/catalog.json, read here. No network.

Each entry names a Hugging Face repo and the quantizations it offers (Q4_K_M by default), plus
the numbers the fit hints need (parameters, layers, KV heads, head size, native context) and the
fields the picker filters on (licence, size class, specialization, training): see
docs/models.md.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.core.paths import resources_dir

DEFAULT_QUANT = "Q4_K_M"
SIZE_CLASSES = ("ultra-small", "small", "medium")
TRAININGS = ("base", "instruction-tuned", "fine-tuned-specialist", "synthetic-distilled")
SPECIALIZATIONS = ("general", "long-documents", "multilingual", "code", "mobile", "research")
COMMERCIAL_USE = ("allowed", "allowed-with-terms", "restricted")


@dataclass(frozen=True)
class Quant:
    quantization: str
    filename: str
    size_bytes: int
    sha256: str | None = None


@dataclass(frozen=True)
class CatalogEntry:
    id: str
    name: str
    repo_id: str
    filename: str  # the default quantization's file
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def get(self, key: str, default: Any = None) -> Any:
        return self.raw.get(key, default)

    @property
    def quants(self) -> list[Quant]:
        return [Quant(q["quantization"], q["filename"], int(q.get("size_bytes") or 0), q.get("sha256"))
                for q in self.raw.get("quantizations", [])]

    @property
    def default_quantization(self) -> str:
        return str(self.raw.get("default_quantization") or DEFAULT_QUANT)

    def quant(self, name: str | None = None) -> Quant | None:
        """The named quantization (case-insensitive), or the default one."""
        want = (name or self.default_quantization).upper()
        for q in self.quants:
            if q.quantization.upper() == want:
                return q
        return None

    @property
    def parameters(self) -> int:
        return int(self.raw.get("parameters") or 0)

    @property
    def context_length(self) -> int:
        return int(self.raw.get("context_length") or 0)

    def kv_bytes_per_token(self, bytes_per_element: float = 2.0) -> float:
        """K and V for one token: 2 x layers x KV heads x head size x bytes per element."""
        r = self.raw
        return 2 * int(r.get("n_layer") or 0) * int(r.get("n_head_kv") or 0) * \
            int(r.get("head_dim") or 0) * bytes_per_element

    def matches(self, *, license_family: str | None = None, size_class: str | None = None,
                specialization: str | None = None, training: str | None = None,
                commercial_only: bool = False) -> bool:
        r = self.raw
        if license_family and r.get("license_family") != license_family:
            return False
        if size_class and r.get("size_class") != size_class:
            return False
        if specialization and specialization not in r.get("specializations", []):
            return False
        if training and r.get("training") != training:
            return False
        if commercial_only and r.get("commercial_use") == "restricted":
            return False
        return True


def size_class_for(parameters: int) -> str:
    """The survey's size classes: under 1B, 1-3B, 3-10B (bigger is out of Wren's scope)."""
    if parameters < 1_000_000_000:
        return "ultra-small"
    if parameters < 3_000_000_000:
        return "small"
    return "medium"


def catalog_path() -> Path:
    return resources_dir() / "catalog.json"


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> tuple[CatalogEntry, ...]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    entries = data["models"] if isinstance(data, dict) else data
    out = []
    for e in entries:
        filename = e.get("filename", "")
        if not filename:
            default = (e.get("default_quantization") or DEFAULT_QUANT).upper()
            for q in e.get("quantizations", []):
                if q["quantization"].upper() == default:
                    filename = q["filename"]
        out.append(CatalogEntry(id=e["id"], name=e.get("name", e["id"]),
                                repo_id=e.get("repo_id", ""), filename=filename, raw=e))
    return tuple(out)


def load_catalog() -> list[CatalogEntry]:
    p = catalog_path()
    if not p.is_file():
        return []
    return list(_load(str(p), p.stat().st_mtime))


def find_entry(model_id: str) -> CatalogEntry | None:
    for e in load_catalog():
        if e.id == model_id:
            return e
    return None


def entry_for_file(repo_id: str, filename: str) -> tuple[CatalogEntry, Quant] | None:
    """The catalog entry and quantization a Hub file belongs to, if any."""
    for e in load_catalog():
        if e.repo_id != repo_id:
            continue
        for q in e.quants:
            if q.filename == filename:
                return e, q
    return None
