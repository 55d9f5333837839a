#!/usr/bin/env python3
"""Medians of scripts/bench.sh runs, side by side: service, MapServer, raw PostGIS, and the ratios.

usage: bench-summary.py results.tsv  (columns: size, kind, target, run, the harness's RESULT fields)
"""
import re
import statistics
import sys


def fields(line):
    return dict(re.findall(r'(\w+)=([^\s]+)', line))


def number(value):
    try:
        return float(value.rstrip('%'))
    except (AttributeError, TypeError, ValueError):
        return None


def main(path):
    rows = {}
    extra = {}
    with open(path, encoding='utf-8') as f:
        next(f)
        for raw in f:
            size, kind, target, run, line = raw.rstrip('\n').split('\t', 4)
            if kind in ('startup', 'rss'):
                extra[(size, kind)] = fields(line)
                continue
            rows.setdefault((size, kind, target), []).append(fields(line))

    def median(size, kind, target, key):
        values = [number(r.get(key)) for r in rows.get((size, kind, target), [])]
        values = [v for v in values if v is not None]
        return statistics.median(values) if values else None

    def fmt(value, digits=1):
        return '–' if value is None else f'{value:,.{digits}f}'

    sizes = sorted({k[0] for k in rows}, key=int)
    print('| parcels | kind | target | runs | req/s (median) | p50 ms | p99 ms | errors | features/resp | expected/resp |')
    print('|---|---|---|---|---|---|---|---|---|---|')
    for size in sizes:
        for kind in ('items', 'tiles'):
            for target in ('service', 'mapserver', 'raw'):
                runs = rows.get((size, kind, target), [])
                if not runs:
                    continue
                features = median(size, kind, target, 'features_per_200') or median(size, kind, target,
                                                                                      'features_per_response')
                print(f'| {int(size):,} | {kind} | {target} | {len(runs)} | {fmt(median(size, kind, target, "rps"))} '
                      f'| {fmt(median(size, kind, target, "p50_ms"), 2)} | {fmt(median(size, kind, target, "p99_ms"), 2)} '
                      f'| {fmt(median(size, kind, target, "errors"), 0)} | {fmt(features, 2)} '
                      f'| {fmt(median(size, kind, target, "expected_per_req"), 2)} |')
    print()
    print('| parcels | kind | service / MapServer (req/s) | service / raw PostGIS (req/s) | service p99 / MapServer p99 |')
    print('|---|---|---|---|---|')
    for size in sizes:
        for kind in ('items', 'tiles'):
            s, m, r = (median(size, kind, t, 'rps') for t in ('service', 'mapserver', 'raw'))
            sp, mp = median(size, kind, 'service', 'p99_ms'), median(size, kind, 'mapserver', 'p99_ms')
            ratio = lambda a, b: '–' if a is None or not b else f'{a / b:.2f}x'
            print(f'| {int(size):,} | {kind} | {ratio(s, m)} | {ratio(s, r)} | {ratio(sp, mp)} |')
    print()
    for size in sizes:
        start = extra.get((size, 'startup'), {})
        rss = extra.get((size, 'rss'), {})
        print(f'- {int(size):,} parcels: start-up {start.get("startup_ms", "?")} ms (first start with migration and '
              f'seed: {start.get("first_start_ms", "?")} ms); resident memory under load: max '
              f'{int(rss.get("max_kb", 0)) // 1024} MB, median {int(rss.get("median_kb", 0)) // 1024} MB')


if __name__ == '__main__':
    main(sys.argv[1])
