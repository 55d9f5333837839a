package org.qiluvalley.planner.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qiluvalley.planner.parcel.ParcelGridStore.GridCellCounts;

/** Building the grids from the finest counts, and finding cells by range; pure Java, no database. */
class DensityGridTest {

    @Test
    void coarserCellsAreTheSumsOfTheFinerOnesWithNegativeIndexesFlooredAndZoomsMappedToSizes() {
        List<GridCellCounts> finest = List.of(
                new GridCellCounts(2072, 16272, 1, 100.0, 0),
                new GridCellCounts(2073, 16273, 2, 50.5, 3),
                new GridCellCounts(2076, 16272, 0, 0.0, 1),
                new GridCellCounts(-1, -1, 1, 10.0, 0));
        DensityGrid grid = DensityGrid.of(7, finest);

        assertThat(grid.revision()).isEqualTo(7);
        assertThat(grid.register()).isEqualTo(new DensityGrid.Totals(4, 160.5, 4));
        // 500 m: 2072 and 2073 (250 m columns) are column 1036; 2076 is 1038; -1 is -1.
        assertThat(grid.cells(500, 1036, 1038, 8136, 8136)).containsExactly(
                new DensityGrid.Cell(1036, 8136, 3, 150.5, 3), new DensityGrid.Cell(1038, 8136, 0, 0.0, 1));
        assertThat(grid.cells(4000, -1, -1, -1, -1)).containsExactly(new DensityGrid.Cell(-1, -1, 1, 10.0, 0));
        // 4 km: 2072..2076 / 16 = 129 / 129..130, 16272 / 16 = 1017.
        assertThat(grid.cells(4000, 129, 129, 1017, 1017)).containsExactly(new DensityGrid.Cell(129, 1017, 3, 150.5, 4));
        assertThat(grid.registerEnvelope().getMinX()).isEqualTo(-250);
        assertThat(grid.registerEnvelope().getMaxX()).isEqualTo(2077 * 250.0);

        assertThat(DensityLevels.cellSizeForZoom(22)).isEqualTo(250);
        assertThat(DensityLevels.cellSizeForZoom(14)).isEqualTo(250);
        assertThat(DensityLevels.cellSizeForZoom(13.99)).isEqualTo(500);
        assertThat(DensityLevels.cellSizeForZoom(12)).isEqualTo(1000);
        assertThat(DensityLevels.cellSizeForZoom(11)).isEqualTo(2000);
        assertThat(DensityLevels.cellSizeForZoom(0)).isEqualTo(4000);
    }

    /** A city register: a million neighbouring cells. Badly hashed keys made this take minutes (it hung a request). */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aMillionNeighbouringCellsBuildInSeconds() {
        List<GridCellCounts> finest = new ArrayList<>(1_000_000);
        for (int c = 0; c < 1000; c++) {
            for (int r = 0; r < 1000; r++) {
                finest.add(new GridCellCounts(1680 + c, 15868 + r, 1, 36_100, r % 3 == 0 ? 1 : 0));
            }
        }
        DensityGrid grid = DensityGrid.of(1, finest);
        assertThat(grid.register().available()).isEqualTo(1_000_000);
        // 4 km cells are 16 x 16 finest cells: 256 parcels each inside the grid.
        assertThat(grid.cells(4000, 106, 106, 992, 992)).singleElement()
                .satisfies(cell -> assertThat(cell.available()).isEqualTo(256));
        assertThat(grid.cells(250, 1680, 1779, 15868, 15967)).hasSize(10_000);
    }
}
