#!/usr/bin/env bash
# Regenerates gis-data/*.geojson from the committed generator and gis-data/zoning-rules.yaml.
# Deterministic: the output must equal the committed files byte for byte (ParkGeodataGeneratorTest checks it).
# The generator is a tool, not part of the service: it lives with the tests (src/test/java/.../seed) and runs from
# the test class path, so it is not in the packaged jar.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java -Dexec.classpathScope=test \
    -Dexec.mainClass=org.qiluvalley.planner.seed.ParkGeodataGenerator -Dexec.args=gis-data
