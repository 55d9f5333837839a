#!/usr/bin/env bash
# Reads the Surefire and Failsafe XML reports of the last run and checks that it ran at least one test and that
# every test it ran was skipped: none passed, none failed, none errored. .ci/run uses it after running the PostGIS
# tests against a closed port, to prove that a machine without PostgreSQL reports them as skipped (counted, with the
# reason), not as errors and not as "Tests run: 0".
#   usage: scripts/check-skipped-reports.sh WHAT
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-tests}"
tests=0; skipped=0; failures=0; errors=0; classes=0
for report in target/surefire-reports/TEST-*.xml target/failsafe-reports/TEST-*.xml; do
    [ -e "$report" ] || continue
    # The first line holding <testsuite ...> carries the counts as attributes.
    suite=$(grep -m1 -o '<testsuite [^>]*>' "$report")
    attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$suite"; }
    t=$(attr tests); s=$(attr skipped); f=$(attr failures); e=$(attr errors)
    tests=$((tests + t)); skipped=$((skipped + s)); failures=$((failures + f)); errors=$((errors + e))
    classes=$((classes + 1))
    if [ "$t" -eq 0 ] || [ "$s" -ne "$t" ]; then
        echo "check-skipped-reports: $report ran $t tests, skipped $s: expected all skipped" >&2
        exit 1
    fi
done
echo "check-skipped-reports: $what: $classes classes, $tests tests, $skipped skipped, $failures failed, $errors errors"
if [ "$tests" -eq 0 ] || [ "$failures" -ne 0 ] || [ "$errors" -ne 0 ] || [ "$skipped" -ne "$tests" ]; then
    echo "check-skipped-reports: expected every $what test to be reported as skipped" >&2
    exit 1
fi
