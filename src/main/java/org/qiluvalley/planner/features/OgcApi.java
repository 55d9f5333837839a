package org.qiluvalley.planner.features;

import java.util.List;

/**
 * The OGC API Features vocabulary in one place: media types, link relations, parameter names, conformance classes
 * (OGC 17-069r4, Part 1: Core; OGC 18-058, Part 2: Coordinate Reference Systems by Reference; OGC 19-079r2, Part 3:
 * Filtering, with CQL2, OGC 21-065).
 */
public final class OgcApi {

    public static final String ROOT = "/ogc";

    public static final String GEO_JSON = "application/geo+json";
    public static final String JSON = "application/json";
    public static final String HTML = "text/html";
    /** The media type of a queryables document (Part 3). */
    public static final String SCHEMA_JSON = "application/schema+json";
    public static final String OPEN_API_JSON = "application/vnd.oai.openapi+json;version=3.0";

    public static final String REL_SELF = "self";
    public static final String REL_ALTERNATE = "alternate";
    public static final String REL_SERVICE_DESC = "service-desc";
    public static final String REL_CONFORMANCE = "conformance";
    public static final String REL_DATA = "data";
    public static final String REL_ITEMS = "items";
    /** A download of the whole collection (OGC API Features Part 1, 7.14.2, recommendation 8). */
    public static final String REL_ENCLOSURE = "enclosure";
    public static final String REL_QUERYABLES = "http://www.opengis.net/def/rel/ogc/1.0/queryables";
    public static final String REL_COLLECTION = "collection";
    public static final String REL_NEXT = "next";
    public static final String REL_PREV = "prev";

    public static final String PARAM_BBOX = "bbox";
    public static final String PARAM_LIMIT = "limit";
    public static final String PARAM_OFFSET = "offset";
    public static final String PARAM_FORMAT = "f";
    /** Part 1: a date-time or interval; see {@code ItemsParameters#checkDatetime}. */
    public static final String PARAM_DATETIME = "datetime";
    /** Part 2: the CRS of the coordinates answered. */
    public static final String PARAM_CRS = "crs";
    /** Part 2: the CRS of the {@code bbox}. */
    public static final String PARAM_BBOX_CRS = "bbox-crs";

    /** Part 3: a CQL2 filter, its encoding and the CRS of its geometries. */
    public static final String PARAM_FILTER = "filter";
    public static final String PARAM_FILTER_LANG = "filter-lang";
    public static final String PARAM_FILTER_CRS = "filter-crs";

    /** Part 2: the CRS of the coordinates in a body, as {@code <uri>}. */
    public static final String HEADER_CONTENT_CRS = "Content-Crs";

    public static final String CONF_CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
    public static final String CONF_GEOJSON = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson";
    public static final String CONF_OAS30 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30";

    public static final String CONF_HTML = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html";
    public static final String CONF_CRS = "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs";

    /** Part 3 (OGC 19-079r2) and the CQL2 classes (OGC 21-065) this service's filters implement. */
    static final List<String> CONF_FILTERING = List.of(
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/property-property");

    static final List<String> CONFORMANCE = java.util.stream.Stream.of(
            List.of(CONF_CORE, CONF_GEOJSON, CONF_HTML, CONF_OAS30, CONF_CRS), CONF_FILTERING)
            .flatMap(List::stream).toList();

    private OgcApi() {
    }
}
