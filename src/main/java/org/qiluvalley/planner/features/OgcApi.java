package org.qiluvalley.planner.features;

import java.util.List;

/**
 * The OGC API Features vocabulary in one place: media types, link relations, parameter names, conformance classes
 * (OGC 17-069r4, Part 1: Core).
 */
public final class OgcApi {

    public static final String ROOT = "/ogc";

    public static final String GEO_JSON = "application/geo+json";
    public static final String JSON = "application/json";
    public static final String OPEN_API_JSON = "application/vnd.oai.openapi+json;version=3.0";

    public static final String REL_SELF = "self";
    public static final String REL_ALTERNATE = "alternate";
    public static final String REL_SERVICE_DESC = "service-desc";
    public static final String REL_CONFORMANCE = "conformance";
    public static final String REL_DATA = "data";
    public static final String REL_ITEMS = "items";
    public static final String REL_COLLECTION = "collection";
    public static final String REL_NEXT = "next";
    public static final String REL_PREV = "prev";

    public static final String PARAM_BBOX = "bbox";
    public static final String PARAM_LIMIT = "limit";
    public static final String PARAM_OFFSET = "offset";
    public static final String PARAM_FORMAT = "f";

    public static final String CONF_CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
    public static final String CONF_GEOJSON = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson";
    public static final String CONF_OAS30 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30";

    static final List<String> CONFORMANCE = List.of(CONF_CORE, CONF_GEOJSON, CONF_OAS30);

    private OgcApi() {
    }
}
