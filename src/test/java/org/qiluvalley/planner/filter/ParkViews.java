package org.qiluvalley.planner.filter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.parcel.ConstraintArea;
import org.qiluvalley.planner.parcel.Offer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.Place;
import org.qiluvalley.planner.parcel.PlanningIndicators;
import org.qiluvalley.planner.parcel.Readiness;
import org.qiluvalley.planner.parcel.Road;
import org.qiluvalley.planner.parcel.ValleyPart;
import org.qiluvalley.planner.parcel.Zone;

/**
 * The features of every collection as each audience sees them, written down by the tests from the README ("API
 * overview") and {@code features/FeatureCollections}: the public sees a live parcel's zone, area and status
 * ({@code available} or {@code unavailable}), and the land use, indicators, price and readiness of an available one
 * only; planners
 * every parcel with every field, its version and update time. The tests evaluate filters over these.
 */
public final class ParkViews {

    private ParkViews() {
    }

    public static String key(String collectionId, Audience audience) {
        return collectionId + "/" + audience;
    }

    /** Every collection's features for each audience, keyed by {@link #key}, each list in the store's order. */
    public static Map<String, List<FilterOracle.Feature>> of(List<Parcel> parcels, List<Zone> zones,
            List<ValleyPart> valley, List<ConstraintArea> constraints, List<Road> roads, List<Place> places) {
        Map<String, List<FilterOracle.Feature>> views = new LinkedHashMap<>();
        for (Audience audience : Audience.values()) {
            boolean planner = audience == Audience.PLANNER;
            views.put(key("parcels", audience), parcels.stream()
                    .filter(p -> planner || p.status() != ParcelStatus.WITHDRAWN).map(p -> parcel(p, planner)).toList());
            views.put(key("available-sites", audience), parcels.stream()
                    .filter(p -> p.status() == ParcelStatus.AVAILABLE).map(p -> parcel(p, planner)).toList());
            views.put(key("zones", audience), zones.stream().map(ParkViews::zone).toList());
            views.put(key("valley", audience), valley.stream().map(ParkViews::valley).toList());
            views.put(key("constraints", audience), constraints.stream().map(ParkViews::constraint).toList());
            views.put(key("roads", audience), roads.stream().filter(r -> r.kind().equals("centreline"))
                    .map(ParkViews::road).toList());
            views.put(key("road-reserves", audience), roads.stream().filter(r -> r.kind().equals("reserve"))
                    .map(ParkViews::road).toList());
            views.put(key("places", audience), places.stream().map(ParkViews::place).toList());
        }
        return views;
    }

    public static FilterOracle.Feature parcel(Parcel parcel, boolean planner) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("zone", parcel.zone());
        p.put("areaM2", GeoJson.round(parcel.areaSquareMetres(), 2));
        if (!planner && parcel.status() != ParcelStatus.AVAILABLE) {
            p.put("status", "unavailable");
        } else {
            PlanningIndicators ind = parcel.indicators();
            p.put("landUse", parcel.landUse());
            p.put("status", parcel.status().wireName());
            p.put("farMin", ind.farMin());
            p.put("farMax", ind.farMax());
            p.put("coverageMin", ind.coverageMin());
            p.put("coverageMax", ind.coverageMax());
            p.put("greenRatioMin", ind.greenRatioMin());
            p.put("greenRatioMax", ind.greenRatioMax());
            p.put("heightMaxMetres", ind.heightMaxMetres());
            p.put("setbackMetres", ind.setbackMetres());
            Offer offer = parcel.offer();
            if (offer != null) {
                putIfSet(p, "reservePriceWanYuan", offer.reservePriceWanYuan());
                putIfSet(p, "depositWanYuan", offer.depositWanYuan());
                // Written down here from the README: the price over the EPSG:4548 area in mu, to 0.01.
                putIfSet(p, "pricePerMuWanYuan", offer.reservePriceWanYuan() == null ? null
                        : GeoJson.round(offer.reservePriceWanYuan() / (parcel.areaSquareMetres() / (10_000.0 / 15)), 2));
                putIfSet(p, "fullyReady", offer.readiness() == null ? null
                        : offer.readiness().items().values().stream().allMatch(Readiness.Status::ready));
            }
            if (planner) {
                p.put("version", parcel.version());
                p.put("updatedAt", parcel.updatedAt().toString());
            }
        }
        return new FilterOracle.Feature(parcel.id(), p, parcel.crs84(), parcel.planar());
    }

    private static void putIfSet(Map<String, Object> properties, String name, Object value) {
        if (value != null) {
            properties.put(name, value);
        }
    }

    static FilterOracle.Feature zone(Zone z) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("nameEn", z.nameEn());
        p.put("nameZh", z.nameZh());
        p.put("category", z.category());
        p.put("allocatable", z.allocatable());
        p.put("areaM2", GeoJson.round(z.areaSquareMetres(), 2));
        return new FilterOracle.Feature(z.id(), p, z.crs84(), z.planar());
    }

    static FilterOracle.Feature valley(ValleyPart v) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", v.kind());
        if (v.phase() != null) {
            p.put("phase", v.phase());
        }
        p.put("nameEn", v.nameEn());
        p.put("nameZh", v.nameZh());
        p.put("areaM2", GeoJson.round(v.areaSquareMetres(), 2));
        return new FilterOracle.Feature(v.id(), p, v.crs84(), v.planar());
    }

    static FilterOracle.Feature constraint(ConstraintArea c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", c.kind().wireName());
        p.put("nameEn", c.nameEn());
        p.put("nameZh", c.nameZh());
        return new FilterOracle.Feature(c.id(), p, c.crs84(), c.planar());
    }

    static FilterOracle.Feature place(Place place) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", place.kind());
        p.put("nameEn", place.nameEn());
        p.put("nameZh", place.nameZh());
        p.put("source", place.source());
        return new FilterOracle.Feature(place.id(), p, place.crs84(), place.planar());
    }

    static FilterOracle.Feature road(Road r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", r.kind());
        p.put("nameEn", r.nameEn());
        p.put("nameZh", r.nameZh());
        p.put("roadClass", r.roadClass());
        p.put("redLineWidthMetres", r.redLineWidthMetres());
        return new FilterOracle.Feature(r.id(), p, r.crs84(), r.planar());
    }
}
