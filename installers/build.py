"""One build command per platform: `python installers/build.py linux|windows|macos`.

Freezes Wren with PyInstaller (installers/wren.spec) into dist/wren/ (dist/Wren.app on macOS),
reports its size, then makes the platform's installer:
  linux    dist/wren_<version>_<arch>.deb           (installers/linux/build_deb.py, dpkg-deb)
  windows  dist/Wren-<version>-setup.exe            (installers/windows/wren.iss, Inno Setup's iscc)
  macos    dist/Wren-<version>.dmg                  (installers/macos/build_dmg.sh, hdiutil)
`--smoke` then runs installers/smoke.py on the frozen app (version, one real chat with the
bundled starter model, the window opens offscreen). PyInstaller cannot cross-build: each
platform is built on itself (see .github/workflows/installers.yml).
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
HOST = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)


def pyinstaller_requirement() -> str:
    """The `installer` extra of pyproject.toml, so the pin lives in one place."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        return "pyinstaller>=6.10"
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for req in data["project"]["optional-dependencies"].get("installer", []):
        if req.lower().startswith("pyinstaller"):
            return req
    return "pyinstaller>=6.10"


def ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        req = pyinstaller_requirement()
        print(f"installing {req}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", req], check=True)


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def bundle_dir(target: str) -> Path:
    return DIST / "Wren.app" if target == "macos" else DIST / "wren"


def launcher(target: str) -> Path:
    """The console-capable executable of the bundle (what the smoke test runs)."""
    if target == "windows":
        return DIST / "wren" / "wren-cli.exe"
    if target == "macos":
        return DIST / "Wren.app" / "Contents" / "MacOS" / "Wren"
    return DIST / "wren" / "wren"


def llama_build(choice: str) -> Path | None:
    """The llama.cpp to ship: the full build (every CPU variant, Vulkan; installers/
    build_llama.py) when asked for or already built, else the environment's own (AVX2)."""
    sys.path.insert(0, str(ROOT / "installers"))
    import build_llama

    env = build_llama.env_lib_dir()
    if choice == "installed" or (env / build_llama.MARKER).exists():
        return None
    cached = build_llama.cached_lib_dir()
    if cached is not None and choice == "auto":
        return cached
    if choice == "full":
        vulkan, _ = build_llama.vulkan_available()
        return build_llama.build(build_llama.installed_version(), vulkan, False,
                                 os.cpu_count() or 2)
    print("build.py: shipping the environment's single AVX2 llama.cpp; run "
          "installers/build_llama.py (or --llama full) for every CPU variant and Vulkan",
          file=sys.stderr)
    return None


def freeze(target: str, clean: bool = False, llama_lib: Path | None = None) -> Path:
    ensure_pyinstaller()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(WORK), str(ROOT / "installers" / "wren.spec")]
    if clean:
        cmd.insert(3, "--clean")
    started = time.monotonic()
    env = dict(os.environ)
    if llama_lib is not None:
        env["WREN_LLAMA_LIB"] = str(llama_lib)
        print(f"llama.cpp: {llama_lib}")
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)
    out = bundle_dir(target)
    # Nothing of a test run may leak into the bundle (a previous dev checkout's caches etc.).
    for junk in out.rglob("__pycache__"):
        shutil.rmtree(junk, ignore_errors=True)
    if target != "windows":
        dedupe_libraries(out)
    if target == "linux":
        strip_libpython(out)
    size = dir_size(out)
    print(f"bundle: {out} {size / 1e6:.1f} MB (built in {time.monotonic() - started:.0f} s)")
    return out


def dedupe_libraries(bundle: Path) -> None:
    """llama-cpp-python's wheel has each library twice (libX.so and its SONAME libX.so.0);
    keep one file and make the other a relative symlink (dpkg-deb and hdiutil keep links)."""
    for lib_dir in bundle.rglob("llama_cpp/lib"):
        for soname in lib_dir.glob("*.so.*"):
            plain = lib_dir / (soname.name.split(".so")[0] + ".so")
            if (plain.is_file() and not soname.is_symlink()
                    and plain.read_bytes() == soname.read_bytes()):
                soname.unlink()
                soname.symlink_to(plain.name)


def strip_libpython(bundle: Path) -> None:
    """pyenv/self-built Pythons ship libpython with debug symbols (23 MB -> 6 MB). Only this
    library: stripping auditwheel-patched ones (numpy's OpenBLAS) breaks them, which is why the
    spec leaves PyInstaller's global `strip` off."""
    if shutil.which("strip") is None:
        return
    for lib in (bundle / "_internal").glob("libpython3*.so*"):
        if lib.is_file() and not lib.is_symlink():
            subprocess.run(["strip", "--strip-unneeded", str(lib)], check=True)


def package(target: str) -> Path | None:
    from app import __version__

    if target == "linux":
        cmd = [sys.executable, str(ROOT / "installers" / "linux" / "build_deb.py"),
               "--bundle", str(DIST / "wren"), "--out", str(DIST)]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip()
        path = Path(out.splitlines()[-1])
    elif target == "windows":
        iscc = shutil.which("iscc") or shutil.which("ISCC") or _default_iscc()
        if not iscc:
            print("Inno Setup (iscc) not found: bundle built, installer skipped", file=sys.stderr)
            return None
        subprocess.run([iscc, f"/DAppVersion={__version__}", f"/DSourceDir={DIST / 'wren'}",
                        f"/O{DIST}", str(ROOT / "installers" / "windows" / "wren.iss")], check=True)
        path = DIST / f"Wren-{__version__}-setup.exe"
    elif target == "macos":
        subprocess.run(["bash", str(ROOT / "installers" / "macos" / "build_dmg.sh"),
                        str(DIST / "Wren.app"), str(DIST / f"Wren-{__version__}.dmg")], check=True)
        path = DIST / f"Wren-{__version__}.dmg"
    else:
        raise SystemExit(f"unknown target {target}")
    print(f"installer: {path} {path.stat().st_size / 1e6:.1f} MB")
    return path


def _default_iscc() -> str | None:
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=["linux", "windows", "macos"])
    parser.add_argument("--no-package", action="store_true", help="only freeze the bundle")
    parser.add_argument("--clean", action="store_true", help="drop PyInstaller's cache first")
    parser.add_argument("--smoke", action="store_true", help="run the smoke test on the bundle")
    parser.add_argument("--llama", choices=["auto", "full", "installed"], default="auto",
                        help="llama.cpp to ship: full = every CPU variant + Vulkan (built if "
                             "needed), installed = this environment's; auto = full if built")
    args = parser.parse_args(argv)
    if args.target != HOST:
        print(f"build.py: error: cannot build for {args.target} on {HOST} "
              f"(PyInstaller does not cross-compile)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    print(f"building Wren for {args.target} ({platform.machine()}, Python {platform.python_version()})")
    # The window's translations are compiled from resources/translations/*.ts first, so the
    # bundle never carries a .qm older than its source.
    subprocess.run([sys.executable, str(ROOT / "installers" / "translations.py"), "release"],
                   check=True, cwd=ROOT)
    freeze(args.target, clean=args.clean, llama_lib=llama_build(args.llama))
    if not args.no_package:
        package(args.target)
    if args.smoke:
        return subprocess.run([sys.executable, str(ROOT / "installers" / "smoke.py"),
                               str(launcher(args.target))]).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
