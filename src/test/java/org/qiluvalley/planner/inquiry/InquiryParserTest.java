package org.qiluvalley.planner.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qiluvalley.planner.errors.InvalidInputException;

class InquiryParserTest {

    private static InquiryParser.Submission parse(String json) {
        return InquiryParser.submission(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void refused(String json, String detailPart) {
        // Invalid input: the error mapper answers it 400.
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getMessage()).contains(detailPart));
    }

    @Test
    void aCompleteInquiryIsTrimmedAndKeepsTheLineBreaksOfItsMessage() {
        InquiryParser.Submission s = parse("{\"parcelId\":\" QOV-LI-001 \",\"company\":\"\\t济南激光有限公司 \","
                + "\"contact\":\" 张三 0531-8888888\\n\",\"message\":\"\\n第一行\\r\\n第二行\\n\"}");
        assertThat(s).isEqualTo(new InquiryParser.Submission("QOV-LI-001", "济南激光有限公司", "张三 0531-8888888",
                "第一行\r\n第二行"));
    }

    @Test
    void theMessageMayBeMissingNullOrEmpty() {
        String head = "{\"parcelId\":\"P\",\"company\":\"C\",\"contact\":\"c\"";
        assertThat(parse(head + "}").message()).isEmpty();
        assertThat(parse(head + ",\"message\":null}").message()).isEmpty();
        assertThat(parse(head + ",\"message\":\"   \"}").message()).isEmpty();
    }

    @Test
    void lengthsAreCountedAfterTrimmingInUtf16UnitsUpToTheLimits() {
        String company = "光".repeat(InquiryParser.MAX_COMPANY);
        assertThat(parse("{\"parcelId\":\"P\",\"company\":\"  " + company + "  \",\"contact\":\"c\"}").company())
                .isEqualTo(company);
        refused("{\"parcelId\":\"P\",\"company\":\"" + company + "光\",\"contact\":\"c\"}", "company must have 1 to 200");
        // An emoji is two UTF-16 units, as a browser's maxlength counts it.
        refused("{\"parcelId\":\"P\",\"company\":\"C\",\"contact\":\"" + "😀".repeat(101) + "\"}", "contact must have");
        String message = "m".repeat(InquiryParser.MAX_MESSAGE);
        assertThat(parse("{\"parcelId\":\"P\",\"company\":\"C\",\"contact\":\"c\",\"message\":\"" + message + "\"}")
                .message()).hasSize(2000);
        refused("{\"parcelId\":\"P\",\"company\":\"C\",\"contact\":\"c\",\"message\":\"" + message + "m\"}",
                "message must have 0 to 2000");
    }

    @Nested
    class Refused {

        @Test
        void missingOrBlankRequiredMembers() {
            refused("{\"company\":\"C\",\"contact\":\"c\"}", "parcelId is required");
            refused("{\"parcelId\":\"P\",\"contact\":\"c\"}", "company is required");
            refused("{\"parcelId\":\"P\",\"company\":\"C\"}", "contact is required");
            refused("{\"parcelId\":\"P\",\"company\":\" \",\"contact\":\"c\"}", "company must have 1 to 200");
            refused("{\"parcelId\":\"\",\"company\":\"C\",\"contact\":\"c\"}", "parcelId must have 1 to 64");
        }

        @Test
        void unknownMembersAndWrongTypes() {
            refused("{\"parcelId\":\"P\",\"company\":\"C\",\"contact\":\"c\",\"email\":\"e\"}", "unknown member \"email\"");
            refused("{\"parcelId\":\"P\",\"company\":7,\"contact\":\"c\"}", "company must be a string");
            refused("{\"parcelId\":\"P\",\"company\":\"C\",\"contact\":{}}", "contact must be a string");
            refused("{\"parcelId\":\"P\",\"company\":\"C\",\"contact\":\"c\",\"message\":true}", "message must be a string");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "null", "[]", "1", "\"text\"", "{", "{\"parcelId\":\"P\"} {}",
            "{\"parcelId\":\"P\",\"parcelId\":\"Q\",\"company\":\"C\",\"contact\":\"c\"}"})
        void bodiesThatAreNotOneJsonObject(String body) {
            assertThatThrownBy(() -> parse(body)).isInstanceOf(InvalidInputException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u0085", "\\t", "\\n", "\\r"})
        void controlCharactersInsideOneLineFields(String escape) {
            refused("{\"parcelId\":\"P\",\"company\":\"A" + escape + "B\",\"contact\":\"c\"}",
                    "company must not contain control characters");
            refused("{\"parcelId\":\"P\",\"company\":\"C\",\"contact\":\"a" + escape + "b\"}",
                    "contact must not contain control characters");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\t"})
        void controlCharactersOtherThanLineBreaksInTheMessage(String escape) {
            refused("{\"parcelId\":\"P\",\"company\":\"C\",\"contact\":\"c\",\"message\":\"a" + escape + "b\"}",
                    "other than line breaks");
        }

        @Test
        void unpairedSurrogates() {
            refused("{\"parcelId\":\"P\",\"company\":\"A\\ud800B\",\"contact\":\"c\"}", "unpaired surrogate");
            refused("{\"parcelId\":\"P\",\"company\":\"C\",\"contact\":\"\\udc00\"}", "unpaired surrogate");
            assertThat(parse("{\"parcelId\":\"P\",\"company\":\"\\ud83d\\ude00\",\"contact\":\"c\"}").company())
                    .isEqualTo("😀");
        }
    }

    /** The exact details of the binder's refusals ({@code JsonBodies}), as the API has always given them. */
    @Nested
    class RefusalDetails {

        private void detail(String json, String detail) {
            assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.getMessage()).isEqualTo(detail));
        }

        @Test
        void bodiesThatAreNotOneWellFormedObject() {
            detail("", "the body must be a JSON object: {\"parcelId\": \"...\", \"company\": \"...\", "
                    + "\"contact\": \"...\", \"message\": \"...\"}");
            for (String body : new String[] {"{", "{\"parcelId\":\"P\"} {}", "{\"parcelId\":\"P\"} x",
                "{\"parcelId\":\"P\",\"parcelId\":\"Q\",\"company\":\"C\",\"contact\":\"c\"}", "[1,]"}) {
                detail(body, "the body is not valid JSON, or names a member twice");
            }
            for (String body : new String[] {"null", "[]", "1", "\"text\"", "true", "   "}) {
                detail(body, "the body must be a JSON object");
            }
        }

        @Test
        void anUnknownMemberIsNamedWithTheAcceptedOnes() {
            detail("{\"parcelId\":\"P\",\"company\":\"C\",\"contact\":\"c\",\"email\":\"e\"}",
                    "unknown member \"email\"; accepted: company, contact, message, parcelId");
            detail("{\"Company\":\"C\"}", "unknown member \"Company\"; accepted: company, contact, message, parcelId");
            detail("{\"" + "x".repeat(100) + "\":1}", "unknown member \"" + "x".repeat(80)
                    + "...\"; accepted: company, contact, message, parcelId");
        }

        @ParameterizedTest
        @ValueSource(strings = {"7", "7.5", "-0.0", "1e400", "12345678901234567890123", "true", "false", "{}",
            "{\"a\":1}", "[]", "[\"P\"]"})
        void aValueThatIsNotAStringIsRefusedWithItsMember(String value) {
            detail("{\"parcelId\":" + value + ",\"company\":\"C\",\"contact\":\"c\"}",
                    "parcelId must be a string of 1 to 64 characters");
            detail("{\"parcelId\":\"P\",\"company\":" + value + ",\"contact\":\"c\"}",
                    "company must be a string of 1 to 200 characters");
            detail("{\"parcelId\":\"P\",\"company\":\"C\",\"contact\":" + value + "}",
                    "contact must be a string of 1 to 200 characters");
            detail("{\"parcelId\":\"P\",\"company\":\"C\",\"contact\":\"c\",\"message\":" + value + "}",
                    "message must be a string of 0 to 2000 characters");
        }

        @Test
        void valuesAreCheckedInTheOrderOfTheMembers() {
            detail("{\"contact\":\"\",\"company\":\"\",\"parcelId\":\"\"}",
                    "parcelId must have 1 to 64 characters (without leading and trailing spaces), got 0");
            detail("{\"parcelId\":\"P\"}", "company is required: 1 to 200 characters");
            detail("{\"parcelId\":\"P\",\"company\":null,\"contact\":\"c\"}", "company is required: 1 to 200 characters");
            detail("{\"parcelId\":\"P\",\"company\":\"A\\u0007B\",\"contact\":\"c\"}",
                    "company must not contain control characters (U+0007 at 1)");
            detail("{\"parcelId\":\"P\",\"company\":\"C\",\"contact\":\"c\",\"message\":\"a\\tb\"}",
                    "message must not contain control characters other than line breaks (U+0009 at 1)");
            detail("{\"parcelId\":\"P\",\"company\":\"A\\ud800B\",\"contact\":\"c\"}",
                    "company has an unpaired surrogate (U+D800) at 1; send well-formed Unicode");
        }
    }

    @Nested
    class ClosingNote {

        private String note(String body) {
            return InquiryParser.closingNote(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void noBodyAnEmptyObjectOrAnEmptyNoteMeanNoNote() {
            assertThat(note(null)).isNull();
            assertThat(note("")).isNull();
            assertThat(note("{}")).isNull();
            assertThat(note("null")).isNull();
            assertThat(note("{\"note\":\"  \"}")).isNull();
            assertThat(note("{\"note\":\" Called back.\\nDone. \"}")).isEqualTo("Called back.\nDone.");
        }

        @Test
        void theRefusalsOfANoteSayWhatIsWrong() {
            String[][] cases = {
                {"{\"note\":1}", "note must be a string of 0 to 2000 characters"},
                {"{\"note\":[\"x\"]}", "note must be a string of 0 to 2000 characters"},
                {"{\"text\":\"x\"}", "unknown member \"text\"; accepted: note"},
                {"[]", "the body must be a JSON object"},
                {"\"note\"", "the body must be a JSON object"},
                {"nope", "the body is not valid JSON, or names a member twice"},
                {"{\"note\":\"a\",\"note\":\"b\"}", "the body is not valid JSON, or names a member twice"},
                {"{} {}", "the body is not valid JSON, or names a member twice"},
                {"{\"note\":\"\\u0007\"}", "note must not contain control characters other than line breaks (U+0007 at 0)"},
                {"{\"note\":\"" + "n".repeat(2001) + "\"}", "note must have 0 to 2000 characters (without leading and "
                        + "trailing spaces), got 2001"}};
            for (String[] c : cases) {
                assertThatThrownBy(() -> note(c[0])).as(c[0]).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).isEqualTo(c[1]));
            }
            assertThat(note("{\"note\":null}")).isNull();
            assertThat(note("   ")).isNull();
        }

        @Test
        void aBadNoteIsRefused() {
            for (String body : new String[] {"[]", "{\"note\":1}", "{\"text\":\"x\"}", "{\"note\":\"\\u0007\"}",
                "{\"note\":\"" + "n".repeat(InquiryParser.MAX_NOTE + 1) + "\"}", "nope"}) {
                assertThatThrownBy(() -> note(body)).as(body).isInstanceOf(InvalidInputException.class);
            }
        }
    }
}
