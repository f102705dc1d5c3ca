"""Session fixtures for the family stand-ins: each tiny GGUF is written once, on first use."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.families.tiny_models import FAMILIES, starter_tokenizer, write_real_header, write_tiny


@pytest.fixture(scope="session")
def family_tokenizer(starter_model: Path):
    return starter_tokenizer(str(starter_model))


@pytest.fixture(scope="session")
def family_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("families")


@pytest.fixture(scope="session")
def tiny_model(family_dir: Path, family_tokenizer) -> Callable[..., Path]:
    """tiny_model(key, variant="", **write_tiny_kwargs) -> path of the runnable stand-in."""
    cache: dict[str, Path] = {}

    def get(key: str, variant: str = "", **kwargs: Any) -> Path:
        name = f"{key}-{variant}" if variant else key
        if name not in cache:
            cache[name] = write_tiny(FAMILIES[key], family_dir / f"{name}.gguf",
                                     family_tokenizer, **kwargs)
        return cache[name]

    return get


@pytest.fixture(scope="session")
def real_header(family_dir: Path, family_tokenizer) -> Callable[[str], Path]:
    """real_header(key) -> path of the header-only file with the real model's dimensions."""
    cache: dict[str, Path] = {}

    def get(key: str) -> Path:
        if key not in cache:
            cache[key] = write_real_header(FAMILIES[key], family_dir / f"{key}-real-header.gguf",
                                           family_tokenizer)
        return cache[key]

    return get


@pytest.fixture
def loaded() -> Iterator[Callable[..., Any]]:
    """loaded(path, **LoadOptions) -> a Wren Engine with the file loaded; unloaded after."""
    from app.core.engine import Engine, LoadOptions

    engines: list[Engine] = []

    def load(path: Path, **opts: Any) -> Engine:
        opts.setdefault("n_ctx", 2048)
        opts.setdefault("n_threads", 1)
        e = Engine()
        e.load(path, LoadOptions(**opts))
        engines.append(e)
        return e

    yield load
    for e in engines:
        e.unload()
