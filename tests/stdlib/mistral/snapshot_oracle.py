#!/usr/bin/python3
"""Records what Mistral 15 answers for expressions run against a Sirocco snapshot.

Loads a snapshot (docs/snapshots.md) into Mistral's own database (in-memory
SQLite), binds __execution / __task_execution / __env the way `sirocco eval
--context` does, and evaluates each case with the installed python3-mistral's
evaluators. Used to record the expected values of the tests and of specs/
fixtures; the tests themselves never run it.

  /usr/bin/python3 tests/stdlib/mistral/snapshot_oracle.py SNAPSHOT.json CASES.jsonl

A case is {"id", "lang": "yaql"|"jinja"|"mistral-data", "expr", "data"?,
"execution"?, "task"?} (execution/task override the snapshot's "current").
Output: one {"id", "expect"} or {"id", "expect_error", "message"} per case.
"""
import datetime
import json
import os
import sys

# the shared conformance oracles live beside the repository (../shared)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                '../../../../shared/conformance/oracles'))
import mistral_layer_oracle as oracle  # noqa: E402


def parse_time(text):
    if text is None:
        return None
    return datetime.datetime.fromisoformat(text.replace(' ', 'T'))


def load(snapshot):
    from mistral.db.v2 import api as db_api
    from mistral import context as auth_context
    from mistral.services import security
    db_api.setup_db()
    auth_context.set_ctx(auth_context.MistralContext.from_dict({
        'user': 'u', 'project_id': security.DEFAULT_PROJECT_ID,
        'is_admin': False}))
    execs = {e['id']: e for e in snapshot['executions']}
    task_owner = {t['id']: e['id'] for e in snapshot['executions']
                  for t in e.get('tasks', [])}

    def root_of(ex):
        while ex.get('task_execution_id'):
            ex = execs[task_owner[ex['task_execution_id']]]
        return ex['id']

    inserted = set()
    with db_api.transaction():
        for e in snapshot['executions']:
            root = root_of(e)
            parent = e.get('task_execution_id')
            db_api.create_workflow_execution({
                'id': e['id'], 'name': e['name'], 'workflow_name': e['name'],
                'state': e['state'], 'state_info': e.get('state_info'),
                'spec': e.get('spec', {}), 'input': e.get('input', {}),
                'output': e.get('output'), 'params': e.get('params', {}),
                'context': e.get('global', {}),
                'created_at': parse_time(e['created_at']),
                'updated_at': parse_time(e.get('updated_at')),
                # a parent task listed later is linked below (the time of
                # that update then replaces updated_at)
                'task_execution_id': parent if parent in inserted else None,
                'root_execution_id': None if root == e['id'] else root,
            })
            for t in e.get('tasks', []):
                db_api.create_task_execution({
                    'id': t['id'], 'name': t['name'], 'state': t['state'],
                    'state_info': t.get('state_info'),
                    'type': t.get('type', 'ACTION'),
                    'spec': t.get('spec', {}),
                    'published': t.get('published', {}),
                    'workflow_execution_id': e['id'],
                    'created_at': parse_time(t['created_at']),
                    'updated_at': parse_time(t.get('updated_at')),
                })
                inserted.add(t['id'])
        for e in snapshot['executions']:
            parent = e.get('task_execution_id')
            if parent and parent not in inserted:
                db_api.update_workflow_execution(
                    e['id'], {'task_execution_id': parent})
    return execs


def bind(case, snapshot, execs):
    current = dict(snapshot.get('current', {}))
    for key in ('execution', 'task'):
        if key in case:
            current[key] = case[key]
    data = case.get('data')
    ex_id = current.get('execution')
    task_id = current.get('task')
    if ex_id is None and task_id is None:
        return data
    if data is None:
        data = {}
    if task_id is not None:
        for e in snapshot['executions']:
            for t in e.get('tasks', []):
                if t['id'] == task_id:
                    ex_id = ex_id or e['id']
                    data.setdefault('__task_execution',
                                    {'id': t['id'], 'name': t['name']})
    data.setdefault('__execution', {'id': ex_id})
    data.setdefault('__env', execs[ex_id].get('env', {}))
    return data


def main():
    oracle.setup_mistral()
    from mistral.db.v2 import api as db_api
    from mistral.workflow import data_flow
    snapshot = json.load(open(sys.argv[1]))
    execs = load(snapshot)
    results = {t['id']: t.get('result') for e in snapshot['executions']
               for t in e.get('tasks', [])}
    data_flow.get_task_execution_result = lambda t: results.get(t.id)
    for line in open(sys.argv[2]):
        if not line.strip():
            continue
        case = json.loads(line)
        case['data'] = bind(case, snapshot, execs)
        with db_api.transaction():
            out = oracle.run_once(case, 10)
        out.pop('mistral_error', None)
        print(json.dumps(out, ensure_ascii=False))


if __name__ == '__main__':
    main()
