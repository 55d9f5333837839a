package org.qiluvalley.planner.features;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.parcel.Readiness;
import org.qiluvalley.planner.rules.LandUseCode;
import org.qiluvalley.planner.web.MarkupText;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTML encoding of the OGC API Features resources (OGC 17-069r4, requirements class HTML): one method per
 * resource, each turning what the JSON controller answers (its records, or its GeoJSON bytes) into a page. The
 * pages carry everything the JSON carries: every link as an {@code <a>} with its relation, every property in a
 * table, with English and Chinese labels where the service has both.
 *
 * <p>Every value that comes from the data or the request is written through {@link #text} (element content and
 * attribute values alike) or, for the GeoJSON the map reads, {@link #scriptData}; nothing else is ever concatenated
 * into the markup. The markup is polyglot: HTML5 that is also well-formed XML (void elements closed, attributes
 * quoted, only the five XML entities), so a test can parse any page with an XML parser.
 *
 * <p>The maps are drawn in the browser by {@code /js/ogc/map.js} (Leaflet from its webjar, no internet): a collection
 * page hands it the extent in {@code data-bbox}, the items and item pages the GeoJSON in a data block
 * ({@code <script type="application/geo+json" id="features">}, never executed), since the content security policy
 * allows no inline script.
 */
final class OgcHtml {

    static final String HTML = OgcApi.HTML;
    /** The id of the GeoJSON data block, and the value of the map element's {@code data-features}. */
    static final String FEATURES_BLOCK = "features";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SERVICE_EN = "Qilu Optics Valley land-planning service";
    private static final String SERVICE_ZH = "齐鲁光谷用地规划";

    /** English and Chinese labels of the properties the collections publish; others are shown by name only. */
    private static final Map<String, String[]> PROPERTY_LABELS = Map.ofEntries(
            Map.entry("kind", new String[] {"Kind", "类型"}),
            Map.entry("phase", new String[] {"Phase", "期次"}),
            Map.entry("nameEn", new String[] {"Name (English)", "英文名称"}),
            Map.entry("nameZh", new String[] {"Name (Chinese)", "中文名称"}),
            Map.entry("areaM2", new String[] {"Area", "面积"}),
            Map.entry("category", new String[] {"Category", "类别"}),
            Map.entry("allocatable", new String[] {"Allocatable", "可供地"}),
            Map.entry("zone", new String[] {"Zone", "片区"}),
            Map.entry("landUse", new String[] {"Land use", "用地性质"}),
            Map.entry("status", new String[] {"Status", "地块状态"}),
            Map.entry("farMin", new String[] {"Floor area ratio, minimum", "容积率下限"}),
            Map.entry("farMax", new String[] {"Floor area ratio, maximum", "容积率上限"}),
            Map.entry("coverageMin", new String[] {"Site coverage, minimum", "建筑密度下限"}),
            Map.entry("coverageMax", new String[] {"Site coverage, maximum", "建筑密度上限"}),
            Map.entry("greenRatioMin", new String[] {"Green ratio, minimum", "绿地率下限"}),
            Map.entry("greenRatioMax", new String[] {"Green ratio, maximum", "绿地率上限"}),
            Map.entry("heightMaxMetres", new String[] {"Height limit, m", "建筑限高（米）"}),
            Map.entry("setbackMetres", new String[] {"Setback, m", "建筑退线（米）"}),
            Map.entry("reservePriceWanYuan", new String[] {"Reserve price, 10,000 yuan", "起始价（万元）"}),
            Map.entry("depositWanYuan", new String[] {"Bidding deposit, 10,000 yuan", "竞买保证金（万元）"}),
            Map.entry("pricePerMuWanYuan", new String[] {"Reserve price per mu, 10,000 yuan", "亩均起始价（万元/亩）"}),
            Map.entry("readiness", new String[] {"Utilities and site works", "七通一平"}),
            Map.entry("fullyReady", new String[] {"Fully ready", "全部就绪"}),
            Map.entry("version", new String[] {"Version", "版本"}),
            Map.entry("updatedAt", new String[] {"Updated", "更新时间"}),
            Map.entry("roadClass", new String[] {"Road class", "道路等级"}),
            Map.entry("redLineWidthMetres", new String[] {"Red-line width, m", "红线宽度（米）"}),
            Map.entry("source", new String[] {"Source of the position", "位置来源"}),
            Map.entry("allocationId", new String[] {"Allocation", "供地方案"}),
            Map.entry("allocationState", new String[] {"Allocation state", "方案状态"}),
            Map.entry("allottee", new String[] {"Allottee", "用地单位"}),
            Map.entry("allotteeType", new String[] {"Allottee type", "用地单位类型"}));

    /** Parcel statuses (as the map's palette names them) and allocation states. */
    private static final Map<String, String[]> VALUE_LABELS = Map.ofEntries(
            Map.entry("available", new String[] {"Available", "可供地"}),
            Map.entry("reserved", new String[] {"Reserved", "已预留"}),
            Map.entry("allocated", new String[] {"Allocated", "已出让"}),
            Map.entry("withdrawn", new String[] {"Withdrawn", "已撤销"}),
            Map.entry("retired", new String[] {"Retired (split or merged)", "已注销（分割或合并）"}),
            Map.entry(FeatureCollections.UNAVAILABLE, new String[] {"Reserved or allocated", "已预留/已出让"}),
            Map.entry("proposed", new String[] {"Proposed", "已提出"}),
            Map.entry("approved", new String[] {"Approved", "已批准"}),
            Map.entry("rejected", new String[] {"Rejected", "已驳回"}),
            Map.entry("released", new String[] {"Released", "已释放"}),
            Map.entry("contracted", new String[] {"Contracted", "已签订出让合同"}),
            Map.entry("reviewed", new String[] {"Reviewed at full production", "已达产复核"}),
            Map.entry("revoked", new String[] {"Revoked (land recovered)", "已收回"}));

    private static final Map<String, String> CONFORMANCE_NAMES = Map.of(
            OgcApi.CONF_CORE, "Part 1: Core",
            OgcApi.CONF_GEOJSON, "GeoJSON",
            OgcApi.CONF_OAS30, "OpenAPI 3.0",
            OgcApi.CONF_CRS, "Part 2: Coordinate reference systems by reference",
            OgcApi.CONF_HTML, "HTML");

    private final String base;
    private final Map<String, LandUseCode> landUses;

    /**
     * @param base the absolute URL of the API's root ({@code .../ogc}), as the JSON links name it
     * @param landUses the rule book's land-use codes, for their names
     */
    OgcHtml(String base, Map<String, LandUseCode> landUses) {
        this.base = base;
        this.landUses = landUses;
    }

    // ---- The resources ----------------------------------------------------------------------------------------

    String landing(FeaturesController.LandingPage landing) {
        Body body = new Body();
        body.raw("<h1>").text(landing.title()).raw("</h1>\n");
        body.raw("<p class=\"ogc-description\">").text(landing.description()).raw("</p>\n");
        body.raw("<ul class=\"ogc-resources\">\n");
        resource(body, base + "/collections", OgcApi.REL_DATA, "Collections", "要素集",
                "The feature collections of the park, each with its items.");
        resource(body, base + "/conformance", OgcApi.REL_CONFORMANCE, "Conformance", "一致性类",
                "The conformance classes of OGC API Features this service implements.");
        resource(body, base + "/api", "service-doc", "API definition", "接口定义",
                "The operations of this API; the OpenAPI 3.0 document is linked from there.");
        body.raw("</ul>\n");
        links(body, landing.links());
        return page(landing.title(), List.of(new Crumb("Home", "首页", null)), base, body);
    }

    String conformance(FeaturesController.Conformance conformance) {
        Body body = new Body();
        body.raw("<h1>Conformance classes ").zh("一致性类").raw("</h1>\n");
        body.raw("<p>This service implements these conformance classes of OGC API Features.</p>\n");
        body.raw("<ul class=\"ogc-conformance\">\n");
        for (String uri : conformance.conformsTo()) {
            String name = CONFORMANCE_NAMES.get(uri);
            body.raw("<li>");
            if (name != null) {
                body.text(name).raw(": ");
            }
            body.raw("<a href=\"").text(uri).raw("\"><code>").text(uri).raw("</code></a></li>\n");
        }
        body.raw("</ul>\n");
        links(body, List.of(new FeatureJsonWriter.Link(base + "/conformance", OgcApi.REL_SELF, OgcApi.JSON,
                "Conformance classes")));
        return page("Conformance classes", List.of(home(), new Crumb("Conformance", "一致性类", null)),
                base + "/conformance", body);
    }

    /** The collections, from the JSON of {@link FeaturesController.CollectionList}. */
    String collections(JsonNode list) {
        Body body = new Body();
        body.raw("<h1>Collections ").zh("要素集").raw("</h1>\n");
        body.raw("<table class=\"ogc-table\">\n<thead><tr>");
        header(body, "Collection", "要素集");
        header(body, "Description", "说明");
        header(body, "Extent (CRS84)", "范围");
        header(body, "Items", "要素");
        body.raw("</tr></thead>\n<tbody>\n");
        for (JsonNode collection : list.path("collections")) {
            String id = collection.path("id").asString();
            String url = base + "/collections/" + id;
            body.raw("<tr data-collection=\"").text(id).raw("\"><th scope=\"row\">");
            anchor(body, withFormat(url, "html"), "item", HTML, null).text(collection.path("title").asString())
                    .raw("</a><br />");
            body.raw("<code>").text(id).raw("</code> · ");
            anchor(body, withFormat(url, "json"), "item", OgcApi.JSON, null).raw("JSON</a>");
            body.raw("</th><td>").text(collection.path("description").asString(""))
                    .raw("</td><td>").text(extentText(collection.path("extent"))).raw("</td><td>");
            itemsLinks(body, id);
            body.raw("</td></tr>\n");
        }
        body.raw("</tbody>\n</table>\n");
        links(body, links(list.path("links")));
        return page("Collections", List.of(home(), new Crumb("Collections", "要素集", null)), base + "/collections",
                body);
    }

    /**
     * One collection, from the JSON of {@link FeaturesController.CollectionView}: every member of it (members this
     * page does not know are listed as they are), its queryables, and a map of its extent.
     */
    String collection(JsonNode collection, List<String> queryables) {
        String id = collection.path("id").asString();
        String title = collection.path("title").asString(id);
        String url = base + "/collections/" + id;
        Body body = new Body();
        body.raw("<h1>").text(title).raw("</h1>\n");
        body.raw("<p class=\"ogc-description\">").text(collection.path("description").asString("")).raw("</p>\n");
        body.raw("<div class=\"ogc-columns\">\n<dl class=\"ogc-facts\">\n");
        fact(body, "Identifier", "标识").raw("<code>").text(id).raw("</code></dd>\n");
        for (Map.Entry<String, JsonNode> member : collection.properties()) {
            switch (member.getKey()) {
                case "id", "title", "description", "links" -> {
                }
                case "itemType" -> fact(body, "Item type", "要素类型").text(member.getValue().asString()).raw("</dd>\n");
                case "extent" -> fact(body, "Extent (CRS84)", "空间范围").text(extentText(member.getValue()))
                        .raw("</dd>\n");
                case "crs" -> {
                    fact(body, "Coordinate reference systems", "坐标参考系");
                    for (JsonNode crs : member.getValue()) {
                        body.raw("<code>").text(crs.asString()).raw("</code><br />");
                    }
                    body.raw("</dd>\n");
                }
                case "storageCrs" -> fact(body, "Storage CRS", "存储坐标系").raw("<code>")
                        .text(member.getValue().asString()).raw("</code></dd>\n");
                default -> body.raw("<dt><code>").text(member.getKey()).raw("</code></dt><dd>")
                        .text(member.getValue().isString() ? member.getValue().asString() : member.getValue().toString())
                        .raw("</dd>\n");
            }
        }
        fact(body, "Queryables", "可筛选属性");
        if (queryables.isEmpty()) {
            body.raw("—");
        }
        for (String queryable : queryables) {
            body.raw("<code>").text(queryable).raw("</code> ");
        }
        body.raw("</dd>\n");
        fact(body, "Items", "要素");
        itemsLinks(body, id);
        body.raw("</dd>\n</dl>\n");
        List<Double> bbox = bbox(collection.path("extent"));
        if (bbox != null) {
            body.raw("<figure class=\"ogc-map-figure\"><div id=\"map\" class=\"ogc-map\" data-collection=\"")
                    .text(id).raw("\" data-bbox=\"");
            for (int i = 0; i < bbox.size(); i++) {
                body.raw(i == 0 ? "" : ",").text(number(bbox.get(i)));
            }
            body.raw("\" role=\"img\" aria-label=\"Map of the collection's extent\"></div>")
                    .raw("<figcaption>Extent ").zh("空间范围").raw("</figcaption></figure>\n");
        }
        body.raw("</div>\n");
        links(body, links(collection.path("links")));
        return page(title, List.of(home(), collectionsCrumb(), new Crumb(title, null, null)), url, body, bbox != null);
    }

    /**
     * The items page: the features of one page of the JSON answer in a table, its paging links, and its
     * GeoJSON for the map.
     *
     * @param query the request's query parameters without {@code f}, shown as the page's selection
     * @param contentCrs the JSON answer's {@code Content-Crs}, or null: the map is drawn for CRS84 only
     */
    String items(FeatureCollections.Collection<?> collection, byte[] geoJson, Map<String, List<String>> query,
            String contentCrs) {
        JsonNode page = JSON.readTree(geoJson);
        String collectionUrl = base + "/collections/" + collection.id();
        String itemsUrl = collectionUrl + "/items";
        JsonNode features = page.path("features");
        Body body = new Body();
        body.raw("<h1>").text(collection.title()).raw(" <small>Items ").zh("要素").raw("</small></h1>\n");
        long matched = page.path("numberMatched").asLong();
        long returned = page.path("numberReturned").asLong();
        body.raw("<p class=\"ogc-count\"><span id=\"number-returned\">").text(Long.toString(returned))
                .raw("</span> of <span id=\"number-matched\">").text(Long.toString(matched))
                .raw("</span> features on this page ").zh("本页" + returned + "个，共" + matched + "个").raw("</p>\n");
        if (!query.isEmpty()) {
            body.raw("<dl class=\"ogc-query\" aria-label=\"Query parameters\">\n");
            for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
                for (String value : parameter.getValue()) {
                    body.raw("<dt><code>").text(parameter.getKey()).raw("</code></dt><dd>").text(value)
                            .raw("</dd>\n");
                }
            }
            body.raw("</dl>\n");
        }
        pager(body, page.path("links"));
        boolean map = !features.isEmpty() && crs84(contentCrs);
        if (!features.isEmpty()) {
            if (map) {
                featuresMap(body, collection.id(), itemsUrl, "Map of the features on this page");
            } else {
                noMap(body, contentCrs);
            }
            List<String> names = propertyNames(features);
            body.raw("<table class=\"ogc-table ogc-items\">\n<thead><tr>");
            header(body, "Identifier", "标识");
            for (String name : names) {
                body.raw("<th scope=\"col\">");
                propertyLabel(body, name);
                body.raw("</th>");
            }
            body.raw("</tr></thead>\n<tbody>\n");
            for (JsonNode feature : features) {
                String id = feature.path("id").asString();
                body.raw("<tr data-feature-id=\"").text(id).raw("\"><th scope=\"row\">");
                anchor(body, withFormat(itemUrl(collectionUrl, id), "html"), "item", HTML, null).text(id)
                        .raw("</a></th>");
                for (String name : names) {
                    body.raw("<td data-property=\"").text(name).raw("\">");
                    value(body, name, feature.path("properties").get(name));
                    body.raw("</td>");
                }
                body.raw("</tr>\n");
            }
            body.raw("</tbody>\n</table>\n");
            pager(body, page.path("links"));
            if (map) {
                body.dataBlock(geoJson);
            }
        } else {
            body.raw("<p class=\"ogc-empty\">No features on this page. ").zh("本页无要素。").raw("</p>\n");
        }
        links(body, links(page.path("links")));
        String self = linkHref(page.path("links"), OgcApi.REL_SELF, itemsUrl);
        return page(collection.title() + " · Items", List.of(home(), collectionsCrumb(),
                new Crumb(collection.title(), null, withFormat(collectionUrl, "html")), new Crumb("Items", "要素", null)),
                self, body, map);
    }

    /**
     * One feature: its properties in a table, its map, its links.
     *
     * @param contentCrs the JSON answer's {@code Content-Crs}, or null: the map is drawn for CRS84 only
     */
    String item(FeatureCollections.Collection<?> collection, byte[] geoJson, String contentCrs) {
        JsonNode feature = JSON.readTree(geoJson);
        String collectionUrl = base + "/collections/" + collection.id();
        String id = feature.path("id").asString();
        JsonNode properties = feature.path("properties");
        Body body = new Body();
        body.raw("<h1>");
        String nameEn = properties.path("nameEn").isString() ? properties.path("nameEn").asString() : null;
        String nameZh = properties.path("nameZh").isString() ? properties.path("nameZh").asString() : null;
        if (nameEn != null || nameZh != null) {
            body.text(nameEn == null ? "" : nameEn).raw(nameEn == null ? "" : " ").zh(nameZh).raw(" <small><code>")
                    .text(id).raw("</code></small>");
        } else {
            body.text(id);
        }
        body.raw("</h1>\n<p>Feature <code>").text(id).raw("</code> of ");
        anchor(body, withFormat(collectionUrl, "html"), OgcApi.REL_COLLECTION, HTML, null).text(collection.title())
                .raw("</a></p>\n<div class=\"ogc-columns\">\n");
        body.raw("<table class=\"ogc-table ogc-properties\">\n<caption>Properties ").zh("属性")
                .raw("</caption>\n<tbody>\n");
        for (String name : properties.propertyNames()) {
            body.raw("<tr data-property=\"").text(name).raw("\"><th scope=\"row\">");
            propertyLabel(body, name);
            body.raw("</th><td>");
            value(body, name, properties.get(name));
            body.raw("</td></tr>\n");
        }
        body.raw("</tbody>\n</table>\n");
        boolean geometry = !feature.path("geometry").isNull() && !feature.path("geometry").isMissingNode();
        boolean map = geometry && crs84(contentCrs);
        if (map) {
            featuresMap(body, collection.id(), collectionUrl + "/items", "Map of the feature");
        } else if (geometry) {
            noMap(body, contentCrs);
        }
        body.raw("</div>\n");
        if (map) {
            body.dataBlock(geoJson);
        }
        links(body, links(feature.path("links")));
        String self = linkHref(feature.path("links"), OgcApi.REL_SELF, itemUrl(collectionUrl, id));
        return page(id + " · " + collection.title(), List.of(home(), collectionsCrumb(),
                new Crumb(collection.title(), null, withFormat(collectionUrl, "html")),
                new Crumb("Items", "要素", withFormat(collectionUrl + "/items", "html")), new Crumb(id, null, null)),
                self, body, map);
    }

    /** The API definition: its operations, from the OpenAPI document the JSON controller serves. */
    String apiDefinition(byte[] openApi) {
        JsonNode api = JSON.readTree(openApi);
        Body body = new Body();
        String title = api.path("info").path("title").asString("API definition");
        body.raw("<h1>").text(title).raw("</h1>\n");
        if (api.path("info").path("description").isString()) {
            body.raw("<p class=\"ogc-description\">").text(api.path("info").path("description").asString())
                    .raw("</p>\n");
        }
        body.raw("<p>OpenAPI ").text(api.path("openapi").asString()).raw(", version ")
                .text(api.path("info").path("version").asString()).raw(". ");
        anchor(body, withFormat(base + "/api", "json"), "service-desc", OgcApi.OPEN_API_JSON, null)
                .raw("The OpenAPI document ").zh("接口定义文档").raw("</a></p>\n");
        body.raw("<table class=\"ogc-table ogc-operations\">\n<thead><tr>");
        header(body, "Method", "方法");
        header(body, "Path", "路径");
        header(body, "Operation", "操作");
        body.raw("</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!List.of("get", "put", "post", "delete", "patch", "head", "options").contains(operation.getKey())) {
                    continue;
                }
                body.raw("<tr><td><code>").text(operation.getKey().toUpperCase(Locale.ROOT)).raw("</code></td><td>");
                if (operation.getKey().equals("get") && !path.getKey().contains("{")
                        && !path.getKey().equals("/api")) {
                    anchor(body, withFormat(base + (path.getKey().equals("/") ? "" : path.getKey()), "html"), null,
                            HTML, null).raw("<code>").text(path.getKey()).raw("</code></a>");
                } else {
                    body.raw("<code>").text(path.getKey()).raw("</code>");
                }
                JsonNode op = operation.getValue();
                body.raw("</td><td>").text(op.path("summary").asString(op.path("operationId").asString("")))
                        .raw("</td></tr>\n");
            }
        }
        body.raw("</tbody>\n</table>\n");
        return page("API definition", List.of(home(), new Crumb("API definition", "接口定义", null)), base + "/api",
                body);
    }

    /** A refusal or failure as a short page: the status, title and detail of the problem the one mapper wrote. */
    String error(int status, String title, String detail) {
        Body body = new Body();
        body.raw("<h1><span class=\"ogc-status-code\">").text(Integer.toString(status)).raw("</span> ")
                .text(title).raw(" ").zh(statusZh(status)).raw("</h1>\n");
        if (detail != null && !detail.isBlank()) {
            body.raw("<p class=\"ogc-problem-detail\">").text(detail).raw("</p>\n");
        }
        body.raw("<p>");
        anchor(body, withFormat(base, "html"), null, HTML, null).raw("The landing page ").zh("首页").raw("</a> · ");
        anchor(body, withFormat(base + "/collections", "html"), OgcApi.REL_DATA, HTML, null).raw("Collections ")
                .zh("要素集").raw("</a></p>\n");
        return page(status + " " + title, List.of(home()), null, body);
    }

    // ---- Parts of pages ---------------------------------------------------------------------------------------

    /** One step of the breadcrumbs: a label and the page it leads to (null for the page shown). */
    private record Crumb(String en, String zh, String href) {
    }

    private Crumb home() {
        return new Crumb("Home", "首页", withFormat(base, "html"));
    }

    private Crumb collectionsCrumb() {
        return new Crumb("Collections", "要素集", withFormat(base + "/collections", "html"));
    }

    private String page(String title, List<Crumb> crumbs, String jsonUrl, Body main) {
        return page(title, crumbs, jsonUrl, main, false);
    }

    /**
     * The whole document around {@code main}.
     *
     * @param jsonUrl the resource's URL without format (its JSON {@code self} link), or null for an error page
     * @param map whether the page has a map (and so loads Leaflet and the map module)
     */
    private String page(String title, List<Crumb> crumbs, String jsonUrl, Body main, boolean map) {
        Body page = new Body();
        page.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
                .raw("<title>").text(title).raw(crumbs.size() > 1 || crumbs.get(0).href() != null
                        ? " · Qilu Optics Valley OGC API | 齐鲁光谷" : "").raw("</title>\n");
        if (jsonUrl != null) {
            page.raw("<link rel=\"alternate\" type=\"application/json\" href=\"").text(withFormat(jsonUrl, "json"))
                    .raw("\" title=\"This document as JSON\" />\n");
        }
        if (map) {
            page.raw("<link rel=\"stylesheet\" href=\"/webjars/leaflet/dist/leaflet.css\" />\n");
        }
        page.raw("<link rel=\"stylesheet\" href=\"/css/ogc.css\" />\n");
        page.raw("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\" />\n");
        if (map) {
            // Leaflet (and Leaflet.draw, which js/core/leaflet.js insists on) are classic scripts from their
            // webjars; the map module runs after them, once the document is parsed.
            page.raw("<script src=\"/webjars/leaflet/dist/leaflet.js\"></script>\n")
                    .raw("<script src=\"/webjars/leaflet-draw/dist/leaflet.draw.js\"></script>\n")
                    .raw("<script type=\"module\" src=\"/js/ogc/map.js\"></script>\n");
        }
        page.raw("</head>\n<body class=\"ogc\">\n<header class=\"ogc-header\">\n<p class=\"ogc-service\">");
        anchor(page, withFormat(base, "html"), null, HTML, null).text(SERVICE_EN).raw(" ").zh(SERVICE_ZH)
                .raw("</a> <span class=\"ogc-api-name\">OGC API Features</span></p>\n");
        page.raw("<nav class=\"ogc-breadcrumbs\" aria-label=\"Breadcrumbs\"><ol>");
        for (Crumb crumb : crumbs) {
            page.raw("<li>");
            if (crumb.href() == null) {
                page.raw("<span aria-current=\"page\">");
            } else {
                page.raw("<a href=\"").text(crumb.href()).raw("\">");
            }
            page.text(crumb.en());
            if (crumb.zh() != null) {
                page.raw(" ").zh(crumb.zh());
            }
            page.raw(crumb.href() == null ? "</span>" : "</a>").raw("</li>");
        }
        page.raw("</ol></nav>\n");
        if (jsonUrl != null) {
            page.raw("<p class=\"ogc-formats\">This page as ");
            anchor(page, withFormat(jsonUrl, "json"), OgcApi.REL_ALTERNATE, OgcApi.JSON, "json-link").raw("JSON</a>")
                    .raw("</p>\n");
        }
        page.raw("</header>\n<main>\n").raw(main.toString()).raw("</main>\n");
        page.raw("<footer class=\"ogc-footer\"><p>").text(SERVICE_EN).raw(" ").zh(SERVICE_ZH)
                .raw(" · OGC API Features · GeoJSON in CRS84</p></footer>\n</body>\n</html>\n");
        return page.toString();
    }

    private void resource(Body body, String url, String rel, String en, String zh, String description) {
        body.raw("<li>");
        anchor(body, withFormat(url, "html"), rel, HTML, null).text(en).raw(" ").zh(zh).raw("</a>: ")
                .text(description).raw("</li>\n");
    }

    /**
     * The links of the JSON document, each as an {@code <a>} with its relation and media type, and, for each
     * resource of this API, its HTML page too. The JSON's {@code self} is this page's {@code alternate}.
     */
    private void links(Body body, List<FeatureJsonWriter.Link> links) {
        body.raw("<section class=\"ogc-links\">\n<h2>Links ").zh("链接").raw("</h2>\n<ul>\n");
        for (FeatureJsonWriter.Link link : links) {
            if (link.rel().equals(OgcApi.REL_ALTERNATE) && link.type().equals(OgcApi.HTML)) {
                continue; // the JSON's link to this very page
            }
            String title = link.title() == null ? link.href() : link.title();
            if (!link.href().startsWith(base) || !isJson(link.type())) {
                body.raw("<li>");
                anchor(body, link.href(), link.rel(), link.type(), null).text(title).raw("</a>");
                rel(body, link.rel());
                body.raw("</li>\n");
                continue;
            }
            boolean self = link.rel().equals(OgcApi.REL_SELF);
            String htmlRel = link.rel().equals(OgcApi.REL_SERVICE_DESC) ? "service-doc" : link.rel();
            String jsonRel = self ? OgcApi.REL_ALTERNATE : link.rel();
            body.raw("<li>");
            anchor(body, withFormat(link.href(), "html"), htmlRel, HTML, null)
                    .text(self ? "This page" : title.replaceFirst(" as GeoJSON$", "")).raw("</a>");
            rel(body, htmlRel);
            body.raw(" · ");
            anchor(body, withFormat(link.href(), "json"), jsonRel, link.type(), null).text(link.type()).raw("</a>");
            rel(body, jsonRel);
            body.raw("</li>\n");
        }
        body.raw("</ul>\n</section>\n");
    }

    /** True for the JSON media types, the ones whose resources have an HTML page too. */
    private static boolean isJson(String type) {
        return type != null && (type.equals(OgcApi.JSON) || type.equals(OgcApi.GEO_JSON)
                || type.startsWith("application/vnd.oai.openapi+json"));
    }

    private static void rel(Body body, String rel) {
        body.raw(" <code class=\"ogc-rel\">").text(rel).raw("</code>");
    }

    /** The links of a GeoJSON document, as records. */
    private static List<FeatureJsonWriter.Link> links(JsonNode links) {
        List<FeatureJsonWriter.Link> list = new ArrayList<>();
        for (JsonNode link : links) {
            list.add(new FeatureJsonWriter.Link(link.path("href").asString(), link.path("rel").asString(),
                    link.path("type").asString(), link.path("title").isString() ? link.path("title").asString() : null));
        }
        return list;
    }

    private static String linkHref(JsonNode links, String rel, String fallback) {
        for (JsonNode link : links) {
            if (rel.equals(link.path("rel").asString())) {
                return link.path("href").asString();
            }
        }
        return fallback;
    }

    /** Previous and next page, as HTML pages, when the JSON has them. */
    private void pager(Body body, JsonNode links) {
        String prev = linkHref(links, OgcApi.REL_PREV, null);
        String next = linkHref(links, OgcApi.REL_NEXT, null);
        if (prev == null && next == null) {
            return;
        }
        body.raw("<nav class=\"ogc-pager\" aria-label=\"Pages\">");
        if (prev != null) {
            anchor(body, withFormat(prev, "html"), OgcApi.REL_PREV, HTML, null).raw("← Previous page ").zh("上一页")
                    .raw("</a> ");
        }
        if (next != null) {
            anchor(body, withFormat(next, "html"), OgcApi.REL_NEXT, HTML, null).raw("Next page ").zh("下一页")
                    .raw(" →</a>");
        }
        body.raw("</nav>\n");
    }

    private void itemsLinks(Body body, String collectionId) {
        String items = base + "/collections/" + collectionId + "/items";
        anchor(body, withFormat(items, "html"), OgcApi.REL_ITEMS, HTML, null).raw("Browse ").zh("浏览").raw("</a> · ");
        anchor(body, withFormat(items, "json"), OgcApi.REL_ITEMS, OgcApi.GEO_JSON, null).raw("GeoJSON</a>");
    }

    private static void featuresMap(Body body, String collectionId, String itemsUrl, String label) {
        body.raw("<figure class=\"ogc-map-figure\"><div id=\"map\" class=\"ogc-map\" data-collection=\"")
                .text(collectionId).raw("\" data-features=\"").raw(FEATURES_BLOCK).raw("\" data-items-url=\"")
                .text(itemsUrl).raw("\" role=\"img\" aria-label=\"").text(label).raw("\"></div></figure>\n");
    }

    /** True for coordinates a web map can draw: CRS84 (longitude, latitude), the default when no CRS is named. */
    private static boolean crs84(String contentCrs) {
        return contentCrs == null || contentCrs.strip().equals("<" + Crs.CRS84_URI + ">");
    }

    private static void noMap(Body body, String contentCrs) {
        body.raw("<p class=\"ogc-no-map\">The map draws CRS84 coordinates; these are in <code>").text(contentCrs)
                .raw("</code>. ").zh("地图仅显示CRS84坐标。").raw("</p>\n");
    }

    private static Body fact(Body body, String en, String zh) {
        return body.raw("<dt>").text(en).raw(" ").zh(zh).raw("</dt><dd>");
    }

    private static void header(Body body, String en, String zh) {
        body.raw("<th scope=\"col\">").text(en).raw(" ").zh(zh).raw("</th>");
    }

    private static void propertyLabel(Body body, String name) {
        String[] label = PROPERTY_LABELS.get(name);
        if (label != null) {
            body.raw("<span class=\"ogc-label\">").text(label[0]).raw(" ").zh(label[1]).raw("</span> ");
        }
        body.raw("<code class=\"ogc-property\">").text(name).raw("</code>");
    }

    /** A property's value, with its bilingual meaning where the service has one. */
    private void value(Body body, String name, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            body.raw("—");
            return;
        }
        if (value.isBoolean()) {
            body.raw(value.booleanValue() ? "yes " : "no ").zh(value.booleanValue() ? "是" : "否");
            return;
        }
        if (value.isNumber()) {
            if (name.equals("areaM2")) {
                double m2 = value.doubleValue();
                body.text(String.format(Locale.ROOT, "%,.2f m²", m2)).raw(" <span class=\"ogc-aside\">(")
                        .text(String.format(Locale.ROOT, "%,.2f ha · %,.1f mu ", m2 / Crs.SQUARE_METRES_PER_HECTARE,
                                m2 / Crs.SQUARE_METRES_PER_MU))
                        .zh("亩").raw(")</span>");
            } else {
                body.text(number(value));
            }
            return;
        }
        if (name.equals("readiness") && value.isObject()) {
            readiness(body, value);
            return;
        }
        String text = value.isString() ? value.stringValue() : value.toString();
        String[] label = (name.equals("status") || name.equals("allocationState")) ? VALUE_LABELS.get(text) : null;
        LandUseCode landUse = name.equals("landUse") ? landUses.get(text) : null;
        if (name.equals("zone") && value.isString()) {
            anchor(body, withFormat(itemUrl(base + "/collections/zones", text), "html"), null, HTML, null)
                    .raw("<code>").text(text).raw("</code></a>");
        } else {
            body.raw(label != null || landUse != null ? "<code>" : "").text(text)
                    .raw(label != null || landUse != null ? "</code>" : "");
        }
        if (label != null) {
            body.raw(" <span class=\"ogc-value-label\">").text(label[0]).raw(" ").zh(label[1]).raw("</span>");
        } else if (landUse != null) {
            body.raw(" <span class=\"ogc-value-label\">").text(landUse.nameEn()).raw(" ").zh(landUse.nameZh())
                    .raw("</span>");
        }
    }

    /** Each readiness item: its bilingual name, ready or not, and its capacity. */
    private static void readiness(Body body, JsonNode items) {
        body.raw("<ul class=\"ogc-readiness\">");
        for (Readiness.Item item : Readiness.ITEMS) {
            JsonNode status = items.path(item.wireName());
            if (status.isMissingNode()) {
                continue;
            }
            boolean ready = status.path("ready").booleanValue();
            body.raw("<li data-ready=\"").raw(String.valueOf(ready)).raw("\">").text(item.nameEn()).raw(" ")
                    .zh(item.nameZh()).raw(ready ? ": ready " : ": not ready ").zh(ready ? "已具备" : "未具备");
            if (status.path("capacity").isString()) {
                body.raw(" <span class=\"ogc-aside\">(").text(status.path("capacity").stringValue()).raw(")</span>");
            }
            body.raw("</li>");
        }
        body.raw("</ul>");
    }

    /** The names of the features' properties, in the order they first appear. */
    private static List<String> propertyNames(JsonNode features) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode feature : features) {
            names.addAll(feature.path("properties").propertyNames());
        }
        return List.copyOf(names);
    }

    /** The first bbox of an extent ({@code {"spatial": {"bbox": [[w, s, e, n]]}}}), or null. */
    private static List<Double> bbox(JsonNode extent) {
        JsonNode box = extent.path("spatial").path("bbox").path(0);
        if (box.size() != 4) {
            return null;
        }
        List<Double> bbox = new ArrayList<>();
        box.forEach(n -> bbox.add(n.doubleValue()));
        return bbox.stream().allMatch(Double::isFinite) ? bbox : null;
    }

    private static String extentText(JsonNode extent) {
        List<Double> bbox = bbox(extent);
        if (bbox == null) {
            return "—";
        }
        return "lon " + number(bbox.get(0)) + " to " + number(bbox.get(2)) + ", lat " + number(bbox.get(1)) + " to "
                + number(bbox.get(3));
    }

    private static String number(JsonNode value) {
        return value.isIntegralNumber() ? value.asString() : number(value.doubleValue());
    }

    private static String number(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : Double.toString(value);
    }

    private static String statusZh(int status) {
        return switch (status) {
            case 400 -> "请求无效";
            case 401 -> "需要登录";
            case 403 -> "无权访问";
            case 404 -> "未找到";
            case 406 -> "无法提供所请求的格式";
            case 429 -> "请求过于频繁";
            case 503 -> "服务繁忙";
            default -> status >= 500 ? "服务出错" : "请求未完成";
        };
    }

    // ---- URLs and escaping ------------------------------------------------------------------------------------

    /** The URL of one feature, its id percent-encoded as one path segment (as the JSON controller builds it). */
    static String itemUrl(String collectionUrl, String featureId) {
        return UriComponentsBuilder.fromUriString(collectionUrl).pathSegment("items", featureId).build().encode()
                .toUriString();
    }

    /** {@code url} (already encoded, as the JSON links are) with {@code f} set to {@code format}. */
    static String withFormat(String url, String format) {
        return UriComponentsBuilder.fromUriString(url).replaceQueryParam(OgcApi.PARAM_FORMAT, format).build()
                .toUriString();
    }

    /** Text for element content or a quoted attribute value (see {@link MarkupText#escape}). */
    static String escape(String text) {
        return MarkupText.escape(text);
    }

    /**
     * JSON for a data block ({@code <script type="application/geo+json">}): the text of a script element ends at
     * the first {@code </script}, and {@code <!--} changes how it is parsed, so {@code <}, {@code >} and
     * {@code &} (which occur in JSON only inside strings) are written as JSON escapes; the JSON means the same.
     */
    static String scriptData(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Markup under construction: {@link #raw} for this class's own markup, {@link #text} for every value. */
    private static final class Body {

        private final StringBuilder out = new StringBuilder(8192);

        Body raw(String markup) {
            out.append(markup);
            return this;
        }

        Body text(String value) {
            out.append(escape(value));
            return this;
        }

        /** Chinese text, marked as such (screen readers switch voice, browsers pick CJK fonts). */
        Body zh(String value) {
            if (value != null && !value.isEmpty()) {
                out.append("<span class=\"zh\" lang=\"zh\">").append(escape(value)).append("</span>");
            }
            return this;
        }

        Body dataBlock(byte[] geoJson) {
            out.append("<script type=\"application/geo+json\" id=\"").append(FEATURES_BLOCK).append("\">")
                    .append(scriptData(geoJson)).append("</script>\n");
            return this;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    /** Opens an {@code <a>} with its link relation and media type; the caller writes the content and closes it. */
    private static Body anchor(Body body, String href, String rel, String type, String id) {
        body.raw("<a href=\"").text(href).raw("\"");
        if (rel != null) {
            body.raw(" rel=\"").text(rel).raw("\"");
        }
        if (type != null) {
            body.raw(" type=\"").text(type).raw("\"");
        }
        if (id != null) {
            body.raw(" id=\"").text(id).raw("\"");
        }
        return body.raw(">");
    }
}
