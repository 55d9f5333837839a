#!/usr/bin/env bash
# JMH benchmark of allocation validation and the park audit (F3). Writes target/jmh-validation.json and prints
# JMH's table (sample mode: p0.50 is the median, p0.99 the 99th percentile, microseconds per call).
#   scripts/bench-validation.sh [extra JMH options, e.g. -p register=park]
# Through PostGIS too (not in the default run): start a server and name it, then ask for the context, e.g.
#   eval "$(scripts/pg-test-cluster.sh start)"      # sets VALLEY_TEST_PG_URL and VALLEY_TEST_PG_USER
#   scripts/bench-validation.sh -p register=city1m -p context=postgis -e auditThePark
# Each register is loaded once into its own database, valley_bench_<register>, kept for later runs.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main \
    'org.qiluvalley.planner.bench.ValidationBenchmark' -rf json -rff target/jmh-validation.json "$@"
