#!/usr/bin/env bash
# Items and vector tiles side by side in one run: this service, MapServer 8 (the peer) and raw PostGIS (the lower
# bound: the database building the same FeatureCollection or tile itself), on the same parcels, the same random
# windows and tiles, the same concurrency. Uses the harness in ../shared/bench (see its README).
#
#   scripts/bench.sh                                  # 100,000 and 1,000,000 parcels, 3 runs of each measurement
#   SIZES=100000 RUNS=3 CONC=8 SECS=20 SERVICE_WARMUP=40 CROSS_WRITES=50 scripts/bench.sh
#
# Per size: the harness loads N synthetic parcels into its PostGIS cluster (port 55432); the same rows are copied
# (COPY, hex EWKB, no re-projection) into the service's own schema in database valley_bench of that cluster; the
# service is started on it (start-up time measured) with a seed directory whose parcels file is empty, so that the
# park's own 190 parcels do not add to the windows' counts; MapServer is started on the harness table; the harness
# checks that every server returns exactly PostGIS's count for 200 windows. A second instance of the service, its
# tile cache off (--valley.tiles.cache-mb=0, port SERVICE_COLD_PORT), is started on the same database; both are
# warmed up alike (SERVICE_WARMUP s of items and tiles), which fills the first one's tile cache with the windows'
# tiles. Then RUNS rounds of items (MapServer, service, raw) and z15 tiles (MapServer, service with its cache warm,
# service-cold, raw), 5 s warm-up + SECS measured each, while both instances' resident memory is sampled every
# second. Last, scripts/bench-cross-instance.py writes CROSS_WRITES parcels through the cold instance (withdraws
# them: the rule book refuses any PATCH of the harness's parcels, which lie outside the park; CROSS_WRITE=patch
# changes farMax instead, for a register that passes it) and reads each one's tile through the cached one as soon
# as the write is acknowledged: the time from the write to the changed tile, and the stale reads (must be 0).
# Results: target/bench/<time>/summary.md (medians), the raw lines in results.tsv there (and cross-instance-N.txt,
# one line per write), and the harness's full reports in $PEER_BENCH_STATE/results.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
harness="${BENCH_HARNESS:-$root/../shared/bench}"
export PEER_BENCH_STATE="${PEER_BENCH_STATE:-/tmp/peer-bench}"
SIZES="${SIZES:-100000 1000000}"
RUNS="${RUNS:-3}"
CONC="${CONC:-8}"
SECS="${SECS:-20}"
PORT="${SERVICE_PORT:-18090}"
COLD_PORT="${SERVICE_COLD_PORT:-$((PORT + 1))}"
CROSS_WRITES="${CROSS_WRITES:-50}"
CROSS_WRITE="${CROSS_WRITE:-withdraw}"
PGPORT="${PGPORT:-55432}"
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xms256m -Xmx256m -XX:MaxMetaspaceSize=160m -XX:+UseSerialGC -Xss512k}"
out="$root/target/bench/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# The admin account is created with this password at the first start on a new database; every later start (and
# the cross-instance writes, HTTP Basic) uses the same one.
export VALLEY_BENCH_PASSWORD="bench-$(date +%s)-admin"
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }

[ -d "$harness" ] || { echo "no harness at $harness (set BENCH_HARNESS)" >&2; exit 2; }
jar="$(ls "$root"/target/valley-planner-*.jar 2>/dev/null | grep -v original | head -n 1 || true)"
if [ -z "$jar" ]; then
    log "building the jar (mvn -DskipTests package)"
    (cd "$root" && mvn -q -B -DskipTests package)
    jar="$(ls "$root"/target/valley-planner-*.jar | grep -v original | head -n 1)"
fi
cp "$jar" "$out/service.jar"

service_pid=""
cold_pid=""
rss_pid=""
cold_rss_pid=""
stop_pid() { if [ -n "$1" ]; then kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi; }
stop_service() {
    stop_pid "$rss_pid"; rss_pid=""
    stop_pid "$cold_rss_pid"; cold_rss_pid=""
    stop_pid "$service_pid"; service_pid=""
    stop_pid "$cold_pid"; cold_pid=""
}
cleanup() {
    stop_service
    if [ "${KEEP_UP:-0}" != 1 ]; then "$harness/peer-down.sh" >/dev/null 2>&1 || true; "$harness/pg-down.sh" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# Starts the service on valley_bench; sets startup_ms to the milliseconds from launch to a healthy answer.
# (Not called in a command substitution: that would run it in a subshell and lose service_pid.)
# With "cold", starts the second instance instead: tile cache off, port COLD_PORT, pid in cold_pid.
start_service() {
    local started=$(date +%s%N) port=$PORT name=service pid
    local args=()
    if [ "${1:-}" = cold ]; then port=$COLD_PORT; name=service-cold; args=(--valley.tiles.cache-mb=0); fi
    (cd "$out" && VALLEY_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/valley_bench" VALLEY_DB_USER=postgres \
        VALLEY_ADMIN_PASSWORD="$VALLEY_BENCH_PASSWORD" exec java $SERVICE_JAVA_OPTS -jar service.jar \
        --server.port="$port" --valley.seed-location="file:$out/seed/" --logging.level.root=WARN "${args[@]}" \
        >>"$out/$name.log" 2>&1) &
    pid=$!
    if [ "$name" = service ]; then service_pid=$pid; else cold_pid=$pid; fi
    for _ in $(seq 1 600); do
        if curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health"; then
            startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || { echo "the $name instance died; see $out/$name.log" >&2; exit 1; }
        sleep 0.1
    done
    echo "the $name instance did not start in 60 s" >&2
    exit 1
}

# Samples the resident set size (kB) of process $2 (default: the service) every second into $1 while it runs.
sample_rss() {
    local file=$1 java_pid=${2:-$service_pid}
    while sleep 1; do
        awk '/^VmRSS:/ {print $2}' "/proc/$java_pid/status" 2>/dev/null >>"$file" || break
    done
}

# The park's seed without its parcels: zones, roads, control lines and the rule book as shipped.
mkdir -p "$out/seed"
cp "$root"/gis-data/*.geojson "$root"/gis-data/zoning-rules.yaml "$out/seed/"
printf '{"type":"FeatureCollection","features":[]}\n' >"$out/seed/parcels.geojson"

"$harness/pg-up.sh" >/dev/null
printf 'size\tkind\ttarget\trun\tline\n' >"$out/results.tsv"
for N in $SIZES; do
    log "== $N parcels"
    "$harness/load-parcels.sh" "$N"
    psql_ -d postgres -c "DROP DATABASE IF EXISTS valley_bench" -c "CREATE DATABASE valley_bench"
    psql_ -d valley_bench -c "CREATE EXTENSION IF NOT EXISTS postgis" -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm"
    if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
        echo "port $PORT is taken: stop what runs there or set SERVICE_PORT" >&2
        exit 1
    fi
    if curl -s -o /dev/null "http://127.0.0.1:$COLD_PORT/"; then
        echo "port $COLD_PORT is taken: stop what runs there or set SERVICE_COLD_PORT" >&2
        exit 1
    fi
    start_service
    first_start=$startup_ms
    stop_service
    log "copying the harness's $N parcels into the service's schema"
    # The harness's attributes mapped onto the park's vocabulary: its ~2.8 km zones onto the five allocatable
    # zones, its land uses onto 2023 codes of the rule book, its statuses onto the lifecycle's.
    psql_ -d bench -c "\\copy (SELECT id, 0, (ARRAY['laser-industry','incubator','research-institute','exchange-center','exhibition'])[1 + abs(hashtext(zone)) % 5], CASE land_use WHEN 'office' THEN '0802' WHEN 'warehouse' THEN '1101' WHEN 'logistics' THEN '1101' ELSE '100101' END, CASE status WHEN 'available' THEN 'available' WHEN 'planned' THEN 'available' WHEN 'reserved' THEN 'reserved' ELSE 'allocated' END, 1.0, 2.5, 0.4, 0.6, 0.1, 0.2, 50, 5, ST_Area(geom), 1, now(), geom, geom_4326 FROM parcels ORDER BY id) TO STDOUT" \
        | psql_ -d valley_bench -c "\\copy parcels (id, seq, zone_id, land_use, status, far_min, far_max, coverage_min, coverage_max, green_ratio_min, green_ratio_max, height_max_m, setback_m, area_m2, version, updated_at, geom, geom_crs84) FROM STDIN"
    psql_ -d valley_bench -c "VACUUM (ANALYZE) parcels" \
        -c "SELECT pg_prewarm(c) FROM unnest(array['parcels','parcels_pkey','parcels_geom_idx','parcels_geom_crs84_idx','parcels_zone_status_idx']::regclass[]) c" >/dev/null
    psql_ -d bench -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm" \
        -c "SELECT pg_prewarm(c) FROM unnest(array['parcels','parcels_pkey','parcels_geom_gist','parcels_geom_4326_gist','bench_windows']::regclass[]) c" >/dev/null
    start_service
    log "service started in $startup_ms ms on $N parcels (first start, migrating and seeding: $first_start ms)"
    printf '%s\tstartup\tservice\t1\tstartup_ms=%s first_start_ms=%s\n' "$N" "$startup_ms" "$first_start" >>"$out/results.tsv"
    start_service cold
    log "second instance (tile cache off) started in $startup_ms ms on port $COLD_PORT"
    printf '%s\tstartup\tservice-cold\t1\tstartup_ms=%s\n' "$N" "$startup_ms" >>"$out/results.tsv"
    "$harness/peer-up.sh" >/dev/null
    items="http://127.0.0.1:$PORT/ogc/collections/parcels/items"
    tiles="http://127.0.0.1:$PORT/ogc/collections/parcels/tiles/WebMercatorQuad/{z}/{y}/{x}"
    cold_items="http://127.0.0.1:$COLD_PORT/ogc/collections/parcels/items"
    cold_tiles="http://127.0.0.1:$COLD_PORT/ogc/collections/parcels/tiles/WebMercatorQuad/{z}/{y}/{x}"
    peer_items="http://127.0.0.1:18080/collections/parcels/items"
    peer_tiles="http://127.0.0.1:18080/tiles/{z}/{x}/{y}.mvt"
    # Same answers before speed: every server returns PostGIS's exact count for the windows (the service must).
    "$harness/compare-counts.sh" "$items" 200 | tee "$out/counts-service-$N.txt"
    "$harness/compare-counts.sh" "$peer_items" 200 >"$out/counts-mapserver-$N.txt" || true
    # The JVM's JIT needs load to reach steady state (measured: 680 req/s in the first 20 s, 1,500 from the
    # second minute); a service in production has been warm for hours. Not measured.
    # The tiles warm-up also fills the first instance's tile cache with the windows' tiles (at 10^6 parcels, 10,000
    # tiles of about 4 kB: within the default 64 MB); the second instance has no cache and builds every tile.
    log "warming both instances up for ${SERVICE_WARMUP:-40} s each (items and tiles, not measured)"
    for base in "$items" "$cold_items"; do
        WARMUP=0 LABEL="warm-up" "$harness/bench.sh" "$base" "$CONC" "$(( ${SERVICE_WARMUP:-40} / 2 ))" >/dev/null 2>&1 || true
    done
    for tpl in "$tiles" "$cold_tiles"; do
        WARMUP=0 LABEL="warm-up" "$harness/bench.sh" "$tpl" "$CONC" "$(( ${SERVICE_WARMUP:-40} / 2 ))" >/dev/null 2>&1 || true
    done
    rss_file="$out/rss-$N.kb"
    cold_rss_file="$out/rss-cold-$N.kb"
    : >"$rss_file"
    : >"$cold_rss_file"
    sample_rss "$rss_file" "$service_pid" &
    rss_pid=$!
    sample_rss "$cold_rss_file" "$cold_pid" &
    cold_rss_pid=$!
    record() { # size kind target run: reads the harness's RESULT line from stdin
        local line
        line=$(grep '^RESULT ' | tail -n 1 | sed 's/^RESULT //')
        printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$line" >>"$out/results.tsv"
        log "$2 $3 run $4: $line"
    }
    for run in $(seq 1 "$RUNS"); do
        LABEL="mapserver-items-$N" "$harness/bench.sh" "$peer_items" "$CONC" "$SECS" | record "$N" items mapserver "$run"
        LABEL="service-items-$N" "$harness/bench.sh" "$items" "$CONC" "$SECS" | record "$N" items service "$run"
        LABEL="raw-items-$N" MODE=features "$harness/raw-postgis.sh" "$CONC" "$SECS" | record "$N" items raw "$run"
        LABEL="mapserver-tiles-$N" "$harness/bench.sh" "$peer_tiles" "$CONC" "$SECS" | record "$N" tiles mapserver "$run"
        LABEL="service-tiles-$N" "$harness/bench.sh" "$tiles" "$CONC" "$SECS" | record "$N" tiles service "$run"
        LABEL="service-cold-tiles-$N" "$harness/bench.sh" "$cold_tiles" "$CONC" "$SECS" | record "$N" tiles service-cold "$run"
        LABEL="raw-tiles-$N" MODE=tiles "$harness/raw-postgis.sh" "$CONC" "$SECS" | record "$N" tiles raw "$run"
    done
    # Writes through the cold instance, tiles read through the cached one (both on this database); after the runs,
    # so that its writes (which drop the written parcels' tiles) do not touch the measurements.
    log "cross-instance write-then-read of a tile, $CROSS_WRITES writes ($CROSS_WRITE)"
    python3 "$root/scripts/bench-cross-instance.py" --reader "http://127.0.0.1:$PORT" \
        --writer "http://127.0.0.1:$COLD_PORT" --windows "$PEER_BENCH_STATE/windows.tsv" \
        --count "$CROSS_WRITES" --write "$CROSS_WRITE" \
        2>&1 | tee "$out/cross-instance-$N.txt" | record "$N" cross-instance service 1 \
        || log "WARNING: the cross-instance check failed or found stale tiles: see $out/cross-instance-$N.txt"
    stop_pid "$rss_pid"; rss_pid=""
    stop_pid "$cold_rss_pid"; cold_rss_pid=""
    for target in service service-cold; do
        f=$rss_file; [ "$target" = service ] || f=$cold_rss_file
        printf '%s\trss\t%s\t1\tmax_kb=%s median_kb=%s\n' "$N" "$target" "$(sort -n "$f" | tail -n 1)" \
            "$(sort -n "$f" | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')" >>"$out/results.tsv"
    done
    "$harness/peer-down.sh" >/dev/null
    stop_service
done
python3 "$root/scripts/bench-summary.py" "$out/results.tsv" | tee "$out/summary.md"
log "results: $out"
