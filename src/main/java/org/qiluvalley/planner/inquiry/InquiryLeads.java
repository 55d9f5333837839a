package org.qiluvalley.planner.inquiry;

import java.util.Optional;

import org.qiluvalley.planner.errors.RefusedException;
import org.springframework.stereotype.Component;

/**
 * What the allocation lifecycle needs of an inquiry when a planner proposes the site to the company that asked
 * (F10, "from inquiry to proposal"): the inquiry as a lead, and closing it with a note naming the allocation. The
 * close joins the caller's transaction, so the proposal and the closed inquiry commit or roll back together.
 */
@Component
public class InquiryLeads {

    /**
     * An inquiry as a lead for a proposal.
     *
     * @param company the company that asked: the allottee's name
     * @param open whether it is still open (only an open inquiry can become a proposal)
     */
    public record Lead(String id, String parcelId, String company, boolean open) {
    }

    private final InquiryDesk desk;
    private final InquiryStore inquiries;

    InquiryLeads(InquiryDesk desk, InquiryStore inquiries) {
        this.desk = desk;
        this.inquiries = inquiries;
    }

    /** The inquiry of this id, if there is one. */
    public Optional<Lead> find(String id) {
        return inquiries.find(id).map(q -> new Lead(q.id(), q.parcelId(), q.company(), q.state() == InquiryState.OPEN));
    }

    /**
     * Closes an open inquiry with the note {@code proposed as allocation AL-...}, and records the close in its
     * history, in the caller's transaction.
     *
     * @throws RefusedException 409 when it is closed already (or was closed meanwhile)
     */
    public void closeAsProposed(String inquiryId, String allocationId, String actor) {
        desk.close(inquiryId, "proposed as allocation " + allocationId, actor);
    }
}
