#!/usr/bin/env bash
# The test command: installs dependencies, builds, and runs every test (unit, spec,
# conformance) through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
