#!/usr/bin/env bash
# The main job: installs dependencies, builds, and runs `sirocco` on the shipped examples.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
sirocco=build/sirocco

echo "== sirocco eval: one expression"
for f in examples/yaql/*.yaql; do
  data="${f%.yaql}.json"
  echo "\$ sirocco eval '$(cat "$f")' --data @$data"
  "$sirocco" eval "$(cat "$f")" --data "@$data"
done

echo
echo "== sirocco eval: an error, shown with its position"
"$sirocco" eval '$.items.where($.price > 10).select($.name' || true

echo
echo "== sirocco eval --batch: JSON Lines in, JSON Lines out"
"$sirocco" eval --batch examples/batch.jsonl
