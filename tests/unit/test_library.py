"""Installed-model management: import, delete, default, reveal (real files, real SQLite)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.core.errors import BadInput, ModelFileError
from app.core.library import delete_model, import_gguf, reveal_command, set_default
from app.core.models import installed_models, resolve_model
from app.core.paths import DataDir
from app.core.starter import STARTER_ID


@pytest.fixture
def data(data_dir: Path) -> DataDir:
    return DataDir(data_dir).ensure()


def test_import_copy_then_delete_removes_file_and_record(store, data, starter_model) -> None:
    m = import_gguf(store, data, starter_model, model_id="mine")
    assert Path(m.path).parent == data.models and Path(m.path).stat().st_size == m.size_bytes
    set_default(store, data, "mine")
    assert resolve_model(None, store, data).id == "mine"
    delete_model(store, data, "mine")
    assert not Path(m.path).exists() and store.get_model("mine") is None
    assert store.get_setting("default_model") is None
    assert "mine" not in {x.id for x in installed_models(store, data)}


def test_deleting_a_linked_model_keeps_the_users_file(store, data, starter_model, tmp_path) -> None:
    own = tmp_path / "own" / "theirs.gguf"
    own.parent.mkdir()
    shutil.copyfile(starter_model, own)
    m = import_gguf(store, data, own, link=True)
    assert m.path == str(own.resolve()) and not list(data.models.iterdir())
    delete_model(store, data, m.id)
    assert own.exists() and store.get_model(m.id) is None


def test_bad_imports_and_ids_are_bad_input(store, data, tmp_path) -> None:
    fake = tmp_path / "fake.gguf"
    fake.write_bytes(b"PK\x03\x04 zip, not gguf")
    with pytest.raises(ModelFileError, match="zip archive"):
        import_gguf(store, data, fake)
    with pytest.raises(BadInput, match="not a .gguf"):
        import_gguf(store, data, tmp_path / "x.txt")
    assert not list(data.models.iterdir()) and store.list_models() == []
    with pytest.raises(BadInput, match="no installed model"):
        delete_model(store, data, "nope")
    with pytest.raises(BadInput, match="no installed model"):
        set_default(store, data, "nope")
    with pytest.raises(BadInput, match="starter model cannot be deleted"):
        delete_model(store, data, STARTER_ID)


def test_reveal_command_names_the_file_manager(monkeypatch) -> None:
    import app.core.library as lib

    path = Path("/tmp/models/x.gguf")
    for plat, want in (("linux", ["xdg-open", str(path.parent)]),  # no "select" on Linux
                       ("darwin", ["open", "-R", str(path)]),
                       ("win32", ["explorer", f"/select,{path}"])):
        monkeypatch.setattr(lib.sys, "platform", plat)
        assert reveal_command(path) == want, plat
