"""README's two quick-start commands stay true: CI runs the test command verbatim."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [c.strip() for c in re.findall(r"```\n(.*?)\n```", quick, re.S)]


def test_two_one_line_commands():
    cmds = _commands()
    assert len(cmds) == 2
    assert all("\n" not in c for c in cmds)
    assert cmds[0].endswith("python main.py") and '".[starter]"' in cmds[0]
    assert cmds[1].endswith("python -m pytest") and '".[test]"' in cmds[1]


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [ln.strip() for ln in ci.splitlines()]
    assert _commands()[1] in lines


def test_main_and_python_m_app_are_the_same_entry():
    assert "from app.cli import main" in (ROOT / "main.py").read_text()
    assert "from app.cli import main" in (ROOT / "app" / "__main__.py").read_text()
