package org.qiluvalley.planner.config;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks and normalises {@code valley.public-url}. */
final class PublicUrl {

    private PublicUrl() {
    }

    /**
     * Empty stays empty; otherwise an absolute {@code http} or {@code https} URL with a host, no query, fragment or
     * user info, returned without a trailing slash.
     *
     * @throws IllegalArgumentException naming the key, for anything else
     */
    static String normalise(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("valley.public-url (VALLEY_PUBLIC_URL) must be an http or https URL "
                        + "with a host and no query, fragment or user info, e.g. https://planning.example.cn; got "
                        + clip(url));
            }
            return trimmed;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("valley.public-url (VALLEY_PUBLIC_URL) is not a URL: " + clip(url), e);
        }
    }

    private static String clip(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
