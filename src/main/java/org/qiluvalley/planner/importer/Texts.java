package org.qiluvalley.planner.importer;

/** Quoting of values taken from the file in messages, clipped so that a hostile value cannot bloat a reject line. */
final class Texts {

    /** Longest value echoed back, characters. */
    static final int MAX_ECHO = 80;

    private Texts() {
    }

    static String clip(String value) {
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "...";
    }

    static String quote(String value) {
        return "\"" + clip(value) + "\"";
    }
}
