"""Where Wren keeps its data: one directory, movable with --data-dir or WREN_DATA_DIR."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "WREN_DATA_DIR"


@dataclass(frozen=True)
class DataDir:
    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / "wren.db"

    @property
    def models(self) -> Path:
        return self.root / "models"

    @property
    def downloads(self) -> Path:
        return self.root / "downloads"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def ensure(self) -> DataDir:
        for p in (self.root, self.models, self.downloads, self.cache, self.logs):
            p.mkdir(parents=True, exist_ok=True)
        return self


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> DataDir:
    """--data-dir wins, then $WREN_DATA_DIR, then the platform's standard user data dir."""
    if explicit:
        root = Path(explicit)
    elif os.environ.get(ENV_DATA_DIR):
        root = Path(os.environ[ENV_DATA_DIR])
    else:
        root = Path(platformdirs.user_data_dir("Wren", appauthor=False))
    return DataDir(root.expanduser().resolve())


def copy_atomically(src: Path, dest: Path) -> None:
    """Copy through a hidden temp file and an atomic rename: `dest` is whole or absent.
    On failure the temp file is removed and the OSError re-raised for the caller to word."""
    import shutil

    tmp = dest.with_name(f".{dest.name}.tmp")
    try:
        shutil.copyfile(src, tmp)
        os.replace(tmp, dest)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def write_atomically(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write `data` (text as UTF-8) through a temporary file in the same folder and an atomic
    rename, so a crash or a kill never leaves half a file under the final name. On failure the
    temporary file is removed and the OSError re-raised for the caller to word."""
    import tempfile

    dest = Path(path)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def resources_dir() -> Path:
    """The `resources/` folder (next to `app/` in a checkout, or inside a frozen bundle)."""
    import sys

    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"
