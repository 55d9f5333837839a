/**
 * Who may do what: accounts stored in the database with bcrypt hashes, the roles (anonymous public, investor,
 * planner, admin), browser sign-in with a session kept in the database and CSRF protection, HTTP Basic for API
 * clients, and problem+json answers for 401 and 403.
 */
package org.qiluvalley.planner.security;
