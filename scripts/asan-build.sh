#!/usr/bin/env bash
# Configures and builds build-asan/: clang with ASan + UBSan (UB is fatal) and libFuzzer
# coverage, at -O1 with line tables. It holds every test and the libFuzzer fuzz targets.
# Usage: scripts/asan-build.sh [TARGET...]   (default: everything)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DSIROCCO_FUZZ=ON >/dev/null
targets=()
(($# == 0)) || targets=(--target "$@")
cmake --build build-asan -j "$(nproc)" "${targets[@]}"
