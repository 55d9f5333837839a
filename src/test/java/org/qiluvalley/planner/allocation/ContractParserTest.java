package org.qiluvalley.planner.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Function;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qiluvalley.planner.errors.InvalidInputException;

/** The bodies of the steps after approval: contract, milestone, review, revocation; what is accepted and refused. */
class ContractParserTest {

    private static final String CONTRACT = "{\"contractNumber\":\" QOV-CR-2026-017 \",\"signedOn\":\"2026-03-02\","
            + "\"priceWanYuan\":1850.5,\"handOverBy\":\"2026-04-01\",\"startBy\":\"2026-09-30\","
            + "\"completeBy\":\"2028-09-30\",\"reviewOn\":\"2029-09-30\"}";

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static void refused(Function<byte[], ?> parser, String json, String detailPart) {
        assertThatThrownBy(() -> parser.apply(bytes(json))).as(json).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.getMessage()).contains(detailPart));
    }

    @Nested
    class Contracts {

        @Test
        void aCompleteContract() {
            ContractParser.Terms terms = ContractParser.contract(bytes(CONTRACT));
            assertThat(terms).isEqualTo(new ContractParser.Terms("QOV-CR-2026-017", LocalDate.of(2026, 3, 2), 1850.5,
                    LocalDate.of(2026, 4, 1), LocalDate.of(2026, 9, 30), LocalDate.of(2028, 9, 30),
                    LocalDate.of(2029, 9, 30)));
        }

        @Test
        void equalDatesAreInOrder() {
            String sameDay = CONTRACT.replaceAll("20\\d\\d-\\d\\d-\\d\\d", "2026-03-02");
            assertThat(ContractParser.contract(bytes(sameDay)).reviewOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        }

        @Test
        void datesOutOfOrderAre400NamingThePair() {
            refused(ContractParser::contract, CONTRACT.replace("\"handOverBy\":\"2026-04-01\"",
                    "\"handOverBy\":\"2026-03-01\""), "handOverBy (2026-03-01) is before signedOn (2026-03-02)");
            refused(ContractParser::contract, CONTRACT.replace("\"startBy\":\"2026-09-30\"",
                    "\"startBy\":\"2026-03-31\""), "startBy (2026-03-31) is before handOverBy");
            refused(ContractParser::contract, CONTRACT.replace("\"completeBy\":\"2028-09-30\"",
                    "\"completeBy\":\"2026-09-29\""), "completeBy (2026-09-29) is before startBy");
            refused(ContractParser::contract, CONTRACT.replace("\"reviewOn\":\"2029-09-30\"",
                    "\"reviewOn\":\"2028-09-29\""), "reviewOn (2028-09-29) is before completeBy");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"2026-3-02\"", "\"2026-02-30\"", "\"02/03/2026\"", "\"2026-03-02T00:00\"",
            "\"+12026-03-02\"", "20260302", "\"\""})
        void malformedDatesAre400(String date) {
            refused(ContractParser::contract, CONTRACT.replace("\"2026-03-02\"", date), "signedOn");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "\"1850\"", "\"NaN\"", "1e400"})
        void aPriceNotAboveZeroOrNotANumberIs400(String price) {
            refused(ContractParser::contract, CONTRACT.replace("1850.5", price), "priceWanYuan");
        }

        @Test
        void missingAndUnknownMembersAre400() {
            refused(ContractParser::contract, CONTRACT.replace("\"reviewOn\":\"2029-09-30\"", "\"x\":1"), "x");
            refused(ContractParser::contract, CONTRACT.replace(",\"reviewOn\":\"2029-09-30\"", ""),
                    "reviewOn is required");
            refused(ContractParser::contract, CONTRACT.replace("\" QOV-CR-2026-017 \"", "\"  \""), "contractNumber");
            refused(ContractParser::contract, CONTRACT.replace("\" QOV-CR-2026-017 \"", "\"A\\nB\""),
                    "control characters");
            refused(ContractParser::contract, "[]", "JSON object");
        }
    }

    @Nested
    class Milestones {

        @Test
        void eachKind() {
            for (ContractParser.Kind kind : ContractParser.Kind.values()) {
                assertThat(ContractParser.milestone(bytes("{\"kind\":\"" + kind.wireName()
                        + "\",\"on\":\"2026-05-01\"}"))).isEqualTo(new ContractParser.Milestone(kind,
                                LocalDate.of(2026, 5, 1)));
            }
            assertThat(ContractParser.Kind.HANDED_OVER.action()).isEqualTo("hand-over");
            assertThat(ContractParser.Kind.STARTED.action()).isEqualTo("start");
            assertThat(ContractParser.Kind.COMPLETED.action()).isEqualTo("complete");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"kind\":\"finished\",\"on\":\"2026-05-01\"}", "{\"on\":\"2026-05-01\"}",
            "{\"kind\":\"started\"}", "{\"kind\":\"started\",\"on\":\"May 1\"}", "{\"kind\":3,\"on\":\"2026-05-01\"}",
            "{\"kind\":\"started\",\"on\":\"2026-05-01\",\"by\":\"x\"}", "not json"})
        void malformedMilestonesAre400(String json) {
            assertThatThrownBy(() -> ContractParser.milestone(bytes(json))).as(json)
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    class Reviews {

        @Test
        void aReview() {
            assertThat(ContractParser.review(bytes("{\"on\":\"2029-10-08\",\"investmentWanYuan\":9500,"
                    + "\"taxWanYuanPerYear\":0}"))).isEqualTo(new ContractParser.Figures(LocalDate.of(2029, 10, 8),
                            9500, 0));
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"on\":\"2029-10-08\",\"investmentWanYuan\":-1,\"taxWanYuanPerYear\":1}",
            "{\"on\":\"2029-10-08\",\"investmentWanYuan\":1,\"taxWanYuanPerYear\":\"NaN\"}",
            "{\"on\":\"2029-10-08\",\"investmentWanYuan\":1}",
            "{\"investmentWanYuan\":1,\"taxWanYuanPerYear\":1}",
            "{\"on\":\"2029-13-08\",\"investmentWanYuan\":1,\"taxWanYuanPerYear\":1}"})
        void malformedReviewsAre400(String json) {
            assertThatThrownBy(() -> ContractParser.review(bytes(json))).as(json)
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    class Revocations {

        @Test
        void aReasonOfLines() {
            assertThat(ContractParser.revocation(bytes("{\"reason\":\" idle land\\nsecond notice \"}")))
                    .isEqualTo("idle land\nsecond notice");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{}", "{\"reason\":\"\"}", "{\"reason\":\"a\\u0007b\"}", "{\"reason\":7}",
            "{\"reason\":\"x\",\"colour\":\"red\"}"})
        void malformedRevocationsAre400(String json) {
            assertThatThrownBy(() -> ContractParser.revocation(bytes(json))).as(json)
                    .isInstanceOf(InvalidInputException.class);
        }

        @Test
        void aReasonOverTheLimitIs400() {
            refused(ContractParser::revocation, "{\"reason\":\"" + "x".repeat(ContractParser.MAX_REASON + 1) + "\"}",
                    "1 to 2000 characters");
        }
    }
}
