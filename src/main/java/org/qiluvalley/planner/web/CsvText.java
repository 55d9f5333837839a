package org.qiluvalley.planner.web;

/**
 * Fields of the service's CSV answers (RFC 4180, opened in spreadsheets): text quoted, quotes doubled, and text a
 * client wrote that a spreadsheet would run as a formula (first character {@code = + - @}, tab or carriage return)
 * prefixed with an apostrophe, so an allottee called {@code =HYPERLINK(...)} stays text (OWASP's CSV injection
 * advice).
 */
public final class CsvText {

    private CsvText() {
    }

    /** {@code text} as one quoted field; {@code null} is an empty field. */
    public static String quote(String text) {
        if (text == null) {
            return "";
        }
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
