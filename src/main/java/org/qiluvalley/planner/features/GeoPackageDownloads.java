package org.qiluvalley.planner.features;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.errors.BusyException;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.filter.Audience;
import org.qiluvalley.planner.filter.Queryable;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.geo.OgcCrs;
import org.qiluvalley.planner.geopackage.GeoPackageFeature;
import org.qiluvalley.planner.geopackage.GeoPackageField;
import org.qiluvalley.planner.geopackage.GeoPackageGeometryType;
import org.qiluvalley.planner.geopackage.GeoPackageLayer;
import org.qiluvalley.planner.geopackage.GeoPackageWriter;
import org.qiluvalley.planner.parcel.FeatureQuery;
import org.qiluvalley.planner.parcel.Page;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /ogc/collections/{id}/items?f=gpkg}: the whole filtered collection (every page at once; {@code limit}
 * and {@code offset} do not apply) as a GeoPackage, one layer named after the collection, features in EPSG:4548
 * with the fields the caller may see (the public's, or for planners every field with the live allocation's).
 *
 * <p>Bounded, since anyone may ask: at most {@code valley.items.export-max-features} features (more is a 400 asking
 * for a narrower request), built in a temporary file a page at a time (the heap holds one page), at most
 * {@code valley.items.concurrent-exports} at once (one more is a 503 with {@code Retry-After}).
 */
@RestController
class GeoPackageDownloads {

    /** The value of {@code f} that asks for a GeoPackage. */
    static final String FORMAT = "gpkg";
    /** Features read from the store per query while a file is built. */
    private static final int PAGE = 2_000;
    /** The allocation fields planners also see on a parcel ({@link PlannerParcelFields}). */
    private static final List<String> ALLOCATION_FIELDS = List.of("allocationId", "allocationState", "allottee",
            "allotteeType");

    /** A parcel's readiness: an object in the GeoJSON, its JSON text in a GeoPackage's text field. */
    private static final String READINESS = "readiness";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FeaturesController reads;
    private final ParcelStore store;
    private final PlannerParcelFields plannerFields;
    private final ValleyProperties.Items limits;
    private final Semaphore slots;

    GeoPackageDownloads(FeaturesController reads, ParcelStore store, PlannerParcelFields plannerFields,
            ValleyProperties properties) {
        this.reads = reads;
        this.store = store;
        this.plannerFields = plannerFields;
        this.limits = properties.items();
        this.slots = new Semaphore(limits.concurrentExports());
    }

    @GetMapping(value = OgcApi.ROOT + "/collections/{collectionId}/items", params = OgcApi.PARAM_FORMAT + "=" + FORMAT)
    void download(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> query,
            Authentication who, HttpServletResponse response) throws IOException {
        FeatureCollections.Collection<?> collection = reads.collection(collectionId);
        boolean planner = Role.isPlanner(who);
        MultiValueMap<String, String> withoutFormat = new LinkedMultiValueMap<>(query);
        withoutFormat.remove(OgcApi.PARAM_FORMAT);
        ItemsParameters parameters = ItemsParameters.parse(withoutFormat, collection.propertyParameters(), 1, 1);
        if (parameters.crs() != OgcCrs.CRS84 && parameters.crs() != OgcCrs.CGCS2000_GK_CM_117E) {
            throw new InvalidInputException("a GeoPackage download is in " + OgcCrs.CGCS2000_GK_CM_117E.uri()
                    + "; leave crs out");
        }
        long matched = store.find(collection.layer(), reads.query(collection, parameters, planner, 0, 0))
                .numberMatched();
        if (matched > limits.exportMaxFeatures()) {
            throw new InvalidInputException("the request matches " + matched + " features; a GeoPackage download "
                    + "holds at most " + limits.exportMaxFeatures() + ": narrow it with bbox or filter");
        }
        if (!slots.tryAcquire()) {
            throw new BusyException("other GeoPackage downloads are being built; try again in a moment", 10);
        }
        try (GeoPackageWriter file = GeoPackageWriter.create(layer(collection, planner))) {
            for (int offset = 0; offset < matched; offset += PAGE) {
                FeatureQuery page = reads.query(collection, parameters, planner, offset, PAGE);
                Page<?> found = store.find(collection.layer(), page);
                List<FeatureView> views = found.items().stream().map(r -> collection.viewOf(r, planner)).toList();
                if (views.isEmpty()) {
                    break;
                }
                if (planner && collection.parcels()) {
                    plannerFields.addAllocations(views);
                }
                for (FeatureView view : views) {
                    file.add(new GeoPackageFeature(view.id(), CrsTransform.toPlanar(view.crs84()),
                            withReadinessAsText(view.properties())));
                }
            }
            long size = file.finish();
            response.setContentType(GeoPackageWriter.MEDIA_TYPE);
            response.setContentLengthLong(size);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + collection.id()
                    + GeoPackageWriter.FILE_EXTENSION + "\"");
            response.setHeader(OgcApi.HEADER_CONTENT_CRS, OgcCrs.CGCS2000_GK_CM_117E.headerValue());
            file.transferTo(response.getOutputStream());
        } finally {
            slots.release();
        }
    }

    /** The layer: the collection's geometry type and the properties the caller sees, typed as the queryables say. */
    static GeoPackageLayer layer(FeatureCollections.Collection<?> collection, boolean planner) {
        List<GeoPackageField> fields = new ArrayList<>();
        for (Queryable property : FeaturesController.queryables(collection)
                .visibleTo(planner ? Audience.PLANNER : Audience.PUBLIC)) {
            switch (property.type()) {
                case GEOMETRY -> {
                }
                case NUMBER -> fields.add(GeoPackageField.real(property.name()));
                case INTEGER, BOOLEAN -> fields.add(GeoPackageField.integer(property.name()));
                default -> fields.add(GeoPackageField.text(property.name()));
            }
        }
        if (collection.parcels()) {
            fields.add(GeoPackageField.text(READINESS));
        }
        if (planner && collection.parcels()) {
            ALLOCATION_FIELDS.forEach(name -> fields.add(GeoPackageField.text(name)));
        }
        return new GeoPackageLayer(collection.id(), geometryType(collection), fields);
    }

    /** The properties with a readiness object as its JSON text (a GeoPackage field holds no object). */
    private static Map<String, Object> withReadinessAsText(Map<String, Object> properties) {
        Object readiness = properties.get(READINESS);
        if (readiness == null) {
            return properties;
        }
        Map<String, Object> copy = new LinkedHashMap<>(properties);
        copy.put(READINESS, JSON.writeValueAsString(readiness));
        return copy;
    }

    private static GeoPackageGeometryType geometryType(FeatureCollections.Collection<?> collection) {
        Map<String, GeoPackageGeometryType> types = new LinkedHashMap<>();
        types.put(FeatureCollections.POLYGON, GeoPackageGeometryType.POLYGON);
        types.put(FeatureCollections.MULTI_POLYGON, GeoPackageGeometryType.MULTIPOLYGON);
        types.put(FeatureCollections.LINE_STRING, GeoPackageGeometryType.LINESTRING);
        types.put(FeatureCollections.POINT, GeoPackageGeometryType.POINT);
        GeoPackageGeometryType type = types.get(collection.geometryType());
        if (type == null) {
            throw new IllegalStateException("no GeoPackage type for " + collection.geometryType());
        }
        return type;
    }
}
