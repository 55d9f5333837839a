package org.qiluvalley.planner.inquiry;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import tools.jackson.databind.json.JsonMapper;

/**
 * An inquiry as the API shows it: in full to planners and to the investor who sent it ({@link #view}), and only as
 * an acknowledgement to whoever sent it ({@link #receipt}: no company, contact or message, since an anonymous
 * sender's answer is a public response). The audit events record {@link #audit}. Written by this class's own
 * mapper, which writes null members ({@code "submittedBy": null}) unless a member says otherwise.
 */
final class InquiryJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The answer to a submission: id, parcel, state and time, nothing the sender typed. */
    @JsonPropertyOrder({"id", "parcelId", "state", "createdAt"})
    record Receipt(String id, String parcelId, String state, String createdAt) {
    }

    /**
     * Everything but the client key. {@code submittedBy} is null for an anonymous visitor, and always present so
     * clients can tell "anonymous" from "not shown"; the closing members are there once it is closed.
     */
    @JsonPropertyOrder({"id", "parcelId", "company", "contact", "message", "state", "createdAt", "submittedBy",
        "closedBy", "closedAt", "closingNote", "links"})
    record View(String id, String parcelId, String company, String contact, String message, String state,
            String createdAt, String submittedBy, @JsonInclude(JsonInclude.Include.NON_NULL) String closedBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) String closedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String closingNote,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> links) {
    }

    /** The audit record: the view without links, plus the client key the rate limit counted. */
    @JsonPropertyOrder({"inquiry", "clientKey"})
    record Audit(@JsonUnwrapped View inquiry, String clientKey) {
    }

    /** A page of inquiries, newest first. */
    @JsonPropertyOrder({"inquiries", "limit", "offset"})
    record Page(List<View> inquiries, int limit, int offset) {
    }

    @JsonPropertyOrder({"href", "rel"})
    record Link(String href, String rel) {
    }

    private InquiryJson() {
    }

    static Receipt receipt(Inquiry q) {
        return new Receipt(q.id(), q.parcelId(), q.state().wireName(), q.createdAt().toString());
    }

    /** For planners and for the signed-in investor who sent it. */
    static View view(Inquiry q) {
        return view(q, List.of(new Link("/api/inquiries/" + q.id(), "self"),
                new Link("/ogc/collections/parcels/items/" + q.parcelId(), "parcel")));
    }

    private static View view(Inquiry q, List<Link> links) {
        boolean closed = q.closedBy() != null;
        return new View(q.id(), q.parcelId(), q.company(), q.contact(), q.message(), q.state().wireName(),
                q.createdAt().toString(), q.submittedBy(), q.closedBy(), closed ? q.closedAt().toString() : null,
                q.closingNote(), links);
    }

    /** The audit record (planner-only history). */
    static String audit(Inquiry q) {
        return JSON.writeValueAsString(new Audit(view(q, null), q.clientKey()));
    }

    static byte[] bytes(Object body) {
        return JSON.writeValueAsBytes(body);
    }
}
