package org.qiluvalley.planner.features;

import java.util.List;

/**
 * The OGC API Features vocabulary in one place: media types, link relations, parameter names, conformance classes
 * (OGC 17-069r4, Part 1: Core).
 */
final class OgcApi {

    static final String ROOT = "/ogc";

    static final String GEO_JSON = "application/geo+json";
    static final String JSON = "application/json";
    static final String OPEN_API_JSON = "application/vnd.oai.openapi+json;version=3.0";

    static final String REL_SELF = "self";
    static final String REL_ALTERNATE = "alternate";
    static final String REL_SERVICE_DESC = "service-desc";
    static final String REL_CONFORMANCE = "conformance";
    static final String REL_DATA = "data";
    static final String REL_ITEMS = "items";
    static final String REL_COLLECTION = "collection";
    static final String REL_NEXT = "next";
    static final String REL_PREV = "prev";

    static final String PARAM_BBOX = "bbox";
    static final String PARAM_LIMIT = "limit";
    static final String PARAM_OFFSET = "offset";
    static final String PARAM_FORMAT = "f";

    static final String CONF_CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
    static final String CONF_GEOJSON = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson";
    static final String CONF_OAS30 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30";

    static final List<String> CONFORMANCE = List.of(CONF_CORE, CONF_GEOJSON, CONF_OAS30);

    private OgcApi() {
    }
}
