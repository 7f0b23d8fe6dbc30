#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-asan/ and runs them, seeded with
# the saved corpus fuzz/corpus/NAME/ and the expressions of the shared conformance corpora,
# with the token dictionary fuzz/dict/LANG.dict.
#   scripts/fuzz.sh [SECONDS] [TARGET...]        each target in turn for SECONDS (default 60)
#   scripts/fuzz.sh --cpu SECONDS [TARGET...]    all at once, each until it has used SECONDS
#                                                of CPU time (the record in README)
# New crash inputs land in build-asan/findings/NAME/; copy them into fuzz/corpus/NAME/ once
# fixed so the replay tests keep them. Each target's log is build-asan/findings/NAME.log.
set -euo pipefail
cd "$(dirname "$0")/.."
cpu_mode=0
if [[ ${1:-} == --cpu ]]; then
  cpu_mode=1
  shift
fi
seconds=${1:-60}
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then
  for f in fuzz/*_fuzz.cpp; do targets+=("$(basename "${f%.cpp}")"); done
fi
scripts/asan-build.sh "${targets[@]}"

shared=../shared/conformance

# Prepares a target's seeds and findings directories and prints its libFuzzer arguments,
# one per line. Under --cpu the wall-clock limits are loose: the CPU budget ends the run,
# and four targets sharing two cores take twice as long per input.
prepare() {
  local target=$1 name=${1%_fuzz}
  local lang=${name%%_*} seeds=build-asan/seeds/$name findings=build-asan/findings/$name
  mkdir -p "$seeds" "$findings"
  # One seed file per distinct expression of the shared corpora in this target's language.
  if [[ -d $shared ]]; then
    python3 - "$shared" "$lang" "$seeds" <<'PY'
import hashlib, json, os, sys
shared, lang, out = sys.argv[1:]
for name in sorted(os.listdir(shared)):
    if not name.endswith('.jsonl'):
        continue
    for line in open(os.path.join(shared, name), encoding='utf-8'):
        case = json.loads(line)
        expr = case.get('expr')
        if isinstance(expr, str) and case.get('lang', 'yaql').startswith(lang):
            data = expr.encode('utf-8', 'surrogatepass')
            with open(os.path.join(out, hashlib.sha1(data).hexdigest()), 'wb') as f:
                f.write(data)
PY
  fi
  if ((cpu_mode)); then
    printf '%s\n' -max_total_time=$((seconds * 20)) -timeout=60
  else
    printf '%s\n' -max_total_time="$seconds" -timeout=5
  fi
  printf '%s\n' -rss_limit_mb=2048 -max_len=4096 -artifact_prefix="$findings/" \
    -print_final_stats=1
  [[ -f fuzz/dict/$lang.dict ]] && printf '%s\n' -dict="fuzz/dict/$lang.dict"
  printf '%s\n' "$seeds" "fuzz/corpus/$name"
}

# The CPU seconds a process has used so far.
cpu_seconds() { ps -o cputimes= -p "$1" 2>/dev/null | tr -d ' '; }

status=0
if ((cpu_mode)); then
  declare -A pids
  for target in "${targets[@]}"; do
    mapfile -t args < <(prepare "$target")
    build-asan/"$target" "${args[@]}" >"build-asan/findings/${target%_fuzz}.log" 2>&1 &
    pids[$target]=$!
  done
  echo "== ${targets[*]}: at once, ${seconds} CPU seconds each"
  declare -A used
  while :; do
    running=0
    for target in "${targets[@]}"; do
      pid=${pids[$target]}
      kill -0 "$pid" 2>/dev/null || continue
      running=1
      t=$(cpu_seconds "$pid")
      [[ -n $t ]] && used[$target]=$t
      if [[ -n $t ]] && ((t >= seconds)); then kill -INT "$pid" 2>/dev/null || true; fi
    done
    ((running)) || break
    sleep 10
  done
  for target in "${targets[@]}"; do
    # 72 is libFuzzer's exit status when interrupted, as the CPU budget does.
    rc=0
    wait "${pids[$target]}" || rc=$?
    ((rc == 0 || rc == 72)) || status=1
    log=build-asan/findings/${target%_fuzz}.log
    runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    echo "$target: ${used[$target]:-?} CPU seconds, $runs inputs, log $log"
  done
else
  for target in "${targets[@]}"; do
    mapfile -t args < <(prepare "$target")
    echo "== $target: ${seconds}s"
    build-asan/"$target" "${args[@]}" || status=1
  done
fi
exit $status
