package org.qiluvalley.planner.allocation;

import org.qiluvalley.planner.allocation.ValidationRequestParser.Indicators;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.rules.Candidate;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.qiluvalley.planner.web.JsonBodies;
import org.qiluvalley.planner.web.JsonBodies.UnknownMember;
import org.qiluvalley.planner.web.JsonBodies.WrongType;

/**
 * The body of {@code POST /api/allocations}: {@code {"parcelId", "allottee": {"name", "type"}, "intendedUse",
 * "landUse"?, "indicators"?, "pledges"?: {"investmentWanYuanPerMu", "taxWanYuanPerMu"}, "termYears",
 * "inquiryId"?}}, bound strictly ({@link JsonBodies}). With an {@code inquiryId} the allottee may be left out: the
 * lifecycle takes it from the inquiry (its company, an enterprise). Malformed input is a 400 saying what to fix;
 * what is well-formed but breaks the rule book becomes findings (422).
 */
final class ProposalParser {

    /**
     * The longest term a proposal may name: the largest statutory maximum of any use (70 years, residential); the
     * maximum for the proposal's own land use is the rule {@code allocation.term} (a 422 finding, not a 400).
     */
    static final int MAX_TERM_YEARS = ValidationRequestParser.MAX_TERM_YEARS;
    /** A pledge beyond this (万元/亩) is a typing error, not a pledge. */
    static final double MAX_PLEDGE = 1_000_000;

    private static final String TEXT = ValidationRequestParser.TEXT;
    /** Also when the body names an inquiry: then the allottee may be left out, but not be of the wrong type. */
    private static final String ALLOTTEE = "allottee is required: {\"name\": \"...\", \"type\": \"enterprise|facility\"}";
    private static final String PLEDGE = "pledges.{name} must be a number of 万元/亩 from 0 to " + (long) MAX_PLEDGE;
    private static final String TERM = ValidationRequestParser.TERM;

    /** The body as sent. */
    @WrongType("the body must be a JSON object")
    record ProposalRequest(@WrongType(TEXT) String parcelId, @WrongType(ALLOTTEE) Allottee allottee,
            @WrongType(TEXT) String intendedUse, @WrongType(TEXT) String landUse, Indicators indicators,
            Pledges pledges, @WrongType(TERM) Integer termYears, @WrongType(TEXT) String inquiryId) {
    }

    @UnknownMember("unknown member \"allottee.{name}\"; accepted: {accepted}")
    record Allottee(@WrongType(TEXT) String name, @WrongType(TEXT) String type) {
    }

    @WrongType("pledges must be an object with investmentWanYuanPerMu, taxWanYuanPerMu")
    @UnknownMember("unknown member \"pledges.{name}\"; accepted: {accepted}")
    record Pledges(@WrongType(PLEDGE) Double investmentWanYuanPerMu, @WrongType(PLEDGE) Double taxWanYuanPerMu) {
    }

    /**
     * A proposal as parsed; the parcel is looked up by the lifecycle, under its zone lock. {@code allotteeName} and
     * {@code allotteeType} are null when the body named an inquiry and no allottee; {@code inquiryId} is null when
     * it named none.
     */
    record Proposal(String parcelId, String allotteeName, String allotteeType, String intendedUse, String landUse,
            Candidate.ProposedIndicators indicators, Candidate.Pledges pledges, int termYears, String inquiryId) {

        /** This proposal with the allottee taken from an inquiry. */
        Proposal withAllottee(String name, String type) {
            return new Proposal(parcelId, name, type, intendedUse, landUse, indicators, pledges, termYears,
                    inquiryId);
        }
    }

    private final ZoningRuleBook book;

    ProposalParser(ZoningRuleBook book) {
        this.book = book;
    }

    Proposal parse(byte[] body) {
        ProposalRequest sent = JsonBodies.read(body, ProposalRequest.class);
        String parcelId = required(sent.parcelId(), "parcelId");
        String inquiryId = sent.inquiryId() == null ? null : required(sent.inquiryId(), "inquiryId");
        if (sent.allottee() == null && inquiryId == null) {
            throw new InvalidInputException(ALLOTTEE);
        }
        String name = null;
        String type = null;
        if (sent.allottee() != null) {
            name = required(sent.allottee().name(), "name");
            type = required(sent.allottee().type(), "type");
            if (!type.equals("enterprise") && !type.equals("facility")) {
                throw new InvalidInputException("allottee.type must be enterprise or facility");
            }
        }
        String intendedUse = required(sent.intendedUse(), "intendedUse");
        String landUse = ValidationRequestParser.text(sent.landUse(), "landUse");
        if (landUse != null && book.landUse(landUse).isEmpty()) {
            throw new InvalidInputException("unknown land-use code \"" + RefusedException.clip(landUse) + "\"; codes: "
                    + String.join(", ", book.landUseCodes().keySet()));
        }
        Candidate.ProposedIndicators indicators = ValidationRequestParser.indicators(sent.indicators());
        Candidate.Pledges pledges = pledges(sent.pledges());
        int term = ValidationRequestParser.termYears(sent.termYears(), true);
        return new Proposal(parcelId, name, type, intendedUse, landUse, indicators, pledges, term, inquiryId);
    }

    private static Candidate.Pledges pledges(Pledges sent) {
        if (sent == null) {
            return new Candidate.Pledges(null, null);
        }
        return new Candidate.Pledges(pledge(sent.investmentWanYuanPerMu(), "investmentWanYuanPerMu"),
                pledge(sent.taxWanYuanPerMu(), "taxWanYuanPerMu"));
    }

    private static Double pledge(Double value, String name) {
        if (value == null) {
            return null;
        }
        if (!Double.isFinite(value) || value < 0 || value > MAX_PLEDGE) {
            throw new InvalidInputException(PLEDGE.replace("{name}", name));
        }
        return value;
    }

    private static String required(String sent, String name) {
        String value = ValidationRequestParser.text(sent, name);
        if (value == null) {
            throw new InvalidInputException(name + " is required");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new InvalidInputException(name + " must not contain control characters");
        }
        return value.strip();
    }
}
