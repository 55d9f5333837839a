/**
 * Typed, validated configuration (prefix {@code valley}); every key and its default is documented in application.yml.
 */
package org.qiluvalley.planner.config;
