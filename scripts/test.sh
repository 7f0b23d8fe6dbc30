#!/usr/bin/env bash
# The test command: installs dependencies, builds, and runs every test (unit, spec,
# conformance, CLI, fuzz corpus replays) through CTest; then the same suite under ASan +
# UBSan (scripts/sanitize.sh) and every fuzz target for 60 s (scripts/fuzz.sh).
# `scripts/test.sh --quick` stops after the first suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
[[ ${1:-} == --quick ]] && exit 0
scripts/sanitize.sh
scripts/fuzz.sh 60
