package org.qiluvalley.planner.tiles;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.parcel.ParcelChange;
import org.qiluvalley.planner.register.RegisterListener;
import org.qiluvalley.planner.register.RegisterWatch;

/**
 * The public vector tiles of the parcel collections ({@code parcels}, {@code available-sites}), kept in memory while
 * they are current, least recently used first out when the budget ({@code valley.tiles.cache-mb}) is full.
 *
 * <p>Why: a tile of a register that has not changed is the same bytes every time, and building it is most of the
 * work of the service and its database (docs/benchmarks.md). Why it stays correct: every read first asks
 * {@link RegisterWatch#current()} for the register's revision, which replays every change committed before the
 * request (on any instance) into {@link #changed}: a change drops the tiles that the parcel's old and new CRS84
 * bounding boxes touch at every zoom served, widened by the tiles' buffer, and nothing else. A tile built while a
 * change was being replayed is not kept ({@link #put} compares the revision it was built at with the cache's).
 * Planners' tiles carry allocations from another table and are never cached here.
 */
public final class TileCache implements RegisterListener {

    /** A cached tile: its bytes (empty for a 204) and its strong ETag. */
    public record Tile(byte[] bytes, String etag) {
    }

    record Key(String collection, int z, int x, int y) {
    }

    /** Bookkeeping per entry beyond its bytes (key, entry, arrays, ETag), bytes: an estimate, on the safe side. */
    static final int ENTRY_OVERHEAD_BYTES = 256;
    /** Past this many tiles to drop for one batch of changes, every entry is tested instead of every tile listed. */
    private static final long MAX_LISTED = 4096;

    private final long budgetBytes;
    private final int minZoom;
    private final int maxZoom;
    private final LinkedHashMap<Key, Tile> tiles = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;
    /** The revision the cached tiles are current at; -1 until the watch first reports. Guarded by this. */
    private long revision = -1;
    private long hits;
    private long misses;
    private long dropped;

    /**
     * @param budgetBytes the most bytes of tiles (plus {@link #ENTRY_OVERHEAD_BYTES} each) kept; 0 keeps nothing
     */
    public TileCache(long budgetBytes, int minZoom, int maxZoom) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("the tile cache budget must not be negative: " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
        this.minZoom = minZoom;
        this.maxZoom = maxZoom;
    }

    boolean enabled() {
        return budgetBytes > 0;
    }

    /** The cached tile, or null. */
    synchronized Tile get(String collection, int z, int x, int y) {
        Tile tile = tiles.get(new Key(collection, z, x, y));
        if (tile == null) {
            misses++;
        } else {
            hits++;
        }
        return tile;
    }

    /**
     * Keeps a tile built after {@link RegisterWatch#current()} returned {@code builtAt}, unless a change has been
     * replayed since (it may have been built from the rows before or after that change).
     */
    synchronized void put(long builtAt, String collection, int z, int x, int y, Tile tile) {
        long size = tile.bytes().length + ENTRY_OVERHEAD_BYTES;
        if (builtAt != revision || size > budgetBytes) {
            return;
        }
        Tile previous = tiles.put(new Key(collection, z, x, y), tile);
        bytes += size - (previous == null ? 0 : previous.bytes().length + ENTRY_OVERHEAD_BYTES);
        Iterator<Tile> eldest = tiles.values().iterator();
        while (bytes > budgetBytes && eldest.hasNext()) {
            bytes -= eldest.next().bytes().length + ENTRY_OVERHEAD_BYTES;
            eldest.remove();
        }
    }

    @Override
    public synchronized void changed(long newRevision, List<ParcelChange> changes) {
        List<long[]> ranges = new ArrayList<>();
        long listed = 0;
        for (ParcelChange change : changes) {
            for (ParcelChange.Side side : new ParcelChange.Side[] {change.before(), change.after()}) {
                if (side == null) {
                    continue;
                }
                for (int z = minZoom; z <= maxZoom; z++) {
                    long[] range = range(z, side.crs84());
                    ranges.add(range);
                    listed += (range[3] - range[1] + 1) * (range[4] - range[2] + 1);
                }
            }
        }
        if (listed <= MAX_LISTED) {
            List<String> collections = tiles.keySet().stream().map(Key::collection).distinct().toList();
            for (long[] range : ranges) {
                for (long x = range[1]; x <= range[3]; x++) {
                    for (long y = range[2]; y <= range[4]; y++) {
                        for (String collection : collections) {
                            remove(new Key(collection, (int) range[0], (int) x, (int) y));
                        }
                    }
                }
            }
        } else {
            Iterator<Map.Entry<Key, Tile>> entries = tiles.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<Key, Tile> entry = entries.next();
                Key key = entry.getKey();
                for (long[] range : ranges) {
                    if (range[0] == key.z() && key.x() >= range[1] && key.x() <= range[3] && key.y() >= range[2]
                            && key.y() <= range[4]) {
                        bytes -= entry.getValue().bytes().length + ENTRY_OVERHEAD_BYTES;
                        entries.remove();
                        dropped++;
                        break;
                    }
                }
            }
        }
        revision = newRevision;
    }

    @Override
    public synchronized void reset(long newRevision) {
        dropped += tiles.size();
        tiles.clear();
        bytes = 0;
        revision = newRevision;
    }

    private void remove(Key key) {
        Tile removed = tiles.remove(key);
        if (removed != null) {
            bytes -= removed.bytes().length + ENTRY_OVERHEAD_BYTES;
            dropped++;
        }
    }

    /**
     * The tiles at zoom {@code z} whose buffered lookup box (the tile plus {@link TileRequest#BUFFER} of
     * {@link TileRequest#EXTENT} on each side, the box both tile encoders search) can meet a CRS84 bounding box:
     * {@code {z, minColumn, minRow, maxColumn, maxRow}}. Widened by a further 1/256 tile on each side, so that
     * rounding never leaves out a tile that a feature reaches; dropping a tile too many only costs a rebuild.
     */
    static long[] range(int z, Envelope crs84) {
        double margin = (double) TileRequest.BUFFER / TileRequest.EXTENT + 1.0 / 256;
        long minColumn = TilesController.tile(WebMercatorQuad.column(crs84.getMinX(), z) - margin, z);
        long maxColumn = TilesController.tile(WebMercatorQuad.column(crs84.getMaxX(), z) + margin, z);
        // Rows count from the north: the box's northern edge gives the smallest row.
        long minRow = TilesController.tile(WebMercatorQuad.row(crs84.getMaxY(), z) - margin, z);
        long maxRow = TilesController.tile(WebMercatorQuad.row(crs84.getMinY(), z) + margin, z);
        return new long[] {z, minColumn, minRow, maxColumn, maxRow};
    }

    /** For the metrics and the tests: tiles held, bytes held (with overhead), hits, misses, tiles dropped. */
    synchronized long[] statistics() {
        return new long[] {tiles.size(), bytes, hits, misses, dropped};
    }
}
