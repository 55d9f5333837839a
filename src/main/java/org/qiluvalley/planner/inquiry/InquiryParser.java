package org.qiluvalley.planner.inquiry;

import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.web.JsonBodies;
import org.qiluvalley.planner.web.JsonBodies.WrongType;

import tools.jackson.databind.JsonNode;

/**
 * The bodies of {@code POST /api/inquiries} ({@code {"parcelId", "company", "contact", "message"?}}) and of
 * {@code POST /api/inquiries/{id}/close} ({@code {"note"?}} or no body), bound strictly by {@link JsonBodies} (an
 * unknown member, a member named twice, a value that is not a string: 400). Texts are trimmed; lengths are counted
 * in UTF-16 code units after trimming, as the browser's {@code maxlength} counts them, so what the form accepts the
 * API accepts. Control characters are refused (a message and a note may have line breaks), and so are unpaired
 * surrogates, which no database column can store. Every refusal is a 400 saying what to fix.
 */
final class InquiryParser {

    static final int MAX_COMPANY = 200;
    static final int MAX_CONTACT = 200;
    static final int MAX_MESSAGE = 2000;
    static final int MAX_NOTE = 2000;
    /** Parcel ids are at most 32 characters (the column); anything much longer is not an id at all. */
    static final int MAX_PARCEL_ID = 64;

    /**
     * A well-formed inquiry; whether its parcel is available is decided under the client's lock. As sent, then as
     * checked: trimmed, the message never null.
     */
    @WrongType("the body must be a JSON object")
    record Submission(
            @WrongType("parcelId must be a string of 1 to " + MAX_PARCEL_ID + " characters") String parcelId,
            @WrongType("company must be a string of 1 to " + MAX_COMPANY + " characters") String company,
            @WrongType("contact must be a string of 1 to " + MAX_CONTACT + " characters") String contact,
            @WrongType("message must be a string of 0 to " + MAX_MESSAGE + " characters") String message) {
    }

    /** The body of a closing. */
    @WrongType("the body must be a JSON object")
    record Closing(@WrongType("note must be a string of 0 to " + MAX_NOTE + " characters") String note) {
    }

    private InquiryParser() {
    }

    static Submission submission(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("the body must be a JSON object: {\"parcelId\": \"...\", \"company\": "
                    + "\"...\", \"contact\": \"...\", \"message\": \"...\"}");
        }
        Submission sent = JsonBodies.read(body, Submission.class);
        String parcelId = text(sent.parcelId(), "parcelId", 1, MAX_PARCEL_ID, false);
        String company = text(sent.company(), "company", 1, MAX_COMPANY, false);
        String contact = text(sent.contact(), "contact", 1, MAX_CONTACT, false);
        String message = text(sent.message(), "message", 0, MAX_MESSAGE, true);
        return new Submission(parcelId, company, contact, message == null ? "" : message);
    }

    /** The closing note, or null when there is none (no body, {@code null}, {@code {}}, or an empty note). */
    static String closingNote(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        JsonNode json = JsonBodies.tree(body);
        if (json.isNull() || json.isMissingNode()) {
            return null;
        }
        String note = text(JsonBodies.bind(json, Closing.class).note(), "note", 0, MAX_NOTE, true);
        return note == null || note.isEmpty() ? null : note;
    }

    /**
     * A trimmed text of {@code min} to {@code max} UTF-16 code units; absent (or null) is an error when {@code min}
     * is above zero, else null. {@code multiline} allows line feeds and carriage returns inside.
     */
    static String text(String sent, String name, int min, int max, boolean multiline) {
        if (sent == null) {
            if (min > 0) {
                throw new InvalidInputException(name + " is required: " + min + " to " + max + " characters");
            }
            return null;
        }
        String value = sent.strip();
        if (value.length() < min || value.length() > max) {
            throw new InvalidInputException(name + " must have " + min + " to " + max + " characters (without leading "
                    + "and trailing spaces), got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r'))) {
                throw new InvalidInputException(name + " must not contain control characters"
                        + (multiline ? " other than line breaks" : "") + String.format(" (U+%04X at %d)", (int) c, i));
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(name + " has an unpaired surrogate (U+" + String.format("%04X", (int) c)
                        + ") at " + i + "; send well-formed Unicode");
            }
        }
        return value;
    }
}
