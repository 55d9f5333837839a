package org.qiluvalley.planner.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.qiluvalley.planner.features.FeatureView;
import org.qiluvalley.planner.parcel.FeatureQuery;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.tiles.TileRequest;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.IUserDataConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerProps;

/**
 * Vector tiles encoded in Java (the embedded store): the features whose CRS84 outline touches the buffered tile,
 * found through the spatial index, projected to Web Mercator, clipped to the tile plus its buffer, snapped to the
 * 4096 grid, with the same properties as the GeoJSON items for the same audience.
 */
final class JavaTileEncoder {

    private static final MvtLayerParams PARAMS = MvtLayerParams.DEFAULT;
    private static final GeometryFactory MERCATOR = new GeometryFactory();
    /** Earth radius of Web Mercator (EPSG:3857), metres. */
    private static final double RADIUS = 6378137.0;
    /** Web Mercator's latitude limit, degrees: beyond it y is infinite. */
    private static final double MAX_LATITUDE = 85.0511287798066;

    private JavaTileEncoder() {
    }

    /** The features of one tile; each view's geometry is CRS84. Empty array when nothing is left after clipping. */
    static byte[] encode(TileRequest request, List<FeatureView> views) {
        Envelope tile = request.mercatorBounds();
        Envelope clip = new Envelope(tile);
        clip.expandBy(tile.getWidth() * TileRequest.BUFFER / TileRequest.EXTENT);
        List<Geometry> tileGeometries = new ArrayList<>();
        for (FeatureView view : views) {
            Geometry mercator = toMercator(view.crs84());
            Geometry inTile = JtsAdapter.createTileGeom(mercator, tile, clip, MERCATOR, PARAMS, null);
            if (inTile == null || inTile.isEmpty()) {
                continue;
            }
            Map<String, Object> tags = new LinkedHashMap<>();
            tags.put("id", view.id());
            view.properties().forEach((name, value) -> {
                if (value != null && !TilesController.NOT_IN_TILES.contains(name)) {
                    tags.put(name, value);
                }
            });
            inTile.setUserData(new Tagged(MvtFeatureIds.of(view.id()), tags));
            tileGeometries.add(inTile);
        }
        if (tileGeometries.isEmpty()) {
            return new byte[0];
        }
        JtsMvt mvt = new JtsMvt(new JtsLayer(request.layerName(), tileGeometries, TileRequest.EXTENT));
        return MvtEncoder.encode(mvt, PARAMS, new TagsConverter());
    }

    /** The bbox to look features up by: the buffered tile in CRS84 degrees. */
    static Envelope lookupBoundsCrs84(TileRequest request) {
        Envelope tile = request.mercatorBounds();
        double buffer = tile.getWidth() * TileRequest.BUFFER / TileRequest.EXTENT;
        return new Envelope(longitude(tile.getMinX() - buffer), longitude(tile.getMaxX() + buffer),
                latitude(tile.getMinY() - buffer), latitude(tile.getMaxY() + buffer));
    }

    static FeatureQuery lookup(TileRequest request) {
        return new FeatureQuery(lookupBoundsCrs84(request), null, request.equals(), 0, Integer.MAX_VALUE,
                request.oneOf());
    }

    static List<Object> find(ParcelStore store, TileRequest request) {
        return new ArrayList<>(store.find(request.layer(), lookup(request)).items());
    }

    private record Tagged(long id, Map<String, Object> tags) {
    }

    /** Writes a feature's id and tags; null values are left out (as ST_AsMVT does). */
    private static final class TagsConverter implements IUserDataConverter {
        @Override
        public void addTags(Object userData, MvtLayerProps props, VectorTile.Tile.Feature.Builder feature) {
            Tagged tagged = (Tagged) userData;
            feature.setId(tagged.id());
            tagged.tags().forEach((name, value) -> {
                feature.addTags(props.addKey(name));
                feature.addTags(props.addValue(value));
            });
        }
    }

    static Geometry toMercator(Geometry crs84) {
        Geometry copy = MERCATOR.createGeometry(crs84);
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double lat = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, seq.getY(i)));
                seq.setOrdinate(i, 0, Math.toRadians(seq.getX(i)) * RADIUS);
                seq.setOrdinate(i, 1, Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * RADIUS);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }

    private static double longitude(double x) {
        return Math.max(-180, Math.min(180, Math.toDegrees(x / RADIUS)));
    }

    private static double latitude(double y) {
        double clamped = Math.max(-TileRequest.MERCATOR_HALF_SIDE, Math.min(TileRequest.MERCATOR_HALF_SIDE, y));
        return Math.toDegrees(Math.atan(Math.sinh(clamped / RADIUS)));
    }
}
