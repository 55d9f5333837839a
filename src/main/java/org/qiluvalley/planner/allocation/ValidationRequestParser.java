package org.qiluvalley.planner.allocation;

import java.util.Set;

import org.locationtech.jts.geom.Geometry;
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
import org.qiluvalley.planner.rules.LeaseTerms;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.qiluvalley.planner.web.JsonBodies;
import org.qiluvalley.planner.web.JsonBodies.UnknownMember;
import org.qiluvalley.planner.web.JsonBodies.WrongType;

import tools.jackson.databind.JsonNode;

/**
 * Turns the body of {@code POST /api/allocations/validate} into a {@link Candidate}, refusing malformed input with
 * a 400 that says what to fix: unknown members, values of the wrong type (by binding, {@link JsonBodies}), bad
 * GeoJSON, unknown zone or land-use code, NaN, absurd values. What is well-formed but breaks the rule book is not
 * refused here: it becomes findings.
 */
final class ValidationRequestParser {

    static final int MAX_TEXT = 200;
    /** The rule of every text member of the allocation bodies. */
    static final String TEXT = "{name} must be a non-empty string of at most " + MAX_TEXT + " characters";
    private static final String INDICATOR = "indicator {name} must be a finite number";
    private static final Set<String> ALLOTTEE_TYPES = Set.of("enterprise", "facility");
    /** FAR beyond this is absurd input, not a plan to check. */
    static final double MAX_FAR = 100;
    /** Building height beyond this (metres) is absurd input. */
    static final double MAX_HEIGHT_METRES = 1_000;
    /**
     * The longest term a proposal may name: the largest statutory maximum of any use (residential, 70 years). Whether
     * the term is allowed for the land use is the rule book's {@code allocation.term}, a finding, not a 400.
     */
    static final int MAX_TERM_YEARS = LeaseTerms.LONGEST_YEARS;
    /** The rule of {@code termYears}, here and in a proposal. */
    static final String TERM = "termYears must be a whole number of years from 1 to " + MAX_TERM_YEARS;

    /** The body as sent; {@code geometry} is read by hand, with the guards of {@link SiteGeometry}. */
    @WrongType("the body must be a JSON object")
    record ValidationRequest(@WrongType(TEXT) String parcelId, JsonNode geometry, @WrongType(TEXT) String crs,
            @WrongType(TEXT) String zone, @WrongType(TEXT) String landUse, Indicators indicators,
            @WrongType(TEXT) String allotteeType, @WrongType(TERM) Integer termYears) {
    }

    /**
     * Proposed indicators as sent, here and in a proposal; ratios are fractions. {@code adminShare} and
     * {@code buildingCoefficient} are checked on industrial land only.
     */
    @WrongType("indicators must be an object with far, coverage, greenRatio, heightMetres, adminShare, "
            + "buildingCoefficient")
    @UnknownMember("unknown indicator \"{name}\"; accepted: far, coverage, greenRatio, heightMetres, adminShare, "
            + "buildingCoefficient")
    record Indicators(@WrongType(INDICATOR) Double far, @WrongType(INDICATOR) Double coverage,
            @WrongType(INDICATOR) Double greenRatio, @WrongType(INDICATOR) Double heightMetres,
            @WrongType(INDICATOR) Double adminShare, @WrongType(INDICATOR) Double buildingCoefficient) {
    }

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
    Parsed parse(byte[] body, boolean planner) {
        ValidationRequest sent = JsonBodies.read(body, ValidationRequest.class);
        ResponseCrs crs = ResponseCrs.CRS84;
        String crsName = text(sent.crs(), "crs");
        if (crsName != null) {
            crs = ResponseCrs.fromName(crsName).orElseThrow(() -> new InvalidInputException("crs \"" + RefusedException.clip(crsName)
                    + "\" is not supported; use " + ResponseCrs.CRS84.uri() + " or " + ResponseCrs.PLANAR.uri()));
        }
        String parcelId = text(sent.parcelId(), "parcelId");
        Parcel parcel = null;
        if (parcelId != null) {
            parcel = store.findById(Layer.PARCELS, parcelId)
                    .filter(p -> planner || p.status().isLive()).orElseThrow(
                    () -> new InvalidInputException("parcelId \"" + RefusedException.clip(parcelId) + "\" is not a parcel of the plan"));
        }
        Geometry planar;
        if (sent.geometry() != null && !sent.geometry().isNull()) {
            planar = SiteGeometry.parse(sent.geometry(), crs);
        } else if (parcel != null) {
            planar = parcel.planar();
        } else {
            throw new InvalidInputException("give a parcelId or a geometry (a GeoJSON Polygon)");
        }
        String zone = text(sent.zone(), "zone");
        if (zone == null) {
            if (parcel == null) {
                throw new InvalidInputException("zone is required for a drawn site; zones: "
                        + String.join(", ", book.zoneIds()));
            }
            zone = parcel.zone();
        } else if (book.zone(zone).isEmpty()) {
            throw new InvalidInputException("unknown zone \"" + RefusedException.clip(zone) + "\"; zones: " + String.join(", ", book.zoneIds()));
        }
        String landUse = text(sent.landUse(), "landUse");
        if (landUse == null) {
            if (parcel == null) {
                throw new InvalidInputException("landUse is required for a drawn site");
            }
            landUse = parcel.landUse();
        } else if (book.landUse(landUse).isEmpty()) {
            throw new InvalidInputException("unknown land-use code \"" + RefusedException.clip(landUse) + "\"; codes: "
                    + String.join(", ", book.landUseCodes().keySet()));
        }
        String allotteeType = text(sent.allotteeType(), "allotteeType");
        if (allotteeType != null && !ALLOTTEE_TYPES.contains(allotteeType)) {
            throw new InvalidInputException("allotteeType must be enterprise or facility");
        }
        return new Parsed(new Candidate(parcelId, planar, zone, landUse, indicators(sent.indicators()),
                allotteeType, null, termYears(sent.termYears(), false)), crs, parcel);
    }

    /**
     * A term of years, 1 to {@value #MAX_TERM_YEARS}; absent is null (not checked) unless {@code required}.
     */
    static Integer termYears(Integer sent, boolean required) {
        if (sent == null && !required) {
            return null;
        }
        if (sent == null || sent < 1 || sent > MAX_TERM_YEARS) {
            throw new InvalidInputException(TERM);
        }
        return sent;
    }

    static Candidate.ProposedIndicators indicators(Indicators sent) {
        if (sent == null) {
            return Candidate.ProposedIndicators.NONE;
        }
        return new Candidate.ProposedIndicators(number(sent.far(), "far", MAX_FAR), number(sent.coverage(), "coverage", 1),
                number(sent.greenRatio(), "greenRatio", 1), number(sent.heightMetres(), "heightMetres", MAX_HEIGHT_METRES),
                number(sent.adminShare(), "adminShare", 1), number(sent.buildingCoefficient(), "buildingCoefficient", 1));
    }

    private static Double number(Double value, String name, double max) {
        if (value == null) {
            return null;
        }
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(INDICATOR.replace("{name}", name));
        }
        if (value < 0 || value > max) {
            throw new InvalidInputException("indicator " + name + " must be between 0 and " + GeoJson.round(max, 2)
                    + (max == 1 ? " (a fraction: 0.45 for 45%)" : "") + ", got " + value);
        }
        return value;
    }

    /** A text member: null when absent; a string, not blank and at most {@value #MAX_TEXT} characters. */
    static String text(String value, String name) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > MAX_TEXT) {
            throw new InvalidInputException(TEXT.replace("{name}", name));
        }
        return value;
    }
}
