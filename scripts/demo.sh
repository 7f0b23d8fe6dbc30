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
echo "== sirocco eval --lang jinja-template: a template, the data's keys as variables"
echo "\$ sirocco eval --lang jinja-template \"\$(cat examples/jinja/report.j2)\" --data @examples/jinja/report.json"
"$sirocco" eval --lang jinja-template "$(cat examples/jinja/report.j2)" --data @examples/jinja/report.json

echo
echo "== sirocco eval --batch, lang mistral-data: every expression inside a workflow value"
echo "   (examples/mistral/publish.json against examples/mistral/context.json)"
printf '{"id": "publish", "lang": "mistral-data", "expr": %s, "data": %s}\n' \
  "$(tr -d '\n' < examples/mistral/publish.json)" "$(tr -d '\n' < examples/mistral/context.json)" |
  "$sirocco" eval --batch -

echo
echo "== sirocco eval: an error, shown with its position"
"$sirocco" eval '$.items.where($.price > 10).select($.name' || true

echo
echo "== sirocco eval --batch: JSON Lines in, JSON Lines out"
"$sirocco" eval --batch examples/batch.jsonl
