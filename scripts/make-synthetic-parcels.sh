#!/usr/bin/env bash
# Writes N synthetic parcels as a GeoJSON FeatureCollection (CRS84) for import and scale benchmarks.
# Not committed data: the file goes wherever asked. Deterministic for N and SEED (default 4548).
#
#   scripts/make-synthetic-parcels.sh N OUT.geojson [SEED]
#   scripts/make-synthetic-parcels.sh 100000 /tmp/parcels-100k.geojson
#
# Runs SyntheticParcelsGenerator from the test class path (it is a tool, kept out of the packaged jar), compiling
# with Maven first. About 450 bytes per parcel (100,000 parcels: 44 MB).
set -euo pipefail
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 N OUT.geojson [SEED]" >&2
    exit 2
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
args="$1 $out${3:+ $3}"
cd "$root"
mvn -q -B -DskipTests test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java -Dexec.classpathScope=test \
    -Dexec.mainClass=org.qiluvalley.planner.seed.SyntheticParcelsGenerator -Dexec.args="$args"
