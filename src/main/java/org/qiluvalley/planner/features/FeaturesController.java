package org.qiluvalley.planner.features;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.qiluvalley.planner.geo.Crs;
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

    private final FeatureCollections collections;
    private final ParcelStore store;
    private final ValleyProperties properties;
    private final OpenApiDocument openApi;
    private final PlannerParcelFields plannerFields;
    private final PublicLinks links;

    FeaturesController(FeatureCollections collections, ParcelStore store, ValleyProperties properties,
            OpenApiDocument openApi, PlannerParcelFields plannerFields, PublicLinks links) {
        this.links = links;
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

    /** One collection; without features, it has no extent. */
    @JsonPropertyOrder({"id", "title", "description", "extent", "itemType", "crs", "links"})
    record CollectionView(String id, String title, String description, Extent extent, String itemType,
            List<String> crs, List<FeatureJsonWriter.Link> links) {
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
        return new LandingPage("Qilu Optics Valley land-planning service (齐鲁光谷用地规划)",
                "Parcels, zones, control lines and roads of the Qilu Optics Valley laser-industry park, "
                        + "Jinan, as OGC API Features. GeoJSON in CRS84; areas computed in EPSG:4548.",
                List.of(link(base, OgcApi.REL_SELF, OgcApi.JSON, "This document"),
                        link(base + "/api", OgcApi.REL_SERVICE_DESC, OgcApi.OPEN_API_JSON,
                                "The API definition (OpenAPI 3.0)"),
                        link(base + "/conformance", OgcApi.REL_CONFORMANCE, OgcApi.JSON, "Conformance classes"),
                        link(base + "/collections", OgcApi.REL_DATA, OgcApi.JSON, "The feature collections")));
    }

    @GetMapping(value = OgcApi.ROOT + "/conformance", produces = MediaType.APPLICATION_JSON_VALUE)
    Conformance conformance(@RequestParam MultiValueMap<String, String> query) {
        checkOnlyFormat(query);
        return new Conformance(OgcApi.CONFORMANCE);
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
                "The feature collections")), list);
    }

    @GetMapping(value = OgcApi.ROOT + "/collections/{collectionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    CollectionView collection(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> query) {
        checkOnlyFormat(query);
        return describe(collection(collectionId), base());
    }

    @GetMapping(OgcApi.ROOT + "/collections/{collectionId}/items")
    public ResponseEntity<byte[]> items(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> query,
            Authentication who) {
        FeatureCollections.Collection<?> collection = collection(collectionId);
        boolean planner = Role.isPlanner(who);
        ItemsParameters parameters = ItemsParameters.parse(query, collection.queryables(),
                properties.items().defaultLimit(), properties.items().maxLimit());
        Map<String, String> filters = new LinkedHashMap<>(parameters.propertyEquals());
        filters.putAll(collection.fixedFilters());
        Map<String, Set<String>> oneOf = collection.parcels() ? ParcelVisibility.statusFilter(filters, planner) : Map.of();
        Page<?> page = store.find(collection.layer(), new FeatureQuery(parameters.bbox(), null, filters,
                parameters.offset(), parameters.limit(), oneOf));
        List<FeatureView> views = page.items().stream().map(item -> collection.viewOf(item, planner)).toList();
        if (planner && collection.parcels()) {
            plannerFields.addAllocations(views);
        }

        String itemsUrl = base() + "/collections/" + collection.id() + "/items";
        List<FeatureJsonWriter.Link> links = new ArrayList<>();
        links.add(pageLink(itemsUrl, parameters, parameters.offset(), OgcApi.REL_SELF, "This page"));
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
        String timeStamp = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        return geoJson(FeatureJsonWriter.collection(views, page.numberMatched(), timeStamp, links));
    }

    @GetMapping(OgcApi.ROOT + "/collections/{collectionId}/items/{featureId}")
    public ResponseEntity<byte[]> item(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestParam MultiValueMap<String, String> query, Authentication who) {
        checkOnlyFormat(query);
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
        }
        ResponseEntity<byte[]> response = geoJson(FeatureJsonWriter.feature(view.get(), List.of(
                new FeatureJsonWriter.Link(self, OgcApi.REL_SELF, OgcApi.GEO_JSON, "This feature"),
                new FeatureJsonWriter.Link(collectionUrl, OgcApi.REL_COLLECTION, OgcApi.JSON, collection.title()))));
        if (record.get() instanceof Parcel parcel) {
            // A redacted parcel's tag follows what the public sees: one from the version would change when its
            // reservation is approved, telling the public what the redaction hides.
            String eTag = planner || parcel.status() == ParcelStatus.AVAILABLE ? ETags.of(parcel.version(), planner)
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
        return new CollectionView(collection.id(), collection.title(), collection.description(), extent, "feature",
                List.of(Crs.CRS84_URI), List.of(
                        link(url, OgcApi.REL_SELF, OgcApi.JSON, collection.title()),
                        link(url + "/items", OgcApi.REL_ITEMS, OgcApi.GEO_JSON, collection.title() + " as GeoJSON")));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }

    private static FeatureJsonWriter.Link link(String href, String rel, String type, String title) {
        return new FeatureJsonWriter.Link(href, rel, type, title);
    }

    private static FeatureJsonWriter.Link pageLink(String itemsUrl, ItemsParameters parameters, int offset, String rel,
            String title) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        if (parameters.bboxText() != null) {
            query.add(OgcApi.PARAM_BBOX, parameters.bboxText());
        }
        parameters.propertyEquals().forEach(query::add);
        query.add(OgcApi.PARAM_LIMIT, Integer.toString(parameters.limit()));
        query.add(OgcApi.PARAM_OFFSET, Integer.toString(offset));
        String href = UriComponentsBuilder.fromUriString(itemsUrl).queryParams(query).encode().build().toUriString();
        return new FeatureJsonWriter.Link(href, rel, OgcApi.GEO_JSON, title);
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
            throw new InvalidInputException("f must be json; this API serves JSON only");
        }
    }

    static ResponseEntity<byte[]> geoJson(byte[] body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(OgcApi.GEO_JSON)).body(body);
    }

    /** The absolute URL of the API's root ({@code .../ogc}); see {@link PublicLinks} for the host it names. */
    public String base() {
        return links.base() + OgcApi.ROOT;
    }
}
