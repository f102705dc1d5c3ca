"""Smoke test of a built Wren: version, one real chat with the bundled starter model, window opens.

    python installers/smoke.py dist/wren/wren            # the frozen app (any platform)
    python installers/smoke.py /usr/bin/wren             # the installed .deb
    python installers/smoke.py --python-main             # `python main.py`, for comparison

The window check runs the app with QT_QPA_PLATFORM=offscreen (or on the display given with
--display) and WREN_SMOKE_WINDOW set, which makes the runtime hook installers/rthooks/
smoke_window.py record the first visible window and end the event loop. Prints one JSON object
with what it saw and the timings (version, chat, start to window shown); exit 0 when all passed,
1 on a failure, and the window part is reported as "not built" (still exit 0) while app.ui.app
does not exist yet.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOOK = ROOT / "installers" / "rthooks" / "smoke_window.py"


class SmokeFailure(Exception):
    pass


class WindowNotBuilt(Exception):
    pass


def python_main_command() -> list[str]:
    """`python main.py` with the same window probe the frozen app has as a runtime hook."""
    boot = (f"import runpy, sys; exec(compile(open({str(HOOK)!r}).read(), 'smoke_window', 'exec')); "
            f"sys.argv[0] = {str(ROOT / 'main.py')!r}; "
            f"runpy.run_path({str(ROOT / 'main.py')!r}, run_name='__main__')")
    return [sys.executable, "-c", boot]


def _run(cmd: list[str], env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)


def base_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("WREN_DATA_DIR", None)
    env.pop("WREN_STARTER_MODEL", None)  # the app must find the model it carries
    env.setdefault("HF_ENDPOINT", "http://127.0.0.1:9")  # never reach the Hub
    env["HF_HUB_OFFLINE"] = "1"
    return env


def check_version(cmd: list[str], expected: str | None = None) -> dict:
    started = time.monotonic()
    res = _run(cmd + ["--version"], base_env(), 120)
    elapsed = time.monotonic() - started
    out = res.stdout.strip()
    if res.returncode != 0 or not out.startswith("Wren "):
        raise SmokeFailure(f"--version failed (exit {res.returncode}): {out} {res.stderr.strip()}")
    if expected and out != f"Wren {expected}":
        raise SmokeFailure(f"--version printed {out!r}, expected 'Wren {expected}'")
    return {"version": out, "version_s": round(elapsed, 3)}


def check_chat(cmd: list[str], data_dir: Path) -> dict:
    started = time.monotonic()
    res = _run(cmd + ["--data-dir", str(data_dir), "chat", "Hello", "--json",
                      "--max-tokens", "40", "--seed", "1"], base_env(), 600)
    elapsed = time.monotonic() - started
    if res.returncode != 0:
        raise SmokeFailure(f"chat failed (exit {res.returncode}): {res.stderr.strip()[-500:]}")
    reply = json.loads(res.stdout)
    if not reply.get("text", "").strip() or int(reply.get("completion_tokens", 0)) < 1:
        raise SmokeFailure(f"chat gave no reply: {res.stdout.strip()[:300]}")
    return {"chat_model": reply.get("model"), "chat_text": reply["text"],
            "chat_completion_tokens": reply["completion_tokens"], "chat_s": round(elapsed, 2)}


def check_window(cmd: list[str], data_dir: Path, display: str | None = None,
                 timeout: float = 120) -> dict:
    env = base_env()
    if display:
        env["DISPLAY"] = display
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("WAYLAND_DISPLAY", None)
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "window.json"
        env["WREN_SMOKE_WINDOW"] = str(result)
        started = time.time()
        proc = subprocess.Popen(cmd + ["--data-dir", str(data_dir)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            raise SmokeFailure(f"the window did not open or close within {timeout:.0f} s: "
                               f"{err.strip()[-500:]}") from None
        if "the window cannot start" in err and "app.ui" in err:
            raise WindowNotBuilt(err.strip())
        if not result.is_file():
            raise SmokeFailure(f"no window was shown (exit {proc.returncode}): {err.strip()[-800:]}")
        seen = json.loads(result.read_text(encoding="utf-8"))
        if proc.returncode != 0:
            raise SmokeFailure(f"the window opened ({seen['title']!r}) but the app exited "
                               f"with {proc.returncode}: {err.strip()[-800:]}")
        return {"window_title": seen["title"], "window_class": seen["class"],
                "start_to_window_s": round(seen["shown_at"] - started, 3),
                "window_platform": f"xcb {display}" if display else "offscreen"}


def smoke(cmd: list[str], display: str | None = None, expected_version: str | None = None) -> dict:
    report: dict = {"command": " ".join(cmd)}
    report.update(check_version(cmd, expected_version))
    with tempfile.TemporaryDirectory(prefix="wren-smoke-") as tmp:
        report.update(check_chat(cmd, Path(tmp) / "chat"))
        try:
            report.update(check_window(cmd, Path(tmp) / "window", display))
        except WindowNotBuilt as e:
            report["window"] = f"not built: {e}"
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("launcher", nargs="?", help="the wren executable to test")
    parser.add_argument("--python-main", action="store_true", help="test `python main.py`")
    parser.add_argument("--display", help="X display for the window (default: offscreen)")
    parser.add_argument("--expect-version", help="fail unless --version prints this version")
    args = parser.parse_args(argv)
    if args.python_main:
        cmd = python_main_command()
    elif args.launcher:
        cmd = [str(Path(args.launcher).absolute())]
    else:
        parser.error("give the launcher to test, or --python-main")
    try:
        report = smoke(cmd, args.display, args.expect_version)
    except (SmokeFailure, subprocess.TimeoutExpired, json.JSONDecodeError) as e:
        print(f"smoke: FAILED: {e}", file=sys.stderr)
        return 1
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
