"""Fast checks of the installer tools themselves (no PyInstaller run): bad input, Depends, probe."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.system_tools import require_tools

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installers" / "linux"))
sys.path.insert(0, str(ROOT / "installers"))


def _py(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, **kw)


def test_build_refuses_another_platform():
    other = "windows" if sys.platform.startswith("linux") else "linux"
    res = _py("installers/build.py", other)
    assert res.returncode == 2
    assert "cannot build for" in res.stderr and res.stderr.strip().count("\n") == 0


def test_build_rejects_unknown_target():
    res = _py("installers/build.py", "amiga")
    assert res.returncode == 2 and "invalid choice" in res.stderr


def test_build_deb_without_bundle_is_bad_input(tmp_path: Path):
    res = _py("installers/linux/build_deb.py", "--bundle", str(tmp_path / "nothing"),
              "--out", str(tmp_path))
    assert res.returncode == 2
    assert res.stderr.startswith("build_deb: error:") and res.stderr.strip().count("\n") == 0
    assert not list(tmp_path.glob("*.deb"))


def test_depends_follow_the_libraries_the_bundle_needs(tmp_path: Path):
    require_tools("dpkg", "dpkg-query")
    require_tools("binutils", "readelf")
    import build_deb
    import llama_cpp

    lib = Path(llama_cpp.__file__).parent / "lib"
    for name in ("libggml-base.so", "libggml-cpu.so"):
        shutil.copy2(lib / name, tmp_path / name)
        (tmp_path / f"{name}.0").symlink_to(name)  # the SONAME link, as in the bundle
    depends = build_deb.compute_depends(tmp_path)
    assert "libgomp1" in depends  # OpenMP, needed by ggml and not carried in the bundle
    assert "libxcb-cursor0" in depends  # always: Qt's xcb platform on a bare machine
    (tmp_path / "libgomp.so.1").write_bytes(b"")  # now the bundle carries it itself
    assert "libgomp1" not in build_deb.compute_depends(tmp_path)


def test_depends_are_stated_for_libraries_this_machine_lacks(tmp_path: Path):
    """A build machine need not have the runtime libraries: a NEEDED library that is not
    installed here becomes a Depends on its Debian package instead of an error."""
    import build_deb

    require_tools("gcc", "gcc")
    require_tools("dpkg", "dpkg-query")
    require_tools("binutils", "readelf")
    work = tmp_path / "work"
    bundle = tmp_path / "bundle"
    work.mkdir()
    bundle.mkdir()
    (work / "a.c").write_text("int wren_absent(void) { return 1; }\n")
    (work / "b.c").write_text("int wren_absent(void);\nint use(void) { return wren_absent(); }\n")
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(work / "libwrenabsent.so.7"),
                    "-Wl,-soname,libwrenabsent.so.7", str(work / "a.c")], check=True)
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(bundle / "libuser.so"), str(work / "b.c"),
                    str(work / "libwrenabsent.so.7")], check=True)
    assert "libwrenabsent.so.7" in build_deb.needed_sonames(bundle / "libuser.so")
    depends = build_deb.compute_depends(bundle)
    assert "libwrenabsent7" in depends
    assert "libxcb-keysyms1" in depends  # always, installed here or not


def test_package_names_follow_debian_policy():
    import build_deb

    assert build_deb.package_for_soname("libxcb-keysyms.so.1") == "libxcb-keysyms1"
    assert build_deb.package_for_soname("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert build_deb.package_for_soname("libglib-2.0.so.0") == "libglib2.0-0"
    assert build_deb.package_for_soname("libfoo.so.3") == "libfoo3"
    assert build_deb.package_for_soname("libbar2.so.5") == "libbar2-5"


def test_desktop_entries_are_valid(tmp_path: Path):
    import build_deb

    files = {"wren.desktop": build_deb.DESKTOP,
             "wren-summarize.desktop": build_deb.SUMMARIZE_DESKTOP.format(
                 mime=";".join(build_deb.MIME_TYPES))}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert "application/pdf" in files["wren-summarize.desktop"]
    require_tools("desktop-file-utils", "desktop-file-validate")
    res = subprocess.run(["desktop-file-validate", *[str(tmp_path / n) for n in files]],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def test_window_probe_sees_a_real_window_and_ends_the_loop(tmp_path: Path):
    """The runtime hook the frozen app carries, on a real (offscreen) Qt window."""
    result = tmp_path / "window.json"
    script = (
        "import sys\n"
        f"exec(open({str(ROOT / 'installers' / 'rthooks' / 'smoke_window.py')!r}).read())\n"
        "from PySide6.QtWidgets import QApplication, QMainWindow\n"
        "app = QApplication(sys.argv)\n"
        "w = QMainWindow(); w.setWindowTitle('Probe me'); w.show()\n"
        "sys.exit(app.exec())\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WREN_SMOKE_WINDOW=str(result))
    res = _py("-c", script, env=env)
    assert res.returncode == 0, res.stderr
    seen = json.loads(result.read_text(encoding="utf-8"))
    assert seen["title"] == "Probe me" and seen["class"] == "QMainWindow"


def test_window_probe_is_inert_without_its_variable(tmp_path: Path):
    script = (
        f"exec(open({str(ROOT / 'installers' / 'rthooks' / 'smoke_window.py')!r}).read())\n"
        "from PySide6.QtWidgets import QApplication\n"
        "print(QApplication.exec.__name__)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "WREN_SMOKE_WINDOW"}
    res = _py("-c", script, env=env)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "exec"  # Qt's own, not the probe's wrapper


def test_the_vulkan_header_guard_is_applied_once(tmp_path: Path):
    """build_llama patches ggml-vulkan.cpp for Debian 12's Vulkan headers; a second build must
    not stack a second guard (it did: the file stopped compiling on the third build)."""
    sys.path.insert(0, str(ROOT / "installers"))
    import build_llama

    f = tmp_path / "vendor" / "llama.cpp" / "ggml" / "src" / "ggml-vulkan" / "ggml-vulkan.cpp"
    f.parent.mkdir(parents=True)
    f.write_text("void init() {\n    VkBool32 enable_best_practice = layer_settings;\n"
                 "    std::vector<vk::LayerSettingEXT> settings = {\n    };\n"
                 + build_llama._LAYER_SETTINGS + "}\n", encoding="utf-8")
    assert build_llama.patch_for_old_vulkan_headers(tmp_path) is True
    once = f.read_text(encoding="utf-8")
    assert once.count("#ifdef VK_EXT_layer_settings") == 2 and once.count("#endif") == 2
    assert build_llama.patch_for_old_vulkan_headers(tmp_path) is False
    assert build_llama.patch_for_old_vulkan_headers(tmp_path) is False
    assert f.read_text(encoding="utf-8") == once
