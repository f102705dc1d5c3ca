"""What compute devices this llama.cpp sees: its backends and their devices, with free memory.

llama-cpp-python binds none of ggml's device API, so this uses ctypes on the ggml libraries
that llama-cpp-python has already loaded (the same handles: registering or loading twice is
impossible). The registry (`ggml_backend_dev_count`, `_reg_count`) lives in libggml, the
per-device calls (`ggml_backend_dev_memory`, `_name`, `_type`) in libggml-base.

Everything here is plain data; nothing raises to the caller: a missing library, a backend that
fails or a driver that reports nonsense ends up as `DeviceReport.error` and "CPU only".
"""
from __future__ import annotations

import ctypes
import os
import platform
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import psutil

# ggml_backend_dev_type
_KINDS = {0: "cpu", 1: "gpu", 2: "igpu", 3: "accel", 4: "meta"}


@dataclass(frozen=True)
class Device:
    """One ggml device. `free`/`total` are bytes as the backend reports them (for the CPU
    device: system RAM)."""

    index: int
    name: str  # ggml's device name, e.g. CUDA0, Vulkan0, CPU
    description: str  # e.g. "NVIDIA H200"
    kind: str  # cpu, gpu, igpu, accel
    backend: str  # the backend (registry) name, e.g. CUDA, Vulkan, Metal, CPU
    free: int
    total: int

    @property
    def is_gpu(self) -> bool:
        return self.kind in ("gpu", "igpu")

    @property
    def label(self) -> str:
        return self.description or self.name


@dataclass(frozen=True)
class CpuInfo:
    model: str
    physical_cores: int
    logical_cores: int
    features: tuple[str, ...]  # what the CPU backend in use was built for and found (AVX2, ...)
    build: str  # which CPU library llama.cpp loaded, e.g. libggml-cpu-haswell.so


@dataclass(frozen=True)
class DeviceReport:
    devices: tuple[Device, ...]
    backends: tuple[str, ...]  # registered backends, e.g. ("CUDA", "CPU")
    cpu: CpuInfo
    total_ram: int
    available_ram: int
    error: str = ""  # why no device list could be read (then: CPU only)
    extra: dict[str, Any] = field(default_factory=dict)
    # app.core.backends: the CPU variant in use, the GPU backends loaded, what was skipped, why
    llama_backends: dict[str, Any] = field(default_factory=dict)

    @property
    def gpus(self) -> tuple[Device, ...]:
        return tuple(d for d in self.devices if d.is_gpu)

    @property
    def summary(self) -> str:
        """One line: what Wren will run on."""
        g = self.gpus
        if not g:
            why = self.error or (
                "this llama.cpp has no GPU backend" if self.backends == ("CPU",) or not
                any(b != "CPU" for b in self.backends) else "no GPU found")
            return f"CPU only ({why})"
        names = ", ".join(f"{d.label} ({d.backend}, {_gib(d.free)} free of {_gib(d.total)})"
                          for d in g)
        return f"GPU: {names}"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["gpus"] = [asdict(x) for x in self.gpus]
        d["summary"] = self.summary
        return d


def _gib(n: int) -> str:
    return f"{n / 2**30:.1f} GiB"


# ------------------------------------------------------------------------- ctypes
class _Feature(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("value", ctypes.c_char_p)]


@cache
def _libs() -> tuple[ctypes.CDLL, ctypes.CDLL, Path]:
    """(libggml, libggml-base, lib dir) as llama-cpp-python loaded them."""
    import llama_cpp.llama_cpp as lc  # loads libllama and, through it, the ggml libraries

    from app.core.backends import mapped_library

    base = Path(lc._base_path)
    found: dict[str, ctypes.CDLL] = {}
    for stem in ("ggml", "ggml-base"):
        # The copy libllama loaded: llama-cpp-python installs libggml.so, .so.0 and .so.0.x as
        # separate files, and a second copy has its own, empty backend registry.
        mapped = mapped_library(stem)
        if mapped:
            found[stem] = ctypes.CDLL(mapped, mode=getattr(ctypes, "RTLD_GLOBAL", 0))
            continue
        for name in (f"lib{stem}.so", f"lib{stem}.dylib", f"{stem}.dll"):
            p = base / name
            if p.exists():
                found[stem] = ctypes.CDLL(str(p), mode=getattr(ctypes, "RTLD_GLOBAL", 0))
                break
    if "ggml-base" not in found:
        raise OSError(f"libggml-base not found in {base}")
    # A build with ggml linked into libllama: all symbols are there.
    reg = found.get("ggml") or found["ggml-base"]
    base_lib = found["ggml-base"]
    P, S, C = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p
    sigs: list[tuple[ctypes.CDLL, str, Any, list[Any]]] = [
        (reg, "ggml_backend_reg_count", S, []),
        (reg, "ggml_backend_reg_get", P, [S]),
        (reg, "ggml_backend_dev_count", S, []),
        (reg, "ggml_backend_dev_get", P, [S]),
        (reg, "ggml_backend_load_all_from_path", None, [C]),
        (base_lib, "ggml_backend_reg_name", C, [P]),
        (base_lib, "ggml_backend_reg_get_proc_address", P, [P, C]),
        (base_lib, "ggml_backend_dev_name", C, [P]),
        (base_lib, "ggml_backend_dev_description", C, [P]),
        (base_lib, "ggml_backend_dev_type", ctypes.c_int, [P]),
        (base_lib, "ggml_backend_dev_memory", None, [P, ctypes.POINTER(S), ctypes.POINTER(S)]),
        (base_lib, "ggml_backend_dev_backend_reg", P, [P]),
    ]
    for lib, name, res, args in sigs:
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = res, args
    return reg, base_lib, base


def _s(b: bytes | None) -> str:
    return b.decode("utf-8", "replace") if b else ""


def list_devices() -> tuple[tuple[Device, ...], tuple[str, ...]]:
    """(devices, backend names) from ggml's registry. Raises OSError/AttributeError when the
    libraries cannot be read; `device_report` turns that into a one-line reason."""
    reg, base, libdir = _libs()
    if reg.ggml_backend_reg_count() == 0:
        # A build with dynamically loaded backends (GGML_BACKEND_DL) that nobody loaded yet:
        # load the ones the probe found to run here (never ggml's top-scored variant unprobed:
        # an AMX variant on a VM that does not enable AMX dies with SIGILL).
        from app.core.backends import ensure_backends

        ensure_backends()
    backends = tuple(_s(base.ggml_backend_reg_name(reg.ggml_backend_reg_get(i)))
                     for i in range(reg.ggml_backend_reg_count()))
    devices = []
    for i in range(reg.ggml_backend_dev_count()):
        dev = reg.ggml_backend_dev_get(i)
        free, total = ctypes.c_size_t(0), ctypes.c_size_t(0)
        base.ggml_backend_dev_memory(dev, ctypes.byref(free), ctypes.byref(total))
        kind = _KINDS.get(base.ggml_backend_dev_type(dev), "other")
        devices.append(Device(
            index=i, name=_s(base.ggml_backend_dev_name(dev)),
            description=_s(base.ggml_backend_dev_description(dev)).strip(), kind=kind,
            backend=_s(base.ggml_backend_reg_name(base.ggml_backend_dev_backend_reg(dev))),
            free=int(free.value), total=int(total.value)))
    return tuple(devices), backends


def gpu_devices() -> tuple[Device, ...]:
    """The GPUs llama.cpp can offload to now, with their free memory; () on any failure."""
    try:
        return tuple(d for d in list_devices()[0] if d.is_gpu and d.total > 0)
    except Exception:
        return ()


def _cpu_features() -> tuple[tuple[str, ...], str]:
    """Feature flags of the CPU backend in use and the CPU library file it came from."""
    reg, base, libdir = _libs()
    feats: list[str] = []
    for i in range(reg.ggml_backend_reg_count()):
        r = reg.ggml_backend_reg_get(i)
        if _s(base.ggml_backend_reg_name(r)) != "CPU":
            continue
        addr = base.ggml_backend_reg_get_proc_address(r, b"ggml_backend_get_features")
        if not addr:
            continue
        fn = ctypes.CFUNCTYPE(ctypes.POINTER(_Feature), ctypes.c_void_p)(addr)
        arr = fn(r)
        k = 0
        while arr and arr[k].name:
            name, value = _s(arr[k].name), _s(arr[k].value)
            feats.append(name if value in ("1", "") else f"{name}={value}")
            k += 1
    return tuple(feats), _cpu_library(libdir)


def _cpu_library(libdir: Path) -> str:
    """The libggml-cpu* file mapped into this process (a variant when built with
    GGML_CPU_ALL_VARIANTS), else the one in llama-cpp-python's lib folder."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as f:
            for line in f:
                name = line.rsplit("/", 1)[-1].strip()
                if name.startswith("libggml-cpu"):
                    return name
    except OSError:
        pass
    for p in sorted(libdir.glob("*ggml-cpu*")):
        return p.name
    return "built into libggml"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def device_report() -> DeviceReport:
    """Everything `wren system` shows. Never raises."""
    vm = psutil.virtual_memory()
    logical = psutil.cpu_count(logical=True) or os.cpu_count() or 1
    physical = psutil.cpu_count(logical=False) or logical
    error = ""
    devices: tuple[Device, ...] = ()
    backends: tuple[str, ...] = ()
    feats: tuple[str, ...] = ()
    build = ""
    from app.core.backends import backend_report

    chosen = backend_report()  # loads the probed variant first where backends are libraries
    try:
        devices, backends = list_devices()
        feats, build = _cpu_features()
    except Exception as e:  # no llama.cpp, an old one, a broken driver: say it, run on CPU
        error = f"could not read llama.cpp's devices: {type(e).__name__}: {e}"
    cpu_dev = next((d for d in devices if d.kind == "cpu"), None)
    cpu = CpuInfo(model=(cpu_dev.description if cpu_dev and cpu_dev.description
                         else _cpu_model()),
                  physical_cores=int(physical), logical_cores=int(logical),
                  features=feats, build=build)
    return DeviceReport(devices=devices, backends=backends, cpu=cpu, total_ram=int(vm.total),
                        available_ram=int(vm.available), error=error,
                        llama_backends=chosen.to_dict())


def gpu_memory_cap(store: Any) -> int:
    """The preference "GPU memory Wren may use" in bytes (0: all free memory less the margin)."""
    from app.core.setting_names import GPU_MEMORY_CAP

    v = store.get_setting(GPU_MEMORY_CAP, 0)
    return int(v) if isinstance(v, (int, float)) and v > 0 else 0


def report_lines(report: DeviceReport) -> list[str]:
    """The text `wren system` prints and the window's Help > This computer shows."""
    c = report.cpu
    lines = [f"CPU: {c.model}, {c.physical_cores} cores ({c.logical_cores} threads)"]
    if c.build or c.features:
        lines.append(f"  llama.cpp CPU build: {c.build or '?'}"
                     + (f"; features: {' '.join(c.features)}" if c.features else ""))
    lines.append(f"RAM: {_gib(report.total_ram)}, {_gib(report.available_ram)} free")
    for d in report.gpus:
        lines.append(f"GPU {d.name}: {d.label} ({d.backend}), {_gib(d.total)}, "
                     f"{_gib(d.free)} free")
    lines.append(f"llama.cpp backends: {', '.join(report.backends) or 'none found'}")
    chosen = report.llama_backends
    if chosen.get("loadable"):
        lines.append(f"  chosen at run time: {chosen.get('summary', '')}")
        for sk in chosen.get("skipped", ()):
            lines.append(f"  skipped {sk['library']}: {sk['reason']}")
    elif chosen.get("error"):
        lines.append(f"  {chosen['error']}")
    if not report.gpus:
        lines.append(report.summary)
    return lines
