package org.qiluvalley.planner.history;

import java.time.Instant;

/**
 * One change.
 *
 * @param id increasing sequence number (the order of changes)
 * @param occurredAt when it was committed
 * @param actor the username who made it
 * @param action what was done: {@code create}, {@code update}, {@code withdraw}, {@code split}, {@code merge},
 *     {@code propose}, {@code approve},
 *     {@code reject}, {@code release}, {@code reserve}, {@code allocate}, {@code make-available}, {@code inquire},
 *     {@code close}
 * @param featureType {@code parcel}, {@code allocation} or {@code inquiry}
 * @param featureId the id of the feature changed
 * @param beforeJson the feature before, as JSON (null when it did not exist)
 * @param afterJson the feature after, as JSON
 */
public record AuditEvent(long id, Instant occurredAt, String actor, String action, String featureType,
        String featureId, String beforeJson, String afterJson) {
}
