package org.qiluvalley.planner.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.rules.Candidate;
import org.qiluvalley.planner.testsupport.ParkData;

/** The body of {@code POST /api/allocations}: what is accepted, and the detail of each refusal. */
class ProposalParserTest {

    private static final ProposalParser PARSER = new ProposalParser(ParkData.ruleBook());
    private static final String ALLOTTEE = "\"allottee\":{\"name\":\"Jinan Beam Works\",\"type\":\"enterprise\"}";

    private static ProposalParser.Proposal parse(String json) {
        return PARSER.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A proposal for QOV-LI-001 with {@code members} added (each beginning with a comma). */
    private static String body(String members) {
        return "{\"parcelId\":\"QOV-LI-001\"," + ALLOTTEE + ",\"intendedUse\":\"fibre-laser plant\",\"termYears\":50"
                + members + "}";
    }

    private static void refused(String json, String detail) {
        assertThatThrownBy(() -> parse(json)).as(json).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getMessage()).isEqualTo(detail));
    }

    @Test
    void aCompleteProposal() {
        ProposalParser.Proposal p = parse("{\"parcelId\":\" QOV-LI-001 \",\"allottee\":{\"name\":\" Jinan Beam Works\","
                + "\"type\":\"facility\"},\"intendedUse\":\"fibre-laser plant \",\"landUse\":\"0802\","
                + "\"indicators\":{\"far\":1.8,\"coverage\":0.5,\"greenRatio\":0,\"heightMetres\":24},"
                + "\"pledges\":{\"investmentWanYuanPerMu\":350,\"taxWanYuanPerMu\":30.5},\"termYears\":50}");
        assertThat(p).isEqualTo(new ProposalParser.Proposal("QOV-LI-001", "Jinan Beam Works", "facility",
                "fibre-laser plant", "0802", new Candidate.ProposedIndicators(1.8, 0.5, 0.0, 24.0),
                new Candidate.Pledges(350.0, 30.5), 50, null));
    }

    @Test
    void aProposalFromAnInquiryMayLeaveTheAllotteeOut() {
        ProposalParser.Proposal p = parse("{\"parcelId\":\"QOV-LI-001\",\"inquiryId\":\" IQ-1 \","
                + "\"intendedUse\":\"plant\",\"termYears\":30}");
        assertThat(p.inquiryId()).isEqualTo("IQ-1");
        assertThat(p.allotteeName()).isNull();
        assertThat(p.allotteeType()).isNull();
        assertThat(parse("{\"parcelId\":\"QOV-LI-001\",\"inquiryId\":\"IQ-1\"," + ALLOTTEE
                + ",\"intendedUse\":\"plant\",\"termYears\":30}").allotteeName()).isNotNull();
        refused("{\"parcelId\":\"QOV-LI-001\",\"inquiryId\":7,\"intendedUse\":\"plant\",\"termYears\":30}",
                "inquiryId must be a non-empty string of at most 200 characters");
        refused("{\"parcelId\":\"QOV-LI-001\",\"inquiryId\":\"\",\"intendedUse\":\"plant\",\"termYears\":30}",
                "inquiryId must be a non-empty string of at most 200 characters");
    }

    @Test
    void theIndustrialLandIndicatorsAreRead() {
        ProposalParser.Proposal p = parse(body(",\"indicators\":{\"adminShare\":0.08,\"buildingCoefficient\":0.25}"));
        assertThat(p.indicators()).isEqualTo(new Candidate.ProposedIndicators(null, null, null, null, 0.08, 0.25));
        // With the others, at the bounds of a fraction; null is "not proposed".
        assertThat(parse(body(",\"indicators\":{\"far\":1.2,\"adminShare\":0,\"buildingCoefficient\":1}")).indicators())
                .isEqualTo(new Candidate.ProposedIndicators(1.2, null, null, null, 0.0, 1.0));
        assertThat(parse(body(",\"indicators\":{\"adminShare\":null,\"buildingCoefficient\":null}")).indicators())
                .isEqualTo(Candidate.ProposedIndicators.NONE);
    }

    /** The parser takes any term up to the longest statutory maximum (70, residential); the rule book judges it. */
    @ParameterizedTest
    @ValueSource(ints = {1, 40, 50, 51, 70})
    void termsUpToSeventyYearsAreAccepted(int years) {
        String json = "{\"parcelId\":\"QOV-LI-001\"," + ALLOTTEE + ",\"intendedUse\":\"x\",\"termYears\":" + years
                + "}";
        assertThat(parse(json).termYears()).isEqualTo(years);
    }

    @Test
    void optionalMembersMayBeLeftOutOrNull() {
        ProposalParser.Proposal p = parse(body(""));
        assertThat(p.landUse()).isNull();
        assertThat(p.indicators()).isEqualTo(Candidate.ProposedIndicators.NONE);
        assertThat(p.pledges()).isEqualTo(new Candidate.Pledges(null, null));
        assertThat(parse(body(",\"landUse\":null,\"indicators\":null,\"pledges\":null"))).isEqualTo(p);
        assertThat(parse(body(",\"indicators\":{\"far\":null},\"pledges\":{\"taxWanYuanPerMu\":null}"))).isEqualTo(p);
        assertThat(parse(body(",\"pledges\":{\"taxWanYuanPerMu\":0}")).pledges())
                .isEqualTo(new Candidate.Pledges(null, 0.0));
    }

    @Nested
    class NotOneWellFormedObject {

        @ParameterizedTest
        @ValueSource(strings = {"{", "{\"parcelId\":\"A\",\"parcelId\":\"B\"}", "{} []", "{\"allottee\":{\"name\":\"a\",\"name\":\"b\"}}",
            "{\"indicators\":{\"far\":NaN}}", ""})
        void isNotValidJson(String body) {
            refused(body, body.isEmpty() ? "the body must be a JSON object" : "the body is not valid JSON, or names a member twice");
        }

        @ParameterizedTest
        @ValueSource(strings = {"null", "[]", "\"x\"", "7"})
        void isNotAnObject(String body) {
            refused(body, "the body must be a JSON object");
        }
    }

    @Nested
    class UnknownMembers {

        @Test
        void areNamedWithTheAcceptedOnesAndTheirPath() {
            refused(body(",\"bogus\":1"), "unknown member \"bogus\"; accepted: allottee, indicators, inquiryId, "
                    + "intendedUse, landUse, parcelId, pledges, termYears");
            refused("{\"parcelId\":\"QOV-LI-001\",\"allottee\":{\"name\":\"N\",\"type\":\"enterprise\",\"x\":1}}",
                    "unknown member \"allottee.x\"; accepted: name, type");
            refused(body(",\"pledges\":{\"tax\":1}"),
                    "unknown member \"pledges.tax\"; accepted: investmentWanYuanPerMu, taxWanYuanPerMu");
            refused(body(",\"indicators\":{\"FAR\":1}"),
                    "unknown indicator \"FAR\"; accepted: far, coverage, greenRatio, heightMetres, adminShare, buildingCoefficient");
        }
    }

    @Nested
    class ValuesOfTheWrongType {

        @ParameterizedTest
        @ValueSource(strings = {"5", "5.5", "true", "{}", "[\"QOV-LI-001\"]"})
        void texts(String value) {
            refused("{\"parcelId\":" + value + "}", "parcelId must be a non-empty string of at most 200 characters");
            refused(body(",\"landUse\":" + value), "landUse must be a non-empty string of at most 200 characters");
            refused("{\"parcelId\":\"QOV-LI-001\",\"allottee\":{\"name\":" + value + "}}",
                    "name must be a non-empty string of at most 200 characters");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"x\"", "7", "[]", "true"})
        void objects(String value) {
            refused("{\"parcelId\":\"QOV-LI-001\",\"allottee\":" + value + "}",
                    "allottee is required: {\"name\": \"...\", \"type\": \"enterprise|facility\"}");
            refused(body(",\"indicators\":" + value),
                    "indicators must be an object with far, coverage, greenRatio, heightMetres, adminShare, buildingCoefficient");
            refused(body(",\"pledges\":" + value), "pledges must be an object with investmentWanYuanPerMu, taxWanYuanPerMu");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"1.8\"", "\"NaN\"", "\"Infinity\"", "true", "[1.8]", "{}"})
        void numbers(String value) {
            refused(body(",\"indicators\":{\"far\":" + value + "}"), "indicator far must be a finite number");
            refused(body(",\"indicators\":{\"buildingCoefficient\":" + value + "}"),
                    "indicator buildingCoefficient must be a finite number");
            refused(body(",\"pledges\":{\"taxWanYuanPerMu\":" + value + "}"),
                    "pledges.taxWanYuanPerMu must be a number of 万元/亩 from 0 to 1000000");
        }

        @ParameterizedTest
        @ValueSource(strings = {"50.0", "5e1", "\"50\"", "true", "[50]", "99999999999", "1000000000000000000000000000000"})
        void wholeNumbers(String value) {
            refused("{\"parcelId\":\"QOV-LI-001\"," + ALLOTTEE + ",\"intendedUse\":\"x\",\"termYears\":" + value + "}",
                    "termYears must be a whole number of years from 1 to 70");
        }
    }

    @Nested
    class ValuesOutOfBounds {

        @Test
        void requiredMembers() {
            refused("{}", "parcelId is required");
            refused("{\"parcelId\":\"QOV-LI-001\"}", "allottee is required: {\"name\": \"...\", \"type\": \"enterprise|facility\"}");
            refused("{\"parcelId\":\"QOV-LI-001\",\"allottee\":null}",
                    "allottee is required: {\"name\": \"...\", \"type\": \"enterprise|facility\"}");
            refused("{\"parcelId\":\"QOV-LI-001\",\"allottee\":{}}", "name is required");
            refused("{\"parcelId\":\"QOV-LI-001\",\"allottee\":{\"name\":\"N\"}}", "type is required");
            refused("{\"parcelId\":\"QOV-LI-001\"," + ALLOTTEE + "}", "intendedUse is required");
            refused("{\"parcelId\":\"QOV-LI-001\"," + ALLOTTEE + ",\"intendedUse\":\"x\"}",
                    "termYears must be a whole number of years from 1 to 70");
            refused("{\"parcelId\":\"QOV-LI-001\"," + ALLOTTEE + ",\"intendedUse\":\"x\",\"termYears\":null}",
                    "termYears must be a whole number of years from 1 to 70");
        }

        @Test
        void texts() {
            refused("{\"parcelId\":\" \"}", "parcelId must be a non-empty string of at most 200 characters");
            refused("{\"parcelId\":\"" + "P".repeat(201) + "\"}", "parcelId must be a non-empty string of at most 200 characters");
            refused("{\"parcelId\":\"A\\u0007B\"}", "parcelId must not contain control characters");
            refused("{\"parcelId\":\"QOV-LI-001\",\"allottee\":{\"name\":\"N\",\"type\":\"person\"}}",
                    "allottee.type must be enterprise or facility");
            refused(body(",\"landUse\":\"9999\""), "unknown land-use code \"9999\"; codes: 100101, 0802, 1101, 080301, "
                    + "0902, 090104, 1207, 1401, 1402, 1303");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "far|100.5|indicator far must be between 0 and 100.0, got 100.5",
            "coverage|1.01|indicator coverage must be between 0 and 1.0 (a fraction: 0.45 for 45%), got 1.01",
            "greenRatio|-0.1|indicator greenRatio must be between 0 and 1.0 (a fraction: 0.45 for 45%), got -0.1",
            "heightMetres|1001|indicator heightMetres must be between 0 and 1000.0, got 1001.0",
            "far|1e400|indicator far must be a finite number",
            "adminShare|1.5|indicator adminShare must be between 0 and 1.0 (a fraction: 0.45 for 45%), got 1.5",
            "buildingCoefficient|-0.2|indicator buildingCoefficient must be between 0 and 1.0 (a fraction: 0.45 for 45%), "
                + "got -0.2",
            "adminShare|1e400|indicator adminShare must be a finite number"})
        void indicators(String name, String value, String detail) {
            refused(body(",\"indicators\":{\"" + name + "\":" + value + "}"), detail);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-1", "1000000.5", "1e400"})
        void pledges(String value) {
            refused(body(",\"pledges\":{\"investmentWanYuanPerMu\":" + value + "}"),
                    "pledges.investmentWanYuanPerMu must be a number of 万元/亩 from 0 to 1000000");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "71"})
        void termYears(String value) {
            refused("{\"parcelId\":\"QOV-LI-001\"," + ALLOTTEE + ",\"intendedUse\":\"x\",\"termYears\":" + value + "}",
                    "termYears must be a whole number of years from 1 to 70");
        }
    }
}
