package org.qiluvalley.planner.map;

import java.util.List;

/**
 * The allow-list of grid cell sizes and how a map zoom picks one. Every size is the finest one times a power of two,
 * and all grids are anchored at the EPSG:4548 origin, so each coarser cell is exactly four cells of the size below
 * and every grid is summed from the finest one.
 */
final class DensityLevels {

    /** Cell sizes, metres in EPSG:4548, finest first. */
    static final List<Integer> CELL_SIZES_METRES = List.of(250, 500, 1000, 2000, 4000);

    static final int FINEST_METRES = CELL_SIZES_METRES.get(0);

    /** The zoom at and above which the finest cells are used; each zoom level below doubles the cell size. */
    static final int FINEST_ZOOM = 14;

    /** The most cells one request may cover (before empty ones are left out): bounds the work and the answer. */
    static final int MAX_CELLS = 10_000;

    /** Web map zooms accepted (WebMercatorQuad levels; fractional zooms allowed). */
    static final double MAX_ZOOM = 24;

    private DensityLevels() {
    }

    /**
     * The cell size for a Web Mercator zoom: 250 m from zoom 14, 500 m at 13, 1 km at 12, 2 km at 11, 4 km at 10 and
     * below. At the park's latitude (36.7 N) that keeps a cell 16 to 33 pixels wide at every zoom from 10 to 14.
     */
    static int cellSizeForZoom(double zoom) {
        int levelsOut = FINEST_ZOOM - (int) Math.floor(zoom);
        int index = Math.max(0, Math.min(CELL_SIZES_METRES.size() - 1, levelsOut));
        return CELL_SIZES_METRES.get(index);
    }
}
