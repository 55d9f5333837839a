/**
 * Who may do what: accounts stored in the database with bcrypt hashes (checked on a bounded pool), the roles
 * (anonymous public, investor, planner, admin), browser sign-in with a session kept in the database and CSRF
 * protection, HTTP Basic for API clients (a Basic request never rides on a session), the throttle of failed
 * sign-ins counted in the database, cross-origin reads of the public OGC API, and problem+json answers for 401,
 * 403, 429.
 */
package org.qiluvalley.planner.security;
