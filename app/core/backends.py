"""Load llama.cpp's backends when they are separate libraries: best CPU variant that runs, GPUs.

A llama.cpp built with GGML_BACKEND_DL (installers/build_llama.py) has no backend inside
libggml: each x86-64 CPU variant (x64, sse42, haswell, skylakex, ..., sapphirerapids) and each
GPU backend (Vulkan, CUDA) is its own library beside libllama. llama.cpp would look for them
next to python's executable and in the current directory, not there, and would trust the CPU's
feature flags: a hypervisor that advertises AMX without enabling it makes the sapphirerapids
variant die with SIGILL on the first matrix product. So Wren loads them itself:

1. a child process reads each CPU variant's score (what ggml's own loader uses to rank them);
2. from best to worst, a child process loads one variant and decodes a few tokens of the starter
   model; the first that prints its reply is chosen (a crash only ends that child);
3. each GPU backend is tried the same way on top of that CPU variant (devices listed, a few
   layers offloaded);
4. the process loads the chosen libraries with `ggml_backend_load` before its first model, and
   puts their paths in WREN_GGML_BACKENDS so its own children (model vetting) load the same.

The verdict is remembered in DATA/cache/backends.json, keyed by the library files (name, size,
mtime) and the CPU's flags; a new llama.cpp or another CPU probes again. The quick start's
single AVX2 build has its CPU backend built in: then nothing is probed and the report says so.
"""
from __future__ import annotations

import ctypes
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ENV_LOADED = "WREN_GGML_BACKENDS"  # os.pathsep-separated libraries the parent process chose
PROBE_TIMEOUT_S = 180.0  # a GPU probe compiles shaders (slow on a software driver)
CACHE_VERSION = 1
_BACKEND_FILE = re.compile(r"^(?:lib)?ggml-(?P<name>[\w.-]+?)\.(?:so|dll|dylib)$")
_NOT_BACKENDS = {"base"}  # libggml-base is the core every backend links to
_DEVICE_ENV = ("GGML_VK_VISIBLE_DEVICES", "CUDA_VISIBLE_DEVICES", "VK_ICD_FILENAMES",
               "VK_DRIVER_FILES", "HIP_VISIBLE_DEVICES")

# The probe child: self-contained (only llama_cpp and ctypes) so a frozen app can run it too.
_CHILD = r"""
import ctypes, json, os, sys
mode, args = sys.argv[1], sys.argv[2:]
if mode == "score":
    out = {}
    for p in args:
        try:
            fn = getattr(ctypes.CDLL(p), "ggml_backend_score", None)
            if fn is None:
                out[p] = 1  # a backend with no score function runs anywhere it loads
            else:
                fn.restype = ctypes.c_int
                out[p] = int(fn())
        except OSError as e:
            out[p] = str(e)
    print("RESULT " + json.dumps(out))
    sys.exit(0)
import llama_cpp
import llama_cpp.llama_cpp as lc
from pathlib import Path
base = Path(lc._base_path)
import re
def lib(stem):
    try:  # the copy libllama loaded (see mapped_library)
        for line in open("/proc/self/maps"):
            p = line.split(maxsplit=5)[-1].strip()
            if re.match(r"^lib%s\.so(\.|$)" % re.escape(stem), os.path.basename(p)):
                return ctypes.CDLL(p, mode=getattr(ctypes, "RTLD_GLOBAL", 0))
    except OSError:
        pass
    for n in ("lib%s.so" % stem, "lib%s.dylib" % stem, "%s.dll" % stem):
        if (base / n).exists():
            return ctypes.CDLL(str(base / n), mode=getattr(ctypes, "RTLD_GLOBAL", 0))
    raise OSError("lib%s not found in %s" % (stem, base))
g, gb = lib("ggml"), lib("ggml-base")
P, S, C = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p
g.ggml_backend_load.restype, g.ggml_backend_load.argtypes = P, [C]
for name, res, argt in (("ggml_backend_reg_name", C, [P]), ("ggml_backend_reg_dev_count", S, [P]),
                        ("ggml_backend_reg_dev_get", P, [P, S]), ("ggml_backend_dev_name", C, [P]),
                        ("ggml_backend_dev_description", C, [P]), ("ggml_backend_dev_type", ctypes.c_int, [P]),
                        ("ggml_backend_dev_memory", None, [P, ctypes.POINTER(S), ctypes.POINTER(S)])):
    f = getattr(gb, name)
    f.restype, f.argtypes = res, argt
regs = []
for p in args[:-1]:
    r = g.ggml_backend_load(p.encode())
    if not r:
        try:
            ctypes.CDLL(p)
            why = ""  # it loads: its score says this machine cannot run it
        except OSError as e:
            why = str(e)
        print("RESULT " + json.dumps({"unsupported": p, "why": why}))
        sys.exit(3)
    regs.append(r)
devices = []
if mode == "gpu":
    r = regs[-1]
    for i in range(gb.ggml_backend_reg_dev_count(r)):
        d = gb.ggml_backend_reg_dev_get(r, i)
        free, total = S(0), S(0)
        gb.ggml_backend_dev_memory(d, ctypes.byref(free), ctypes.byref(total))
        devices.append({"name": (gb.ggml_backend_dev_name(d) or b"").decode(),
                        "description": (gb.ggml_backend_dev_description(d) or b"").decode().strip(),
                        "type": int(gb.ggml_backend_dev_type(d)),
                        "free": int(free.value), "total": int(total.value)})
    if not any(d["type"] in (1, 2) for d in devices):
        print("RESULT " + json.dumps({"backend": (gb.ggml_backend_reg_name(r) or b"").decode(),
                                       "devices": devices, "text": None}))
        sys.exit(4)
model, text = args[-1], None
if model:
    llm = llama_cpp.Llama(model, n_ctx=128, n_batch=32, n_ubatch=32, n_threads=1,
                          n_threads_batch=1, n_gpu_layers=(99 if mode == "gpu" else 0),
                          verbose=False)
    out = llm.create_completion("The capital of France is", max_tokens=4, temperature=0.0)
    text = out["choices"][0]["text"]
print("RESULT " + json.dumps({"backend": (gb.ggml_backend_reg_name(regs[-1]) or b"").decode(),
                               "devices": devices, "text": text}))
"""


@dataclass(frozen=True)
class GpuBackend:
    name: str  # the backend's name, e.g. "Vulkan", "CUDA"
    library: str  # its file, e.g. libggml-vulkan.so
    devices: tuple[str, ...]  # e.g. "Vulkan0: llvmpipe (LLVM 15.0.6, 256 bits), 23.4 GiB"


@dataclass(frozen=True)
class Skipped:
    library: str
    reason: str  # e.g. "not supported by this CPU", "crashed (SIGILL)"


@dataclass(frozen=True)
class BackendReport:
    """Which llama.cpp backends this process uses, and why the others are not."""

    loadable: bool  # True: backends are separate libraries, chosen by Wren
    library_dir: str
    cpu_variant: str  # e.g. "haswell"; "built in" for a build with one CPU backend inside
    cpu_library: str
    gpu_backends: tuple[GpuBackend, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    probed: bool = False  # True: child processes ran now; False: the remembered verdict
    error: str = ""  # why no CPU backend could be loaded (then models cannot load)

    @property
    def summary(self) -> str:
        if self.error:
            return f"llama.cpp backends: {self.error}"
        gpus = ", ".join(f"{g.name} ({len(g.devices)} device{'s' * (len(g.devices) != 1)})"
                         for g in self.gpu_backends) or "no GPU backend"
        return f"CPU variant {self.cpu_variant}; {gpus}"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["summary"] = self.summary
        return d


class _Probe:
    """One probe child's outcome: its RESULT object, or why it has none."""

    def __init__(self, ok: bool, result: dict[str, Any], why: str) -> None:
        self.ok, self.result, self.why = ok, result, why


# How a crashed child exits on Windows (NTSTATUS codes) instead of a negative signal number.
_WINDOWS_FAULTS = {0xC000001D: "illegal instruction", 0xC0000005: "access violation",
                   0xC0000409: "abort"}

_lock = threading.RLock()
_report: BackendReport | None = None
_cache_file: Path | None = None


def set_cache_file(path: Path | None) -> None:
    """Where verdicts are remembered (e.g. DATA/cache/backends.json); None: the data dir's."""
    global _cache_file
    _cache_file = path


def _default_cache_file() -> Path:
    from app.core.paths import resolve_data_dir

    return resolve_data_dir(None).cache / "backends.json"


def library_dir() -> Path:
    """The folder llama-cpp-python loaded libllama from (LLAMA_CPP_LIB_PATH or its lib/)."""
    import llama_cpp.llama_cpp as lc

    return Path(lc._base_path)


def backend_files(libdir: Path) -> tuple[list[Path], list[Path]]:
    """(CPU backend libraries, other backend libraries) in `libdir`. The quick start's build
    has a libggml-cpu too, but linked into libggml rather than loadable: the caller tells them
    apart by asking ggml whether any backend is registered already."""
    cpus: list[Path] = []
    others: list[Path] = []
    for p in sorted(libdir.iterdir()):
        m = _BACKEND_FILE.match(p.name)
        if not m or m["name"] in _NOT_BACKENDS:
            continue
        (cpus if m["name"] == "cpu" or m["name"].startswith("cpu-") else others).append(p)
    return cpus, others


def variant_name(path: Path) -> str:
    m = _BACKEND_FILE.match(path.name)
    name = m["name"] if m else path.stem
    return name[4:] if name.startswith("cpu-") else name


def mapped_library(stem: str) -> str | None:
    """The file of lib<stem>.so* that this process has loaded (Linux). libllama may have found
    libggml elsewhere than its own folder (a frozen app's LD_LIBRARY_PATH); a second copy
    opened by path would be a second registry, blind to the backends loaded into the first."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as f:
            for line in f:
                path = line.split(maxsplit=5)[-1].strip()
                if re.match(rf"^lib{re.escape(stem)}\.so(\.|$)", Path(path).name):
                    return path
    except OSError:
        pass
    return None


def _ggml(libdir: Path) -> ctypes.CDLL:
    """libggml as libllama loaded it (dlopen of the same file returns the same handle)."""
    loaded = mapped_library("ggml")
    for n in ([loaded] if loaded else []) + ["libggml.so", "libggml.dylib", "ggml.dll"]:
        if (libdir / n).exists():
            g = ctypes.CDLL(str(libdir / n), mode=getattr(ctypes, "RTLD_GLOBAL", 0))
            g.ggml_backend_load.restype = ctypes.c_void_p
            g.ggml_backend_load.argtypes = [ctypes.c_char_p]
            g.ggml_backend_reg_count.restype = ctypes.c_size_t
            g.ggml_backend_reg_count.argtypes = []
            return g
    raise OSError(f"libggml not found in {libdir}")


def _cpu_flags() -> str:
    """What identifies this CPU's abilities for the cache key."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith(("flags", "Features")):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    import platform

    return f"{platform.machine()} {platform.processor()}"


def _cache_key(libdir: Path, files: list[Path], model: Path | None) -> str:
    h = hashlib.sha256()
    h.update(f"{CACHE_VERSION}|{libdir.resolve()}|{_cpu_flags()}|{model}".encode())
    for var in _DEVICE_ENV:  # which devices a backend may use changes the verdict
        h.update(f"|{var}={os.environ.get(var, '')}".encode())
    for p in files:
        st = p.stat()
        h.update(f"|{p.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()[:24]


def _child_cmd(mode: str, args: list[str]) -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, "__probe-backends__", mode, *args]
    return [sys.executable, "-c", _CHILD, mode, *args]


def child_main(argv: list[str]) -> int:
    """Entry point of the probe child in a frozen app (`wren __probe-backends__ MODE ...`)."""
    sys.argv = ["probe", *argv]
    try:
        exec(compile(_CHILD, "<probe>", "exec"), {"__name__": "__probe__"})
    except SystemExit as e:
        return int(e.code or 0)
    return 0


def _run_probe(mode: str, args: list[str]) -> _Probe:
    env = dict(os.environ)
    env.pop(ENV_LOADED, None)
    env["WREN_SKIP_VETTING"] = "1"
    try:
        r = subprocess.run(_child_cmd(mode, args), capture_output=True, text=True,
                           timeout=PROBE_TIMEOUT_S, env=env)
    except subprocess.TimeoutExpired:
        return _Probe(False, {}, f"did not finish within {PROBE_TIMEOUT_S:.0f} s")
    except OSError as e:
        return _Probe(False, {}, f"could not start the check ({e})")
    result: dict[str, Any] = {}
    for line in r.stdout.splitlines():
        if line.startswith("RESULT "):
            try:
                result = json.loads(line[7:])
            except ValueError:
                pass
    if r.returncode < 0:
        try:
            sig = signal.Signals(-r.returncode).name
        except ValueError:
            sig = f"signal {-r.returncode}"
        return _Probe(False, result, f"crashed ({sig})")
    if r.returncode in _WINDOWS_FAULTS:
        return _Probe(False, result, f"crashed ({_WINDOWS_FAULTS[r.returncode]})")
    if r.returncode == 3:
        why = str(result.get("why") or "")
        return _Probe(False, result, f"cannot be loaded ({why[-160:]})" if why
                      else "not supported by this machine")
    if r.returncode == 4:
        return _Probe(False, result, "found no GPU device")
    if r.returncode != 0 or not result:
        lines = [ln.strip() for ln in r.stderr.splitlines() if ln.strip()]
        return _Probe(False, result, f"failed ({lines[-1][-160:] if lines else r.returncode})")
    return _Probe(True, result, "")


def _describe(dev: dict[str, Any]) -> str:
    mem = f", {dev['total'] / 2**30:.1f} GiB" if dev.get("total") else ""
    return f"{dev['name']}: {dev['description']}{mem}"


def probe(libdir: Path, cpus: list[Path], gpus: list[Path],
          model: Path | None) -> dict[str, Any]:
    """Choose in child processes: the best CPU variant that decodes, the GPU backends that
    offload. Returns the verdict that is cached: chosen paths, GPU devices, skipped reasons."""
    skipped: list[tuple[str, str]] = []
    scores: dict[str, Any] = {}
    if len(cpus) > 1:
        s = _run_probe("score", [str(p) for p in cpus])
        scores = s.result if s.ok else {}
        if not s.ok:  # one library's loading killed the child: score each on its own
            for p in cpus:
                one = _run_probe("score", [str(p)])
                scores[str(p)] = one.result.get(str(p), 0) if one.ok else one.why
    ranked: list[Path] = []
    for p in cpus:
        sc = scores.get(str(p), 1)  # unscored (the score child died): try it, in name order
        if isinstance(sc, str):
            skipped.append((p.name, f"cannot be loaded ({sc[-160:]})"))
        elif sc <= 0:
            skipped.append((p.name, "not supported by this CPU"))
        else:
            ranked.append(p)
    ranked.sort(key=lambda p: -int(scores.get(str(p), 1)))
    chosen: Path | None = None
    m = str(model) if model else ""
    for p in ranked:
        r = _run_probe("cpu", [str(p), m])
        if r.ok:
            chosen = p
            break
        skipped.append((p.name, r.why))
    gpu_out: list[dict[str, Any]] = []
    if chosen is not None:
        for p in gpus:
            r = _run_probe("gpu", [str(chosen), str(p), m])
            if r.ok:
                gpu_out.append({"library": str(p), "name": r.result.get("backend") or
                                variant_name(p), "devices": [
                                    _describe(d) for d in r.result.get("devices", [])
                                    if d.get("type") in (1, 2)]})
            else:
                skipped.append((p.name, r.why))
    # Ranked-but-untried variants (below the chosen one) are not worth listing.
    return {"cpu": str(chosen) if chosen else "", "gpus": gpu_out, "skipped": skipped,
            "exercised": bool(model)}


def _read_cache(path: Path, key: str) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    v = data.get(key) if isinstance(data, dict) else None
    return v if isinstance(v, dict) else None


def _write_cache(path: Path, key: str, verdict: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # One entry per library folder and CPU is all that matters; older keys are dropped.
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({key: verdict}, indent=1), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a cache, nothing more


def _load(g: ctypes.CDLL, paths: list[str]) -> list[str]:
    """ggml_backend_load each path; returns those that failed to register."""
    import logging

    # llama-cpp-python prints llama.cpp's INFO lines ("load_backend: loaded CPU backend ...")
    # until a Llama(verbose=False) quiets it; Wren's models are all quiet: be quiet already.
    lg = logging.getLogger("llama-cpp-python")
    if lg.level == logging.NOTSET:
        lg.setLevel(logging.ERROR)
    return [p for p in paths if not g.ggml_backend_load(p.encode())]


def ensure_backends(model: Path | None = None) -> BackendReport:
    """Load llama.cpp's backends into this process once (probing them the first time on this
    machine), before any model loads. Never raises: a failure is the report's `error`."""
    global _report
    with _lock:
        if _report is not None:
            return _report
        _report = _ensure(model)
        return _report


def backend_report() -> BackendReport:
    """What `wren system` shows about llama.cpp's backends (loads them if nobody did yet)."""
    return ensure_backends()


def _ensure(model: Path | None) -> BackendReport:
    try:
        libdir = library_dir()
        g = _ggml(libdir)
        cpus, others = backend_files(libdir)
    except (OSError, AttributeError, ImportError) as e:
        return BackendReport(False, "", "", "", error=f"llama.cpp could not be read: {e}")
    if g.ggml_backend_reg_count() > 0:
        # Backends built into libggml (the quick start's AVX2 build), or loaded already.
        cpu = next((p.name for p in cpus), "built into libggml")
        return BackendReport(False, str(libdir), "built in", cpu)
    if not cpus:
        return BackendReport(True, str(libdir), "", "",
                             error=f"no CPU backend library in {libdir}")
    inherited = os.environ.get(ENV_LOADED)
    if inherited:  # a child of a Wren process: load what the parent chose, probe nothing
        paths = [p for p in inherited.split(os.pathsep) if p]
        failed = _load(g, paths)
        cpu = next((p for p in paths if variant_name(Path(p)) in
                    {variant_name(c) for c in cpus}), "")
        return BackendReport(True, str(libdir), variant_name(Path(cpu)) if cpu else "",
                             Path(cpu).name if cpu else "",
                             skipped=tuple(Skipped(Path(p).name, "failed to load")
                                           for p in failed))
    if model is None:
        from app.core.starter import find_starter_model

        model = find_starter_model()
    cache = _cache_file or _default_cache_file()
    key = _cache_key(libdir, cpus + others, model)
    verdict = _read_cache(cache, key)
    probed = verdict is None
    if verdict is None:
        verdict = probe(libdir, cpus, others, model)
        if verdict["cpu"]:
            _write_cache(cache, key, verdict)
    skipped = [Skipped(a, b) for a, b in verdict.get("skipped", [])]
    if not verdict.get("exercised"):
        skipped.append(Skipped("-", "no starter model: variants were loaded, not run"))
    if not verdict["cpu"]:
        return BackendReport(True, str(libdir), "", "", skipped=tuple(skipped), probed=probed,
                             error="no CPU variant of llama.cpp runs on this machine")
    # GPU backends first, as ggml's own loader orders them: device indices then match.
    gpu_paths = [x["library"] for x in verdict.get("gpus", [])]
    failed = _load(g, gpu_paths + [verdict["cpu"]])
    if verdict["cpu"] in failed:
        return BackendReport(True, str(libdir), "", "", skipped=tuple(skipped), probed=probed,
                             error=f"{Path(verdict['cpu']).name} failed to load")
    loaded = [p for p in gpu_paths + [verdict["cpu"]] if p not in failed]
    os.environ[ENV_LOADED] = os.pathsep.join(loaded)
    gpus = tuple(GpuBackend(x["name"], Path(x["library"]).name, tuple(x["devices"]))
                 for x in verdict.get("gpus", []) if x["library"] not in failed)
    skipped += [Skipped(Path(p).name, "failed to load") for p in failed]
    return BackendReport(True, str(libdir), variant_name(Path(verdict["cpu"])),
                         Path(verdict["cpu"]).name, gpus, tuple(skipped), probed)


# Code a child process runs before its first model: load what the parent chose (model vetting).
CHILD_PRELUDE = r"""
import os as _os
if _os.environ.get("WREN_GGML_BACKENDS"):
    import ctypes as _ct, llama_cpp.llama_cpp as _lc
    from pathlib import Path as _P
    import re as _re
    _names = ["libggml.so", "libggml.dylib", "ggml.dll"]
    try:  # the copy libllama loaded, not a second one
        _names = [_l.split(maxsplit=5)[-1].strip() for _l in open("/proc/self/maps")
                  if _re.match(r"^libggml\.so(\.|$)", _l.rsplit("/", 1)[-1].strip())][:1] + _names
    except OSError:
        pass
    for _n in _names:
        if (_P(_lc._base_path) / _n).exists():
            _g = _ct.CDLL(str(_P(_lc._base_path) / _n), mode=getattr(_ct, "RTLD_GLOBAL", 0))
            _g.ggml_backend_load.restype, _g.ggml_backend_load.argtypes = _ct.c_void_p, [_ct.c_char_p]
            if _g.ggml_backend_reg_count() == 0:
                for _p in _os.environ["WREN_GGML_BACKENDS"].split(_os.pathsep):
                    _p and _g.ggml_backend_load(_p.encode())
            break
"""


__all__ = ["BackendReport", "GpuBackend", "Skipped", "backend_report", "ensure_backends",
           "set_cache_file", "CHILD_PRELUDE", "ENV_LOADED"]
