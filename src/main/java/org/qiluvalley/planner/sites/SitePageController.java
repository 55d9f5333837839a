package org.qiluvalley.planner.sites;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.qiluvalley.planner.conditions.ConditionsBuilder;
import org.qiluvalley.planner.conditions.PlanningConditions;
import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.errors.NotFoundException;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.web.PublicLinks;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * A page per available site, to share and to print: {@code GET /sites/{id}} (HTML, see {@link SitePage}) and the
 * picture its link previews with, {@code GET /sites/{id}/thumbnail.png}. Public, for available sites only: any other
 * id, unknown or not available, gets the same 404 page, byte for byte, so the page tells nobody which parcels exist.
 * These are pages, not API: left out of the OpenAPI document.
 */
@RestController
@Hidden
class SitePageController {

    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final String NOT_FOUND_PAGE = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="UTF-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>未找到该地块 No such site | 齐鲁光谷 Qilu Optics Valley</title>
            <link rel="icon" href="/favicon.svg" type="image/svg+xml"/></head>
            <body style="font-family: sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em;">
            <h1>未找到该地块 <span style="color:#555">No such site</span></h1>
            <p>该地块不存在或暂不可供。 This site does not exist or is not available.</p>
            <p><a href="/">查看可供地块地图 See the map of available sites</a></p>
            </body></html>
            """;

    private final ConditionsBuilder conditions;
    private final ParcelStore store;
    private final ValleyProperties.Contact contact;
    private final PublicLinks links;

    SitePageController(ConditionsBuilder conditions, ParcelStore store, ValleyProperties properties,
            PublicLinks links) {
        this.conditions = conditions;
        this.store = store;
        this.contact = properties.contact();
        this.links = links;
    }

    @GetMapping("/sites/{id}")
    ResponseEntity<byte[]> page(@PathVariable String id) {
        Site site = site(id);
        if (site == null) {
            return notFound();
        }
        String pageUrl = links.base() + "/sites/" + encode(id);
        String html = SitePage.render(site.parcel(), site.letter(), contact, pageUrl, pageUrl + "/thumbnail.png");
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache())
                .body(html.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/sites/{id}/thumbnail.png")
    ResponseEntity<byte[]> thumbnail(@PathVariable String id) {
        Site site = site(id);
        if (site == null) {
            return notFound();
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache())
                .body(SiteThumbnail.png(site.letter().map()));
    }

    private record Site(Parcel parcel, PlanningConditions letter) {
    }

    /** The available site of that id with its public letter, or null (unknown and not available alike). */
    private Site site(String id) {
        PlanningConditions letter;
        try {
            letter = conditions.build(id, false);
        } catch (NotFoundException e) {
            return null;
        }
        Parcel parcel = store.findById(Layer.PARCELS, letter.parcelId()).orElse(null);
        return parcel == null || parcel.status() != ParcelStatus.AVAILABLE ? null : new Site(parcel, letter);
    }

    private static ResponseEntity<byte[]> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML).cacheControl(CacheControl.noCache())
                .body(NOT_FOUND_PAGE.getBytes(StandardCharsets.UTF_8));
    }

    /** A parcel id as one segment of a URL path. */
    static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
