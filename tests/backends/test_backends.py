"""Wren loads llama.cpp's backends itself when they are separate libraries (GGML_BACKEND_DL).

Everything runs on the real full build (installers/build_llama.py: every CPU variant, Vulkan
where its toolkit was present), each case in a fresh Python process pointed at that build with
LLAMA_CPP_LIB_PATH: a process can load llama.cpp once, and this one may hold the quick start's
AVX2 build. The faulting variant is a real shared library compiled here whose init executes an
illegal instruction, as the AMX variant does on a VM that advertises AMX without enabling it.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.system_tools import missing, require_tools

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installers"))
import build_llama  # noqa: E402

BUILD_HINT = ("llama.cpp with loadable backends is not built "
              "(python installers/build_llama.py; needs cmake and g++)")


@pytest.fixture(scope="session")
def dl_lib() -> Path:
    """The full build: this Python's llama_cpp/lib if build_llama installed it, else the cache."""
    try:
        env = build_llama.env_lib_dir()
    except Exception:
        env = None
    if env is not None and (env / build_llama.MARKER).exists():
        return env
    cached = build_llama.cached_lib_dir()
    if cached is None:
        missing(BUILD_HINT)
    return cached


def run_py(code: str, lib: Path, data: Path, timeout: float = 600, **env: str) -> dict:
    """Run `code` in a fresh Python on the build in `lib`; it prints one JSON object last."""
    e = dict(os.environ)
    e.pop("WREN_GGML_BACKENDS", None)  # this process's choice must not leak into the child
    e.update(LLAMA_CPP_LIB_PATH=str(lib), WREN_DATA_DIR=str(data), **env)
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=e, capture_output=True,
                       text=True, timeout=timeout)
    assert r.returncode == 0, f"exit {r.returncode}\n{r.stdout[-2000:]}\n{r.stderr[-3000:]}"
    return json.loads(r.stdout.strip().splitlines()[-1])


REPORT = """
import json
from app.core.backends import ensure_backends
r = ensure_backends()
maps = open("/proc/self/maps").read()
mapped = sorted({l.rsplit("/", 1)[-1].strip() for l in maps.splitlines() if "libggml-" in l})
print(json.dumps({"report": r.to_dict(), "mapped": mapped}))
"""

GGML_OWN_CHOICE = """
import ctypes, json
import llama_cpp.llama_cpp as lc
from pathlib import Path
g = ctypes.CDLL(str(Path(lc._base_path) / "libggml.so"))
g.ggml_backend_load_all_from_path(str(lc._base_path).encode())
maps = open("/proc/self/maps").read()
cpu = sorted({l.rsplit("/", 1)[-1].strip() for l in maps.splitlines() if "libggml-cpu" in l})
print(json.dumps({"cpu": cpu}))
"""


def test_picks_the_variant_ggml_would_and_remembers_it(dl_lib: Path, tmp_path: Path) -> None:
    from app.core.backends import backend_files

    if not sys.platform.startswith("linux"):
        pytest.skip("reads /proc/self/maps")
    first = run_py(REPORT, dl_lib, tmp_path)
    rep = first["report"]
    assert rep["loadable"] and not rep["error"] and rep["probed"]
    # On a CPU whose advertised features all work, Wren's choice is ggml's own best score.
    own = run_py(GGML_OWN_CHOICE, dl_lib, tmp_path)["cpu"]
    assert own == [rep["cpu_library"]], (own, rep)
    assert rep["cpu_library"] in first["mapped"]
    # Only the chosen CPU variant is mapped into the process; the others were only probed.
    assert [m for m in first["mapped"] if m.startswith("libggml-cpu")] == [rep["cpu_library"]]
    cpus, _ = backend_files(dl_lib)
    assert len(cpus) >= 14  # x64 ... sapphirerapids: every x86-64 variant was built
    if "avx512f" not in Path("/proc/cpuinfo").read_text():
        reasons = {s["library"]: s["reason"] for s in rep["skipped"]}
        assert reasons.get("libggml-cpu-skylakex.so") == "not supported by this CPU"
    # The second run trusts the remembered verdict: no child process, same choice.
    again = run_py(REPORT, dl_lib, tmp_path)["report"]
    assert not again["probed"] and again["cpu_library"] == rep["cpu_library"]
    assert json.loads((tmp_path / "cache" / "backends.json").read_text())


FAULT_C = r"""
/* A CPU "variant" that ranks above every real one and dies with SIGILL when initialised. */
int ggml_backend_score(void) { return 1 << 30; }
void *ggml_backend_init(void) { __builtin_trap(); return 0; }
"""


def _library_copy(src: Path, dest: Path) -> Path:
    """The build's libraries in another folder (hard links where possible: tens of MB)."""
    dest.mkdir()
    for p in src.iterdir():
        if p.is_symlink():
            os.symlink(os.readlink(p), dest / p.name)
        else:
            try:
                os.link(p, dest / p.name)
            except OSError:
                shutil.copy2(p, dest / p.name)
    return dest


def test_a_variant_that_faults_is_skipped_and_the_next_one_runs(dl_lib: Path,
                                                                 tmp_path: Path) -> None:
    require_tools("gcc", "gcc")
    lib = _library_copy(dl_lib, tmp_path / "lib")
    (tmp_path / "fault.c").write_text(FAULT_C)
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(lib / "libggml-cpu-zzfault.so"),
                    str(tmp_path / "fault.c")], check=True)
    honest = run_py(REPORT, dl_lib, tmp_path / "a")["report"]
    code = REPORT + """
from app.core.engine import Engine, LoadOptions
from app.core.starter import find_starter_model
e = Engine()
e.load(find_starter_model(), LoadOptions(n_ctx=256, n_threads=1))
out = e.llm.create_completion("One, two,", max_tokens=4, temperature=0.0)
print(json.dumps({"report": r.to_dict(), "text": out["choices"][0]["text"]}))
"""
    res = run_py(code, lib, tmp_path / "b")
    rep = res["report"]
    reasons = {s["library"]: s["reason"] for s in rep["skipped"]}
    assert reasons["libggml-cpu-zzfault.so"] == "crashed (SIGILL)"
    assert rep["cpu_library"] == honest["cpu_library"] and not rep["error"]
    assert res["text"].strip()  # the process that probed lives on and chats (vetting too)


def test_the_quick_start_build_reports_its_built_in_backend() -> None:
    """This process's llama.cpp: built in (README's AVX2 build) or the full build, installed."""
    pytest.importorskip("llama_cpp")
    from app.core.backends import backend_report, library_dir

    rep = backend_report()
    assert not rep.error
    if (library_dir() / build_llama.MARKER).exists():
        assert rep.loadable and rep.cpu_variant
    else:
        assert not rep.loadable and rep.cpu_variant == "built in"


# ----------------------------------------------------------------------------- Vulkan
def _lavapipe() -> dict[str, str]:
    """Environment that shows llama.cpp only lavapipe, which it otherwise leaves out (a CPU
    pretending to be a GPU is not what a user wants to offload to)."""
    icds = [p for d in ("/usr/share/vulkan/icd.d", "/etc/vulkan/icd.d")
            for p in Path(d).glob("lvp_icd*.json")]
    if not icds:
        missing("Mesa's software Vulkan driver (lavapipe) is not installed "
                "(apt-get install mesa-vulkan-drivers)")
    return {"VK_DRIVER_FILES": str(icds[0]), "VK_ICD_FILENAMES": str(icds[0]),
            "GGML_VK_VISIBLE_DEVICES": "0"}


def _vulkan_lib(dl_lib: Path) -> None:
    if not (dl_lib / "libggml-vulkan.so").exists():
        missing("the llama.cpp build has no Vulkan backend: apt-get install glslc libvulkan-dev "
                "spirv-headers, then python installers/build_llama.py")


OFFLOAD = """
import ctypes, json
import llama_cpp
from app.core.backends import ensure_backends
from app.core.starter import find_starter_model
r = ensure_backends()
lines = []
@llama_cpp.llama_log_callback
def cb(level, text, user):
    lines.append(text.decode("utf-8", "replace"))
llama_cpp.llama_log_set(cb, ctypes.c_void_p(0))
texts = {}
for layers in (0, 99):
    llm = llama_cpp.Llama(str(find_starter_model()), n_ctx=256, n_gpu_layers=layers,
                          n_threads=1, seed=1, verbose=False)
    out = llm.create_completion("The three primary colors are", max_tokens=12, temperature=0.0)
    texts[layers] = out["choices"][0]["text"]
    llm.close()
off = [l.strip() for l in lines if "offloaded" in l]
print(json.dumps({"report": r.to_dict(), "texts": texts, "offloaded": off}))
"""


@pytest.mark.vulkan
def test_layers_offload_to_the_lavapipe_device(dl_lib: Path, tmp_path: Path) -> None:
    _vulkan_lib(dl_lib)
    res = run_py(OFFLOAD, dl_lib, tmp_path, **_lavapipe())
    gpus = res["report"]["gpu_backends"]
    assert [g["name"] for g in gpus] == ["Vulkan"], res["report"]
    assert any("llvmpipe" in d for d in gpus[0]["devices"]), gpus
    # All 30 layers and the output layer went to the device.
    assert any("offloaded 31/31 layers to GPU" in line for line in res["offloaded"]), res
    # Greedy decoding of the same prompt: f32 arithmetic in another order can flip a near-tie,
    # but on this model and prompt both backends agree (checked on lavapipe and on the CPU).
    assert res["texts"]["99"] == res["texts"]["0"], res["texts"]


def test_the_probe_runs_as_a_wren_command_for_the_frozen_app(dl_lib: Path) -> None:
    """A frozen app has no `python -c`: its probe child is `wren __probe-backends__ ...`."""
    from app.core.backends import backend_files

    cpus, _ = backend_files(dl_lib)
    env = dict(os.environ, LLAMA_CPP_LIB_PATH=str(dl_lib))
    r = subprocess.run([sys.executable, "main.py", "__probe-backends__", "score",
                        *[str(p) for p in cpus]], cwd=ROOT, env=env, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    scores = json.loads(r.stdout.split("RESULT ", 1)[1])
    assert set(scores) == {str(p) for p in cpus}
    assert scores[str(dl_lib / "libggml-cpu-x64.so")] > 0  # the baseline runs everywhere
    assert all(isinstance(v, int) for v in scores.values())


def _wren_cli(lib: Path, data: Path, *args: str, **env: str) -> dict:
    """`python main.py ARGS --json` on the build in `lib`; its JSON."""
    r = run_cli(*args, "--json", data_dir=data, timeout=600,
                env={"WREN_GGML_BACKENDS": "", "LLAMA_CPP_LIB_PATH": str(lib), **env})
    assert r.returncode == 0, f"exit {r.returncode}\n{r.stdout[-2000:]}\n{r.stderr[-3000:]}"
    return json.loads(r.stdout.strip().splitlines()[-1])


@pytest.mark.vulkan
def test_system_names_the_cpu_variant_and_the_lavapipe_device(dl_lib: Path,
                                                              tmp_path: Path) -> None:
    _vulkan_lib(dl_lib)
    j = _wren_cli(dl_lib, tmp_path, "system", **_lavapipe())
    lb = j["llama_backends"]
    assert lb["loadable"] and lb["cpu_variant"] and lb["cpu_variant"] != "built in", lb
    assert [g["name"] for g in lb["gpu_backends"]] == ["Vulkan"], lb
    gpus = [g for g in j["gpus"] if g["backend"] == "Vulkan"]
    assert gpus and "llvmpipe" in gpus[0]["description"], j["gpus"]
    assert gpus[0]["total"] >= gpus[0]["free"] > 0
