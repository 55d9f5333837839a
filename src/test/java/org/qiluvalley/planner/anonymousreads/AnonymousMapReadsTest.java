package org.qiluvalley.planner.anonymousreads;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qiluvalley.planner.features.FeaturesController;
import org.qiluvalley.planner.tiles.TilesController;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.Cookie;

/** Which requests the anonymous fast path takes: the plain spellings of four resources, without credentials. */
class AnonymousMapReadsTest {

    private static final String SESSION = AnonymousMapReads.SESSION_COOKIE;

    @ParameterizedTest
    @ValueSource(strings = {"/ogc/collections/parcels/items", "/ogc/collections/zones/items",
            "/ogc/collections/parcels/items/QOV-LI-014", "/ogc/collections/parcels/tiles/WebMercatorQuad/15/12345/27000",
            "/ogc/collections/parcels/tiles/WebMercatorQuad/15/12345/27000.mvt"})
    void takesItemsOneItemAndTiles(String path) {
        assertThat(AnonymousMapReads.route(get(path))).isNotNull();
    }

    /** As Spring MVC does: {@code 27000.mvt} is column 27000 of the longer pattern, not a column named so. */
    @Test
    void aTileWithTheExtensionIsTheSameTileAddress() {
        AnonymousMapReads.Route mvt = AnonymousMapReads.route(get(
                "/ogc/collections/parcels/tiles/WebMercatorQuad/15/12345/27000.mvt"));
        AnonymousMapReads.Route plain = AnonymousMapReads.route(get(
                "/ogc/collections/parcels/tiles/WebMercatorQuad/15/12345/27000"));
        assertThat(mvt.resource()).isEqualTo(AnonymousMapReads.Resource.TILE_MVT);
        assertThat(plain.resource()).isEqualTo(AnonymousMapReads.Resource.TILE);
        assertThat(mvt.path()).isEqualTo(plain.path());
        assertThat(mvt.path()).containsEntry("x", "27000").containsEntry("y", "12345").containsEntry("z", "15");
        assertThat(mvt.tile()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ogc/collections", "/ogc/collections/parcels", "/ogc/collections/parcels/items/",
            "/ogc/collections/parcels/tiles", "/ogc/collections/parcels/tiles/WebMercatorQuad",
            "/ogc/collections/parcels/items/a/b", "/ogc/collections//items", "/ogc/collections/parcels/items/a%2Fb",
            "/ogc/collections/parcels/items;jsessionid=1", "/ogc/collections/parcels/../zones/items",
            "/ogc/collections/parcels/tiles/WebMercatorQuad/15//1", "/ogc/collections/parcels/tiles/WebMercatorQuad/15/1/.mvt",
            "/ogc/tileMatrixSets", "/ogc/tileMatrixSets/WebMercatorQuad", "/api/me", "/ogc"})
    void leavesEverythingElseToTheFullChain(String path) {
        assertThat(AnonymousMapReads.route(get(path))).isNull();
    }

    @Test
    void itemsForABrowserOrADownloadAreLeftToTheMappingsThatWriteThem() {
        assertThat(AnonymousMapReads.asksForJson(get("/ogc/collections/parcels/items"))).isTrue();
        MockHttpServletRequest geojson = get("/ogc/collections/parcels/items");
        geojson.addParameter("f", "geojson");
        geojson.addHeader("Accept", "application/geo+json, */*");
        assertThat(AnonymousMapReads.asksForJson(geojson)).isTrue();

        MockHttpServletRequest browser = get("/ogc/collections/parcels/items");
        browser.addHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(AnonymousMapReads.asksForJson(browser)).isFalse();
        for (String format : List.of("html", "gpkg", "json,html")) {
            MockHttpServletRequest other = get("/ogc/collections/parcels/items");
            other.addParameter("f", format);
            assertThat(AnonymousMapReads.asksForJson(other)).as(format).isFalse();
        }
        MockHttpServletRequest twice = get("/ogc/collections/parcels/items");
        twice.addParameter("f", "json", "html");
        assertThat(AnonymousMapReads.asksForJson(twice)).isFalse();
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

    /**
     * Public GET mappings under {@code /ogc/collections/} that the fast path leaves to the full chain, each for a
     * reason: documents about a collection or its tilesets, cheap and rarely requested. A new mapping must be added
     * either to {@link AnonymousMapReads.Resource} or here.
     */
    private static final Set<String> LEFT_TO_THE_FULL_CHAIN = Set.of(
            "/ogc/collections/{collectionId}",
            "/ogc/collections/{collectionId}/queryables",
            "/ogc/collections/{collectionId}/tiles",
            "/ogc/collections/{collectionId}/tiles/{matrixSet}");

    @Test
    void everyPublicCollectionReadIsEitherOnTheFastPathOrLeftToTheFullChainOnPurpose() {
        Map<String, List<Method>> mappings = getMappings();
        Set<String> underCollections = new TreeSet<>();
        mappings.keySet().stream().filter(p -> p.startsWith("/ogc/collections/")).forEach(underCollections::add);
        Set<String> decided = new TreeSet<>(LEFT_TO_THE_FULL_CHAIN);
        for (AnonymousMapReads.Resource resource : AnonymousMapReads.Resource.values()) {
            decided.add(resource.pattern);
        }
        assertThat(underCollections).as("GET mappings under /ogc/collections/").isEqualTo(decided);
    }

    @Test
    void eachFastPathResourceCallsTheControllerMethodMappedToItsPattern() {
        Map<String, List<Method>> mappings = getMappings();
        assertThat(plain(mappings, AnonymousMapReads.Resource.ITEMS).getName()).isEqualTo("items");
        assertThat(plain(mappings, AnonymousMapReads.Resource.ITEM).getName()).isEqualTo("item");
        assertThat(plain(mappings, AnonymousMapReads.Resource.TILE).getName()).isEqualTo("tile");
        assertThat(plain(mappings, AnonymousMapReads.Resource.TILE_MVT))
                .isEqualTo(plain(mappings, AnonymousMapReads.Resource.TILE));
        assertThat(plain(mappings, AnonymousMapReads.Resource.ITEMS).getDeclaringClass())
                .isEqualTo(FeaturesController.class);
        assertThat(plain(mappings, AnonymousMapReads.Resource.TILE).getDeclaringClass())
                .isEqualTo(TilesController.class);
    }

    /**
     * The one method mapped to the resource's pattern without a condition on parameters or on HTML: the mapping a
     * plain request of a map client reaches, the one the fast path calls (other mappings of the same path, for
     * {@code f=html} or a download format, answer what the fast path refuses and leaves to the full chain).
     */
    private static Method plain(Map<String, List<Method>> mappings, AnonymousMapReads.Resource resource) {
        List<Method> plain = mappings.getOrDefault(resource.pattern, List.of()).stream().filter(method -> {
            GetMapping get = AnnotatedElementUtils.findMergedAnnotation(method, GetMapping.class);
            return get.params().length == 0 && !String.join(",", get.produces()).contains("text/html");
        }).toList();
        assertThat(plain).as("plain GET mappings of %s", resource.pattern).hasSize(1);
        return plain.get(0);
    }

    /** Every {@code @GetMapping} path of the service's controllers, with the methods it maps. */
    private static Map<String, List<Method>> getMappings() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        Map<String, List<Method>> paths = new HashMap<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("org.qiluvalley.planner")) {
            Class<?> controller = ClassUtils.resolveClassName(bean.getBeanClassName(), null);
            for (Method method : controller.getDeclaredMethods()) {
                GetMapping get = AnnotatedElementUtils.findMergedAnnotation(method, GetMapping.class);
                if (get != null) {
                    for (String path : get.path()) {
                        paths.computeIfAbsent(path, p -> new ArrayList<>()).add(method);
                    }
                }
            }
        }
        return paths;
    }

    private static MockHttpServletRequest get(String path) {
        return new MockHttpServletRequest("GET", path);
    }
}
