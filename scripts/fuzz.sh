#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-asan/ and runs each for
# SECONDS (default 60), seeded with the saved corpus fuzz/corpus/NAME/ and the expressions of
# the shared conformance corpora, with the token dictionary fuzz/dict/LANG.dict.
# New crash inputs land in build-asan/findings/NAME/; copy them into fuzz/corpus/NAME/ once
# fixed so the replay tests keep them. Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then
  for f in fuzz/*_fuzz.cpp; do targets+=("$(basename "${f%.cpp}")"); done
fi
scripts/asan-build.sh "${targets[@]}"

shared=../shared/conformance
status=0
for target in "${targets[@]}"; do
  name=${target%_fuzz}
  lang=${name%%_*}
  seeds=build-asan/seeds/$name
  findings=build-asan/findings/$name
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
  echo "== $target: ${seconds}s"
  dict=fuzz/dict/$lang.dict
  args=(-max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=4096
        -artifact_prefix="$findings/" -print_final_stats=1)
  [[ -f $dict ]] && args+=(-dict="$dict")
  build-asan/"$target" "${args[@]}" "$seeds" "fuzz/corpus/$name" || status=1
done
exit $status
