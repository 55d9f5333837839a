package org.qiluvalley.planner.filter;

import org.qiluvalley.planner.errors.InvalidInputException;

/**
 * A CQL2 LIKE pattern (OGC 21-065 /req/advanced-comparison-operators/like-predicate): {@code %} matches any run of
 * characters, {@code _} one character, and the backslash makes the character after it literal.
 */
final class LikePattern {

    static final char ESCAPE = '\\';

    private LikePattern() {
    }

    /** Refuses a pattern that is too long, has too many {@code %} or ends with a lone escape character. */
    static void check(String pattern, FilterLimits limits) {
        if (pattern.length() > limits.maxPatternLength()) {
            throw new InvalidInputException("a LIKE pattern is longer than " + limits.maxPatternLength() + " characters");
        }
        int wildcards = 0;
        boolean previousWasWildcard = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == ESCAPE) {
                if (i + 1 == pattern.length()) {
                    throw new InvalidInputException("a LIKE pattern ends with the escape character \\");
                }
                i++;
                previousWasWildcard = false;
            } else if (c == '%') {
                if (!previousWasWildcard) {
                    wildcards++;
                }
                previousWasWildcard = true;
            } else {
                previousWasWildcard = false;
            }
        }
        if (wildcards > limits.maxPatternWildcards()) {
            throw new InvalidInputException("a LIKE pattern has more than " + limits.maxPatternWildcards()
                    + " % wildcards");
        }
    }

    /** The escape character of the SQL pattern of {@link #toSql} (a backslash would depend on a PostgreSQL setting). */
    static final char SQL_ESCAPE = '!';

    /**
     * The pattern for SQL's {@code LIKE ? ESCAPE '!'}, matching exactly what the CQL2 pattern matches on both
     * databases: {@code !} only before {@code %}, {@code _} and itself (H2 and PostgreSQL disagree on an escape
     * before anything else), and a run of {@code %} as one (the same matches, less backtracking).
     */
    static String toSql(String pattern) {
        StringBuilder sql = new StringBuilder(pattern.length() + 8);
        boolean previousWasWildcard = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == ESCAPE) {
                literal(sql, pattern.charAt(++i));
                previousWasWildcard = false;
            } else if (c == '%') {
                if (!previousWasWildcard) {
                    sql.append('%');
                }
                previousWasWildcard = true;
            } else if (c == '_') {
                sql.append('_');
                previousWasWildcard = false;
            } else {
                literal(sql, c);
                previousWasWildcard = false;
            }
        }
        return sql.toString();
    }

    private static void literal(StringBuilder sql, char c) {
        if (c == '%' || c == '_' || c == SQL_ESCAPE) {
            sql.append(SQL_ESCAPE);
        }
        sql.append(c);
    }
}
