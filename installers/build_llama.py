"""Build llama.cpp with loadable backends and install it where llama-cpp-python loads it from.

    python installers/build_llama.py [--vulkan auto|on|off] [--cuda auto|on|off]
                                     [--install [DIR] | --no-install] [--jobs N]

README's quick start compiles one portable AVX2 llama.cpp (pip, a few minutes). This script
builds the full set the installers ship, from the same vendored source (the sdist of the
installed llama-cpp-python version): ggml with GGML_BACKEND_DL, every x86-64 CPU variant as
its own library (GGML_CPU_ALL_VARIANTS), Vulkan when `glslc`, the Vulkan headers and
SPIRV-Headers are present, CUDA when `nvcc` is (or when asked), plus `llama-bench` for the
benchmarks. Wren picks the variant at run time (app/core/backends.py).

Results are cached under the user cache dir (`Wren/llama-builds/<version>-<flavour>/`), keyed
by version and flags: a second run reuses the build and only copies. `--install` (the default)
replaces llama-cpp-python's own libraries in llama_cpp/lib of this Python; the Python package
itself is unchanged (same version, same C API). Prints the lib folder it produced.
"""
from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

PACKAGE = "llama-cpp-python"
CACHE_ENV = "WREN_LLAMA_BUILD_CACHE"
MARKER = "wren-build.json"  # written into every lib folder this script fills
# The core libraries and the tools next to the backends; every other ggml-*.so is a backend.
CORE_TARGETS = ["llama", "ggml", "ggml-base", "mtmd", "llama-bench"]


def cache_root() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    import platformdirs

    return Path(platformdirs.user_cache_dir("Wren", appauthor=False)) / "llama-builds"


def installed_version() -> str:
    return importlib.metadata.version(PACKAGE)


def env_lib_dir() -> Path:
    """llama_cpp/lib of this Python's llama-cpp-python (found without importing it)."""
    dist = importlib.metadata.distribution(PACKAGE)
    return Path(dist.locate_file("llama_cpp")) / "lib"


def _has(tool: str) -> bool:
    return shutil.which(tool) is not None


def _nvidia_gpu() -> bool:
    if not _has("nvidia-smi"):
        return False
    res = subprocess.run(["nvidia-smi", "-L"], capture_output=True, text=True)
    return res.returncode == 0 and "GPU" in res.stdout


def vulkan_available() -> tuple[bool, str]:
    """The Vulkan backend needs glslc, the Vulkan headers and SPIRV-Headers' CMake package."""
    missing = []
    if not _has("glslc"):
        missing.append("glslc (apt-get install glslc)")
    heads = [Path("/usr/include/vulkan/vulkan.h")]
    if os.environ.get("VULKAN_SDK"):
        heads.append(Path(os.environ["VULKAN_SDK"]) / "include" / "vulkan" / "vulkan.h")
    if not any(h.exists() for h in heads):
        missing.append("Vulkan headers (apt-get install libvulkan-dev)")
    spirv = [Path("/usr/share/cmake/SPIRV-Headers"), Path("/usr/lib/cmake/SPIRV-Headers")]
    if os.environ.get("VULKAN_SDK"):
        spirv.append(Path(os.environ["VULKAN_SDK"]))
    if not any(p.exists() for p in spirv):
        missing.append("SPIRV-Headers (apt-get install spirv-headers)")
    return (not missing, ", ".join(missing))


def flavour_flags(vulkan: bool, cuda: bool) -> tuple[str, list[str]]:
    flags = [
        "-DCMAKE_BUILD_TYPE=Release", "-DBUILD_SHARED_LIBS=ON", "-DGGML_NATIVE=OFF",
        "-DGGML_BACKEND_DL=ON", "-DGGML_CPU_ALL_VARIANTS=ON",
        f"-DGGML_VULKAN={'ON' if vulkan else 'OFF'}", f"-DGGML_CUDA={'ON' if cuda else 'OFF'}",
        "-DLLAMA_BUILD_TOOLS=ON", "-DLLAMA_BUILD_EXAMPLES=OFF", "-DLLAMA_BUILD_TESTS=OFF",
        "-DLLAMA_BUILD_SERVER=OFF", "-DLLAMA_BUILD_APP=OFF", "-DLLAMA_OPENSSL=OFF",
        # Every library finds its neighbours in its own folder, wherever it is copied to.
        "-DCMAKE_BUILD_WITH_INSTALL_RPATH=ON", "-DCMAKE_INSTALL_RPATH=$ORIGIN",
    ]
    if sys.platform == "darwin":
        flags[-1] = "-DCMAKE_INSTALL_RPATH=@loader_path"
    elif cuda:
        # A CUDA 13 build's libggml-cuda came out holding a static copy of libstdc++ and
        # exporting it; a process that had loaded the system libstdc++ first (numpy does)
        # then crashed loading a model. Keep what static archives bring in private.
        flags += ["-DCMAKE_SHARED_LINKER_FLAGS=-Wl,--exclude-libs,ALL",
                  "-DCMAKE_MODULE_LINKER_FLAGS=-Wl,--exclude-libs,ALL"]
    name = "cpu-all" + ("-vulkan" if vulkan else "") + ("-cuda" if cuda else "")
    return name, flags


def fetch_source(version: str, root: Path) -> Path:
    """The sdist of `version`, unpacked under root/src (pip download, once)."""
    src = root / "src" / f"llama_cpp_python-{version}"
    if (src / "vendor" / "llama.cpp" / "CMakeLists.txt").exists():
        return src
    dl = root / "src"
    dl.mkdir(parents=True, exist_ok=True)
    sdist = dl / f"llama_cpp_python-{version}.tar.gz"
    if not sdist.exists():
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-binary", ":all:",
                        "--no-deps", f"{PACKAGE}=={version}", "-d", str(dl)], check=True)
    with tarfile.open(sdist) as tf:
        tf.extractall(dl, filter="data")
    return src


# ggml-vulkan passes validation-layer settings (VK_EXT_layer_settings, Vulkan headers 1.3.261+)
# when creating its instance; Debian 12 ships 1.3.239. Those settings only matter with
# GGML_VK_VALIDATE (a developer switch), so with older headers the instance is made without them.
_LAYER_SETTINGS = """    vk::LayerSettingsCreateInfoEXT layer_setting_info(settings);
    vk::InstanceCreateInfo instance_create_info(vk::InstanceCreateFlags{}, &app_info, layers, extensions, &layer_setting_info);
"""
_OLD_HEADERS = """#ifdef VK_EXT_layer_settings
    vk::LayerSettingsCreateInfoEXT layer_setting_info(settings);
    vk::InstanceCreateInfo instance_create_info(vk::InstanceCreateFlags{}, &app_info, layers, extensions, &layer_setting_info);
#else
    vk::InstanceCreateInfo instance_create_info(vk::InstanceCreateFlags{}, &app_info, layers, extensions);
#endif
"""


def patch_for_old_vulkan_headers(src: Path) -> bool:
    """Make ggml-vulkan.cpp build against Vulkan headers without VK_EXT_layer_settings."""
    f = src / "vendor" / "llama.cpp" / "ggml" / "src" / "ggml-vulkan" / "ggml-vulkan.cpp"
    text = f.read_text(encoding="utf-8")
    start = "    VkBool32 enable_best_practice = layer_settings;\n"
    guard = "#ifdef VK_EXT_layer_settings\n"
    if guard + start in text or _LAYER_SETTINGS not in text or start not in text:
        return False  # already patched (the guard's own lines contain the settings lines),
        # or a llama.cpp that no longer needs it
    text = text.replace(start, "#ifdef VK_EXT_layer_settings\n" + start, 1)
    text = text.replace("    };\n" + _LAYER_SETTINGS, "    };\n#endif\n" + _OLD_HEADERS, 1)
    f.write_text(text, encoding="utf-8")
    return True


def build(version: str, vulkan: bool, cuda: bool, jobs: int, log=print) -> Path:
    """Configure and build (reusing the cache); returns the folder with the built libraries."""
    root = cache_root()
    name, flags = flavour_flags(vulkan, cuda)
    key_dir = root / f"{version}-{name}"
    build_dir = key_dir / "build"
    stamp = key_dir / "flags.json"
    src = fetch_source(version, root)
    if vulkan and patch_for_old_vulkan_headers(src):
        log("build_llama: ggml-vulkan.cpp: validation-layer settings guarded for Vulkan headers "
            "older than 1.3.261 (Debian 12)")
    generator = ["-G", "Ninja"] if _has("ninja") else []
    wanted = {"flags": flags, "generator": generator, "source": str(src)}
    if stamp.exists() and json.loads(stamp.read_text()).get("flags") != flags:
        shutil.rmtree(build_dir, ignore_errors=True)  # different flags: never mix objects
    key_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.monotonic()
    cfg = subprocess.run(
        ["cmake", "-S", str(src / "vendor" / "llama.cpp"), "-B", str(build_dir), *generator,
         *flags], capture_output=True, text=True)
    if cfg.returncode:
        sys.stderr.write(cfg.stdout[-4000:] + cfg.stderr[-4000:])
        raise SystemExit(f"build_llama: cmake configure failed (see {build_dir})")
    variants = sorted(set(re.findall(r"Adding CPU backend variant (ggml-cpu-[\w.]+)", cfg.stdout)))
    if not variants and stamp.exists():  # a reconfigure of a cached tree prints nothing new
        variants = json.loads(stamp.read_text()).get("variants", [])
    targets = CORE_TARGETS + variants + (["ggml-vulkan"] if vulkan else []) + (
        ["ggml-cuda"] if cuda else [])
    cmd = ["cmake", "--build", str(build_dir), "--config", "Release", "-j", str(jobs),
           "--target", *targets]
    nice = ["nice", "-n", "10"] if _has("nice") else []
    r = subprocess.run(nice + cmd)
    if r.returncode:
        raise SystemExit(f"build_llama: build failed (exit {r.returncode})")
    wall = time.monotonic() - t0
    wanted.update(variants=variants, targets=targets, version=version, flavour=name)
    stamp.write_text(json.dumps(wanted, indent=1))
    log(f"build_llama: {name} built in {wall:.0f} s (wall, cached builds take seconds)")
    bin_dir = build_dir / "bin"
    if (bin_dir / "Release").is_dir():  # multi-config generators (Visual Studio, Xcode)
        bin_dir = bin_dir / "Release"
    return collect(bin_dir, key_dir / "lib", wanted)


_SHIPPED = re.compile(r"^(lib)?(llama|ggml|ggml-[\w.-]+|mtmd)\.(so|dll|dylib)")
_TOOL_LIBS = re.compile(r"^(lib)?llama-[\w-]+\.(so|dll|dylib)")  # llama-common, *-impl


def _is_library(p: Path) -> bool:
    """What llama-cpp-python loads: libllama, libggml*, the backends, libmtmd."""
    return bool(_SHIPPED.match(p.name))


def collect(bin_dir: Path, out: Path, info: dict) -> Path:
    """Copy the built libraries as the wheel lays them out: a real file under each name (the
    one ctypes opens, the SONAME, the full version), as PyInstaller needs them; backends
    (modules) as they are."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for p in sorted(bin_dir.iterdir()):
        if p.is_dir() or not _is_library(p):
            continue
        shutil.copy2(p, out / p.name)  # follows symlinks
    tools = out.parent / "bin"  # llama-bench and the libraries only it needs
    shutil.rmtree(tools, ignore_errors=True)
    tools.mkdir()
    for p in sorted(bin_dir.iterdir()):
        if p.name in ("llama-bench", "llama-bench.exe") or _TOOL_LIBS.match(p.name):
            if p.is_symlink():
                os.symlink(os.readlink(p), tools / p.name)
            elif p.is_file():
                shutil.copy2(p, tools / p.name)
    (out / MARKER).write_text(json.dumps(
        {k: info[k] for k in ("version", "flavour", "flags", "variants")}, indent=1))
    return out


def install(lib: Path, dest: Path) -> None:
    """Replace llama-cpp-python's libraries in `dest` with the ones in `lib`."""
    dest.mkdir(parents=True, exist_ok=True)
    for p in dest.iterdir():
        if _is_library(p) or p.name == MARKER:
            p.unlink()
    for p in lib.iterdir():
        target = dest / p.name
        if p.is_symlink():
            os.symlink(os.readlink(p), target)
        else:
            shutil.copy2(p, target)


def cached_lib_dir(version: str | None = None) -> Path | None:
    """The newest cached full build of `version` (default: the installed one), if any."""
    try:
        version = version or installed_version()
    except importlib.metadata.PackageNotFoundError:
        return None
    root = cache_root()
    found = sorted(root.glob(f"{version}-cpu-all*/lib/{MARKER}"),
                   key=lambda p: p.stat().st_mtime, reverse=True)
    return found[0].parent if found else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--vulkan", choices=("auto", "on", "off"), default="auto")
    ap.add_argument("--cuda", choices=("auto", "on", "off"), default="auto")
    ap.add_argument("--install", nargs="?", const="", default="", metavar="DIR",
                    help="folder to install into (default: llama_cpp/lib of this Python)")
    ap.add_argument("--no-install", action="store_true", help="only build into the cache")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args(argv)
    try:
        version = installed_version()
    except importlib.metadata.PackageNotFoundError:
        print("build_llama: llama-cpp-python is not installed (README's install first)",
              file=sys.stderr)
        return 2
    vk_ok, vk_why = vulkan_available()
    if args.vulkan == "on" and not vk_ok:
        print(f"build_llama: Vulkan asked for but missing: {vk_why}", file=sys.stderr)
        return 2
    vulkan = args.vulkan == "on" or (args.vulkan == "auto" and vk_ok)
    if args.vulkan == "auto" and not vk_ok:
        print(f"build_llama: building without Vulkan: missing {vk_why}", file=sys.stderr)
    # auto: CUDA only where nvcc can see a GPU to build for (CMake's architecture detection
    # fails on a machine with the toolkit and no GPU, such as a CPU-only build server).
    cuda = args.cuda == "on" or (args.cuda == "auto" and _has("nvcc") and _nvidia_gpu())
    for tool in ("cmake", "c++"):
        if not _has(tool):
            print(f"build_llama: {tool} not found (apt-get install cmake g++)", file=sys.stderr)
            return 2
    lib = build(version, vulkan, cuda, args.jobs)
    if not args.no_install:
        dest = Path(args.install) if args.install else env_lib_dir()
        install(lib, dest)
        print(f"build_llama: installed into {dest}", file=sys.stderr)
    print(lib)
    return 0


if __name__ == "__main__":
    sys.exit(main())
