package org.qiluvalley.planner.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.parcel.ParcelGridStore.GridCellCounts;

/**
 * The public parcel counts of the whole register on every grid of {@link DensityLevels}, as of one register revision.
 * Immutable after {@link #of} (its maps are never handed out); built from the finest grid, the coarser ones summed from it. Grid coordinates are EPSG:4548 metres:
 * cell {@code (column, row)} of size {@code s} covers easting {@code [column * s, (column + 1) * s)} and northing
 * {@code [row * s, (row + 1) * s)}.
 */
final class DensityGrid {

    /** One cell's public counts; the area is m² measured in EPSG:4548. */
    record Cell(long column, long row, long available, double availableAreaM2, long unavailable) {
    }

    /** Totals over a set of cells. */
    record Totals(long available, double availableAreaM2, long unavailable) {
        static final Totals NONE = new Totals(0, 0, 0);

        Totals plus(Cell cell) {
            return new Totals(available + cell.available(), availableAreaM2 + cell.availableAreaM2(),
                    unavailable + cell.unavailable());
        }
    }

    private final long revision;
    private final Map<Integer, Map<Long, Cell>> cellsBySize;
    private final Totals register;
    /** EPSG:4548 envelope of the finest non-empty cells; null for an empty register. */
    private final Envelope registerEnvelope;

    private DensityGrid(long revision, Map<Integer, Map<Long, Cell>> cellsBySize, Totals register,
            Envelope registerEnvelope) {
        this.revision = revision;
        this.cellsBySize = cellsBySize;
        this.register = register;
        this.registerEnvelope = registerEnvelope;
    }

    /** Builds every grid from the counts of the finest one ({@link DensityLevels#FINEST_METRES}). */
    static DensityGrid of(long revision, List<GridCellCounts> finest) {
        Map<Integer, Map<Long, Cell>> bySize = new LinkedHashMap<>();
        Totals register = Totals.NONE;
        Envelope envelope = null;
        for (int size : DensityLevels.CELL_SIZES_METRES) {
            long factor = size / DensityLevels.FINEST_METRES;
            Map<Long, Cell> cells = new HashMap<>();
            for (GridCellCounts c : finest) {
                long column = Math.floorDiv(c.column(), factor);
                long row = Math.floorDiv(c.row(), factor);
                cells.merge(key(column, row),
                        new Cell(column, row, c.available(), c.availableAreaM2(), c.unavailable()),
                        (a, b) -> new Cell(column, row, a.available() + b.available(),
                                a.availableAreaM2() + b.availableAreaM2(), a.unavailable() + b.unavailable()));
            }
            bySize.put(size, cells);
        }
        for (GridCellCounts c : finest) {
            register = register.plus(new Cell(c.column(), c.row(), c.available(), c.availableAreaM2(),
                    c.unavailable()));
            double s = DensityLevels.FINEST_METRES;
            Envelope cell = new Envelope(c.column() * s, (c.column() + 1) * s, c.row() * s, (c.row() + 1) * s);
            if (envelope == null) {
                envelope = cell;
            } else {
                envelope.expandToInclude(cell);
            }
        }
        return new DensityGrid(revision, bySize, register, envelope);
    }

    /**
     * A cell's map key: column and row packed into 64 bits, then mixed with MurmurHash3's finaliser (a bijection,
     * so keys stay unique). Unmixed, {@link Long#hashCode} of neighbouring cells collides massively (it folds the
     * column onto the row), and a million cells then take minutes to hash instead of milliseconds.
     */
    private static long key(long column, long row) {
        long k = (column << 32) ^ (row & 0xffffffffL);
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    long revision() {
        return revision;
    }

    Totals register() {
        return register;
    }

    /** The EPSG:4548 envelope of the register's finest cells, or null when no live parcel is stored. */
    Envelope registerEnvelope() {
        return registerEnvelope == null ? null : new Envelope(registerEnvelope);
    }

    /**
     * The non-empty cells of size {@code cellSizeMetres} with columns {@code c0..c1} and rows {@code r0..r1}
     * (inclusive), ordered by row then column. The caller bounds the range ({@link DensityLevels#MAX_CELLS}).
     */
    List<Cell> cells(int cellSizeMetres, long c0, long c1, long r0, long r1) {
        Map<Long, Cell> cells = cellsBySize.get(cellSizeMetres);
        if (cells == null) {
            throw new IllegalArgumentException("not a grid cell size: " + cellSizeMetres);
        }
        List<Cell> found = new ArrayList<>();
        for (long row = r0; row <= r1; row++) {
            for (long column = c0; column <= c1; column++) {
                Cell cell = cells.get(key(column, row));
                if (cell != null) {
                    found.add(cell);
                }
            }
        }
        return found;
    }
}
