/**
 * Investors' inquiries: an "express interest" in an available site from the public map (company, contact,
 * message), rate-limited per client in the database so the limit holds across service instances, and the planners'
 * inbox where they are read and closed. The contact details are planner-only data: they are shown to planners, and
 * to the signed-in investor who sent them, never in a public answer. Every submission and closing is an audit event
 * in the same transaction.
 */
package org.qiluvalley.planner.inquiry;
