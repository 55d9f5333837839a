/**
 * The map's hot path: anonymous {@code GET}s of items, one item and vector tiles answered by the same controller
 * methods as the full chain, without the servlet filters, the security chain and Spring MVC's dispatch around them.
 * It sits above {@code features} and {@code tiles}; its resources are declared once
 * ({@link org.qiluvalley.planner.anonymousreads.AnonymousMapReads.Resource}), each with the pattern of the controller
 * mapping it stands in for, and a test fails when a public GET mapping and this list disagree.
 */
package org.qiluvalley.planner.anonymousreads;
