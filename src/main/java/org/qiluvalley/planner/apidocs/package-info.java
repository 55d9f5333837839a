/**
 * What the OpenAPI document of {@code /api} says the same way for many operations, as annotations springdoc reads
 * as if they were on each operation (e.g. {@link org.qiluvalley.planner.apidocs.SignedInOperation}). A leaf: it
 * depends on no other package of the service, so any controller may use it.
 */
package org.qiluvalley.planner.apidocs;
