/**
 * The store contract over JDBC: SQL built only from the table registry, every value a bound parameter, with a {@link org.qiluvalley.planner.store.SpatialDialect} per database.
 */
package org.qiluvalley.planner.store;
