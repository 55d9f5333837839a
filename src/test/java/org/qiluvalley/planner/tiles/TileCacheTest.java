package org.qiluvalley.planner.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.parcel.ParcelChange;

/** The cache's bookkeeping: which tiles a change drops, revisions, the memory budget. Pure Java. */
class TileCacheTest {

    static final TileCache.Tile SMALL = new TileCache.Tile(new byte[100], "\"a\"");

    /**
     * Every tile whose buffered lookup box meets a bounding box is in {@link TileCache#range}: checked against the
     * tiles' own bounds ({@link TileRequest#mercatorBounds}, widened by the buffer, turned into degrees by the
     * inverse projection) for random boxes around the park at every zoom served.
     */
    @Test
    void theRangeHoldsEveryTileWhoseBufferedBoxMeetsTheChangedBox() {
        Random random = new Random(4548);
        for (int i = 0; i < 300; i++) {
            double lon = 117.1 + random.nextDouble() * 0.2;
            double lat = 36.6 + random.nextDouble() * 0.2;
            Envelope box = new Envelope(lon, lon + random.nextDouble() * 0.004, lat, lat + random.nextDouble() * 0.004);
            for (int z = TilesController.PARCELS_MIN_ZOOM; z <= 18; z++) {
                long[] range = TileCache.range(z, box);
                assertThat(range[0]).isEqualTo(z);
                int[] centre = Tiles.at(z, box.centre().x, box.centre().y);
                for (int x = centre[2] - 40; x <= centre[2] + 40; x++) {
                    for (int y = centre[1] - 40; y <= centre[1] + 40; y++) {
                        if (lookupBox(z, x, y).intersects(box)) {
                            assertThat(x).as("column at z%d", z).isBetween((int) range[1], (int) range[3]);
                            assertThat(y).as("row at z%d", z).isBetween((int) range[2], (int) range[4]);
                        }
                    }
                }
                // And not much more: at most one tile beyond the buffered box on each side.
                long columns = range[3] - range[1] + 1;
                double tileDegrees = 360.0 / (1L << z);
                assertThat(columns).isLessThanOrEqualTo((long) Math.ceil(box.getWidth() / tileDegrees) + 3);
            }
        }
    }

    /** The CRS84 box of tile (z, x, y) plus its buffer, as both tile encoders look features up. */
    static Envelope lookupBox(int z, int x, int y) {
        Envelope mercator = new TileRequest("parcels", null, java.util.Map.of(), java.util.Map.of(), z, x, y, false)
                .mercatorBounds();
        mercator.expandBy(mercator.getWidth() * TileRequest.BUFFER / TileRequest.EXTENT);
        return new Envelope(lon(mercator.getMinX()), lon(mercator.getMaxX()), lat(mercator.getMinY()),
                lat(mercator.getMaxY()));
    }

    static double lon(double x) {
        return Math.toDegrees(x / 6378137.0);
    }

    static double lat(double y) {
        return Math.toDegrees(Math.atan(Math.sinh(y / 6378137.0)));
    }

    @Test
    void aChangeDropsTheTilesOfItsOldAndNewBoxesInEveryCollectionAndKeepsTheOthers() {
        TileCache cache = new TileCache(1 << 20, 12, 22);
        cache.reset(5);
        Envelope before = new Envelope(117.200, 117.201, 36.700, 36.701);
        Envelope after = new Envelope(117.300, 117.301, 36.800, 36.801);
        int[] oldTile = Tiles.at(15, 117.2005, 36.7005);
        int[] newTile = Tiles.at(15, 117.3005, 36.8005);
        int[] elsewhere = Tiles.at(15, 117.25, 36.75);
        for (String collection : List.of("parcels", "available-sites")) {
            for (int[] t : List.of(oldTile, newTile, elsewhere)) {
                cache.put(5, collection, 15, t[2], t[1], SMALL);
            }
        }
        ParcelChange.Side oldSide = new ParcelChange.Side("available", 1000, new Envelope(), before);
        ParcelChange.Side newSide = new ParcelChange.Side("reserved", 1000, new Envelope(), after);

        cache.changed(6, List.of(new ParcelChange(6, false, oldSide, newSide)));

        for (String collection : List.of("parcels", "available-sites")) {
            assertThat(cache.get(collection, 15, oldTile[2], oldTile[1])).isNull();
            assertThat(cache.get(collection, 15, newTile[2], newTile[1])).isNull();
            assertThat(cache.get(collection, 15, elsewhere[2], elsewhere[1])).isSameAs(SMALL);
        }
    }

    /** A change too wide to list tile by tile: every entry is tested instead, with the same outcome. */
    @Test
    void aWideChangeTestsEveryEntryInstead() {
        TileCache cache = new TileCache(1 << 20, 12, 22);
        cache.reset(1);
        int[] inside = Tiles.at(15, 117.20, 36.70);
        int[] outside = Tiles.at(15, 118.40, 37.60);
        cache.put(1, "parcels", 15, inside[2], inside[1], SMALL);
        cache.put(1, "parcels", 15, outside[2], outside[1], SMALL);
        Envelope wide = new Envelope(117.0, 117.5, 36.5, 36.9);

        cache.changed(2, List.of(new ParcelChange(2, false, null,
                new ParcelChange.Side("available", 1, new Envelope(), wide))));

        assertThat(cache.get("parcels", 15, inside[2], inside[1])).isNull();
        assertThat(cache.get("parcels", 15, outside[2], outside[1])).isSameAs(SMALL);
    }

    /** A tile built while a change was replayed may hold the rows before it: not kept. */
    @Test
    void aTileBuiltAtAnOlderRevisionIsNotKept() {
        TileCache cache = new TileCache(1 << 20, 12, 22);
        cache.put(3, "parcels", 15, 1, 1, SMALL);
        assertThat(cache.get("parcels", 15, 1, 1)).as("before the first revision").isNull();
        cache.reset(3);
        cache.changed(4, List.of());
        cache.put(3, "parcels", 15, 1, 1, SMALL);
        assertThat(cache.get("parcels", 15, 1, 1)).isNull();
        cache.put(4, "parcels", 15, 1, 1, SMALL);
        assertThat(cache.get("parcels", 15, 1, 1)).isSameAs(SMALL);
    }

    @Test
    void theLeastRecentlyUsedTilesLeaveWhenTheBudgetIsFull() {
        long perTile = 100 + TileCache.ENTRY_OVERHEAD_BYTES;
        TileCache cache = new TileCache(3 * perTile, 12, 22);
        cache.reset(1);
        cache.put(1, "parcels", 15, 1, 1, SMALL);
        cache.put(1, "parcels", 15, 2, 2, SMALL);
        cache.put(1, "parcels", 15, 3, 3, SMALL);
        cache.get("parcels", 15, 1, 1); // now the most recently used
        cache.put(1, "parcels", 15, 4, 4, SMALL);

        assertThat(cache.get("parcels", 15, 2, 2)).as("the least recently used").isNull();
        assertThat(cache.get("parcels", 15, 1, 1)).isSameAs(SMALL);
        assertThat(cache.get("parcels", 15, 4, 4)).isSameAs(SMALL);
        assertThat(cache.statistics()[1]).as("bytes held").isEqualTo(3 * perTile);
        cache.put(1, "parcels", 15, 5, 5, new TileCache.Tile(new byte[(int) (4 * perTile)], "\"big\""));
        assertThat(cache.get("parcels", 15, 5, 5)).as("a tile larger than the budget").isNull();
        assertThat(cache.statistics()[0]).isEqualTo(3);
    }
}
