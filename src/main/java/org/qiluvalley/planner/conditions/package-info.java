/**
 * The planning-conditions letter (规划条件 / 规划设计条件) of a parcel: what the planning department states before land
 * is offered for transfer (出让), built from the validated parcel and the rule book, as JSON, print HTML and PDF.
 */
package org.qiluvalley.planner.conditions;
