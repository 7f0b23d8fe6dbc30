#!/usr/bin/python3
"""Times a YAQL or Jinja corpus through `sirocco eval --batch` and through the Python
reference (python3-yaql or python3-jinja2).

Both sides read the same JSONL file and evaluate every case in one process on the same
machine in the same run. The Python side is set up the way Mistral sets it up: YAQL with one
engine and one root context, a child context per case (shared/conformance/README.md);
Jinja with one environment of each kind and, for `lang: jinja`, Mistral 15's own rule
(shared/conformance/JINJA.md) and its own context: mistral.expressions.jinja_expression.
get_jinja_context, which binds Mistral's twelve functions to the data for every evaluation,
as Mistral does.

cold: every case once (compile + evaluate), process start-up included for Sirocco.
warm: the corpus ten times over; Python keeps its compiled expressions/templates, Sirocco
      its caches. The warm per-case time is the difference between the 10x and the 1x run
      divided by 9x the number of cases, so start-up and first compiles cancel.

Usage: bench/corpus_vs_python.py CORPUS.jsonl [--sirocco build/sirocco] [--repeat 3]
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

DEBIAN_PYTHON = '/usr/bin/python3'

try:
    import jinja2
    import jinja2.sandbox
    import yaql
    from mistral.expressions import jinja_expression
    from yaql.language import factory
except ImportError:  # a pyenv python shadows Debian's: re-run under Debian's
    if os.path.realpath(sys.executable) != DEBIAN_PYTHON and os.path.exists(DEBIAN_PYTHON):
        os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON] + sys.argv)
    raise

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
YAQL_OPTIONS = {
    'yaql.limitIterators': -1,
    'yaql.memoryQuota': -1,
    'yaql.convertTuplesToLists': True,
    'yaql.convertSetsToLists': False,
    'yaql.iterableDicts': False,
    'yaql.convertInputData': True,
    'yaql.convertOutputData': True,
}
JINJA_EXPR = re.compile('({{(.*?)}})')
JINJA_BLOCK = re.compile('({%(.*?)%})')


class YaqlReference:
    def __init__(self):
        self.engine = factory.YaqlFactory(keyword_operator='=>', allow_delegates=False).create(
            options=YAQL_OPTIONS)
        self.root = yaql.create_context()

    def compile(self, case):
        return self.engine(case['expr'])

    def run(self, compiled, case):
        return compiled.evaluate(data=case.get('data'), context=self.root.create_child_context())


class JinjaReference:
    def __init__(self):
        self.envs = {
            'default': jinja2.Environment(),
            'sandbox': jinja2.sandbox.SandboxedEnvironment(),
            'mistral': jinja2.sandbox.SandboxedEnvironment(
                undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True),
        }
        for name, fn in jinja_expression.get_jinja_context(None).items():
            if name != '_':
                self.envs['mistral'].filters[name] = fn.func

    def compile(self, case):
        lang, expr = case['lang'], case['expr']
        if lang == 'jinja':
            env = self.envs['mistral']
            patterns = JINJA_EXPR.findall(expr)
            if not patterns:
                return ('literal', expr)
            if patterns[0][0] == expr:
                return ('native', env.compile_expression(patterns[0][1], undefined_to_none=False))
            return ('render', env.from_string(expr))
        env = self.envs[case.get('env', 'mistral')]
        if lang == 'jinja-template':
            return ('render', env.from_string(expr))
        return ('native', env.compile_expression(expr, undefined_to_none=case.get('env') == 'default'))

    def run(self, compiled, case):
        mode, code = compiled
        data = case.get('data')
        if mode == 'literal':
            return code
        if case['lang'] == 'jinja':
            ctx = jinja_expression.get_jinja_context(data)
        else:
            ctx = data if isinstance(data, dict) else {}
        if mode == 'native':
            result = code(**ctx)
            str(result)
            return result
        return code.render(**ctx)


def python_run(reference, cases, rounds):
    """Seconds to answer `cases` `rounds` times over, compiling each case once."""
    compiled = {}
    start = time.perf_counter()
    for _ in range(rounds):
        for case in cases:
            key = (case.get('lang'), case.get('env'), case['expr'])
            try:
                code = compiled.get(key)
                if code is None:
                    code = compiled[key] = reference.compile(case)
                result = reference.run(code, case)
                json.dumps({'id': case['id'], 'result': result}, default=repr)
            except Exception as e:  # an error is an answer too
                json.dumps({'id': case['id'], 'error': {'type': type(e).__name__, 'message': str(e)}})
    return time.perf_counter() - start


def sirocco_run(binary, path):
    start = time.perf_counter()
    subprocess.run([binary, 'eval', '--batch', path], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('corpus')
    ap.add_argument('--sirocco', default=os.path.join(ROOT, 'build', 'sirocco'))
    ap.add_argument('--repeat', type=int, default=3,
                    help='rounds of the four measurements; the best of each counts')
    args = ap.parse_args()

    with open(args.corpus) as f:
        lines = [l for l in f if l.strip()]
    cases = [json.loads(l) for l in lines]
    jinja = any(c.get('lang', 'yaql').startswith('jinja') for c in cases)
    reference = JinjaReference() if jinja else YaqlReference()
    n = len(lines)
    with tempfile.TemporaryDirectory() as tmp:
        one = os.path.join(tmp, 'x1.jsonl')
        ten = os.path.join(tmp, 'x10.jsonl')
        with open(one, 'w') as f:
            f.writelines(lines)
        with open(ten, 'w') as f:
            f.writelines(lines * 10)
        # The four measurements take turns, round after round, so that both sides see the
        # same spells of a shared machine's speed; the best of each counts.
        runs = [[] for _ in range(4)]
        for _ in range(args.repeat):
            runs[0].append(sirocco_run(args.sirocco, one))
            runs[1].append(sirocco_run(args.sirocco, ten))
            runs[2].append(python_run(reference, cases, 1))
            runs[3].append(python_run(reference, cases, 10))
        s1, s10, p1, p10 = (min(r) for r in runs)

    us = 1e6
    cold_s, cold_p = s1 / n * us, p1 / n * us
    warm_s, warm_p = (s10 - s1) / (9 * n) * us, (p10 - p1) / (9 * n) * us
    name = 'python-jinja2' if jinja else 'python-yaql'
    print(f'corpus: {os.path.basename(args.corpus)} ({n} cases), best of {args.repeat}')
    print(f'| mode | {name} µs/case | sirocco µs/case | speed-up |')
    print('|---|---:|---:|---:|')
    print(f'| cold | {cold_p:.1f} | {cold_s:.1f} | {cold_p / cold_s:.1f}× |')
    print(f'| warm | {warm_p:.1f} | {warm_s:.1f} | {warm_p / warm_s:.1f}× |')


if __name__ == '__main__':
    main()
