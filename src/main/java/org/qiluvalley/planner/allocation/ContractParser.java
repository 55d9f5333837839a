package org.qiluvalley.planner.allocation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.web.JsonBodies;
import org.qiluvalley.planner.web.JsonBodies.WrongType;

/**
 * The bodies of the steps after approval, bound strictly ({@link JsonBodies}): the transfer contract
 * ({@code POST /api/allocations/{id}/contract}), a milestone ({@code /milestones}), the review at full production
 * ({@code /review}) and the recovery of the land ({@code /revoke}). Dates are ISO calendar dates
 * ({@code yyyy-MM-dd}). What only the body can say is checked here (a 400): members missing or malformed, the
 * contract's dates out of order, a price not above zero. What needs the allocation or the service's clock (a date
 * in the future, a milestone before the contract) is checked by {@link AllocationLifecycle}.
 */
final class ContractParser {

    /** The longest contract number, characters. */
    static final int MAX_NUMBER = 64;
    /** The longest reason for a revocation, characters. */
    static final int MAX_REASON = 2000;

    private static final String DATE = "{name} must be a date, yyyy-MM-dd";
    private static final String PRICE = "priceWanYuan must be a number of 万元 above 0";
    private static final String FIGURE = "{name} must be a number of 万元, 0 or more";
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The body of a contract as sent. */
    @WrongType("the body must be a JSON object")
    record ContractRequest(@WrongType("contractNumber must be a string") String contractNumber,
            @WrongType(DATE) String signedOn, @WrongType(PRICE) Double priceWanYuan,
            @WrongType(DATE) String handOverBy, @WrongType(DATE) String startBy, @WrongType(DATE) String completeBy,
            @WrongType(DATE) String reviewOn) {
    }

    /** The body of a milestone as sent. */
    @WrongType("the body must be a JSON object")
    record MilestoneRequest(@WrongType("kind must be handed-over, started or completed") String kind,
            @WrongType(DATE) String on) {
    }

    /** The body of a review as sent. */
    @WrongType("the body must be a JSON object")
    record ReviewRequest(@WrongType(DATE) String on, @WrongType(FIGURE) Double investmentWanYuan,
            @WrongType(FIGURE) Double taxWanYuanPerYear) {
    }

    /** The body of a revocation as sent. */
    @WrongType("the body must be a JSON object")
    record RevokeRequest(@WrongType("reason must be a string") String reason) {
    }

    /** A contract as parsed: its dates in order. */
    record Terms(String number, LocalDate signedOn, double priceWanYuan, LocalDate handOverBy, LocalDate startBy,
            LocalDate completeBy, LocalDate reviewOn) {
    }

    /** The milestones, in the order they must happen; each with its wire name and its audit action. */
    enum Kind {
        HANDED_OVER("handed-over", "hand-over"), STARTED("started", "start"), COMPLETED("completed", "complete");

        private final String wireName;
        private final String action;

        Kind(String wireName, String action) {
            this.wireName = wireName;
            this.action = action;
        }

        String wireName() {
            return wireName;
        }

        String action() {
            return action;
        }

        static Optional<Kind> fromWireName(String name) {
            return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
        }
    }

    /** A milestone as parsed. */
    record Milestone(Kind kind, LocalDate on) {
    }

    /** A review's figures as parsed: investment in 万元 to date, tax in 万元 a year. */
    record Figures(LocalDate on, double investmentWanYuan, double taxWanYuanPerYear) {
    }

    private ContractParser() {
    }

    static Terms contract(byte[] body) {
        ContractRequest sent = JsonBodies.read(body, ContractRequest.class);
        String number = text(sent.contractNumber(), "contractNumber", MAX_NUMBER, false);
        LocalDate signedOn = date(sent.signedOn(), "signedOn");
        if (sent.priceWanYuan() == null) {
            throw new InvalidInputException("priceWanYuan is required");
        }
        double price = sent.priceWanYuan();
        if (!Double.isFinite(price) || price <= 0) {
            throw new InvalidInputException(PRICE);
        }
        LocalDate handOverBy = date(sent.handOverBy(), "handOverBy");
        LocalDate startBy = date(sent.startBy(), "startBy");
        LocalDate completeBy = date(sent.completeBy(), "completeBy");
        LocalDate reviewOn = date(sent.reviewOn(), "reviewOn");
        inOrder(signedOn, "signedOn", handOverBy, "handOverBy");
        inOrder(handOverBy, "handOverBy", startBy, "startBy");
        inOrder(startBy, "startBy", completeBy, "completeBy");
        inOrder(completeBy, "completeBy", reviewOn, "reviewOn");
        return new Terms(number, signedOn, price, handOverBy, startBy, completeBy, reviewOn);
    }

    static Milestone milestone(byte[] body) {
        MilestoneRequest sent = JsonBodies.read(body, MilestoneRequest.class);
        if (sent.kind() == null) {
            throw new InvalidInputException("kind is required: handed-over, started or completed");
        }
        Kind kind = Kind.fromWireName(sent.kind()).orElseThrow(() -> new InvalidInputException(
                "kind must be handed-over, started or completed"));
        return new Milestone(kind, date(sent.on(), "on"));
    }

    static Figures review(byte[] body) {
        ReviewRequest sent = JsonBodies.read(body, ReviewRequest.class);
        LocalDate on = date(sent.on(), "on");
        return new Figures(on, figure(sent.investmentWanYuan(), "investmentWanYuan"),
                figure(sent.taxWanYuanPerYear(), "taxWanYuanPerYear"));
    }

    static String revocation(byte[] body) {
        return text(JsonBodies.read(body, RevokeRequest.class).reason(), "reason", MAX_REASON, true);
    }

    /** A date {@code yyyy-MM-dd} that exists in the calendar (no 2026-02-30), else a 400 naming the member. */
    static LocalDate date(String sent, String name) {
        if (sent == null) {
            throw new InvalidInputException(name + " is required (a date, yyyy-MM-dd)");
        }
        if (!ISO_DATE.matcher(sent).matches()) {
            throw new InvalidInputException(DATE.replace("{name}", name));
        }
        try {
            return LocalDate.parse(sent, STRICT_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name + " is not a date of the calendar: " + sent);
        }
    }

    private static void inOrder(LocalDate first, String firstName, LocalDate then, String thenName) {
        if (then.isBefore(first)) {
            throw new InvalidInputException(thenName + " (" + then + ") is before " + firstName + " (" + first
                    + "); the dates go signedOn <= handOverBy <= startBy <= completeBy <= reviewOn");
        }
    }

    private static double figure(Double sent, String name) {
        if (sent == null) {
            throw new InvalidInputException(name + " is required");
        }
        if (!Double.isFinite(sent) || sent < 0) {
            throw new InvalidInputException(FIGURE.replace("{name}", name));
        }
        return sent;
    }

    private static String text(String sent, String name, int maxLength, boolean lines) {
        if (sent == null) {
            throw new InvalidInputException(name + " is required");
        }
        String value = sent.strip();
        if (value.isEmpty() || value.length() > maxLength) {
            throw new InvalidInputException(name + " must be 1 to " + maxLength + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && !(lines && c == '\n'))) {
            throw new InvalidInputException(name + " must not contain control characters");
        }
        return value;
    }
}
