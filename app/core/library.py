"""Installed-model management: import a local GGUF, delete, set default, reveal in file manager."""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

from app.core.errors import BadInput, DiskFullError, WrenError
from app.core.gguf_info import read_gguf_info, validate_for_loading
from app.core.models import (
    DEFAULT_MODEL_SETTING,
    InstalledModel,
    installed_models,
    model_id_for_path,
)
from app.core.paths import DataDir, copy_atomically
from app.core.store import Store


def import_gguf(store: Store, data: DataDir, path: str | os.PathLike[str], *, link: bool = False,
                model_id: str | None = None) -> InstalledModel:
    """Validate the header first, then copy into models/ (or, with link, use the file in place)."""
    src = Path(path).expanduser()
    if not src.name.lower().endswith(".gguf"):
        raise BadInput(f"{src.name}: not a .gguf file")
    info = read_gguf_info(src)  # raises ModelFileError with the reason, before any copying
    validate_for_loading(info)
    src = src.resolve()
    data.ensure()
    mid = model_id or model_id_for_path(src)
    existing = store.get_model(mid)
    if existing is not None and Path(existing["path"]).exists():
        raise BadInput(f"a model with id '{mid}' is already installed")
    if link:
        dest = src
    else:
        dest = data.models / src.name
        if dest.exists():
            raise BadInput(f"{dest.name} is already in {data.models}")
        if shutil.disk_usage(data.models).free < info.file_size + 64 * 1024 * 1024:
            raise DiskFullError(f"not enough disk space in {data.models} to copy {src.name} "
                                f"({info.file_size / 1e6:,.0f} MB); try --link")
        try:
            copy_atomically(src, dest)
        except OSError as e:
            if e.errno in (errno.ENOSPC, errno.EDQUOT):
                raise DiskFullError(f"the disk filled up while copying {src.name}: nothing was added") from None
            raise WrenError(f"cannot copy {src.name}: {e.strerror or e}") from None
    store.upsert_model(mid, str(dest), name=info.display_name, architecture=info.architecture,
                       quantization=info.quantization, size_bytes=info.file_size,
                       context_length=info.context_length, source="import", linked=int(link))
    return InstalledModel(mid, str(dest), info.display_name, info.file_size, "import")


def find_installed(store: Store, data: DataDir, model_id: str) -> InstalledModel:
    for m in installed_models(store, data):
        if m.id == model_id:
            return m
    raise BadInput(f"no installed model '{model_id}'")


def delete_model(store: Store, data: DataDir, model_id: str) -> InstalledModel:
    """Remove a model: its file when it lives in models/, and its record. Linked files stay."""
    m = find_installed(store, data, model_id)
    if m.source == "starter":
        raise BadInput("the bundled starter model cannot be deleted")
    row = store.get_model(model_id)
    p = Path(m.path)
    inside = p.resolve().parent == data.models.resolve()
    if inside and not (row and row.get("linked")):
        p.unlink(missing_ok=True)
    store.delete_model(model_id)
    if store.get_setting(DEFAULT_MODEL_SETTING) == model_id:
        store.set_setting(DEFAULT_MODEL_SETTING, None)
    return m


def set_default(store: Store, data: DataDir, model_id: str) -> None:
    find_installed(store, data, model_id)
    store.set_setting(DEFAULT_MODEL_SETTING, model_id)


def reveal_command(path: str | os.PathLike[str]) -> list[str]:
    """The command that shows a file in the platform's file manager."""
    p = str(Path(path))
    if sys.platform == "darwin":
        return ["open", "-R", p]
    if sys.platform.startswith("win"):
        return ["explorer", f"/select,{p}"]
    return ["xdg-open", str(Path(p).parent)]


def reveal(path: str | os.PathLike[str]) -> None:
    try:
        subprocess.Popen(reveal_command(path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError as e:
        raise WrenError(f"cannot open the file manager: {e.strerror or e}") from None
