package org.qiluvalley.planner.allocation;

import java.util.Set;

import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.rules.Candidate;
import org.qiluvalley.planner.rules.ZoningRuleBook;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/allocations}: {@code {"parcelId", "allottee": {"name", "type"}, "intendedUse",
 * "landUse"?, "indicators"?, "pledges"?: {"investmentWanYuanPerMu", "taxWanYuanPerMu"}, "termYears"}}. Malformed
 * input is a 400 saying what to fix; what is well-formed but breaks the rule book becomes findings (422).
 */
final class ProposalParser {

    private static final Set<String> MEMBERS = Set.of("parcelId", "allottee", "intendedUse", "landUse", "indicators",
            "pledges", "termYears");
    private static final Set<String> ALLOTTEE = Set.of("name", "type");
    private static final Set<String> PLEDGES = Set.of("investmentWanYuanPerMu", "taxWanYuanPerMu");
    /** Industrial land-use rights are granted for at most 50 years (国务院令第55号, art. 12). */
    static final int MAX_TERM_YEARS = 50;
    /** A pledge beyond this (万元/亩) is a typing error, not a pledge. */
    static final double MAX_PLEDGE = 1_000_000;

    /** A proposal as parsed; the parcel is looked up by the lifecycle, under its zone lock. */
    record Proposal(String parcelId, String allotteeName, String allotteeType, String intendedUse, String landUse,
            Candidate.ProposedIndicators indicators, Candidate.Pledges pledges, int termYears) {
    }

    private final ZoningRuleBook book;

    ProposalParser(ZoningRuleBook book) {
        this.book = book;
    }

    Proposal parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("the body must be a JSON object");
        }
        onlyMembers(body, MEMBERS, "");
        String parcelId = required(body, "parcelId");
        JsonNode allottee = body.get("allottee");
        if (allottee == null || !allottee.isObject()) {
            throw new InvalidInputException("allottee is required: {\"name\": \"...\", \"type\": \"enterprise|facility\"}");
        }
        onlyMembers(allottee, ALLOTTEE, "allottee.");
        String name = required(allottee, "name");
        String type = required(allottee, "type");
        if (!type.equals("enterprise") && !type.equals("facility")) {
            throw new InvalidInputException("allottee.type must be enterprise or facility");
        }
        String intendedUse = required(body, "intendedUse");
        String landUse = ValidationRequestParser.text(body, "landUse");
        if (landUse != null && book.landUse(landUse).isEmpty()) {
            throw new InvalidInputException("unknown land-use code \"" + RefusedException.clip(landUse) + "\"; codes: "
                    + String.join(", ", book.landUseCodes().keySet()));
        }
        Candidate.ProposedIndicators indicators = ValidationRequestParser.indicators(body.get("indicators"));
        Candidate.Pledges pledges = pledges(body.get("pledges"));
        JsonNode term = body.get("termYears");
        if (term == null || !term.isIntegralNumber() || term.longValue() < 1 || term.longValue() > MAX_TERM_YEARS) {
            throw new InvalidInputException("termYears must be a whole number of years from 1 to " + MAX_TERM_YEARS);
        }
        return new Proposal(parcelId, name, type, intendedUse, landUse, indicators, pledges, term.intValue());
    }

    private static Candidate.Pledges pledges(JsonNode node) {
        if (node == null || node.isNull()) {
            return new Candidate.Pledges(null, null);
        }
        if (!node.isObject()) {
            throw new InvalidInputException("pledges must be an object with investmentWanYuanPerMu, taxWanYuanPerMu");
        }
        onlyMembers(node, PLEDGES, "pledges.");
        return new Candidate.Pledges(pledge(node, "investmentWanYuanPerMu"), pledge(node, "taxWanYuanPerMu"));
    }

    private static Double pledge(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue()) || node.doubleValue() < 0
                || node.doubleValue() > MAX_PLEDGE) {
            throw new InvalidInputException("pledges." + name + " must be a number of 万元/亩 from 0 to " + (long) MAX_PLEDGE);
        }
        return node.doubleValue();
    }

    private static String required(JsonNode body, String name) {
        String value = ValidationRequestParser.text(body, name);
        if (value == null) {
            throw new InvalidInputException(name + " is required");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new InvalidInputException(name + " must not contain control characters");
        }
        return value.strip();
    }

    private static void onlyMembers(JsonNode node, Set<String> allowed, String prefix) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new InvalidInputException("unknown member \"" + prefix + RefusedException.clip(name) + "\"; accepted: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }
}
