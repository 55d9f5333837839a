#!/usr/bin/env python3
"""Write through one instance, read the tile through another: how long until the change is served, and is it ever
served stale? Called by scripts/bench.sh with two instances of the service on one database.

usage: VALLEY_BENCH_PASSWORD=... bench-cross-instance.py --reader URL --writer URL --windows windows.tsv
           [--count 50] [--write withdraw|patch]

The reader (A) is an instance with its tile cache on and warm; the writer (B) any other instance (bench.sh: the one
with the cache off, whose tiles are therefore built fresh, which also makes it the reference for A's). COUNT times:

1. take a parcel of the bench data that is available (its public tile carries farMax): from the items of a random
   window of the harness, read anonymously through A; its z15 tile is the one under the centre of its CRS84 bbox;
2. read that tile through A twice, anonymously (the first read caches it; the second is the "read-alone" time of a
   cached tile);
3. read the item through B as the planner (HTTP Basic admin:password) for its ETag;
4. write it through B with its ETag in If-Match, and as soon as B's answer (200 or 204) has arrived, read the tile
   through A: its ETag must differ from step 2's. A read that still returns the old ETag is stale (counted, and
   the tile read again until it changes, at most 5 s); the time recorded is from sending the write to receiving the
   changed tile;
5. read the same tile through B (no cache: built from the database now): A's tile must have B's ETag (a mismatch
   is counted apart: the tile A served is not the current one).

The write (--write) is either "patch": PATCH its farMax (application/merge-patch+json {"properties": {"farMax":
1.9}}, or 1.8 if it is 1.9 already), which the public tile carries for an available parcel; or "withdraw": DELETE,
which withdraws it (a withdrawn parcel leaves the public tile). Both run in one transaction with the register's
change log and its NOTIFY. A PATCH runs the rule book, which refuses (422) every parcel of the harness's synthetic
register, since they lie outside the park's boundary, zones and development boundary: bench.sh uses "withdraw".

Prints one line per write, then a RESULT line (key=value, latencies in ms) as the harness's tools do. Only loopback
targets are accepted. Exits 1 if a read was stale or mismatched, or if no write succeeded.
"""
import argparse
import base64
import http.client
import json
import math
import os
import random
import sys
import time
import urllib.parse

TILE = '/ogc/collections/parcels/tiles/WebMercatorQuad/{z}/{y}/{x}'
ITEMS = '/ogc/collections/parcels/items'


class Instance:
    """One keep-alive HTTP connection to an instance (re-opened when the server closes it)."""

    def __init__(self, url, auth=None):
        parsed = urllib.parse.urlsplit(url)
        if parsed.hostname not in ('127.0.0.1', 'localhost', '::1') and not parsed.hostname.startswith('127.'):
            raise SystemExit(f'refusing non-loopback target {parsed.hostname}')
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.auth = auth
        self.connection = None

    def request(self, method, path, body=None, headers=None, auth=True):
        headers = dict(headers or {})
        if auth and self.auth:
            headers['Authorization'] = self.auth
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                if response.getheader('Connection', '').lower() == 'close':
                    self.connection.close()
                    self.connection = None
                return response.status, response.getheader('ETag'), data
            except (http.client.HTTPException, ConnectionError):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
        raise AssertionError('unreachable')


def tile_of(lon, lat, z):
    n = 2 ** z
    x = math.floor((lon + 180) / 360 * n)
    r = math.radians(lat)
    y = math.floor((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n)
    return x, y


def bbox_of(geometry):
    xs, ys = [], []

    def walk(c):
        if isinstance(c[0], (int, float)):
            xs.append(c[0])
            ys.append(c[1])
        else:
            for part in c:
                walk(part)

    walk(geometry['coordinates'])
    return min(xs), min(ys), max(xs), max(ys)


def percentile(values, p):
    """Nearest rank: the smallest value with at least p% of the values at or below it."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def windows(path):
    with open(path, encoding='utf-8') as f:
        for line in f:
            cells = line.rstrip('\n').split('\t')
            if len(cells) >= 5 and cells[0].isdigit():
                yield tuple(float(c) for c in cells[1:5])


def candidates(reader, window_list, rng):
    """Available parcels (id, tile x, y) from random windows, each parcel once."""
    seen = set()
    while True:
        minlon, minlat, maxlon, maxlat = rng.choice(window_list)
        query = urllib.parse.urlencode({'bbox': f'{minlon},{minlat},{maxlon},{maxlat}', 'limit': 100})
        status, _, body = reader.request('GET', f'{ITEMS}?{query}', headers={'Accept': 'application/geo+json'})
        if status != 200:
            raise SystemExit(f'items through the reader: HTTP {status}: {body[:300]!r}')
        features = json.loads(body)['features']
        rng.shuffle(features)
        for feature in features:
            properties = feature.get('properties') or {}
            if feature['id'] in seen or properties.get('status') != 'available' or 'farMax' not in properties:
                continue
            seen.add(feature['id'])
            minx, miny, maxx, maxy = bbox_of(feature['geometry'])
            yield feature['id'], tile_of((minx + maxx) / 2, (miny + maxy) / 2, 15)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--reader', required=True, help='instance A, its tile cache on (e.g. http://127.0.0.1:18090)')
    parser.add_argument('--writer', required=True, help='instance B on the same database')
    parser.add_argument('--windows', required=True, help="the harness's windows.tsv")
    parser.add_argument('--count', type=int, default=50)
    parser.add_argument('--user', default='admin')
    parser.add_argument('--seed', type=int, default=12)
    parser.add_argument('--write', choices=('withdraw', 'patch'), default='patch')
    parser.add_argument('--stale-wait', type=float, default=5.0, help='seconds to wait for a stale tile to change')
    args = parser.parse_args()
    password = os.environ.get('VALLEY_BENCH_PASSWORD')
    if not password:
        raise SystemExit('set VALLEY_BENCH_PASSWORD to the service\'s admin password')
    auth = 'Basic ' + base64.b64encode(f'{args.user}:{password}'.encode()).decode()
    reader = Instance(args.reader)
    writer = Instance(args.writer, auth)
    rng = random.Random(args.seed)
    window_list = list(windows(args.windows))
    if not window_list:
        raise SystemExit(f'no windows in {args.windows}')

    total, read_alone, write_alone, read_after, stale_reads, stale_writes, mismatched = [], [], [], [], 0, 0, 0
    refused, errors = 0, 0
    tile_headers = {'Accept': 'application/vnd.mapbox-vector-tile'}
    pick = candidates(reader, window_list, rng)
    attempts = 0
    while len(total) < args.count and attempts < args.count * 3:
        attempts += 1
        parcel, (x, y) = next(pick)
        path = TILE.format(z=15, y=y, x=x)
        status, before, _ = reader.request('GET', path, headers=tile_headers)
        started = time.perf_counter()
        status2, before2, _ = reader.request('GET', path, headers=tile_headers)
        alone = (time.perf_counter() - started) * 1000
        if status != 200 or status2 != 200 or before is None or before != before2:
            print(f'{parcel}: tile {path} through the reader: HTTP {status}/{status2} ETag {before}/{before2}; '
                  'skipped', file=sys.stderr)
            errors += 1
            continue
        item = f'{ITEMS}/{urllib.parse.quote(parcel, safe="")}'
        status, version, body = writer.request('GET', item, headers={'Accept': 'application/geo+json'})
        if status != 200 or not version:
            print(f'{parcel}: item through the writer: HTTP {status}: {body[:300]!r}', file=sys.stderr)
            errors += 1
            continue
        if args.write == 'patch':
            far_max = json.loads(body)['properties']['farMax']
            # Alternates between two values inside every zone's limits that differ from the bench data's 2.5.
            new_far_max = 1.9 if abs(far_max - 1.9) > 1e-9 else 1.8
            change = f'farMax {far_max} -> {new_far_max}'
            patch = json.dumps({'properties': {'farMax': new_far_max}}).encode()
            sent = time.perf_counter()
            status, _, body = writer.request('PATCH', item, body=patch, headers={
                'If-Match': version, 'Content-Type': 'application/merge-patch+json',
                'Accept': 'application/geo+json'})
        else:
            change = 'withdrawn'
            sent = time.perf_counter()
            status, _, body = writer.request('DELETE', item, headers={'If-Match': version})
        acknowledged = time.perf_counter()
        if status not in (200, 204):
            print(f'{parcel}: {change}: HTTP {status}: {body[:400]!r}', file=sys.stderr)
            if status == 422:
                refused += 1
            else:
                errors += 1
            continue
        stale_here = 0
        while True:
            read_started = time.perf_counter()
            status, after, _ = reader.request('GET', path, headers=tile_headers)
            received = time.perf_counter()
            if status == 200 and after != before:
                break
            stale_here += 1
            if received - acknowledged > args.stale_wait:
                break
        stale_reads += stale_here
        stale_writes += 1 if stale_here else 0
        if status != 200 or after == before:
            print(f'{parcel}: tile {path} still {before} through the reader {args.stale_wait} s after the write',
                  file=sys.stderr)
            errors += 1
            continue
        status, fresh, _ = writer.request('GET', path, headers=tile_headers, auth=False)
        if fresh != after:
            mismatched += 1
            print(f'{parcel}: tile {path}: the reader served {after}, the writer builds {fresh}', file=sys.stderr)
        total.append((received - sent) * 1000)
        write_alone.append((acknowledged - sent) * 1000)
        read_after.append((received - read_started) * 1000)
        read_alone.append(alone)
        print(f'{parcel} z15/{x}/{y}: {change}; write {write_alone[-1]:.1f} ms, '
              f'changed tile {total[-1]:.1f} ms after sending it ({read_after[-1]:.1f} ms read), stale reads '
              f'{stale_here}; cached read before {alone:.2f} ms')

    def ms(values, p):
        value = percentile(values, p)
        return 'n/a' if value is None else f'{value:.2f}'

    print(f'RESULT write={args.write} writes={len(total)} write_to_read_p50_ms={ms(total, 50)} write_to_read_p99_ms={ms(total, 99)} '
          f'write_to_read_max_ms={ms(total, 100)} write_p50_ms={ms(write_alone, 50)} write_p99_ms={ms(write_alone, 99)} '
          f'read_after_write_p50_ms={ms(read_after, 50)} read_after_write_p99_ms={ms(read_after, 99)} '
          f'read_cached_p50_ms={ms(read_alone, 50)} read_cached_p99_ms={ms(read_alone, 99)} '
          f'stale_reads={stale_reads} stale_writes={stale_writes} mismatched={mismatched} refused={refused} '
          f'errors={errors}')
    return 0 if total and stale_reads == 0 and mismatched == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
