"""Tests that need a system tool or library which a newcomer's machine may lack.

README's test command must pass on a machine with only Python and a compiler: such a test then
skips with one line naming the Debian package to install. `.ci/run` installs them all, so under
CI=true a missing one is a failure, never a silent skip.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[1]


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def missing(reason: str) -> NoReturn:
    """Skip with `reason` (which names the package to install), or fail under CI=true."""
    if under_ci():
        pytest.fail(f"{reason}; CI=true, and .ci/run should have installed it", pytrace=False)
    pytest.skip(reason)


def require_tools(package: str, *tools: str) -> None:
    absent = [t for t in tools if shutil.which(t) is None]
    if absent:
        missing(f"{', '.join(absent)} not installed (apt-get install {package})")


def xcb_plugin() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def missing_sonames(elf: Path) -> list[str]:
    """Libraries `elf` links to that the dynamic linker cannot find on this machine."""
    res = subprocess.run(["ldd", str(elf)], capture_output=True, text=True)
    return sorted({line.split()[0] for line in res.stdout.splitlines() if "not found" in line})


def require_xcb_libraries() -> None:
    """Qt's xcb platform plugin (a real window) needs system libraries the offscreen one does not."""
    if not sys.platform.startswith("linux"):
        return
    require_tools("libc-bin", "ldd")
    sys.path.insert(0, str(ROOT / "installers" / "linux"))
    from build_deb import package_for_soname

    absent = missing_sonames(xcb_plugin())
    if absent:
        packages = sorted({package_for_soname(s) for s in absent})
        missing(f"{', '.join(absent)} not installed, which Qt's xcb platform needs "
                f"(apt-get install {' '.join(packages)})")
