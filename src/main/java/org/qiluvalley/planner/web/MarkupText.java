package org.qiluvalley.planner.web;

/**
 * Text for the service's HTML and XHTML (the OGC API pages, the planning-conditions letter, which is also the PDF
 * renderer's XML input): element content or a quoted attribute value, safe in both.
 */
public final class MarkupText {

    private MarkupText() {
    }

    /**
     * {@code text} with {@code & < > " '} as references, and every character that HTML forbids or XML 1.0 cannot
     * carry (C0 controls other than tab, newline and carriage return; DEL; unpaired surrogates; U+FFFE, U+FFFF)
     * replaced by U+FFFD, so that the reader sees that something was there. {@code null} is the empty string.
     */
    public static String escape(String text) {
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
                    } else {
                        out.append(allowed(c) ? c : '\ufffd');
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7f) || (c > 0x7f && c < 0xD800)
                || (c >= 0xE000 && c < 0xFFFE);
    }
}
