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
class DensityController {

    static final String GEO_JSON = "application/geo+json";
    private static final JsonFactory JSON = new JsonFactory();

    private final ParcelDensity density;

    DensityController(ParcelDensity density) {
        this.density = density;
    }

    @GetMapping(value = "/api/parcels/density", produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<byte[]> density(HttpServletRequest request) {
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
        DensityGrid grid = density.current();
        List<DensityGrid.Cell> cells = c1 < c0 ? List.of() : grid.cells(size, c0, c1, r0, r1);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(GEO_JSON))
                // Public, but always revalidated: a write must show on the next request.
                .cacheControl(CacheControl.noCache())
                .body(write(grid, size, cells));
    }

    private static String trim(double zoom) {
        return zoom == Math.rint(zoom) ? Long.toString((long) zoom) : Double.toString(zoom);
    }

    private static byte[] write(DensityGrid grid, int size, List<DensityGrid.Cell> cells) {
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
            writeTotals(out, grid.register());
            out.writeName("registerBbox");
            Envelope register = grid.registerEnvelope();
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
