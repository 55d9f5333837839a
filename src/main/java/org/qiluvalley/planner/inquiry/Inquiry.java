package org.qiluvalley.planner.inquiry;

import java.time.Instant;

/**
 * One investor's expression of interest in a site, as stored.
 *
 * @param submittedBy the signed-in username, or null for an anonymous visitor
 * @param clientKey what the rate limit counts by: the username when signed in, else the client's IP address
 * @param closedBy null (and {@code closedAt}, {@code closingNote} too) while open
 */
record Inquiry(String id, String parcelId, String company, String contact, String message, String submittedBy,
        String clientKey, InquiryState state, Instant createdAt, String closedBy, Instant closedAt,
        String closingNote) {

    Inquiry closed(String by, Instant at, String note) {
        return new Inquiry(id, parcelId, company, contact, message, submittedBy, clientKey, InquiryState.CLOSED,
                createdAt, by, at, note);
    }
}
