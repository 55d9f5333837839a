#!/usr/bin/env bash
# Writes N synthetic parcels as a GeoJSON FeatureCollection (CRS84) for import and scale benchmarks.
# Not committed data: the file goes wherever asked. Deterministic for N and SEED (default 4548).
#
#   scripts/make-synthetic-parcels.sh N OUT.geojson [SEED]
#   scripts/make-synthetic-parcels.sh 100000 /tmp/parcels-100k.geojson
#
# Runs SyntheticParcelsGenerator from the packaged jar (no Maven needed once it is built); builds the jar
# with Maven first when target/ has none. About 450 bytes per parcel (100,000 parcels: 44 MB).
set -euo pipefail
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 N OUT.geojson [SEED]" >&2
    exit 2
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
find_jar() { ls "$root"/target/valley-planner-*.jar 2>/dev/null | head -n 1; }
jar="$(find_jar || true)"
if [ -z "$jar" ]; then
    echo "make-synthetic-parcels: no jar in target/, building it (mvn -DskipTests package)" >&2
    (cd "$root" && mvn -q -B -DskipTests package)
    jar="$(find_jar)"
fi
# The jar is a Spring Boot jar: its PropertiesLauncher runs any main class of it with its nested libraries.
exec java -cp "$jar" -Dloader.main=org.qiluvalley.planner.seed.SyntheticParcelsGenerator \
    org.springframework.boot.loader.launch.PropertiesLauncher "$@"
