/**
 * JMH benchmarks (not run by {@code mvn verify}; see {@code scripts/bench-validation.sh} and docs/benchmarks.md).
 */
package org.qiluvalley.planner.bench;
