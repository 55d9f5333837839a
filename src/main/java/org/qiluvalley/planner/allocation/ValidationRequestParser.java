package org.qiluvalley.planner.allocation;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.geo.GeoJson;
import org.qiluvalley.planner.geo.ResponseCrs;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.planning.SiteGeometry;
import org.qiluvalley.planner.rules.Candidate;
import org.qiluvalley.planner.rules.ZoningRuleBook;

import tools.jackson.databind.JsonNode;

/**
 * Turns the body of {@code POST /api/allocations/validate} into a {@link Candidate}, refusing malformed input with
 * a 400 that says what to fix: unknown members, bad GeoJSON, unknown zone or land-use code, non-numbers, NaN,
 * absurd values. What is well-formed but breaks the rule book is not refused here: it becomes findings.
 */
final class ValidationRequestParser {

    private static final Set<String> MEMBERS = Set.of("parcelId", "geometry", "crs", "zone", "landUse", "indicators",
            "allotteeType");
    private static final Set<String> INDICATORS = Set.of("far", "coverage", "greenRatio", "heightMetres");
    private static final Set<String> ALLOTTEE_TYPES = Set.of("enterprise", "facility");
    /** FAR beyond this is absurd input, not a plan to check. */
    static final double MAX_FAR = 100;
    /** Building height beyond this (metres) is absurd input. */
    static final double MAX_HEIGHT_METRES = 1_000;

    /**
     * A parsed request: the candidate (EPSG:4548), the CRS the client speaks, and the existing parcel it names (or
     * null for a drawn site).
     */
    record Parsed(Candidate candidate, ResponseCrs crs, Parcel parcel) {
    }

    private final ParcelStore store;
    private final ZoningRuleBook book;

    ValidationRequestParser(ParcelStore store, ZoningRuleBook book) {
        this.store = store;
        this.book = book;
    }

    /**
     * @param planner whether the caller may see every parcel; for anyone else a withdrawn parcel is no parcel of
     *     the plan, exactly as an id that never existed
     */
    Parsed parse(JsonNode body, boolean planner) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("the body must be a JSON object");
        }
        for (Iterator<String> names = body.propertyNames().iterator(); names.hasNext();) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw new InvalidInputException("unknown member \"" + RefusedException.clip(name) + "\"; accepted: "
                        + String.join(", ", MEMBERS.stream().sorted().toList()));
            }
        }
        ResponseCrs crs = ResponseCrs.CRS84;
        String crsName = text(body, "crs");
        if (crsName != null) {
            crs = ResponseCrs.fromName(crsName).orElseThrow(() -> new InvalidInputException("crs \"" + RefusedException.clip(crsName)
                    + "\" is not supported; use " + ResponseCrs.CRS84.uri() + " or " + ResponseCrs.PLANAR.uri()));
        }
        String parcelId = text(body, "parcelId");
        Parcel parcel = null;
        if (parcelId != null) {
            parcel = store.findById(Layer.PARCELS, parcelId)
                    .filter(p -> planner || p.status() != ParcelStatus.WITHDRAWN).orElseThrow(
                    () -> new InvalidInputException("parcelId \"" + RefusedException.clip(parcelId) + "\" is not a parcel of the plan"));
        }
        Geometry planar;
        if (body.has("geometry") && !body.get("geometry").isNull()) {
            planar = SiteGeometry.parse(body.get("geometry"), crs);
        } else if (parcel != null) {
            planar = parcel.planar();
        } else {
            throw new InvalidInputException("give a parcelId or a geometry (a GeoJSON Polygon)");
        }
        String zone = text(body, "zone");
        if (zone == null) {
            if (parcel == null) {
                throw new InvalidInputException("zone is required for a drawn site; zones: "
                        + String.join(", ", book.zoneIds()));
            }
            zone = parcel.zone();
        } else if (book.zone(zone).isEmpty()) {
            throw new InvalidInputException("unknown zone \"" + RefusedException.clip(zone) + "\"; zones: " + String.join(", ", book.zoneIds()));
        }
        String landUse = text(body, "landUse");
        if (landUse == null) {
            if (parcel == null) {
                throw new InvalidInputException("landUse is required for a drawn site");
            }
            landUse = parcel.landUse();
        } else if (book.landUse(landUse).isEmpty()) {
            throw new InvalidInputException("unknown land-use code \"" + RefusedException.clip(landUse) + "\"; codes: "
                    + String.join(", ", book.landUseCodes().keySet()));
        }
        String allotteeType = text(body, "allotteeType");
        if (allotteeType != null && !ALLOTTEE_TYPES.contains(allotteeType)) {
            throw new InvalidInputException("allotteeType must be enterprise or facility");
        }
        return new Parsed(new Candidate(parcelId, planar, zone, landUse, indicators(body.get("indicators")),
                allotteeType), crs, parcel);
    }

    static Candidate.ProposedIndicators indicators(JsonNode node) {
        if (node == null || node.isNull()) {
            return Candidate.ProposedIndicators.NONE;
        }
        if (!node.isObject()) {
            throw new InvalidInputException("indicators must be an object with far, coverage, greenRatio, heightMetres");
        }
        for (String name : List.copyOf(node.propertyNames())) {
            if (!INDICATORS.contains(name)) {
                throw new InvalidInputException("unknown indicator \"" + RefusedException.clip(name) + "\"; accepted: far, coverage, "
                        + "greenRatio, heightMetres");
            }
        }
        return new Candidate.ProposedIndicators(number(node, "far", MAX_FAR), number(node, "coverage", 1),
                number(node, "greenRatio", 1), number(node, "heightMetres", MAX_HEIGHT_METRES));
    }

    private static Double number(JsonNode parent, String name, double max) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw new InvalidInputException("indicator " + name + " must be a finite number");
        }
        double value = node.doubleValue();
        if (value < 0 || value > max) {
            throw new InvalidInputException("indicator " + name + " must be between 0 and " + GeoJson.round(max, 2)
                    + (max == 1 ? " (a fraction: 0.45 for 45%)" : "") + ", got " + value);
        }
        return value;
    }

    static String text(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString() || node.stringValue().isBlank() || node.stringValue().length() > 200) {
            throw new InvalidInputException(name + " must be a non-empty string of at most 200 characters");
        }
        return node.stringValue();
    }
}
