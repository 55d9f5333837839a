package org.qiluvalley.planner.filter;

/**
 * Whom a filter is evaluated for. The public (anonymous callers and investors) filters on what the public sees of a
 * feature, exactly as the API shows it to them; planners (and admins) on every field of every feature.
 */
public enum Audience {
    PUBLIC, PLANNER
}
