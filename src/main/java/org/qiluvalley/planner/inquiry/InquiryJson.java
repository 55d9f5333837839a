package org.qiluvalley.planner.inquiry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * An inquiry as the API shows it: in full to planners and to the investor who sent it ({@link #view}), and only as
 * an acknowledgement to whoever sent it ({@link #receipt}: no company, contact or message, since an anonymous
 * sender's answer is a public response). The audit events record {@link #audit}.
 */
final class InquiryJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private InquiryJson() {
    }

    /** The answer to a submission: id, parcel, state and time, nothing the sender typed. */
    static Map<String, Object> receipt(Inquiry q) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", q.id());
        body.put("parcelId", q.parcelId());
        body.put("state", q.state().wireName());
        body.put("createdAt", q.createdAt().toString());
        return body;
    }

    /** Everything but the client key; for planners and for the signed-in investor who sent it. */
    static Map<String, Object> view(Inquiry q) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", q.id());
        body.put("parcelId", q.parcelId());
        body.put("company", q.company());
        body.put("contact", q.contact());
        body.put("message", q.message());
        body.put("state", q.state().wireName());
        body.put("createdAt", q.createdAt().toString());
        // null for an anonymous visitor; always present so clients can tell "anonymous" from "not shown".
        body.put("submittedBy", q.submittedBy());
        if (q.closedBy() != null) {
            body.put("closedBy", q.closedBy());
            body.put("closedAt", q.closedAt().toString());
        }
        if (q.closingNote() != null) {
            body.put("closingNote", q.closingNote());
        }
        body.put("links", List.of(Map.of("rel", "self", "href", "/api/inquiries/" + q.id()),
                Map.of("rel", "parcel", "href", "/ogc/collections/parcels/items/" + q.parcelId())));
        return body;
    }

    /** The audit record: the full view plus the client key the rate limit counted (planner-only history). */
    static String audit(Inquiry q) {
        Map<String, Object> body = view(q);
        body.remove("links");
        body.put("clientKey", q.clientKey());
        return JSON.writeValueAsString(body);
    }

    static byte[] bytes(Object body) {
        return JSON.writeValueAsBytes(body);
    }
}
