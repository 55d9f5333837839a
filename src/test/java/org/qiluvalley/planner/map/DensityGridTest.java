package org.qiluvalley.planner.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qiluvalley.planner.parcel.ParcelChange;
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

    /**
     * A grid kept up to date change by change equals the grid built afresh from the final register: random
     * parcels created, moved, re-statused and deleted (withdrawn ones never count), on every grid size, with the
     * totals and the register's envelope (which shrinks when its edge cells empty).
     */
    @Test
    void changesAppliedOneByOneGiveTheGridOfTheFinalRegister() {
        java.util.Random random = new java.util.Random(4548);
        String[] statuses = {"available", "reserved", "allocated", "withdrawn"};
        java.util.Map<Integer, ParcelChange.Side> register = new java.util.HashMap<>();
        for (int i = 0; i < 400; i++) {
            register.put(i, side(random, statuses));
        }
        DensityGrid grid = DensityGrid.of(1, counts(register));
        for (int step = 0; step < 3000; step++) {
            int id = random.nextInt(500);
            ParcelChange.Side before = register.get(id);
            ParcelChange.Side after = random.nextInt(6) == 0 ? null : side(random, statuses);
            if (after == null) {
                register.remove(id);
            } else {
                register.put(id, after);
            }
            grid.apply(new ParcelChange(2 + step, false, before, after));
        }
        grid.advanceTo(3001);
        DensityGrid rebuilt = DensityGrid.of(3001, counts(register));

        assertThat(grid.revision()).isEqualTo(3001);
        assertThat(grid.register().available()).isEqualTo(rebuilt.register().available());
        assertThat(grid.register().unavailable()).isEqualTo(rebuilt.register().unavailable());
        assertThat(grid.register().availableAreaM2()).isCloseTo(rebuilt.register().availableAreaM2(),
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(grid.registerEnvelope()).isEqualTo(rebuilt.registerEnvelope());
        for (int size : DensityLevels.CELL_SIZES_METRES) {
            List<DensityGrid.Cell> kept = grid.cells(size, 2000 * 250 / size, 2040 * 250 / size,
                    16200 * 250 / size, 16240 * 250 / size);
            List<DensityGrid.Cell> fresh = rebuilt.cells(size, 2000 * 250 / size, 2040 * 250 / size,
                    16200 * 250 / size, 16240 * 250 / size);
            assertThat(kept).hasSameSizeAs(fresh).isNotEmpty();
            for (int i = 0; i < kept.size(); i++) {
                DensityGrid.Cell a = kept.get(i);
                DensityGrid.Cell b = fresh.get(i);
                assertThat(List.of(a.column(), a.row(), a.available(), a.unavailable()))
                        .isEqualTo(List.of(b.column(), b.row(), b.available(), b.unavailable()));
                assertThat(a.availableAreaM2()).isCloseTo(b.availableAreaM2(),
                        org.assertj.core.api.Assertions.within(1e-6));
            }
        }
    }

    /** A parcel somewhere in a 10 x 10 km square (250 m columns 2000 to 2040, rows 16200 to 16240). */
    private static ParcelChange.Side side(java.util.Random random, String[] statuses) {
        double x = 500_000 + random.nextDouble() * 10_000;
        double y = 4_050_000 + random.nextDouble() * 10_000;
        double w = 20 + random.nextDouble() * 200;
        return new ParcelChange.Side(statuses[random.nextInt(statuses.length)], Math.round(w * w * 100) / 100.0,
                new org.locationtech.jts.geom.Envelope(x, x + w, y, y + w), new org.locationtech.jts.geom.Envelope());
    }

    /** The finest counts as the database computes them (JdbcParcelGridStore: the box centre's cell). */
    private static List<GridCellCounts> counts(java.util.Map<Integer, ParcelChange.Side> register) {
        java.util.Map<List<Long>, long[]> counts = new java.util.HashMap<>();
        java.util.Map<List<Long>, Double> areas = new java.util.HashMap<>();
        for (ParcelChange.Side p : register.values()) {
            boolean available = p.status().equals("available");
            if (!available && !p.status().equals("reserved") && !p.status().equals("allocated")) {
                continue;
            }
            List<Long> cell = List.of((long) Math.floor((p.planar().getMinX() + p.planar().getMaxX()) / 500.0),
                    (long) Math.floor((p.planar().getMinY() + p.planar().getMaxY()) / 500.0));
            long[] c = counts.computeIfAbsent(cell, k -> new long[2]);
            c[available ? 0 : 1]++;
            areas.merge(cell, available ? p.areaM2() : 0.0, Double::sum);
        }
        List<GridCellCounts> finest = new ArrayList<>();
        counts.forEach((cell, c) -> finest.add(new GridCellCounts(cell.get(0), cell.get(1), c[0], areas.get(cell),
                c[1])));
        return finest;
    }
}
