"""Log records go to logs/wren.log and never to the terminal, huggingface_hub's included."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path


def test_huggingface_hub_warnings_go_to_the_log_file_not_stderr(tmp_path: Path) -> None:
    # A fresh interpreter: setup_file_logging installs its handler once per process.
    code = textwrap.dedent(f"""
        import logging
        from pathlib import Path
        from app.core.logs import setup_file_logging
        from app.core.paths import DataDir
        setup_file_logging(DataDir(Path({str(tmp_path)!r})))
        from huggingface_hub.utils import logging as hf_logging
        hf_logging.get_logger("huggingface_hub.utils._http").warning("retrying in 1s (hub-test)")
        logging.getLogger("wren.test").warning("a wren record (wren-test)")
    """)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                       cwd=Path(__file__).resolve().parents[2])
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    log = (tmp_path / "logs" / "wren.log").read_text(encoding="utf-8")
    assert "hub-test" in log and "wren-test" in log
