"""app/core type-checks clean with mypy (settings in pyproject.toml, [tool.mypy]), and no
`type: ignore` hides an error there: untyped libraries are declared in pyproject.toml instead."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

try:
    import tomllib
except ImportError:  # Python 3.10: mypy itself depends on tomli there
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "app" / "core"

pytestmark = pytest.mark.slow


def _exempt_modules() -> set[str]:
    """Modules pyproject.toml tells mypy to leave alone (ignore_errors)."""
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    out: set[str] = set()
    for o in conf["tool"]["mypy"].get("overrides", []):
        if o.get("ignore_errors"):
            mods = o["module"]
            out |= {mods} if isinstance(mods, str) else set(mods)
    return out


def test_mypy_finds_no_errors_in_core() -> None:
    r = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Success: no issues found" in r.stdout, r.stdout


def test_no_type_ignore_in_core() -> None:
    exempt = _exempt_modules()
    found = []
    for py in sorted(CORE.rglob("*.py")):
        module = ".".join(py.relative_to(ROOT).with_suffix("").parts)
        if module in exempt:
            continue
        for n, line in enumerate(py.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"#\s*type:\s*ignore", line):
                found.append(f"{py.relative_to(ROOT)}:{n}: {line.strip()}")
    assert found == [], "\n".join(found)


def test_exempt_modules_exist() -> None:
    # A module renamed or removed must not leave a stale exemption behind.
    for module in _exempt_modules():
        assert (ROOT / Path(*module.split("."))).with_suffix(".py").is_file(), module
