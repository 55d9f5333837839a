package org.qiluvalley.planner.inquiry;

import java.util.Set;

import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.web.JsonBodies;

import tools.jackson.databind.JsonNode;

/**
 * The bodies of {@code POST /api/inquiries} ({@code {"parcelId", "company", "contact", "message"?}}) and of
 * {@code POST /api/inquiries/{id}/close} ({@code {"note"?}} or no body). Texts are trimmed; lengths are counted
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

    private static final Set<String> SUBMISSION = Set.of("parcelId", "company", "contact", "message");
    private static final Set<String> CLOSING = Set.of("note");

    /** A well-formed inquiry; whether its parcel is available is decided under the client's lock. */
    record Submission(String parcelId, String company, String contact, String message) {
    }

    private InquiryParser() {
    }

    static Submission submission(byte[] body) {
        JsonNode json = object(body, false);
        onlyMembers(json, SUBMISSION);
        String parcelId = text(json, "parcelId", 1, MAX_PARCEL_ID, false);
        String company = text(json, "company", 1, MAX_COMPANY, false);
        String contact = text(json, "contact", 1, MAX_CONTACT, false);
        String message = text(json, "message", 0, MAX_MESSAGE, true);
        return new Submission(parcelId, company, contact, message == null ? "" : message);
    }

    /** The closing note, or null when there is none (no body, {@code {}}, or an empty note). */
    static String closingNote(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        JsonNode json = object(body, true);
        if (json == null) {
            return null;
        }
        onlyMembers(json, CLOSING);
        String note = text(json, "note", 0, MAX_NOTE, true);
        return note == null || note.isEmpty() ? null : note;
    }

    /** The body as a JSON object; a JSON {@code null} is null when {@code nullable}. */
    private static JsonNode object(byte[] body, boolean nullable) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("the body must be a JSON object: {\"parcelId\": \"...\", \"company\": "
                    + "\"...\", \"contact\": \"...\", \"message\": \"...\"}");
        }
        // A member given twice, or anything after the object, is refused rather than silently resolved.
        JsonNode json = JsonBodies.tree(body);
        if (nullable && (json == null || json.isNull() || json.isMissingNode())) {
            return null;
        }
        if (json == null || !json.isObject()) {
            throw new InvalidInputException("the body must be a JSON object");
        }
        return json;
    }

    private static void onlyMembers(JsonNode node, Set<String> allowed) {
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new InvalidInputException("unknown member \"" + RefusedException.clip(name) + "\"; accepted: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    /**
     * A trimmed text of {@code min} to {@code max} UTF-16 code units; absent or null is an error when {@code min}
     * is above zero, else null. {@code multiline} allows line feeds and carriage returns inside.
     */
    static String text(JsonNode body, String name, int min, int max, boolean multiline) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            if (min > 0) {
                throw new InvalidInputException(name + " is required: " + min + " to " + max + " characters");
            }
            return null;
        }
        if (!node.isString()) {
            throw new InvalidInputException(name + " must be a string of " + min + " to " + max + " characters");
        }
        String value = node.stringValue().strip();
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
