package org.qiluvalley.planner.allocation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.errors.ConflictException;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.NotAllowedException;
import org.qiluvalley.planner.errors.NotFoundException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.history.HistoryStore;
import org.qiluvalley.planner.inquiry.InquiryLeads;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.planning.FindingsRejected;
import org.qiluvalley.planner.planning.ParcelEdits;
import org.qiluvalley.planner.rules.AllocationValidator;
import org.qiluvalley.planner.rules.Candidate;
import org.qiluvalley.planner.rules.Finding;
import org.qiluvalley.planner.rules.StoreSiteContext;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.springframework.stereotype.Component;

/**
 * Propose, approve, reject, release. Each step is one transaction that first locks the parcel's zone row, then
 * re-reads the parcel and the allocation, so of any number of racing proposals for one parcel (in this process or
 * in other instances on the same database) exactly one sees it available and reserves it; the others get 409.
 * A proposal is validated by the whole rule book (pledges included) before anything is written.
 *
 * <p><b>Four eyes</b> ({@code valley.allocations.four-eyes}, on by default): the planner who proposed an
 * allocation, admins included, may not approve it (403, nothing changes); another planner must. Rejecting or
 * releasing one's own proposal stays allowed: it gives nothing to anyone.
 *
 * <p><b>From inquiry to proposal.</b> A proposal may name an investor's inquiry ({@code inquiryId}): it must be for
 * the same parcel (400) and still open (409); the allottee is then the inquiry's company, an enterprise, unless the
 * body names one, which must be the same (400). In the proposal's transaction the inquiry is closed with the note
 * {@code proposed as allocation AL-...}, and the allocation records the inquiry.
 *
 * <p><b>After approval</b> the same way, each step one transaction under the zone lock with its audit event: the
 * transfer contract ({@code approved -> contracted}), its milestones in order (handed over, started, completed;
 * recorded on the contracted allocation), the review at full production ({@code contracted -> reviewed}, after the
 * completion) and the recovery of the land ({@code contracted} or {@code reviewed} {@code -> revoked}, the parcel
 * available again). Dates are held to the service's {@link Clock}: a date that has not come yet is a 400; so is a
 * milestone dated before the contract's signing or before the milestone before it. A step the allocation is not
 * ready for (wrong state, a milestone out of order or repeated) is a 409. A refused step changes nothing.
 */
@Component
class AllocationLifecycle {

    /** A proposal's outcome: the allocation and its findings (warnings only). */
    record Proposed(Allocation allocation, List<Finding> findings) {
    }

    private static final java.security.SecureRandom IDS = new java.security.SecureRandom();

    private final ParcelStore store;
    private final AllocationStore allocations;
    private final ParcelEdits edits;
    private final HistoryStore history;
    private final AllocationValidator validator;
    private final InquiryLeads leads;
    private final boolean fourEyes;
    private final Clock clock;

    AllocationLifecycle(ParcelStore store, AllocationStore allocations, ParcelEdits edits, HistoryStore history,
            ZoningRuleBook book, InquiryLeads leads, ValleyProperties properties, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.allocations = allocations;
        this.edits = edits;
        this.history = history;
        this.validator = new AllocationValidator(book);
        this.leads = leads;
        this.fourEyes = properties.allocations().fourEyes();
    }

    Proposed propose(ProposalParser.Proposal sent, String actor) {
        Parcel parcel = store.findById(Layer.PARCELS, sent.parcelId()).orElseThrow(() -> new InvalidInputException(
                "parcelId \"" + RefusedException.clip(sent.parcelId()) + "\" is not a parcel of the plan"));
        ProposalParser.Proposal proposal = sent.inquiryId() == null ? sent : fromInquiry(sent);
        return store.inTransaction(() -> {
            edits.lockZones(parcel.zone());
            Parcel current = store.findById(Layer.PARCELS, parcel.id()).orElseThrow();
            if (current.status() != ParcelStatus.AVAILABLE) {
                throw conflict("parcel " + current.id() + " is " + current.status().wireName()
                        + "; only an available parcel can be proposed");
            }
            if (proposal.inquiryId() != null && !leads.find(proposal.inquiryId()).orElseThrow().open()) {
                throw conflict("inquiry " + proposal.inquiryId() + " is closed; only an open inquiry can become a "
                        + "proposal");
            }
            String landUse = proposal.landUse() != null ? proposal.landUse() : current.landUse();
            Candidate candidate = new Candidate(current.id(), current.planar(), current.zone(), landUse,
                    proposal.indicators(), proposal.allotteeType(), proposal.pledges(), proposal.termYears());
            List<Finding> findings = validator.validate(candidate, new StoreSiteContext(store));
            if (!AllocationValidator.isValid(findings)) {
                throw new FindingsRejected(findings);
            }
            Allocation allocation = new Allocation(newId(), current.id(), AllocationState.PROPOSED,
                    proposal.allotteeName(), proposal.allotteeType(), proposal.intendedUse(), landUse,
                    proposal.indicators(), proposal.pledges(), proposal.termYears(), proposal.inquiryId(), actor,
                    now(), null, null, null, null, null, Allocation.Milestones.NONE, null, null, 1);
            allocations.insert(allocation);
            edits.changeStatus(current, ParcelStatus.RESERVED, actor);
            history.record(actor, "propose", "allocation", allocation.id(), null, AllocationJson.json(allocation));
            if (proposal.inquiryId() != null) {
                // A close that loses a race (409) rolls the whole proposal back.
                leads.closeAsProposed(proposal.inquiryId(), allocation.id(), actor);
            }
            return new Proposed(allocation, findings);
        });
    }

    /** The proposal with its allottee taken from the inquiry it names, after checking the inquiry fits (400). */
    private ProposalParser.Proposal fromInquiry(ProposalParser.Proposal sent) {
        String inquiryId = sent.inquiryId();
        InquiryLeads.Lead lead = leads.find(inquiryId).orElseThrow(() -> new InvalidInputException(
                "inquiryId \"" + RefusedException.clip(inquiryId) + "\" is not an inquiry"));
        if (!lead.parcelId().equals(sent.parcelId())) {
            throw new InvalidInputException("inquiry " + inquiryId + " is about parcel " + lead.parcelId() + ", not "
                    + RefusedException.clip(sent.parcelId()) + "; propose the parcel the company asked about");
        }
        if (sent.allotteeName() == null) {
            return sent.withAllottee(lead.company(), "enterprise");
        }
        if (!sent.allotteeName().equals(lead.company()) || !"enterprise".equals(sent.allotteeType())) {
            throw new InvalidInputException("allottee " + RefusedException.clip(sent.allotteeName()) + " ("
                    + sent.allotteeType() + ") differs from inquiry " + inquiryId + "'s company "
                    + RefusedException.clip(lead.company()) + " (enterprise); leave allottee out to take it from the "
                    + "inquiry");
        }
        return sent;
    }

    Allocation approve(String id, String actor) {
        return move(id, AllocationState.APPROVED, ParcelStatus.ALLOCATED, "approve", actor);
    }

    Allocation reject(String id, String actor) {
        return move(id, AllocationState.REJECTED, ParcelStatus.AVAILABLE, "reject", actor);
    }

    Allocation release(String id, String actor) {
        return move(id, AllocationState.RELEASED, ParcelStatus.AVAILABLE, "release", actor);
    }

    private Allocation move(String id, AllocationState next, ParcelStatus parcelStatus, String action, String actor) {
        Allocation first = find(id);
        Parcel parcel = store.findById(Layer.PARCELS, first.parcelId()).orElseThrow();
        return store.inTransaction(() -> {
            edits.lockZones(parcel.zone());
            Allocation current = find(id);
            if (!current.state().next().contains(next)) {
                throw conflict("allocation " + id + " is " + current.state().wireName() + " and cannot be "
                        + next.wireName() + (current.state().next().isEmpty() ? " (a final state)"
                                : "; from " + current.state().wireName() + " it can be "
                                        + String.join(" or ", current.state().next().stream()
                                                .map(AllocationState::wireName).sorted().toList())));
            }
            if (fourEyes && next == AllocationState.APPROVED && current.proposedBy().equals(actor)) {
                throw new NotAllowedException("four eyes: " + id + " (parcel " + current.parcelId() + ") was proposed "
                        + "by " + actor + "; another planner must approve it");
            }
            Allocation after = current.moved(next, actor, now());
            if (!allocations.update(after, current.version())) {
                throw conflict("allocation " + id + " changed meanwhile; fetch it again");
            }
            Parcel parcelNow = store.findById(Layer.PARCELS, current.parcelId()).orElseThrow();
            edits.changeStatus(parcelNow, parcelStatus, actor);
            history.record(actor, action, "allocation", id, AllocationJson.json(current), AllocationJson.json(after));
            return after;
        });
    }

    Allocation contract(String id, ContractParser.Terms terms, String actor) {
        notAfterToday(terms.signedOn(), "signedOn");
        return step(id, AllocationState.APPROVED, "contract", null, actor, current -> current.with(
                AllocationState.CONTRACTED, new Allocation.Contract(terms.number(), terms.signedOn(),
                        terms.priceWanYuan(), terms.handOverBy(), terms.startBy(), terms.completeBy(),
                        terms.reviewOn(), actor, now()), Allocation.Milestones.NONE, null, null));
    }

    Allocation milestone(String id, ContractParser.Milestone milestone, String actor) {
        notAfterToday(milestone.on(), "on");
        return step(id, AllocationState.CONTRACTED, milestone.kind().action(), null, actor, current -> {
            Allocation.Milestones m = current.milestones();
            ContractParser.Kind expected = m.handedOverOn() == null ? ContractParser.Kind.HANDED_OVER
                    : m.startedOn() == null ? ContractParser.Kind.STARTED
                            : m.completedOn() == null ? ContractParser.Kind.COMPLETED : null;
            if (expected != milestone.kind()) {
                throw conflict("allocation " + id + ": " + milestone.kind().wireName() + " is out of order or "
                        + "already recorded; " + (expected == null ? "every milestone is recorded"
                                : "the next milestone is " + expected.wireName()));
            }
            LocalDate previous = m.startedOn() != null ? m.startedOn()
                    : m.handedOverOn() != null ? m.handedOverOn() : current.contract().signedOn();
            if (milestone.on().isBefore(previous)) {
                throw new InvalidInputException("on (" + milestone.on() + ") is before " + previous + ", the date of "
                        + (m.handedOverOn() == null ? "the contract's signing" : "the milestone before"));
            }
            Allocation.Milestones next = switch (milestone.kind()) {
                case HANDED_OVER -> new Allocation.Milestones(milestone.on(), null, null);
                case STARTED -> new Allocation.Milestones(m.handedOverOn(), milestone.on(), null);
                case COMPLETED -> new Allocation.Milestones(m.handedOverOn(), m.startedOn(), milestone.on());
            };
            return current.with(AllocationState.CONTRACTED, current.contract(), next, null, null);
        });
    }

    Allocation review(String id, ContractParser.Figures figures, String actor) {
        notAfterToday(figures.on(), "on");
        return step(id, AllocationState.CONTRACTED, "review", null, actor, current -> {
            LocalDate completed = current.milestones().completedOn();
            if (completed == null) {
                throw conflict("allocation " + id + " is not completed yet; the review at full production comes "
                        + "after the completed milestone");
            }
            if (figures.on().isBefore(completed)) {
                throw new InvalidInputException("on (" + figures.on() + ") is before the completion (" + completed
                        + ")");
            }
            Parcel parcel = store.findById(Layer.PARCELS, current.parcelId()).orElseThrow();
            Allocation.Review review = new Allocation.Review(figures.on(), figures.investmentWanYuan(),
                    figures.taxWanYuanPerYear(), PledgeReview.mu(parcel.areaSquareMetres()), actor, now());
            return current.with(AllocationState.REVIEWED, current.contract(), current.milestones(), review, null);
        });
    }

    Allocation revoke(String id, String reason, String actor) {
        return step(id, null, "revoke", ParcelStatus.AVAILABLE, actor, current -> {
            if (current.state() != AllocationState.CONTRACTED && current.state() != AllocationState.REVIEWED) {
                throw conflict("allocation " + id + " is " + current.state().wireName() + "; only a contracted or "
                        + "reviewed allocation can be revoked" + (current.state() == AllocationState.APPROVED
                                ? " (an approved one without a contract is released)" : ""));
            }
            return current.with(AllocationState.REVOKED, current.contract(), current.milestones(),
                    current.review(), new Allocation.Revocation(reason, actor, now()));
        });
    }

    /**
     * One step after approval: under the zone lock, the allocation must be in {@code required} (409; null when
     * {@code change} checks the state itself), then {@code change} makes the allocation after the step (or throws,
     * and nothing changes); it is stored, the parcel's status changed when {@code parcelStatus} is not null, and
     * the audit event recorded, in one transaction.
     */
    private Allocation step(String id, AllocationState required, String action, ParcelStatus parcelStatus,
            String actor, UnaryOperator<Allocation> change) {
        Allocation first = find(id);
        Parcel parcel = store.findById(Layer.PARCELS, first.parcelId()).orElseThrow();
        return store.inTransaction(() -> {
            edits.lockZones(parcel.zone());
            Allocation current = find(id);
            if (required != null && current.state() != required) {
                throw conflict("allocation " + id + " is " + current.state().wireName() + "; " + action + " needs "
                        + "a" + (required == AllocationState.APPROVED ? "n " : " ") + required.wireName()
                        + " allocation");
            }
            Allocation after = change.apply(current);
            if (!allocations.update(after, current.version())) {
                throw conflict("allocation " + id + " changed meanwhile; fetch it again");
            }
            if (parcelStatus != null) {
                Parcel parcelNow = store.findById(Layer.PARCELS, current.parcelId()).orElseThrow();
                edits.changeStatus(parcelNow, parcelStatus, actor);
            }
            history.record(actor, action, "allocation", id, AllocationJson.json(current), AllocationJson.json(after));
            return after;
        });
    }

    /** A date that has not come yet by the service's clock (a day of the park's time zone) is a 400. */
    private void notAfterToday(LocalDate date, String name) {
        LocalDate today = LocalDate.now(clock);
        if (date.isAfter(today)) {
            throw new InvalidInputException(name + " (" + date + ") is in the future; today is " + today);
        }
    }

    Allocation find(String id) {
        return allocations.find(id)
                .orElseThrow(() -> new NotFoundException("no allocation \"" + RefusedException.clip(id) + "\""));
    }

    private static RefusedException conflict(String detail) {
        return new ConflictException(detail);
    }

    private static String newId() {
        byte[] bytes = new byte[10];
        IDS.nextBytes(bytes);
        return "AL-" + HexFormat.of().formatHex(bytes);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
