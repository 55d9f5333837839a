package org.qiluvalley.planner.features;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.NotFoundException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.filter.Audience;
import org.qiluvalley.planner.filter.Filter;
import org.qiluvalley.planner.filter.FilterLanguage;
import org.qiluvalley.planner.filter.Operand;
import org.qiluvalley.planner.filter.Queryables;
import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.geo.OgcCrs;
import org.qiluvalley.planner.geopackage.GeoPackageWriter;
import org.qiluvalley.planner.parcel.FeatureQuery;
import org.qiluvalley.planner.parcel.Page;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.security.Role;
import org.qiluvalley.planner.web.PublicLinks;
import org.springframework.security.core.Authentication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * OGC API Features, Part 1 (Core, GeoJSON, OpenAPI 3.0), read side, rooted at {@code /ogc}. The routes mirror the
 * specification: landing page, conformance, API definition, collections, collection, items, item.
 */
@RestController
public class FeaturesController {

    /**
     * {@code timeStamp} of an items page: UTC, always to the millisecond, so that its length (and the body's) does not
     * depend on the clock ({@link Instant#toString} drops a zero fraction).
     */
    private static final DateTimeFormatter TIME_STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The queryable every collection's geometry is filtered by (OGC API Features Part 3). */
    private static final String GEOMETRY_QUERYABLE = "geometry";

    private final FeatureCollections collections;
    private final ParcelStore store;
    private final ValleyProperties properties;
    private final OpenApiDocument openApi;
    private final PlannerParcelFields plannerFields;
    private final PublicLinks links;
    /** The other OGC API building blocks served beside the features (the tiles): their links and classes. */
    private final List<OgcApiExtension> extensions;
    private final List<String> conformance;

    FeaturesController(FeatureCollections collections, ParcelStore store, ValleyProperties properties,
            OpenApiDocument openApi, PlannerParcelFields plannerFields, PublicLinks links,
            List<OgcApiExtension> extensions) {
        this.links = links;
        this.extensions = List.copyOf(extensions);
        this.conformance = java.util.stream.Stream.concat(OgcApi.CONFORMANCE.stream(),
                this.extensions.stream().flatMap(e -> e.conformance().stream())).distinct().toList();
        this.collections = collections;
        this.store = store;
        this.properties = properties;
        this.openApi = openApi;
        this.plannerFields = plannerFields;
    }

    /** The landing page. */
    @JsonPropertyOrder({"title", "description", "links"})
    record LandingPage(String title, String description, List<FeatureJsonWriter.Link> links) {
    }

    @JsonPropertyOrder({"conformsTo"})
    record Conformance(List<String> conformsTo) {
    }

    /** The collections; each as {@link CollectionView}. */
    @JsonPropertyOrder({"links", "collections"})
    record CollectionList(List<FeatureJsonWriter.Link> links, List<CollectionView> collections) {
    }

    /**
     * One collection; without features, it has no extent. {@code crs} lists every CRS its features can be asked in
     * (Part 2), {@code storageCrs} the one they are kept in: EPSG:4548, in which every area is measured.
     */
    @JsonPropertyOrder({"id", "title", "description", "extent", "itemType", "crs", "storageCrs", "links"})
    record CollectionView(String id, String title, String description, Extent extent, String itemType,
            List<String> crs, String storageCrs, List<FeatureJsonWriter.Link> links) {
    }

    @JsonPropertyOrder({"spatial"})
    record Extent(SpatialExtent spatial) {
    }

    /** One bounding box, minimum longitude and latitude then maximum, in {@code crs}. */
    @JsonPropertyOrder({"bbox", "crs"})
    record SpatialExtent(List<List<Double>> bbox, String crs) {
    }

    @GetMapping(value = {OgcApi.ROOT, OgcApi.ROOT + "/"}, produces = MediaType.APPLICATION_JSON_VALUE)
    LandingPage landingPage(@RequestParam MultiValueMap<String, String> query) {
        checkOnlyFormat(query);
        String base = base();
        List<FeatureJsonWriter.Link> links = new ArrayList<>(List.of(
                link(base, OgcApi.REL_SELF, OgcApi.JSON, "This document"), asHtml(base),
                link(base + "/api", OgcApi.REL_SERVICE_DESC, OgcApi.OPEN_API_JSON, "The API definition (OpenAPI 3.0)"),
                link(base + "/conformance", OgcApi.REL_CONFORMANCE, OgcApi.JSON, "Conformance classes"),
                link(base + "/collections", OgcApi.REL_DATA, OgcApi.JSON, "The feature collections")));
        extensions.forEach(e -> links.addAll(own(e.landingLinks(base))));
        return new LandingPage("Qilu Optics Valley land-planning service (齐鲁光谷用地规划)",
                "Parcels, zones, control lines and roads of the Qilu Optics Valley laser-industry park, "
                        + "Jinan, as OGC API Features and vector tiles (OGC API Tiles). GeoJSON in CRS84 or, on "
                        + "request, EPSG:4490, EPSG:4548 or EPSG:3857; areas computed in EPSG:4548.",
                links);
    }

    @GetMapping(value = OgcApi.ROOT + "/conformance", produces = MediaType.APPLICATION_JSON_VALUE)
    Conformance conformance(@RequestParam MultiValueMap<String, String> query) {
        checkOnlyFormat(query);
        return new Conformance(conformance);
    }

    @GetMapping(value = OgcApi.ROOT + "/api")
    ResponseEntity<byte[]> apiDefinition(@RequestParam MultiValueMap<String, String> query) {
        checkOnlyFormat(query);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(OgcApi.OPEN_API_JSON))
                .body(openApi.render(base()));
    }

    @GetMapping(value = OgcApi.ROOT + "/collections", produces = MediaType.APPLICATION_JSON_VALUE)
    CollectionList collections(@RequestParam MultiValueMap<String, String> query) {
        checkOnlyFormat(query);
        String base = base();
        List<CollectionView> list = new ArrayList<>();
        for (FeatureCollections.Collection<?> collection : collections.all()) {
            list.add(describe(collection, base));
        }
        return new CollectionList(List.of(link(base + "/collections", OgcApi.REL_SELF, OgcApi.JSON,
                "The feature collections"), asHtml(base + "/collections")), list);
    }

    @GetMapping(value = OgcApi.ROOT + "/collections/{collectionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    CollectionView collection(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> query) {
        checkOnlyFormat(query);
        return describe(collection(collectionId), base());
    }

    /**
     * The queryables of a collection (Part 3): a JSON Schema of the properties the caller may filter on, the public's
     * or, for planners, every one.
     */
    @GetMapping(OgcApi.ROOT + "/collections/{collectionId}/queryables")
    ResponseEntity<Map<String, Object>> queryables(@PathVariable String collectionId,
            @RequestParam MultiValueMap<String, String> query, Authentication who) {
        checkOnlyFormat(query);
        FeatureCollections.Collection<?> collection = collection(collectionId);
        String url = base() + "/collections/" + collection.id() + "/queryables";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(OgcApi.SCHEMA_JSON)).body(
                queryables(collection).jsonSchema(Role.isPlanner(who) ? Audience.PLANNER : Audience.PUBLIC, url));
    }

    @GetMapping(OgcApi.ROOT + "/collections/{collectionId}/items")
    public ResponseEntity<byte[]> items(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> query,
            Authentication who) {
        FeatureCollections.Collection<?> collection = collection(collectionId);
        boolean planner = Role.isPlanner(who);
        ItemsParameters parameters = ItemsParameters.parse(query, collection.propertyParameters(),
                properties.items().defaultLimit(), properties.items().maxLimit());
        // A GeoJSON page writes the CRS84 outlines only (re-projected when crs asks for another CRS).
        Page<?> page = store.find(collection.layer(), query(collection, parameters, planner, parameters.offset(),
                parameters.limit()).withoutPlanarOutlines());
        List<FeatureView> views = page.items().stream().map(item -> collection.viewOf(item, planner)).toList();
        if (planner && collection.parcels()) {
            plannerFields.addAllocations(views);
            plannerFields.addLineage(views);
        }

        String itemsUrl = base() + "/collections/" + collection.id() + "/items";
        List<FeatureJsonWriter.Link> links = new ArrayList<>();
        FeatureJsonWriter.Link self = pageLink(itemsUrl, parameters, parameters.offset(), OgcApi.REL_SELF, "This page");
        links.add(self);
        links.add(asHtml(self.href()));
        if (parameters.offset() + views.size() < page.numberMatched() && !views.isEmpty()) {
            links.add(pageLink(itemsUrl, parameters, parameters.offset() + parameters.limit(), OgcApi.REL_NEXT,
                    "Next page"));
        }
        if (parameters.offset() > 0) {
            links.add(pageLink(itemsUrl, parameters, Math.max(0, parameters.offset() - parameters.limit()),
                    OgcApi.REL_PREV, "Previous page"));
        }
        links.add(new FeatureJsonWriter.Link(base() + "/collections/" + collection.id(), OgcApi.REL_COLLECTION,
                OgcApi.JSON, collection.title()));
        String timeStamp = TIME_STAMP.format(Instant.now());
        return geoJson(FeatureJsonWriter.collection(views, page.numberMatched(), timeStamp, links, parameters.crs()),
                parameters.crs());
    }

    /**
     * What an items request selects, one page of it: the collection's fixed filters and the request's property
     * filters, bbox (its exact area as a spatial filter when the envelope says more) and CQL2 filter, and for the
     * public only what the public may see of the parcels.
     */
    FeatureQuery query(FeatureCollections.Collection<?> collection, ItemsParameters parameters, boolean planner,
            int offset, int limit) {
        Map<String, String> filters = new LinkedHashMap<>(parameters.propertyEquals());
        filters.putAll(collection.fixedFilters());
        Map<String, Set<String>> oneOf = collection.parcels() ? ParcelVisibility.statusFilter(filters, planner) : Map.of();
        if (planner && parameters.filter() != null && Filter.names(parameters.filter(), "status")) {
            // A planner's filter on status says which statuses it wants, withdrawn ones included.
            oneOf = Map.of();
        }
        FeatureQuery featureQuery = new FeatureQuery(parameters.bbox(), null, filters, offset, limit, oneOf);
        List<Filter> terms = new ArrayList<>();
        if (parameters.bboxArea() != null) {
            terms.add(new Filter.Spatial(Filter.SpatialOperator.INTERSECTS, new Operand.Property(GEOMETRY_QUERYABLE),
                    new Operand.GeometryLiteral(parameters.bboxArea())));
        }
        if (parameters.filter() != null) {
            terms.add(parameters.filter());
        }
        if (terms.isEmpty()) {
            return featureQuery;
        }
        Filter filter = terms.size() == 1 ? terms.get(0) : new Filter.And(terms);
        return featureQuery.withFilter(queryables(collection).bind(filter, planner ? Audience.PLANNER : Audience.PUBLIC));
    }

    @GetMapping(OgcApi.ROOT + "/collections/{collectionId}/items/{featureId}")
    public ResponseEntity<byte[]> item(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestParam MultiValueMap<String, String> query, Authentication who) {
        OgcCrs crs = itemCrs(query);
        FeatureCollections.Collection<?> collection = collection(collectionId);
        boolean planner = Role.isPlanner(who);
        Optional<?> record = store.findById(collection.layer(), featureId)
                .filter(r -> !(r instanceof Parcel parcel) || ParcelVisibility.visible(parcel, planner));
        Optional<FeatureView> view = record.map(r -> collection.viewOf(r, planner)).filter(collection::admits);
        if (view.isEmpty()) {
            throw new NotFoundException("collection " + collection.id() + " has no feature \""
                    + RefusedException.clip(featureId) + "\"");
        }
        String collectionUrl = base() + "/collections/" + collection.id();
        String self = UriComponentsBuilder.fromUriString(collectionUrl).pathSegment("items", featureId).build()
                .encode().toUriString();
        if (planner && collection.parcels()) {
            plannerFields.addAllocations(List.of(view.get()));
            plannerFields.addLineage(List.of(view.get()));
        }
        ResponseEntity<byte[]> response = geoJson(FeatureJsonWriter.feature(view.get(), List.of(
                new FeatureJsonWriter.Link(self, OgcApi.REL_SELF, OgcApi.GEO_JSON, "This feature"), asHtml(self),
                new FeatureJsonWriter.Link(collectionUrl, OgcApi.REL_COLLECTION, OgcApi.JSON, collection.title())),
                null, crs), crs);
        if (record.get() instanceof Parcel parcel) {
            // A redacted parcel's tag follows what the public sees: one from the version would change when its
            // reservation is approved, telling the public what the redaction hides.
            String eTag = planner || parcel.status() == ParcelStatus.AVAILABLE ? ETags.of(parcel.version(), planner, crs)
                    : ETags.ofRedacted(response.getBody());
            return ResponseEntity.ok().headers(response.getHeaders()).eTag(eTag).body(response.getBody());
        }
        return response;
    }

    // ---------------------------------------------------------------------------------------------------------

    public FeatureCollections.Collection<?> collection(String id) {
        return collections.find(id).orElseThrow(() -> new NotFoundException("no collection \""
                + RefusedException.clip(id) + "\"; the collections are "
                + String.join(", ", collections.all().stream().map(FeatureCollections.Collection::id).toList())));
    }

    private CollectionView describe(FeatureCollections.Collection<?> collection, String base) {
        String url = base + "/collections/" + collection.id();
        Extent extent = store.extentCrs84(collection.layer()).map(e -> new Extent(new SpatialExtent(
                List.of(List.of(round(e.getMinX()), round(e.getMinY()), round(e.getMaxX()), round(e.getMaxY()))),
                Crs.CRS84_URI))).orElse(null);
        List<FeatureJsonWriter.Link> links = new ArrayList<>(List.of(
                link(url, OgcApi.REL_SELF, OgcApi.JSON, collection.title()), asHtml(url),
                link(url + "/items", OgcApi.REL_ITEMS, OgcApi.GEO_JSON, collection.title() + " as GeoJSON"),
                link(url + "/queryables", OgcApi.REL_QUERYABLES, OgcApi.SCHEMA_JSON,
                        "The properties a filter may name"),
                link(url + "/items?" + OgcApi.PARAM_FORMAT + "=" + GeoPackageDownloads.FORMAT,
                        OgcApi.REL_ENCLOSURE, GeoPackageWriter.MEDIA_TYPE,
                        collection.title() + ", every feature, as a GeoPackage (EPSG:4548)")));
        extensions.forEach(e -> links.addAll(own(e.collectionLinks(base, collection.id()))));
        return new CollectionView(collection.id(), collection.title(), collection.description(), extent, "feature",
                OgcCrs.ALL.stream().map(OgcCrs::uri).toList(), OgcCrs.STORAGE.uri(), links);
    }

    private static List<FeatureJsonWriter.Link> own(List<OgcApiExtension.Link> links) {
        return links.stream().map(l -> link(l.href(), l.rel(), l.type(), l.title())).toList();
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }

    /** The {@code alternate} link to the HTML page of the resource at {@code url} (the HTML conformance class). */
    private static FeatureJsonWriter.Link asHtml(String url) {
        String href = UriComponentsBuilder.fromUriString(url).replaceQueryParam(OgcApi.PARAM_FORMAT, "html").build()
                .toUriString();
        return new FeatureJsonWriter.Link(href, OgcApi.REL_ALTERNATE, OgcApi.HTML, "This document as HTML");
    }

    private static FeatureJsonWriter.Link link(String href, String rel, String type, String title) {
        return new FeatureJsonWriter.Link(href, rel, type, title);
    }

    private static FeatureJsonWriter.Link pageLink(String itemsUrl, ItemsParameters parameters, int offset, String rel,
            String title) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        if (parameters.bboxText() != null) {
            query.add(OgcApi.PARAM_BBOX, parameters.bboxText());
            if (parameters.bboxCrs() != OgcCrs.CRS84) {
                query.add(OgcApi.PARAM_BBOX_CRS, parameters.bboxCrs().uri());
            }
        }
        if (parameters.datetime() != null) {
            query.add(OgcApi.PARAM_DATETIME, parameters.datetime());
        }
        parameters.propertyEquals().forEach(query::add);
        if (parameters.filterText() != null) {
            query.add(OgcApi.PARAM_FILTER, parameters.filterText());
            if (parameters.filterLanguage() != FilterLanguage.CQL2_TEXT) {
                query.add(OgcApi.PARAM_FILTER_LANG, parameters.filterLanguage().wireName());
            }
            if (parameters.filterCrs() != OgcCrs.CRS84) {
                query.add(OgcApi.PARAM_FILTER_CRS, parameters.filterCrs().uri());
            }
        }
        if (parameters.crs() != OgcCrs.CRS84) {
            query.add(OgcApi.PARAM_CRS, parameters.crs().uri());
        }
        query.add(OgcApi.PARAM_LIMIT, Integer.toString(parameters.limit()));
        query.add(OgcApi.PARAM_OFFSET, Integer.toString(offset));
        StringBuilder href = new StringBuilder(itemsUrl);
        char separator = '?';
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            for (String value : parameter.getValue()) {
                href.append(separator).append(queryValue(parameter.getKey())).append('=').append(queryValue(value));
                separator = '&';
            }
        }
        return new FeatureJsonWriter.Link(href.toString(), rel, OgcApi.GEO_JSON, title);
    }

    /**
     * A query name or value, percent-encoded (UTF-8) except for the characters that are safe in a query and read the
     * same by every server: letters, digits, {@code - . _ ~ , : /}. A {@code +} is encoded ({@code %2B}), which a
     * server would otherwise read as a space (a time zone offset in {@code datetime}, a number in {@code filter}), and
     * so are the braces and quotes of a CQL2-JSON filter.
     */
    static String queryValue(String text) {
        StringBuilder encoded = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~,:/".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    /** Metadata resources take no parameter but {@code f}; anything else is a 400 as the standard requires. */
    private static void checkOnlyFormat(MultiValueMap<String, String> query) {
        for (String name : query.keySet()) {
            if (!name.equals(OgcApi.PARAM_FORMAT)) {
                throw new InvalidInputException("unknown query parameter \"" + RefusedException.clip(name) + "\"");
            }
        }
        String format = query.getFirst(OgcApi.PARAM_FORMAT);
        if (format != null && !format.equals("json") && !format.equals("geojson")) {
            throw new InvalidInputException("f must be json or html");
        }
    }

    /** GeoJSON with its {@code Content-Crs} (Part 2: every response with coordinates says their CRS). */
    static ResponseEntity<byte[]> geoJson(byte[] body, OgcCrs crs) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(OgcApi.GEO_JSON))
                .header(OgcApi.HEADER_CONTENT_CRS, crs.headerValue()).body(body);
    }

    /** The {@code crs} of a single feature; its only other parameter is {@code f}. */
    private static OgcCrs itemCrs(MultiValueMap<String, String> query) {
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (!name.equals(OgcApi.PARAM_FORMAT) && !name.equals(OgcApi.PARAM_CRS)) {
                throw new InvalidInputException("unknown query parameter \"" + RefusedException.clip(name)
                        + "\"; a feature accepts crs and f");
            }
            if (parameter.getValue().size() > 1) {
                throw new InvalidInputException("query parameter \"" + name + "\" is given more than once");
            }
        }
        String format = query.getFirst(OgcApi.PARAM_FORMAT);
        if (format != null && !format.equals("json") && !format.equals("geojson")) {
            throw new InvalidInputException("f must be json, geojson or html");
        }
        String name = query.getFirst(OgcApi.PARAM_CRS);
        return name == null ? OgcCrs.CRS84 : OgcCrs.fromName(name).orElseThrow(() -> new InvalidInputException(
                "crs \"" + RefusedException.clip(name) + "\" is not supported; the CRSs are "
                        + String.join(", ", OgcCrs.ALL.stream().map(OgcCrs::uri).toList())));
    }

    /** The queryables of a collection: every collection served has them (checked by the API's tests). */
    static Queryables queryables(FeatureCollections.Collection<?> collection) {
        return Queryables.forCollection(collection.id()).orElseThrow(() -> new IllegalStateException(
                "collection " + collection.id() + " has no queryables"));
    }

    /** The absolute URL of the API's root ({@code .../ogc}); see {@link PublicLinks} for the host it names. */
    public String base() {
        return links.base() + OgcApi.ROOT;
    }
}
