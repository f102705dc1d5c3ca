"""Package the frozen bundle (dist/wren/) as a .deb with dpkg-deb.

    python installers/linux/build_deb.py --bundle dist/wren --out dist [--compression xz]

Installs /opt/wren (the bundle), /usr/bin/wren (symlink; PyInstaller's bootloader resolves it
through /proc/self/exe), a .desktop entry, the icon in the hicolor theme, and a second, hidden
.desktop entry "Summarize with Wren" that file managers offer under "Open With" for PDF, DOCX
and plain text. Depends are computed like dpkg-shlibdeps does: every shared library the
bundle's ELF files need and do not carry themselves, mapped to the package that owns it on the
build machine, so a .deb built on Debian 12 names Debian 12's packages. Prints the .deb path.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app import __version__  # noqa: E402

PACKAGE = "wren"
MIME_TYPES = [
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "text/plain",
    "text/markdown",
]
# Loaded by Qt at run time with dlopen (not in any NEEDED entry), or needed by the xcb
# platform on a bare machine (docs/architecture.md, "Qt on Linux"): always depend on them.
ALWAYS_DEPENDS = [
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
    "libxcb-render-util0", "libxcb-xkb1", "libxkbcommon-x11-0", "libxcb-shape0",
    "libxcb-randr0", "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3",
]
# The Debian package of each library the bundled Qt plugins link to, stated for the building
# machine that does not have them installed (the .deb's Depends are computed from dpkg where
# the library is installed; a build machine needs none of the runtime libraries).
SONAME_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-glx.so.0": "libxcb-glx0", "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1", "libX11-xcb.so.1": "libx11-xcb1", "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0", "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6", "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
    "libgomp.so.1": "libgomp1", "libstdc++.so.6": "libstdc++6", "libgcc_s.so.1": "libgcc-s1",
    "libz.so.1": "zlib1g", "libvulkan.so.1": "libvulkan1",
}


def package_for_soname(soname: str) -> str:
    """The Debian package that ships `soname`: from the table above, else by Debian policy's
    naming rule (libfoo.so.1 -> libfoo1, libfoo2.so.3 -> libfoo2-3, lower case)."""
    if soname in SONAME_PACKAGES:
        return SONAME_PACKAGES[soname]
    m = re.match(r"^(.+?)\.so\.(\d+)", soname)
    if not m:
        return soname.split(".so")[0].lower()
    name, version = m.group(1).lower().replace("_", "-"), m.group(2)
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


# llama.cpp's GPU backends (libggml-vulkan.so, libggml-cuda.so) are loaded by Wren only when
# their system libraries are there; it runs on the CPU otherwise. So what they link to is
# recommended, not required (mesa-vulkan-drivers: Vulkan for Intel and AMD GPUs).
GPU_BACKEND = re.compile(r"^libggml-(vulkan|cuda|hip|sycl|opencl)\.so")
RECOMMENDS = ["libvulkan1", "mesa-vulkan-drivers"]
# Ignore the dynamic loader itself and libc's own parts: libc6 is always there.
IGNORED_SONAMES = re.compile(r"^(ld-linux.*|linux-vdso.*)$")

class BadBundle(Exception):
    """The bundle to package is missing or incomplete (bad input: exit 2)."""


DESKTOP = """[Desktop Entry]
Type=Application
Version=1.4
Name=Wren
GenericName=Offline AI chat
Comment=Chat with small language models on this computer, offline
Exec=/usr/bin/wren %F
Icon=wren
Terminal=false
Categories=Office;
Keywords=AI;chat;LLM;summarize;offline;
StartupNotify=true
StartupWMClass=wren
"""

SUMMARIZE_DESKTOP = """[Desktop Entry]
Type=Application
Version=1.4
Name=Summarize with Wren
Comment=Open the document in Wren and summarize it offline
Exec=/usr/bin/wren %F
Icon=wren
Terminal=false
NoDisplay=true
MimeType={mime};
"""

# Caches that index .desktop files and icons; refreshed on install and removal. Each tool may
# be absent on a minimal system, which is fine.
MAINTSCRIPT = """#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q /usr/share/applications || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
fi
exit 0
"""


def elf_files(root: Path) -> list[Path]:
    out = []
    for p in root.rglob("*"):
        if p.is_file() and not p.is_symlink():
            with p.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    out.append(p)
    return out


def needed_sonames(elf: Path) -> list[str]:
    dyn = subprocess.run(["readelf", "-d", str(elf)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dyn)


def system_library_paths() -> dict[str, str]:
    """soname -> path, from the dynamic linker's cache (x86-64 / this machine's ABI only)."""
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    arch = "x86-64" if os.uname().machine == "x86_64" else os.uname().machine
    paths: dict[str, str] = {}
    for line in out.splitlines()[1:]:
        m = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if m and (arch in m.group(2) or "x86-64" not in m.group(2)):
            paths.setdefault(m.group(1), m.group(3))
    return paths


def owning_package(path: str) -> str | None:
    candidates = [path, os.path.realpath(path)]
    for c in list(candidates):  # merged /usr: dpkg may have registered either spelling
        if c.startswith("/usr/lib/"):
            candidates.append(c[len("/usr"):])
        elif c.startswith("/lib/"):
            candidates.append("/usr" + c)
    for c in candidates:
        res = subprocess.run(["dpkg-query", "-S", c], capture_output=True, text=True)
        if res.returncode == 0:
            return res.stdout.split(":")[0].strip()
    return None


def compute_depends(bundle: Path) -> list[str]:
    bundled = {p.name for p in bundle.rglob("*") if ".so" in p.name}
    wanted: set[str] = set()
    for elf in elf_files(bundle):
        if not GPU_BACKEND.match(elf.name):  # optional: see RECOMMENDS
            wanted.update(needed_sonames(elf))
    wanted = {s for s in wanted if s not in bundled and not IGNORED_SONAMES.match(s)}
    paths = system_library_paths()
    packages = set(ALWAYS_DEPENDS)
    for soname in sorted(wanted):
        if soname not in paths:
            # Not installed on the building machine: state the package rather than need it here.
            pkg = package_for_soname(soname)
            print(f"build_deb: {soname} is not installed here; depending on {pkg}",
                  file=sys.stderr)
            packages.add(pkg)
            continue
        pkg = owning_package(paths[soname])
        if pkg is None:
            raise SystemExit(f"build_deb: no package owns {paths[soname]} ({soname})")
        packages.add(pkg)
    return sorted(packages)


def dir_kib(path: Path) -> int:
    total = sum(p.lstat().st_size for p in path.rglob("*"))
    return (total + 1023) // 1024


def build(bundle: Path, out_dir: Path, compression: str = "xz", level: int | None = None) -> Path:
    if not (bundle / "wren").is_file():
        raise BadBundle(f"{bundle}/wren not found: run installers/build.py linux first")
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()
    (ROOT / "build" / "deb").mkdir(parents=True, exist_ok=True)
    # A private staging dir: two builds at once (e.g. xz release + the test's gzip) don't clash.
    stage = Path(tempfile.mkdtemp(prefix=f"{PACKAGE}_{__version__}_{arch}.", dir=ROOT / "build" / "deb"))
    stage.chmod(0o755)  # becomes "./" in the package: must not be mkdtemp's 0700
    opt = stage / "opt" / "wren"
    shutil.copytree(bundle, opt, symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / "wren").symlink_to("/opt/wren/wren")

    apps = stage / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / "wren.desktop").write_text(DESKTOP, encoding="utf-8")
    (apps / "wren-summarize.desktop").write_text(
        SUMMARIZE_DESKTOP.format(mime=";".join(MIME_TYPES)), encoding="utf-8")
    icons = ROOT / "resources" / "icons"
    hicolor = stage / "usr" / "share" / "icons" / "hicolor"
    for sub, name in (("scalable/apps", "wren.svg"), ("256x256/apps", "wren.png")):
        (hicolor / sub).mkdir(parents=True)
        shutil.copy2(icons / name, hicolor / sub / name)

    doc = stage / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    lic = ROOT / "resources" / "licenses" / "THIRD-PARTY.md"
    copyright_text = ("Wren is MIT-licensed. It bundles third-party software and a model under "
                      "their own licences:\n\n")
    if lic.is_file():
        copyright_text += lic.read_text(encoding="utf-8")
    (doc / "copyright").write_text(copyright_text, encoding="utf-8")

    debian = stage / "DEBIAN"
    debian.mkdir()
    depends = compute_depends(bundle)
    control = (
        f"Package: {PACKAGE}\n"
        f"Version: {__version__}\n"
        f"Architecture: {arch}\n"
        "Maintainer: Wren team <wren@example.org>\n"
        f"Installed-Size: {dir_kib(stage) - dir_kib(debian)}\n"
        f"Depends: {', '.join(depends)}\n"
        + (f"Recommends: {', '.join(RECOMMENDS)}\n"
           if any(GPU_BACKEND.match(p.name) for p in bundle.rglob("libggml-*")) else "")
        + "Section: utils\n"
        "Priority: optional\n"
        "Homepage: https://example.org/wren\n"
        "Description: offline desktop chat with small language models\n"
        " Wren runs GGUF language models on this computer through llama.cpp, keeps\n"
        " conversations in a local database and summarizes documents dropped on its\n"
        " window. It ships with the SmolLM2-135M-Instruct starter model, so it works\n"
        " with no network. The `wren` command also runs chats from a terminal.\n"
    )
    (debian / "control").write_text(control, encoding="utf-8")
    for script in ("postinst", "postrm"):
        path = debian / script
        path.write_text(MAINTSCRIPT, encoding="utf-8")
        path.chmod(0o755)

    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{PACKAGE}_{__version__}_{arch}.deb"
    cmd = ["dpkg-deb", "--root-owner-group", f"-Z{compression}"]
    if level is not None:
        cmd.append(f"-z{level}")
    try:
        subprocess.run(cmd + ["--build", str(stage), str(deb)], check=True,
                       stdout=subprocess.DEVNULL)
    finally:
        shutil.rmtree(stage)
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "wren")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--compression", default="xz", choices=["xz", "zstd", "gzip", "none"],
                        help="xz: smallest download, slow on 2 cores; gzip -z1: fast (tests)")
    parser.add_argument("--level", type=int, help="compression level (dpkg-deb -z)")
    args = parser.parse_args(argv)
    try:
        print(build(args.bundle.resolve(), args.out.resolve(), args.compression, args.level))
    except BadBundle as e:
        print(f"build_deb: error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
