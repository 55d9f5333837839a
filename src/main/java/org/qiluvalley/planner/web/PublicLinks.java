package org.qiluvalley.planner.web;

import org.qiluvalley.planner.config.ValleyProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The base of every absolute link the service writes ({@code self}, {@code next}, {@code items}, tile templates,
 * {@code Location}s of the OGC API). With {@code valley.public-url} set, that URL, whatever the request says: a
 * client cannot make the service hand out links to a host of its choosing with a forged {@code Host} header (links
 * are copied into pages, caches and GIS projects). Without it, the scheme, host and port the request arrived with
 * (behind a proxy, as {@code server.forward-headers-strategy=native} reconstructs them), for a service used where
 * it runs.
 */
@Component
public class PublicLinks {

    private final String publicUrl;

    public PublicLinks(ValleyProperties properties) {
        this.publicUrl = properties.publicUrl();
    }

    /** The service's root URL without a trailing slash, e.g. {@code https://planning.example.cn}. */
    public String base() {
        return publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : publicUrl;
    }
}
