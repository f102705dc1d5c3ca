#!/usr/bin/env bash
# Runs ON the GPU machine (adapted from the team's shared recipe, ../shared/gpu/):
#   bash tests/benchmarks/gpu/build.sh WORK_DIR
# WORK_DIR holds the trimmed llama-cpp-python sdist (trim-sdist.sh) and wheels (whl/).
# Builds llama.cpp with CUDA for the H200 (sm_90) as shared libraries plus llama-bench and
# llama-quantize, and makes the Phi-3.5-dims model (F16, then Q4_K_M). Every stage is
# idempotent and the build runs in its own session, so a call that hits the device's
# 10-minute limit can be repeated while the machine is still warm.
# Prints "READY" as its last line when everything is there.
set -u
W=$(cd "${1:?usage: build.sh WORK_DIR}" && pwd); HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(ls -d "$W"/llama_cpp_python-*/ | head -1); B=/tmp/lcb; M=/tmp/models
export PATH=/usr/local/cuda/bin:$PATH; mkdir -p $M
log(){ echo "[$(date +%T)] $*"; }
[ -d /tmp/site ] || python3 -m pip install -q --no-index --no-deps --target /tmp/site "$W"/whl/*.whl >/dev/null 2>&1
export PYTHONPATH=/tmp/site:$SRC
# libggml-cuda.so came out holding a static copy of libstdc++ and exporting its symbols (2,877
# std:: symbols): in a process that loaded the system libstdc++ first (numpy does), a call
# bound to the wrong copy and `summarize` crashed in codecvt::do_unshift while loading a model.
# --exclude-libs keeps whatever a static archive brings in private to the library.
LDF="-Wl,--exclude-libs,ALL"
if [ -f $B/DONE ] && ! grep -q -- "--exclude-libs" $B/CMakeCache.txt 2>/dev/null; then
  rm -f $B/DONE $B/STARTED  # an older build here: relink it with the flag (objects are kept)
fi
if [ ! -f $B/DONE ] && [ ! -f $B/STARTED ]; then
  mkdir -p $B; touch $B/STARTED
  setsid bash -c "cmake -S $SRC/vendor/llama.cpp -B $B -G Ninja -DGGML_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES=90 \
    -DBUILD_SHARED_LIBS=ON -DLLAMA_CURL=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF \
    -DLLAMA_BUILD_SERVER=OFF -DCMAKE_BUILD_TYPE=Release -DCMAKE_SHARED_LINKER_FLAGS=$LDF > $B/cmake.log 2>&1 && \
    cmake --build $B -j16 --target llama-bench llama-quantize mtmd llama > $B/build.log 2>&1; \
    echo \$? > $B/DONE" < /dev/null > /dev/null 2>&1 &
  log "build started (about 4.5 min on 16 cores)"
fi
[ -f $M/f16.gguf ] || { python3 "$HERE/make_phi35_dims.py" $M/f16.tmp "$SRC/vendor/llama.cpp/models/ggml-vocab-phi-3.gguf" > /dev/null && mv $M/f16.tmp $M/f16.gguf; }
for i in $(seq 1 ${BUILD_WAIT_STEPS:-100}); do [ -f $B/DONE ] && break; sleep 5; done
[ -f $B/DONE ] || { log "build still running: call again"; exit 3; }
[ "$(cat $B/DONE)" = 0 ] || { log "build failed"; tail -30 $B/build.log; exit 4; }
BIN=$B/bin
[ -f $M/q4km.gguf ] || $BIN/llama-quantize $M/f16.gguf $M/q4km.gguf Q4_K_M 16 > /dev/null 2>&1
# llama-cpp-python's Python package straight from the source tree, loading this build's libraries
ln -sfn $BIN "$SRC/llama_cpp/lib"
log "model $M/q4km.gguf, binaries $BIN"
echo READY
