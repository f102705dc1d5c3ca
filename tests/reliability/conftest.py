from __future__ import annotations

import contextlib
import subprocess
from pathlib import Path

import pytest

from tests.system_tools import missing


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
            missing(f"cannot mount a tmpfs here (needs root and mount from util-linux): "
                    f"{r.stderr.strip()}")
        mounts.append(d)
        return d

    yield make
    for d in mounts:
        with contextlib.suppress(Exception):
            subprocess.run(["umount", "-l", str(d)], check=False)


def make_small_gguf(path: Path, mb: int = 8, seed: int = 0) -> Path:
    """A valid GGUF header with `mb` MiB of random tensor data: the downloader reads its header
    after the sha256 check, so downloads of it complete; too small a model to chat with."""
    import gguf
    import numpy as np

    w = gguf.GGUFWriter(str(path), "llama")
    w.add_name(f"reliability test {seed}")
    w.add_context_length(2048)
    w.add_block_count(1)
    rng = np.random.default_rng(seed)
    w.add_tensor("token_embd.weight", rng.standard_normal((mb * 256, 1024)).astype(np.float32))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return path


@pytest.fixture(scope="session")
def small_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_small_gguf(tmp_path_factory.mktemp("small-gguf") / "small.Q8_0.gguf")


def db_rows(data_dir: Path, sql: str) -> list[tuple]:
    """Rows from the data dir's database, or [] when no database was ever created."""
    import sqlite3

    db = data_dir / "wren.db"
    if not db.exists():
        return []
    c = sqlite3.connect(db)
    try:
        return c.execute(sql).fetchall()
    finally:
        c.close()


def one_line_error(stderr: str) -> str:
    """The command's error: exactly one `wren: error:` line, the last one, and no traceback or
    library warnings (progress lines before it are allowed: the CLI contract in
    docs/architecture.md)."""
    lines = stderr.strip().splitlines()
    errors = [ln for ln in lines if ln.startswith("wren: error:")]
    assert len(errors) == 1 and lines[-1] == errors[0], stderr
    assert "Traceback" not in stderr and "[Retry" not in stderr and "thrown while" not in stderr, stderr
    return errors[0]
