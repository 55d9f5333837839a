/**
 * The Qilu Optics Valley (齐鲁光谷) land-planning service: one Spring Boot application, one package per feature. See docs/ARCHITECTURE.md for how a request flows through them.
 */
package org.qiluvalley.planner;
