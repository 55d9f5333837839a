#!/usr/bin/env python3
"""Medians of scripts/bench.sh runs, side by side: service, MapServer, raw PostGIS, and the ratios.

Tiles of the service are shown twice: "service" (the instance with its tile cache on and warm) and "service-cold"
(the second instance, cache off). Then the cross-instance write-then-read check, start-up and resident memory.

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
            if kind in ('startup', 'rss', 'cross-instance'):
                extra[(size, kind, target)] = fields(line)
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
            for target in ('service', 'service-cold', 'mapserver', 'raw'):
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
    ratio = lambda a, b: '–' if a is None or not b else f'{a / b:.2f}x'
    for size in sizes:
        # "tiles" is the instance with its tile cache warm; "tiles, cache off" the second instance.
        for kind, service, label in (('items', 'service', 'items'), ('tiles', 'service', 'tiles'),
                                     ('tiles', 'service-cold', 'tiles, cache off')):
            if not rows.get((size, kind, service)):
                continue
            s, m, r = (median(size, kind, t, 'rps') for t in (service, 'mapserver', 'raw'))
            sp, mp = median(size, kind, service, 'p99_ms'), median(size, kind, 'mapserver', 'p99_ms')
            print(f'| {int(size):,} | {label} | {ratio(s, m)} | {ratio(s, r)} | {ratio(sp, mp)} |')
    if any(rows.get((size, 'tiles', 'service-cold')) for size in sizes):
        print()
        print('| parcels | tiles: cache warm / cache off (req/s) | cache warm p99 / cache off p99 |')
        print('|---|---|---|')
        for size in sizes:
            w, c = median(size, 'tiles', 'service', 'rps'), median(size, 'tiles', 'service-cold', 'rps')
            wp, cp = median(size, 'tiles', 'service', 'p99_ms'), median(size, 'tiles', 'service-cold', 'p99_ms')
            print(f'| {int(size):,} | {ratio(w, c)} | {ratio(wp, cp)} |')
    cross = [(size, extra[(size, 'cross-instance', 'service')]) for size in sizes
             if (size, 'cross-instance', 'service') in extra]
    if cross:
        print()
        print('Write a parcel through one instance, then read its tile through the other (cache warm), in ms: from '
              'sending the write to receiving the changed tile, the write alone (HTTP Basic: one bcrypt check each), '
              'the tile read after the write (rebuilt), a cached tile read before it; stale reads must be 0.')
        print()
        print('| parcels | write | writes | write to changed tile p50 | p99 | max | write p50 | write p99 | read after write '
              'p50 | p99 | cached read p50 | p99 | stale reads | mismatched | refused | errors |')
        print('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
        for size, c in cross:
            keys = ('write', 'writes', 'write_to_read_p50_ms', 'write_to_read_p99_ms', 'write_to_read_max_ms', 'write_p50_ms',
                    'write_p99_ms', 'read_after_write_p50_ms', 'read_after_write_p99_ms', 'read_cached_p50_ms',
                    'read_cached_p99_ms', 'stale_reads', 'mismatched', 'refused', 'errors')
            print(f'| {int(size):,} | ' + ' | '.join(c.get(k, '–') for k in keys) + ' |')
    print()
    mb = lambda kb: '?' if kb is None else f'{int(kb) // 1024} MB'
    for size in sizes:
        start = extra.get((size, 'startup', 'service'), {})
        cold_start = extra.get((size, 'startup', 'service-cold'))
        rss = extra.get((size, 'rss', 'service'), {})
        cold_rss = extra.get((size, 'rss', 'service-cold'))
        line = (f'- {int(size):,} parcels: start-up {start.get("startup_ms", "?")} ms (first start with migration '
                f'and seed: {start.get("first_start_ms", "?")} ms')
        line += f'; second instance: {cold_start.get("startup_ms", "?")} ms)' if cold_start else ')'
        line += (f'; resident memory under load: max {mb(rss.get("max_kb"))}, median {mb(rss.get("median_kb"))}'
                 + (' (tile cache full)' if cold_rss else ''))
        if cold_rss:
            line += (f'; second instance (tile cache off): max {mb(cold_rss.get("max_kb"))}, median '
                     f'{mb(cold_rss.get("median_kb"))}')
        print(line)


if __name__ == '__main__':
    main(sys.argv[1])
