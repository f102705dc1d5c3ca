"""The model catalog: data in resources/catalog.json, read here. No network."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.core.paths import resources_dir


@dataclass(frozen=True)
class CatalogEntry:
    id: str
    name: str
    repo_id: str
    filename: str
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def get(self, key: str, default: Any = None) -> Any:
        return self.raw.get(key, default)


def catalog_path() -> Path:
    return resources_dir() / "catalog.json"


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> tuple[CatalogEntry, ...]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    entries = data["models"] if isinstance(data, dict) else data
    return tuple(
        CatalogEntry(id=e["id"], name=e.get("name", e["id"]), repo_id=e.get("repo_id", ""),
                     filename=e.get("filename", ""), raw=e)
        for e in entries
    )


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
