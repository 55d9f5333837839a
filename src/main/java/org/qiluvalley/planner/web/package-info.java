/**
 * The HTTP edge shared by every feature: the request-body gate (each endpoint's size limit in one table, a deadline,
 * upload slots per client and in all), the one strict reader of JSON bodies, the key a client's address is counted
 * under, the public base of absolute links, the one error mapper and the problem documents written before it is
 * reached (RFC 9457, also for the container's and Tomcat's own error pages), the rule that out of memory ends the
 * process, and the small JSON endpoints of the web map.
 */
package org.qiluvalley.planner.web;
