package org.qiluvalley.planner.map;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.geo.GeoJson;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code GET /api/parcels/density?bbox=minLon,minLat,maxLon,maxLat&zoom=z}: the public parcel counts per cell of the
 * EPSG:4548 grid the zoom picks ({@link DensityLevels}), for the cells the bbox touches, as a GeoJSON
 * FeatureCollection in CRS84. Public data only: available parcels with their area, and reserved plus allocated
 * parcels as one "unavailable" count; withdrawn parcels and planner-only fields never.
 */
@RestController
@Tag(name = "Map")
class DensityController {

    static final String GEO_JSON = "application/geo+json";
    private static final JsonFactory JSON = new JsonFactory();
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/Problem";

    /** The answer's shape, for the OpenAPI document only (the answer is written below, member by member). */
    @Schema(description = "The non-empty cells of the grid that the bbox touches, as a GeoJSON FeatureCollection "
            + "(CRS84). Public counts only: available parcels and their area, reserved and allocated parcels together "
            + "as unavailable; withdrawn parcels never count.")
    record DensityCells(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "FeatureCollection")
            String type,
            @Schema(description = "The cell size the zoom picked: 250 m from zoom 14 up, 500 m at 13, 1 km at 12, "
                    + "2 km at 11, 4 km at 10 and below.", requiredMode = RequiredMode.REQUIRED,
                    allowableValues = {"250", "500", "1000", "2000", "4000"}) int cellSizeMetres,
            @Schema(description = "The CRS of the grid (cells anchored at its origin).",
                    requiredMode = RequiredMode.REQUIRED, example = "http://www.opengis.net/def/crs/EPSG/0/4548")
            String gridCrs,
            @Schema(description = "Of the cells returned.", requiredMode = RequiredMode.REQUIRED) DensityCounts totals,
            @Schema(description = "Of the whole register.", requiredMode = RequiredMode.REQUIRED)
            DensityCounts register,
            @ArraySchema(arraySchema = @Schema(description = "The bbox (CRS84: minLon, minLat, maxLon, maxLat) of the "
                    + "register's 250 m cells, or null for an empty register.", types = {"array", "null"},
                    requiredMode = RequiredMode.REQUIRED), minItems = 4, maxItems = 4) List<Double> registerBbox,
            @Schema(requiredMode = RequiredMode.REQUIRED) int numberReturned,
            @Schema(requiredMode = RequiredMode.REQUIRED) List<DensityCell> features) {
    }

    @Schema(description = "One cell: its square and its counts.")
    record DensityCell(@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "Feature") String type,
            @Schema(description = "size:column:row", requiredMode = RequiredMode.REQUIRED, example = "1000:509:4071")
            String id,
            @Schema(description = "The cell's square as a CRS84 Polygon.", requiredMode = RequiredMode.REQUIRED,
                    ref = "#/components/schemas/GeoJsonGeometry") Object geometry,
            @Schema(requiredMode = RequiredMode.REQUIRED) CellCounts properties) {
    }

    @Schema(description = "Parcel counts; areas measured in EPSG:4548.")
    record DensityCounts(
            @Schema(description = "Available parcels.", requiredMode = RequiredMode.REQUIRED) long available,
            @Schema(requiredMode = RequiredMode.REQUIRED) double availableAreaM2,
            @Schema(requiredMode = RequiredMode.REQUIRED) double availableAreaHa,
            @Schema(description = "Reserved and allocated parcels.", requiredMode = RequiredMode.REQUIRED)
            long unavailable) {
    }

    @Schema(description = "A cell's position and counts: column and row cover easting [column x size, (column + 1) "
            + "x size) and northing likewise, metres in EPSG:4548. A parcel counts in the cell of the centre of its "
            + "EPSG:4548 bounding box.")
    record CellCounts(@Schema(requiredMode = RequiredMode.REQUIRED) long column,
            @Schema(requiredMode = RequiredMode.REQUIRED) long row,
            @Schema(requiredMode = RequiredMode.REQUIRED) long available,
            @Schema(requiredMode = RequiredMode.REQUIRED) double availableAreaM2,
            @Schema(requiredMode = RequiredMode.REQUIRED) double availableAreaHa,
            @Schema(requiredMode = RequiredMode.REQUIRED) long unavailable) {
    }

    private final ParcelDensity density;

    DensityController(ParcelDensity density) {
        this.density = density;
    }

    @Operation(operationId = "getParcelDensity", summary = "Parcel counts per grid cell (the zoomed-out map)",
            description = "Public counts per cell of a square grid in EPSG:4548, for the cells the bbox touches. Each "
                    + "parameter exactly once, and no other. The part of the bbox outside EPSG:4548's band (115.5 to "
                    + "118.5 E) is ignored; a bbox wholly outside it gets an empty collection. Cache-Control: "
                    + "no-cache.",
            parameters = {
                @Parameter(name = "bbox", in = ParameterIn.QUERY, required = true, description = "minLon,minLat,"
                        + "maxLon,maxLat in CRS84 degrees, within -180..180 and -90..90, min < max.",
                        example = "117.15,36.70,117.30,36.80", schema = @Schema(type = "string")),
                @Parameter(name = "zoom", in = ParameterIn.QUERY, required = true, description = "The Web Mercator "
                        + "zoom of the view, 0 to 24, fractions allowed: it picks the cell size.", example = "12",
                        schema = @Schema(type = "number", minimum = "0", maximum = "24"))})
    @ApiResponse(responseCode = "200", description = "The cells.", content = @Content(mediaType = GEO_JSON,
            schema = @Schema(implementation = DensityCells.class)))
    @ApiResponse(responseCode = "400", description = "A missing, repeated, unknown or malformed parameter, a bbox "
            + "out of range or with min >= max, a zoom outside 0..24, or a bbox that would cover more than 10,000 "
            + "cells at that size (send a smaller bbox or a lower zoom).",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "401", description = "Wrong credentials were sent (a request without credentials is "
            + "never refused here).", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins from this client, which sent "
            + "credentials.", headers = @Header(name = "Retry-After", description = "Seconds to wait.",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @GetMapping(value = "/api/parcels/density", produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> density(@Parameter(hidden = true) HttpServletRequest request) {
        DensityRequest query = DensityRequest.parse(request.getParameterMap());
        int size = query.cellSizeMetres();
        long c0 = 0;
        long c1 = -1;
        long r0 = 0;
        long r1 = -1;
        if (query.planar() != null) {
            Envelope e = query.planar();
            c0 = (long) Math.floor(e.getMinX() / size);
            c1 = (long) Math.floor(e.getMaxX() / size);
            r0 = (long) Math.floor(e.getMinY() / size);
            r1 = (long) Math.floor(e.getMaxY() / size);
            long covered = (c1 - c0 + 1) * (r1 - r0 + 1);
            if (covered > DensityLevels.MAX_CELLS) {
                throw new InvalidInputException(String.format(Locale.ROOT, "the bbox covers %d cells of %d m at zoom %s;"
                        + " at most %d per request: send a smaller bbox or a lower zoom (larger cells)", covered, size,
                        trim(query.zoom()), DensityLevels.MAX_CELLS));
            }
        }
        ParcelDensity.View view = density.view(size, c0, c1, r0, r1);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(GEO_JSON))
                // Public, but always revalidated: a write must show on the next request.
                .cacheControl(CacheControl.noCache())
                .body(write(view, size));
    }

    private static String trim(double zoom) {
        return zoom == Math.rint(zoom) ? Long.toString((long) zoom) : Double.toString(zoom);
    }

    private static byte[] write(ParcelDensity.View view, int size) {
        List<DensityGrid.Cell> cells = view.cells();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + cells.size() * 300);
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            out.writeStartObject();
            out.writeStringProperty("type", "FeatureCollection");
            out.writeNumberProperty("cellSizeMetres", size);
            out.writeStringProperty("gridCrs", Crs.PLANAR_URI);
            DensityGrid.Totals inView = DensityGrid.Totals.NONE;
            for (DensityGrid.Cell cell : cells) {
                inView = inView.plus(cell);
            }
            out.writeName("totals");
            writeTotals(out, inView);
            out.writeName("register");
            writeTotals(out, view.register());
            out.writeName("registerBbox");
            Envelope register = view.registerEnvelope();
            if (register == null) {
                out.writeNull();
            } else {
                Envelope lonLat = CrsTransform.toCrs84(square(register.getMinX(), register.getMinY(),
                        register.getMaxX(), register.getMaxY())).getEnvelopeInternal();
                out.writeStartArray();
                out.writeNumber(GeoJson.round(lonLat.getMinX(), GeoJson.CRS84_DECIMALS));
                out.writeNumber(GeoJson.round(lonLat.getMinY(), GeoJson.CRS84_DECIMALS));
                out.writeNumber(GeoJson.round(lonLat.getMaxX(), GeoJson.CRS84_DECIMALS));
                out.writeNumber(GeoJson.round(lonLat.getMaxY(), GeoJson.CRS84_DECIMALS));
                out.writeEndArray();
            }
            out.writeNumberProperty("numberReturned", cells.size());
            out.writeName("features");
            out.writeStartArray();
            for (DensityGrid.Cell cell : cells) {
                out.writeStartObject();
                out.writeStringProperty("type", "Feature");
                out.writeStringProperty("id", size + ":" + cell.column() + ":" + cell.row());
                out.writeName("geometry");
                GeoJson.writeGeometry(out, CrsTransform.toCrs84(square(cell.column() * (double) size,
                        cell.row() * (double) size, (cell.column() + 1) * (double) size,
                        (cell.row() + 1) * (double) size)), GeoJson.CRS84_DECIMALS);
                out.writeName("properties");
                out.writeStartObject();
                out.writeNumberProperty("column", cell.column());
                out.writeNumberProperty("row", cell.row());
                writeCounts(out, cell.available(), cell.availableAreaM2(), cell.unavailable());
                out.writeEndObject();
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static void writeTotals(JsonGenerator out, DensityGrid.Totals totals) {
        out.writeStartObject();
        writeCounts(out, totals.available(), totals.availableAreaM2(), totals.unavailable());
        out.writeEndObject();
    }

    /** Counts, the available area in m² (0.01 m²) and in ha (0.0001 ha), both measured in EPSG:4548. */
    private static void writeCounts(JsonGenerator out, long available, double areaM2, long unavailable) {
        out.writeNumberProperty("available", available);
        out.writeNumberProperty("availableAreaM2", GeoJson.round(areaM2, 2));
        out.writeNumberProperty("availableAreaHa", GeoJson.round(areaM2 / Crs.SQUARE_METRES_PER_HECTARE, 4));
        out.writeNumberProperty("unavailable", unavailable);
    }

    /** A square (or box) in EPSG:4548 metres, counter-clockwise. */
    private static Geometry square(double minX, double minY, double maxX, double maxY) {
        return CrsTransform.PLANAR.createPolygon(new Coordinate[] {
            new Coordinate(minX, minY), new Coordinate(maxX, minY), new Coordinate(maxX, maxY),
            new Coordinate(minX, maxY), new Coordinate(minX, minY)
        });
    }
}
