package org.qiluvalley.planner.features;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import org.qiluvalley.planner.filter.Audience;
import org.qiluvalley.planner.filter.Queryable;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.qiluvalley.planner.security.Role;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTML encoding of the OGC API Features resources (requirements class HTML, OGC 17-069r4 7.15): the same paths
 * as {@link FeaturesController}, for a request whose {@code Accept} prefers {@code text/html} (a browser) or that
 * says {@code f=html}. A mapping with {@code params = "f=html"} is more specific than the JSON one, so the parameter
 * wins over any {@code Accept}; among mappings that differ only in what they produce, Spring picks by the
 * {@code Accept} header, so a browser gets HTML and a client accepting anything ({@code *}{@code /*}, or no
 * {@code Accept}) still gets JSON.
 *
 * <p>Each page is made from the JSON controller's own answer: its methods are called with the query minus
 * {@code f}, so the allow-list of collections, the parameter checks, paging, what the caller may see (planner or
 * public) and every refusal are exactly those of the JSON. A browser asking for {@code f=json} (a link on these
 * pages) gets the JSON controller's answer unchanged.
 *
 * <p>Refusals and failures: the status, title and detail are those of the one error mapper
 * ({@code web/ProblemDetailsAdvice}), reached through Spring's exception resolvers. A client whose {@code Accept}
 * names {@code text/html} (a browser) sees them as a short HTML page with that status; any other client (a script
 * that sent {@code f=html} with {@code Accept: application/json}, or {@code *}{@code /*}) gets the problem+json
 * document, which it can read.
 *
 * <p>Only in the web application: the {@code import} command runs the same beans without a web server, where there is
 * no exception resolver to take.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OgcHtmlController {

    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final String F_HTML = OgcApi.PARAM_FORMAT + "=html";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FeaturesController json;
    private final ZoningRuleBook rules;
    private final HandlerExceptionResolver problems;

    OgcHtmlController(FeaturesController json, ZoningRuleBook rules,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.json = json;
        this.rules = rules;
        this.problems = problems;
    }

    // ---- Landing page -----------------------------------------------------------------------------------------

    @GetMapping(value = {OgcApi.ROOT, OgcApi.ROOT + "/"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<?> landingPage(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request,
            HttpServletResponse response) {
        return answer(query, request, response, q -> jsonAnswer(json.landingPage(q)),
                q -> html().landing(json.landingPage(q)));
    }

    @GetMapping(value = {OgcApi.ROOT, OgcApi.ROOT + "/"}, params = F_HTML)
    ResponseEntity<?> landingPageAsked(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request,
            HttpServletResponse response) {
        return landingPage(query, request, response);
    }

    // ---- Conformance ------------------------------------------------------------------------------------------

    @GetMapping(value = OgcApi.ROOT + "/conformance", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<?> conformance(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request,
            HttpServletResponse response) {
        return answer(query, request, response, q -> jsonAnswer(json.conformance(q)),
                q -> html().conformance(json.conformance(q)));
    }

    @GetMapping(value = OgcApi.ROOT + "/conformance", params = F_HTML)
    ResponseEntity<?> conformanceAsked(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request,
            HttpServletResponse response) {
        return conformance(query, request, response);
    }

    // ---- API definition ---------------------------------------------------------------------------------------

    @GetMapping(value = OgcApi.ROOT + "/api", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<?> apiDefinition(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request,
            HttpServletResponse response) {
        return answer(query, request, response, json::apiDefinition,
                q -> html().apiDefinition(json.apiDefinition(q).getBody()));
    }

    @GetMapping(value = OgcApi.ROOT + "/api", params = F_HTML)
    ResponseEntity<?> apiDefinitionAsked(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request,
            HttpServletResponse response) {
        return apiDefinition(query, request, response);
    }

    // ---- Collections ------------------------------------------------------------------------------------------

    @GetMapping(value = OgcApi.ROOT + "/collections", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<?> collections(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request,
            HttpServletResponse response) {
        return answer(query, request, response, q -> jsonAnswer(json.collections(q)),
                q -> html().collections(JSON.valueToTree(json.collections(q))));
    }

    @GetMapping(value = OgcApi.ROOT + "/collections", params = F_HTML)
    ResponseEntity<?> collectionsAsked(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request,
            HttpServletResponse response) {
        return collections(query, request, response);
    }

    @GetMapping(value = OgcApi.ROOT + "/collections/{collectionId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<?> collection(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> query,
            HttpServletRequest request, HttpServletResponse response, Authentication who) {
        return answer(query, request, response, q -> jsonAnswer(json.collection(collectionId, q)), q -> {
            JsonNode view = JSON.valueToTree(json.collection(collectionId, q));
            List<String> queryables = FeaturesController.queryables(json.collection(collectionId))
                    .visibleTo(Role.isPlanner(who) ? Audience.PLANNER : Audience.PUBLIC).stream()
                    .map(Queryable::name).toList();
            return html().collection(view, queryables);
        });
    }

    @GetMapping(value = OgcApi.ROOT + "/collections/{collectionId}", params = F_HTML)
    ResponseEntity<?> collectionAsked(@PathVariable String collectionId,
            @RequestParam MultiValueMap<String, String> query, HttpServletRequest request,
            HttpServletResponse response, Authentication who) {
        return collection(collectionId, query, request, response, who);
    }

    // ---- Items ------------------------------------------------------------------------------------------------

    @GetMapping(value = OgcApi.ROOT + "/collections/{collectionId}/items", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<?> items(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> query,
            Authentication who, HttpServletRequest request, HttpServletResponse response) {
        return answer(query, request, response, q -> json.items(collectionId, q, who), q -> {
            ResponseEntity<byte[]> geoJson = json.items(collectionId, q, who);
            return html().items(json.collection(collectionId), geoJson.getBody(), q, contentCrs(geoJson));
        });
    }

    @GetMapping(value = OgcApi.ROOT + "/collections/{collectionId}/items", params = F_HTML)
    ResponseEntity<?> itemsAsked(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> query,
            Authentication who, HttpServletRequest request, HttpServletResponse response) {
        return items(collectionId, query, who, request, response);
    }

    @GetMapping(value = OgcApi.ROOT + "/collections/{collectionId}/items/{featureId}",
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<?> item(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestParam MultiValueMap<String, String> query, Authentication who, HttpServletRequest request,
            HttpServletResponse response) {
        // The JSON's ETag names the JSON representation; the page carries none (it is not cached either).
        return answer(query, request, response, q -> json.item(collectionId, featureId, q, who), q -> {
            ResponseEntity<byte[]> geoJson = json.item(collectionId, featureId, q, who);
            return html().item(json.collection(collectionId), geoJson.getBody(), contentCrs(geoJson));
        });
    }

    @GetMapping(value = OgcApi.ROOT + "/collections/{collectionId}/items/{featureId}", params = F_HTML)
    ResponseEntity<?> itemAsked(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestParam MultiValueMap<String, String> query, Authentication who, HttpServletRequest request,
            HttpServletResponse response) {
        return item(collectionId, featureId, query, who, request, response);
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * The page, or the JSON answer when the request names another format ({@code f=json} from a browser), or the
     * refusal (as a page for a browser, as problem+json for anyone else).
     */
    private ResponseEntity<?> answer(MultiValueMap<String, String> query, HttpServletRequest request,
            HttpServletResponse response, Function<MultiValueMap<String, String>, ResponseEntity<?>> asJson,
            Function<MultiValueMap<String, String>, String> asHtml) {
        List<String> formats = query.get(OgcApi.PARAM_FORMAT);
        boolean html = formats == null || formats.stream().allMatch("html"::equals);
        try {
            if (!html) {
                return asJson.apply(query);
            }
            MultiValueMap<String, String> rest = new LinkedMultiValueMap<>(query);
            rest.remove(OgcApi.PARAM_FORMAT);
            return ResponseEntity.ok().contentType(HTML).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .body(asHtml.apply(rest).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException refused) {
            // A browser that asked for JSON (f=json) gets the JSON refusal, as does every client not naming HTML.
            boolean json = formats != null && formats.stream().anyMatch(f -> f.equals("json") || f.equals("geojson"));
            if (json || !namesHtml(request)) {
                throw refused;
            }
            return errorPage(refused, request, response);
        }
    }

    /** The CRS the JSON's coordinates are in (OGC API Features Part 2), or null when it names none. */
    private static String contentCrs(ResponseEntity<byte[]> geoJson) {
        return geoJson.getHeaders().getFirst(OgcApi.HEADER_CONTENT_CRS);
    }

    private static ResponseEntity<?> jsonAnswer(Object body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /**
     * The refusal as the one error mapper answers it (status, headers such as {@code Retry-After}, title and
     * detail), written as a page. The mapper is reached through Spring's exception resolvers, with no handler, so
     * only the application-wide advice answers.
     */
    private ResponseEntity<byte[]> errorPage(RuntimeException refused, HttpServletRequest request,
            HttpServletResponse response) {
        ContentCachingResponseWrapper problem = new ContentCachingResponseWrapper(response);
        if (problems.resolveException(request, problem, null, refused) == null) {
            throw refused;
        }
        JsonNode body;
        try {
            body = JSON.readTree(problem.getContentAsByteArray());
        } catch (RuntimeException notJson) {
            body = JSON.createObjectNode();
        }
        int status = problem.getStatus();
        String title = body.path("title").isString() ? body.path("title").stringValue() : "Error";
        String detail = body.path("detail").isString() ? body.path("detail").stringValue() : null;
        // The mapper set its media type on the response; the page replaces its body, so its type too.
        response.setContentType(HTML.toString());
        return ResponseEntity.status(status).contentType(HTML).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .body(html().error(status, title, detail).getBytes(StandardCharsets.UTF_8));
    }

    /** True when the request's {@code Accept} names {@code text/html} (or {@code text/*}): a browser. */
    static boolean namesHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> !type.isWildcardType()
                    && type.includes(MediaType.TEXT_HTML) && type.getQualityValue() > 0);
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    private OgcHtml html() {
        return new OgcHtml(json.base(), rules.landUseCodes());
    }
}
