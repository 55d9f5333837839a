package org.qiluvalley.planner.parcel;

import java.util.List;

/**
 * What the store offers for views of the whole register (the map's density view): the public counts of live parcels
 * per square cell of an EPSG:4548 grid, computed by the database in one pass, with the register revision they are
 * exact at. Both stores implement it with the same SQL ({@code store/JdbcParcelGridStore}).
 */
public interface ParcelGridStore {

    /**
     * {@link #countsByCell} and the register revision ({@link RegisterChangeLog#revision()}) read in one snapshot:
     * the counts hold exactly the changes up to that revision, so replaying the logged changes after it neither
     * misses nor repeats one.
     */
    RevisionCounts countsAtRevision(double cellSizeMetres);

    /** Cell counts and the register revision they are exact at. */
    record RevisionCounts(long revision, List<GridCellCounts> cells) {
    }

    /**
     * Counts of live parcels per cell of the grid of square cells {@code cellSizeMetres} wide, anchored at the
     * origin of EPSG:4548 (cell {@code (column, row)} covers easting {@code [column * size, (column + 1) * size)} and
     * northing {@code [row * size, (row + 1) * size)}, metres). A parcel counts in the cell holding the centre of
     * the bounding box of its EPSG:4548 outline (not its centroid: the box is read without computing anything).
     * Withdrawn parcels are not counted; cells without a live parcel are absent.
     */
    List<GridCellCounts> countsByCell(double cellSizeMetres);

    /**
     * One cell's counts: available parcels and their area (m², EPSG:4548), and reserved plus allocated parcels
     * together ("unavailable", the only thing the public may know of them).
     */
    record GridCellCounts(long column, long row, long available, double availableAreaM2, long unavailable) {
    }
}
