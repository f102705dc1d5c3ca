"""How every front end starts (the window, each CLI command, the API server's `serve`): the data
dir, log records to logs/wren.log, and the caches that make a second start cheap (the verdicts
of model vetting, the probe of llama.cpp's backends)."""
from __future__ import annotations

import logging
import os

from app import __version__
from app.core import backends, vetting
from app.core.logs import setup_file_logging
from app.core.paths import DataDir, resolve_data_dir

log = logging.getLogger("wren.startup")


def start(data_dir: str | os.PathLike[str] | None, front_end: str, *,
          quiet_hub: bool = True) -> DataDir:
    """Resolve and create the data dir, send log records to its logs/wren.log and point the
    vetting and backend caches into its cache/ folder. `quiet_hub` also silences
    huggingface_hub's own stderr handler now (it imports huggingface_hub: the window, which
    must not import it before its first frame, passes False)."""
    data = resolve_data_dir(data_dir).ensure()
    setup_file_logging(data, quiet_hub=quiet_hub)
    vetting.set_cache_file(data.cache / "vetted.json")
    backends.set_cache_file(data.cache / "backends.json")
    log.info("Wren %s starting (%s), data in %s", __version__, front_end, data.root)
    return data
