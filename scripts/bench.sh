#!/bin/sh
# Builds with the micro-benchmarks and runs every benchmark: Google Benchmark micro-benchmarks,
# then the corpus comparisons against the Python references (same machine, same run).
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSIROCCO_BENCH=ON
cmake --build build-bench
build-bench/sirocco_bench
/usr/bin/time -f 'range(0, 10^7).where(...).sum(): %e s, %M KB max RSS' \
  build-bench/sirocco eval --timeout-ms 0 'range(0, 10000000).where($ mod 3 = 0).sum()'
for corpus in yaql-random-sample jinja-random-sample; do
  bench/corpus_vs_python.py ../shared/conformance/$corpus.jsonl --sirocco build-bench/sirocco
done
