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
echo "== sirocco eval --lang auto --value: every expression inside a workflow value"
echo "\$ sirocco eval --lang auto --value @examples/mistral/publish.json --data @examples/mistral/context.json"
"$sirocco" eval --lang auto --value @examples/mistral/publish.json --data @examples/mistral/context.json

echo
echo "== sirocco eval --context: the Mistral functions over an execution snapshot"
echo "   (specs/yaql-tasks-function/snapshot.json: three nested workflows)"
snapshot=specs/yaql-tasks-function/snapshot.json
echo "\$ sirocco eval --context $snapshot 'tasks(1, true, ERROR).select([\$.name, \$.state])'"
"$sirocco" eval --context "$snapshot" 'tasks(1, true, ERROR).select([$.name, $.state])'
echo "\$ sirocco eval --context $snapshot --lang jinja '{{ tasks(\"1\")|map(attribute=\"name\")|join(\", \") }}'"
"$sirocco" eval --context "$snapshot" --lang jinja '{{ tasks("1")|map(attribute="name")|join(", ") }}'

echo
echo "== sirocco eval: an error, shown with its position"
"$sirocco" eval '$.items.where($.price > 10).select($.name' || true

echo
echo "== sirocco eval --batch: JSON Lines in, JSON Lines out"
"$sirocco" eval --batch examples/batch.jsonl
