#!/usr/bin/env bash
# Runs the whole test suite (unit, spec, conformance, CLI, fuzz corpus replays) under
# ASan + UBSan in build-asan/. Any sanitizer report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/asan-build.sh
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
