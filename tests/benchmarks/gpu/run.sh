#!/usr/bin/env bash
# The whole GPU benchmark in one call, on the GPU machine, from the repository root:
#   bash tests/benchmarks/gpu/run.sh [WORK_DIR] [bench_gpu.py options...]
# WORK_DIR (default .gpu, git-ignored, carried to the machine) holds the trimmed
# llama-cpp-python sdist and the wheels of Wren's pure-Python dependencies:
#   tests/benchmarks/gpu/trim-sdist.sh .gpu
#   pip download --only-binary=:all: --python-version 3.12 --platform manylinux2014_x86_64 \
#       --no-deps -d .gpu/whl platformdirs charset-normalizer sqlite-utils ... (README)
# Builds (stages are idempotent: call again if the 10-minute limit cut the build), makes the
# model, runs the GPU tests (marker gpu), then the benchmark; results go to $OUT (or /tmp/out).
set -u
W=${1:-.gpu}; shift || true
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
bash tests/benchmarks/gpu/build.sh "$W" 2>&1 | tee -a "$OUT/build.log" | tail -3
[ "$(tail -1 "$OUT/build.log")" = READY ] || exit 3
SRC=$(ls -d "$(cd "$W" && pwd)"/llama_cpp_python-*/ | head -1)
export PYTHONPATH=/tmp/site:$SRC LLAMA_CPP_LIB_PATH=/tmp/lcb/bin
export WREN_GPU_MODEL=/tmp/models/q4km.gguf
if [ ! -f /tmp/wren-gpu-tests.done ]; then
  python3 -m pytest -m gpu tests/gpu -q -p no:cacheprovider 2>&1 | tail -15 | tee "$OUT/gpu-tests.txt"
  touch /tmp/wren-gpu-tests.done
fi
python3 tests/benchmarks/gpu/bench_gpu.py --bin /tmp/lcb/bin --model /tmp/models/q4km.gguf \
  --out "$OUT" "$@" 2>&1 | tee "$OUT/bench.log" | tail -40
