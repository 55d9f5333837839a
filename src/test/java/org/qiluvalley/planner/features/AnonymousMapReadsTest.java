package org.qiluvalley.planner.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

import jakarta.servlet.http.Cookie;

/** Which requests the anonymous fast path takes: the plain spellings of three resources, without credentials. */
class AnonymousMapReadsTest {

    private static final String SESSION = AnonymousMapReads.SESSION_COOKIE;

    @ParameterizedTest
    @ValueSource(strings = {"/ogc/collections/parcels/items", "/ogc/collections/zones/items",
            "/ogc/collections/parcels/items/QOV-LI-014", "/ogc/collections/parcels/tiles/WebMercatorQuad/15/12345/27000"})
    void takesItemsOneItemAndTiles(String path) {
        assertThat(AnonymousMapReads.route(get(path))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ogc/collections", "/ogc/collections/parcels", "/ogc/collections/parcels/items/",
            "/ogc/collections/parcels/tiles", "/ogc/collections/parcels/tiles/WebMercatorQuad",
            "/ogc/collections/parcels/items/a/b", "/ogc/collections//items", "/ogc/collections/parcels/items/a%2Fb",
            "/ogc/collections/parcels/items;jsessionid=1", "/ogc/collections/parcels/../zones/items",
            "/ogc/collections/parcels/tiles/WebMercatorQuad/15//1", "/api/me", "/ogc"})
    void leavesEverythingElseToTheFullChain(String path) {
        assertThat(AnonymousMapReads.route(get(path))).isNull();
    }

    @Test
    void onlyGetsWithoutCredentialsOrSessionAreAnonymous() {
        assertThat(AnonymousMapReads.anonymous(get("/ogc/collections/parcels/items"), SESSION)).isTrue();

        MockHttpServletRequest withCsrfCookieOnly = get("/ogc/collections/parcels/items");
        withCsrfCookieOnly.setCookies(new Cookie("XSRF-TOKEN", "t"));
        assertThat(AnonymousMapReads.anonymous(withCsrfCookieOnly, SESSION)).isTrue();

        MockHttpServletRequest basic = get("/ogc/collections/parcels/items");
        basic.addHeader("Authorization", "Basic eDp5");
        assertThat(AnonymousMapReads.anonymous(basic, SESSION)).isFalse();

        MockHttpServletRequest session = get("/ogc/collections/parcels/items");
        session.setCookies(new Cookie("XSRF-TOKEN", "t"), new Cookie(AnonymousMapReads.SESSION_COOKIE, "abc"));
        assertThat(AnonymousMapReads.anonymous(session, SESSION)).isFalse();

        MockHttpServletRequest head = new MockHttpServletRequest("HEAD", "/ogc/collections/parcels/items");
        assertThat(AnonymousMapReads.anonymous(head, SESSION)).isFalse();
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/ogc/collections/parcels/items");
        assertThat(AnonymousMapReads.anonymous(post, SESSION)).isFalse();
    }

    private static MockHttpServletRequest get(String path) {
        return new MockHttpServletRequest("GET", path);
    }
}
