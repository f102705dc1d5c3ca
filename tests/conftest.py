"""Shared fixtures. Qt runs offscreen here (never set by hand); no test reaches the real Hub."""
from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

# Set before anything imports Qt or huggingface_hub.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Any accidental Hub call fails fast against a closed loopback port instead of the internet.
os.environ.setdefault("HF_ENDPOINT", "http://127.0.0.1:9")
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
os.environ.pop("WREN_DATA_DIR", None)

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session", autouse=True)
def llama_backends(tmp_path_factory: pytest.TempPathFactory) -> None:
    """With installers/build_llama.py's build installed, llama.cpp's backends are separate
    libraries that Wren loads before its first model; tests that call llama_cpp directly need
    them loaded too. The verdict is kept in a temporary cache, never the user's data dir."""
    import importlib.metadata

    try:
        dist = importlib.metadata.distribution("llama-cpp-python")
    except importlib.metadata.PackageNotFoundError:
        return
    if (Path(dist.locate_file("llama_cpp")) / "lib" / "wren-build.json").exists():
        from app.core import backends

        backends.set_cache_file(tmp_path_factory.mktemp("backends") / "backends.json")
        backends.ensure_backends()


@pytest.fixture(scope="session")
def starter_model() -> Path:
    from app.core.starter import find_starter_model

    p = find_starter_model()
    if p is None:
        pytest.fail("the starter model is not installed: pip install -e '.[test]'")
    return p


@pytest.fixture(scope="session")
def qapp(qapp_args, qapp_cls, pytestconfig):
    """pytest-qt's application, with the window's language installed as `python main.py` does
    (English here: its translation file gives the plural forms, "1 page" / "12 pages")."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = qapp_cls(qapp_args)
        app.setApplicationName(pytestconfig.getini("qt_qapp_name"))
    from app.ui.i18n import install_language

    install_language(app, "en")
    return app


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "wren-data"
    d.mkdir()
    return d


@pytest.fixture
def store(data_dir: Path):
    from app.core.store import Store

    s = Store(data_dir / "wren.db")
    yield s
    s.close()


@pytest.fixture(scope="session")
def engine(starter_model: Path):
    """One loaded starter model for the whole session (loading is ~0.3 s, but RAM adds up)."""
    from app.core.engine import Engine

    e = Engine()
    e.load(starter_model)
    yield e
    e.unload()


@pytest.fixture(scope="session")
def gguf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("gguf")


@pytest.fixture(scope="session")
def no_template_model(starter_model: Path, gguf_dir: Path) -> Path:
    from tests.gguf_factory import no_template_copy

    return no_template_copy(starter_model, gguf_dir / "smollm2-no-template.gguf")


@pytest.fixture(scope="session")
def base_model(starter_model: Path, gguf_dir: Path) -> Path:
    from tests.gguf_factory import base_model_copy

    return base_model_copy(starter_model, gguf_dir / "plain-base.gguf")


def run_cli(*args: str, data_dir: Path | None = None, timeout: float = 300, env: dict | None = None,
            input: str | None = None):
    """Run `python main.py ...` in a child process; returns CompletedProcess (text)."""
    import subprocess

    cmd = [sys.executable, str(ROOT / "main.py")]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    cmd += list(args)
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=full_env,
                          cwd=str(ROOT), input=input)


@pytest.fixture(autouse=True)
def no_leftover_threads():
    """Fail a test that leaves Python threads running (napari's rule)."""
    before = set(threading.enumerate())
    yield
    import time

    deadline = time.monotonic() + 2.0
    while True:
        extra = [t for t in threading.enumerate() if t not in before and t.is_alive()
                 and not t.daemon]
        if not extra or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert not extra, f"threads left running: {[t.name for t in extra]}"


@pytest.fixture
def file_keyring(tmp_path: Path):
    """The real plaintext-file keyring backend in the test's tmp dir; yields its file."""
    import keyring

    from tests.remote_helpers import use_file_keyring

    previous = use_file_keyring(tmp_path / "keyring.cfg")
    yield tmp_path / "keyring.cfg"
    keyring.set_keyring(previous)
