package org.qiluvalley.planner.tiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;

/** Test helpers: decode a tile into feature id -> properties, and tile addresses of points. */
public final class Tiles {

    private Tiles() {
    }

    /** The features of the tile's only layer: numeric id -> properties (the id under the key {@code "fid"}). */
    @SuppressWarnings("unchecked")
    public static Map<Long, Map<String, Object>> decode(byte[] tile, String layerName) {
        try {
            JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(tile), new GeometryFactory(),
                    new TagKeyValueMapConverter(false, "fid"));
            if (mvt.getLayers().size() != 1) {
                throw new AssertionError("expected one layer, got " + mvt.getLayersByName().keySet());
            }
            JtsLayer layer = mvt.getLayer(layerName);
            if (layer == null) {
                throw new AssertionError("no layer " + layerName + " in " + mvt.getLayersByName().keySet());
            }
            Map<Long, Map<String, Object>> features = new TreeMap<>();
            for (Geometry geometry : layer.getGeometries()) {
                Map<String, Object> properties = new TreeMap<>((Map<String, Object>) geometry.getUserData());
                Object id = properties.remove("fid");
                features.put(((Number) id).longValue(), properties);
            }
            return features;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {z, row, column} of the WebMercatorQuad tile holding this CRS84 point. */
    public static int[] at(int z, double lon, double lat) {
        int n = 1 << z;
        int column = (int) Math.floor((lon + 180) / 360 * n);
        double rad = Math.toRadians(lat);
        int row = (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n);
        return new int[] {z, row, column};
    }

    public static String path(String collection, int[] tile) {
        return "/ogc/collections/" + collection + "/tiles/WebMercatorQuad/" + tile[0] + "/" + tile[1] + "/" + tile[2];
    }
}
