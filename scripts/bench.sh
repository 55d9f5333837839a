#!/usr/bin/env bash
# Items and vector tiles side by side in one run: this service, MapServer 8 (the peer) and raw PostGIS (the lower
# bound: the database building the same FeatureCollection or tile itself), on the same parcels, the same random
# windows and tiles, the same concurrency. Uses the harness in ../shared/bench (see its README).
#
#   scripts/bench.sh                                  # 100,000 and 1,000,000 parcels, 3 runs of each measurement
#   SIZES=100000 RUNS=3 CONC=8 SECS=20 scripts/bench.sh
#
# Per size: the harness loads N synthetic parcels into its PostGIS cluster (port 55432); the same rows are copied
# (COPY, hex EWKB, no re-projection) into the service's own schema in database valley_bench of that cluster; the
# service is started on it (start-up time measured) with a seed directory whose parcels file is empty, so that the
# park's own 190 parcels do not add to the windows' counts; MapServer is started on the harness table; the harness
# checks that every server returns exactly PostGIS's count for 200 windows; then RUNS rounds of
# items (MapServer, service, raw) and z15 tiles (MapServer, service, raw), 5 s warm-up + SECS measured each, while
# the service's resident memory is sampled every second. Results: target/bench/<time>/summary.md (medians), the raw
# lines in results.tsv there, and the harness's full reports in $PEER_BENCH_STATE/results.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
harness="${BENCH_HARNESS:-$root/../shared/bench}"
export PEER_BENCH_STATE="${PEER_BENCH_STATE:-/tmp/peer-bench}"
SIZES="${SIZES:-100000 1000000}"
RUNS="${RUNS:-3}"
CONC="${CONC:-8}"
SECS="${SECS:-20}"
PORT="${SERVICE_PORT:-18090}"
PGPORT="${PGPORT:-55432}"
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xms256m -Xmx256m -XX:MaxMetaspaceSize=160m -XX:+UseSerialGC -Xss512k}"
out="$root/target/bench/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
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
rss_pid=""
stop_service() {
    if [ -n "$rss_pid" ]; then kill "$rss_pid" 2>/dev/null || true; wait "$rss_pid" 2>/dev/null || true; rss_pid=""; fi
    if [ -n "$service_pid" ]; then kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; service_pid=""; fi
}
cleanup() {
    stop_service
    if [ "${KEEP_UP:-0}" != 1 ]; then "$harness/peer-down.sh" >/dev/null 2>&1 || true; "$harness/pg-down.sh" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# Starts the service on valley_bench; sets startup_ms to the milliseconds from launch to a healthy answer.
# (Not called in a command substitution: that would run it in a subshell and lose service_pid.)
start_service() {
    local started=$(date +%s%N)
    (cd "$out" && VALLEY_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/valley_bench" VALLEY_DB_USER=postgres \
        VALLEY_ADMIN_PASSWORD="bench-$(date +%s)-admin" exec java $SERVICE_JAVA_OPTS -jar service.jar \
        --server.port="$PORT" --valley.seed-location="file:$out/seed/" --logging.level.root=WARN \
        >>"$out/service.log" 2>&1) &
    service_pid=$!
    for _ in $(seq 1 600); do
        if curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health"; then
            startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))
            return 0
        fi
        kill -0 "$service_pid" 2>/dev/null || { echo "the service died; see $out/service.log" >&2; exit 1; }
        sleep 0.1
    done
    echo "the service did not start in 60 s" >&2
    exit 1
}

# Samples the service's resident set size (kB) every second into $1 while it runs.
sample_rss() {
    local file=$1 java_pid
    java_pid=$service_pid
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
    "$harness/peer-up.sh" >/dev/null
    items="http://127.0.0.1:$PORT/ogc/collections/parcels/items"
    tiles="http://127.0.0.1:$PORT/ogc/collections/parcels/tiles/WebMercatorQuad/{z}/{y}/{x}"
    peer_items="http://127.0.0.1:18080/collections/parcels/items"
    peer_tiles="http://127.0.0.1:18080/tiles/{z}/{x}/{y}.mvt"
    # Same answers before speed: every server returns PostGIS's exact count for the windows (the service must).
    "$harness/compare-counts.sh" "$items" 200 | tee "$out/counts-service-$N.txt"
    "$harness/compare-counts.sh" "$peer_items" 200 >"$out/counts-mapserver-$N.txt" || true
    # The JVM's JIT needs load to reach steady state (measured: 680 req/s in the first 20 s, 1,500 from the
    # second minute); a service in production has been warm for hours. Not measured.
    log "warming the service up for ${SERVICE_WARMUP:-40} s (items and tiles, not measured)"
    WARMUP=0 LABEL="warm-up" "$harness/bench.sh" "$items" "$CONC" "$(( ${SERVICE_WARMUP:-40} / 2 ))" >/dev/null 2>&1 || true
    WARMUP=0 LABEL="warm-up" "$harness/bench.sh" "$tiles" "$CONC" "$(( ${SERVICE_WARMUP:-40} / 2 ))" >/dev/null 2>&1 || true
    rss_file="$out/rss-$N.kb"
    : >"$rss_file"
    sample_rss "$rss_file" &
    rss_pid=$!
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
        LABEL="raw-tiles-$N" MODE=tiles "$harness/raw-postgis.sh" "$CONC" "$SECS" | record "$N" tiles raw "$run"
    done
    kill "$rss_pid" 2>/dev/null || true; wait "$rss_pid" 2>/dev/null || true; rss_pid=""
    printf '%s\trss\tservice\t1\tmax_kb=%s median_kb=%s\n' "$N" "$(sort -n "$rss_file" | tail -n 1)" \
        "$(sort -n "$rss_file" | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}')" >>"$out/results.tsv"
    "$harness/peer-down.sh" >/dev/null
    stop_service
done
python3 "$root/scripts/bench-summary.py" "$out/results.tsv" | tee "$out/summary.md"
log "results: $out"
