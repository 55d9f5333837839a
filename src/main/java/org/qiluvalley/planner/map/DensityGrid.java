package org.qiluvalley.planner.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Envelope;
import org.qiluvalley.planner.parcel.ParcelChange;
import org.qiluvalley.planner.parcel.ParcelGridStore.GridCellCounts;
import org.qiluvalley.planner.parcel.ParcelStatus;

/**
 * The public parcel counts of the whole register on every grid of {@link DensityLevels}, as of one register revision.
 * Built from the finest grid, the coarser ones summed from it; then kept up to date change by change
 * ({@link #apply}): a changed parcel leaves the cells of its old state and enters those of its new one, on every
 * grid. Not thread-safe: {@link ParcelDensity} guards it. Grid coordinates are EPSG:4548 metres: cell
 * {@code (column, row)} of size {@code s} covers easting {@code [column * s, (column + 1) * s)} and northing
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

    private long revision;
    private final Map<Integer, Map<Long, Cell>> cellsBySize;
    private Totals register;
    /** EPSG:4548 envelope of the finest non-empty cells; null for an empty register. */
    private Envelope registerEnvelope;
    /** A finest cell emptied since the envelope was computed: it may have shrunk. */
    private boolean envelopeMayShrink;

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
            envelope = including(envelope, c.column(), c.row());
        }
        return new DensityGrid(revision, bySize, register, envelope);
    }

    /** {@code envelope} (null for none yet) grown to hold finest cell (column, row): EPSG:4548 metres. */
    private static Envelope including(Envelope envelope, long column, long row) {
        double s = DensityLevels.FINEST_METRES;
        Envelope cell = new Envelope(column * s, (column + 1) * s, row * s, (row + 1) * s);
        if (envelope == null) {
            return cell;
        }
        envelope.expandToInclude(cell);
        return envelope;
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

    /**
     * Applies one logged change. The caller applies only changes newer than {@link #revision()} (the grid was
     * built from a snapshot at that revision, or has had them), then calls {@link #advanceTo}. The parcel's cell is
     * the one its EPSG:4548 bounding box's centre falls in, computed exactly as the database computes it
     * ({@code JdbcParcelGridStore}: the same double arithmetic), so a change lands in the cell the full count put
     * it in.
     */
    void apply(ParcelChange change) {
        if (change.before() != null) {
            add(change.before(), -1);
        }
        if (change.after() != null) {
            add(change.after(), 1);
        }
    }

    /** Records that the grid holds every change up to {@code newRevision}. */
    void advanceTo(long newRevision) {
        revision = Math.max(revision, newRevision);
    }

    private void add(ParcelChange.Side side, int sign) {
        boolean available = ParcelStatus.AVAILABLE.wireName().equals(side.status());
        boolean unavailable = ParcelStatus.RESERVED.wireName().equals(side.status())
                || ParcelStatus.ALLOCATED.wireName().equals(side.status());
        if (!available && !unavailable) {
            return; // withdrawn and retired parcels are not counted
        }
        long availableDelta = available ? sign : 0;
        double areaDelta = available ? sign * side.areaM2() : 0;
        long unavailableDelta = unavailable ? sign : 0;
        double twice = 2.0 * DensityLevels.FINEST_METRES;
        long column = (long) Math.floor((side.planar().getMinX() + side.planar().getMaxX()) / twice);
        long row = (long) Math.floor((side.planar().getMinY() + side.planar().getMaxY()) / twice);
        for (int size : DensityLevels.CELL_SIZES_METRES) {
            long factor = size / DensityLevels.FINEST_METRES;
            long c = Math.floorDiv(column, factor);
            long r = Math.floorDiv(row, factor);
            Map<Long, Cell> cells = cellsBySize.get(size);
            Cell old = cells.get(key(c, r));
            long newAvailable = (old == null ? 0 : old.available()) + availableDelta;
            long newUnavailable = (old == null ? 0 : old.unavailable()) + unavailableDelta;
            // With no available parcel left the area is 0 exactly, not the rounding residue of the subtractions.
            double newArea = newAvailable == 0 ? 0 : (old == null ? 0 : old.availableAreaM2()) + areaDelta;
            if (newAvailable == 0 && newUnavailable == 0) {
                cells.remove(key(c, r));
                if (factor == 1) {
                    envelopeMayShrink = true;
                }
            } else {
                cells.put(key(c, r), new Cell(c, r, newAvailable, newArea, newUnavailable));
                if (factor == 1 && old == null) {
                    registerEnvelope = including(registerEnvelope, c, r);
                }
            }
        }
        long total = register.available() + availableDelta;
        register = new Totals(total, total == 0 ? 0 : register.availableAreaM2() + areaDelta,
                register.unavailable() + unavailableDelta);
    }

    Totals register() {
        return register;
    }

    /** The EPSG:4548 envelope of the register's finest cells, or null when no live parcel is stored. */
    Envelope registerEnvelope() {
        if (envelopeMayShrink) {
            registerEnvelope = null;
            for (Cell c : cellsBySize.get(DensityLevels.FINEST_METRES).values()) {
                registerEnvelope = including(registerEnvelope, c.column(), c.row());
            }
            envelopeMayShrink = false;
        }
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
