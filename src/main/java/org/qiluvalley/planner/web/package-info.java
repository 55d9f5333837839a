/**
 * The HTTP edge shared by every feature: the one error mapper (RFC 9457 problem details, also for Tomcat's own rejections) and the small JSON endpoints of the web map.
 */
package org.qiluvalley.planner.web;
