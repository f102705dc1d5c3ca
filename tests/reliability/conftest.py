from __future__ import annotations

import contextlib
import subprocess
from pathlib import Path

import pytest


@pytest.fixture
def tiny_fs(tmp_path: Path):
    """Mount a small tmpfs (root only) and return a factory: tiny_fs(size_kb) -> Path."""
    mounts: list[Path] = []

    def make(size_kb: int) -> Path:
        d = tmp_path / f"tinyfs-{len(mounts)}"
        d.mkdir()
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(d)],
                           capture_output=True, text=True)
        if r.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {r.stderr.strip()}")
        mounts.append(d)
        return d

    yield make
    for d in mounts:
        with contextlib.suppress(Exception):
            subprocess.run(["umount", "-l", str(d)], check=False)
