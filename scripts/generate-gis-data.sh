#!/usr/bin/env bash
# Regenerates gis-data/*.geojson from the committed generator and gis-data/zoning-rules.yaml.
# Deterministic: the output must equal the committed files byte for byte (ParkGeodataGeneratorTest checks it).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
    -Dexec.mainClass=org.qiluvalley.planner.seed.ParkGeodataGenerator -Dexec.args=gis-data
