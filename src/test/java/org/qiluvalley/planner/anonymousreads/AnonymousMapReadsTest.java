package org.qiluvalley.planner.anonymousreads;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.HashMap;
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
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

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

    /**
     * Public GET mappings under {@code /ogc/collections/} that the fast path leaves to the full chain, each for a
     * reason: documents about a collection or its tilesets, cheap and rarely requested. A new mapping must be added
     * either to {@link AnonymousMapReads.Resource} or here.
     */
    private static final Set<String> LEFT_TO_THE_FULL_CHAIN = Set.of(
            "/ogc/collections/{collectionId}",
            "/ogc/collections/{collectionId}/tiles",
            "/ogc/collections/{collectionId}/tiles/{matrixSet}");

    @Test
    void everyPublicCollectionReadIsEitherOnTheFastPathOrLeftToTheFullChainOnPurpose() {
        Map<String, Method> mappings = getMappings();
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
        Map<String, Method> mappings = getMappings();
        assertThat(mappings.get(AnonymousMapReads.Resource.ITEMS.pattern).getName()).isEqualTo("items");
        assertThat(mappings.get(AnonymousMapReads.Resource.ITEM.pattern).getName()).isEqualTo("item");
        assertThat(mappings.get(AnonymousMapReads.Resource.TILE.pattern).getName()).isEqualTo("tile");
        assertThat(mappings.get(AnonymousMapReads.Resource.ITEMS.pattern).getDeclaringClass())
                .isEqualTo(FeaturesController.class);
        assertThat(mappings.get(AnonymousMapReads.Resource.TILE.pattern).getDeclaringClass())
                .isEqualTo(TilesController.class);
    }

    /** Every {@code @GetMapping} path of the service's controllers, with the method it maps. */
    private static Map<String, Method> getMappings() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Map<String, Method> paths = new HashMap<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("org.qiluvalley.planner")) {
            Class<?> controller = ClassUtils.resolveClassName(bean.getBeanClassName(), null);
            for (Method method : controller.getDeclaredMethods()) {
                GetMapping get = AnnotatedElementUtils.findMergedAnnotation(method, GetMapping.class);
                if (get != null) {
                    for (String path : get.path()) {
                        paths.put(path, method);
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
