package org.qiluvalley.planner.conditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTReader;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.parcel.Place;

/**
 * Distances from a parcel's outline to places, in EPSG:4548 metres: to the nearest point of the outline (an edge or
 * a corner), never to the centroid; 0 for a place on or inside the parcel.
 */
class PlaceDistancesTest {

    /** A 100 m square, south-west corner at easting 520,000 m, northing 4,060,000 m (EPSG:4548, near the park). */
    private static final Polygon SQUARE = polygon(
            "POLYGON ((520000 4060000, 520000 4060100, 520100 4060100, 520100 4060000, 520000 4060000))");

    @Test
    void aPlaceEastOfTheSquareIsMeasuredFromItsEastEdgeNotFromItsCentre() {
        // 100 m east of the east edge, level with the centre: 150 m from the centroid.
        List<PlanningConditions.Distance> distances = PlaceDistances.of(SQUARE,
                List.of(place("east", 520_200, 4_060_050)));
        assertThat(distances).singleElement().satisfies(d -> {
            assertThat(d.km()).isEqualTo(0.1);
            assertThat(d.km()).isNotEqualTo(SQUARE.getCentroid().distance(point(520_200, 4_060_050)) / 1000);
        });
    }

    @Test
    void aPlaceOffACornerIsMeasuredFromThatCorner() {
        // 30 m east and 40 m north of the north-east corner: 50 m.
        assertThat(PlaceDistances.of(SQUARE, List.of(place("ne", 520_130, 4_060_140))).get(0).km()).isEqualTo(0.05);
    }

    @Test
    void aPlaceOnTheOutlineOrInsideTheParcelIsNoDistanceAway() {
        assertThat(PlaceDistances.of(SQUARE, List.of(place("inside", 520_050, 4_060_050), place("edge", 520_100,
                4_060_020))).stream().map(PlanningConditions.Distance::km)).containsExactly(0.0, 0.0);
    }

    @Test
    void aPlaceInTheNotchOfAnLShapedParcelIsMeasuredToTheNearerInnerEdge() {
        // An L: the square without its north-east quarter. A place in that quarter, 10 m from the inner west edge
        // (easting 520,050) and 30 m from the inner south edge (northing 4,060,050).
        Polygon l = polygon("POLYGON ((520000 4060000, 520000 4060100, 520050 4060100, 520050 4060050, "
                + "520100 4060050, 520100 4060000, 520000 4060000))");
        assertThat(PlaceDistances.of(l, List.of(place("notch", 520_060, 4_060_080))).get(0).km()).isEqualTo(0.01);
    }

    @Test
    void kilometresAreRoundedToATenthOfAMetreAndKeepThePlacesOrderAndNames() {
        // 12,345.67 m east of the square's east edge.
        Place far = new Place("airport", "airport", "Jinan Yaoqiang International Airport", "济南遥墙国际机场",
                "a test", point(520_100 + 12_345.67, 4_060_050), null);
        Place near = place("near", 520_100.04, 4_060_050);
        List<PlanningConditions.Distance> distances = PlaceDistances.of(SQUARE, List.of(far, near));
        assertThat(distances).extracting(PlanningConditions.Distance::place).containsExactly("airport", "near");
        assertThat(distances.get(0).km()).isEqualTo(12.3457);
        assertThat(distances.get(0).nameZh()).isEqualTo("济南遥墙国际机场");
        assertThat(distances.get(0).nameEn()).isEqualTo("Jinan Yaoqiang International Airport");
        assertThat(distances.get(0).kind()).isEqualTo("airport");
        assertThat(distances.get(1).km()).isEqualTo(0.0);
        assertThat(PlaceDistances.of(SQUARE, List.of())).isEmpty();
    }

    @Nested
    class Refused {

        @Test
        void aPlaceInCrs84() {
            Point lonLat = CrsTransform.CRS84.createPoint(new Coordinate(117.216, 36.8572));
            Place place = new Place("airport", "airport", "Airport", "机场", "a test", lonLat, lonLat);
            assertThatThrownBy(() -> PlaceDistances.of(SQUARE, List.of(place)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4326");
        }

        @Test
        void anOutlineInCrs84() {
            Polygon lonLat = (Polygon) CrsTransform.toCrs84(SQUARE);
            assertThatThrownBy(() -> PlaceDistances.of(lonLat, List.of(place("p", 520_000, 4_060_000))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outline");
        }
    }

    private static Place place(String id, double easting, double northing) {
        return new Place(id, "service-centre", id, id, "a test", point(easting, northing), null);
    }

    private static Point point(double easting, double northing) {
        return CrsTransform.PLANAR.createPoint(new Coordinate(easting, northing));
    }

    private static Polygon polygon(String wkt) {
        try {
            return (Polygon) new WKTReader(new GeometryFactory(new PrecisionModel(), 4548)).read(wkt);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
