package org.qiluvalley.planner.conditions;

/**
 * Escaping for the letter's XHTML, which is also the PDF renderer's input and so must be well-formed XML: every text
 * value and attribute value from the model goes through {@link #escape}.
 */
final class Xml {

    private Xml() {
    }

    /**
     * {@code text} with {@code & < > " '} as entities, and the characters XML 1.0 forbids (C0 controls other than tab,
     * newline and carriage return; unpaired surrogates; U+FFFE and U+FFFF) dropped. {@code null} is written as the
     * empty string.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (allowed(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c < 0xFFFE);
    }
}
