#!/usr/bin/python3
"""Times one YAQL corpus through `sirocco eval --batch` and through python3-yaql.

Both sides read the same JSONL file and evaluate every case in one process on the same
machine in the same run. The Python side is built the way Mistral builds yaql (one
engine, one root context, a child context per case; see shared/conformance/README.md).

cold: every expression once (parse + evaluate), process start-up included for Sirocco.
warm: the corpus ten times over; Python keeps its parsed expressions, Sirocco its
      expression cache. The warm per-case time is the difference between the 10x and
      the 1x run divided by 9x the number of cases, so start-up and first parses cancel.

Usage: bench/yaql_vs_python.py [CORPUS.jsonl] [--sirocco build/sirocco] [--repeat 3]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

DEBIAN_PYTHON = '/usr/bin/python3'

try:
    import yaql
    from yaql.language import factory
except ImportError:  # a pyenv python shadows Debian's: re-run under Debian's
    if os.path.realpath(sys.executable) != DEBIAN_PYTHON and os.path.exists(DEBIAN_PYTHON):
        os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON] + sys.argv)
    raise

ENGINE_OPTIONS = {
    'yaql.limitIterators': -1,
    'yaql.memoryQuota': -1,
    'yaql.convertTuplesToLists': True,
    'yaql.convertSetsToLists': False,
    'yaql.iterableDicts': False,
    'yaql.convertInputData': True,
    'yaql.convertOutputData': True,
}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(ROOT, '..', 'shared', 'conformance', 'yaql-random-sample.jsonl')


def python_run(lines, rounds):
    """Seconds to answer `lines` `rounds` times over, parsing each expression once."""
    engine = factory.YaqlFactory(keyword_operator='=>', allow_delegates=False).create(
        options=ENGINE_OPTIONS)
    root = yaql.create_context()
    parsed = {}
    start = time.perf_counter()
    for _ in range(rounds):
        for line in lines:
            case = json.loads(line)
            expr = case['expr']
            try:
                compiled = parsed.get(expr)
                if compiled is None:
                    compiled = parsed[expr] = engine(expr)
                result = compiled.evaluate(data=case.get('data'), context=root.create_child_context())
                json.dumps({'id': case['id'], 'result': result}, default=repr)
            except Exception as e:  # an error is an answer too
                json.dumps({'id': case['id'], 'error': {'type': type(e).__name__, 'message': str(e)}})
    return time.perf_counter() - start


def sirocco_run(binary, path):
    start = time.perf_counter()
    subprocess.run([binary, 'eval', '--batch', path], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def best(f, repeat):
    return min(f() for _ in range(repeat))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('corpus', nargs='?', default=DEFAULT_CORPUS)
    ap.add_argument('--sirocco', default=os.path.join(ROOT, 'build', 'sirocco'))
    ap.add_argument('--repeat', type=int, default=3, help='runs of each measurement; the best counts')
    args = ap.parse_args()

    with open(args.corpus) as f:
        lines = [l for l in f if l.strip()]
    n = len(lines)
    with tempfile.TemporaryDirectory() as tmp:
        one = os.path.join(tmp, 'x1.jsonl')
        ten = os.path.join(tmp, 'x10.jsonl')
        with open(one, 'w') as f:
            f.writelines(lines)
        with open(ten, 'w') as f:
            f.writelines(lines * 10)
        s1 = best(lambda: sirocco_run(args.sirocco, one), args.repeat)
        s10 = best(lambda: sirocco_run(args.sirocco, ten), args.repeat)
    p1 = best(lambda: python_run(lines, 1), args.repeat)
    p10 = best(lambda: python_run(lines, 10), args.repeat)

    us = 1e6
    cold_s, cold_p = s1 / n * us, p1 / n * us
    warm_s, warm_p = (s10 - s1) / (9 * n) * us, (p10 - p1) / (9 * n) * us
    print(f'corpus: {os.path.basename(args.corpus)} ({n} cases), best of {args.repeat}')
    print('| mode | python-yaql µs/case | sirocco µs/case | speed-up |')
    print('|---|---:|---:|---:|')
    print(f'| cold | {cold_p:.1f} | {cold_s:.1f} | {cold_p / cold_s:.1f}× |')
    print(f'| warm | {warm_p:.1f} | {warm_s:.1f} | {warm_p / warm_s:.1f}× |')


if __name__ == '__main__':
    main()
