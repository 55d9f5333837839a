package org.qiluvalley.planner.conditions;

import java.time.Instant;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.qiluvalley.planner.conditions.PlanningConditions.Adjoining;
import org.qiluvalley.planner.conditions.PlanningConditions.BoundaryPoint;
import org.qiluvalley.planner.conditions.PlanningConditions.ControlLine;
import org.qiluvalley.planner.conditions.PlanningConditions.Distance;
import org.qiluvalley.planner.conditions.PlanningConditions.Indicator;
import org.qiluvalley.planner.conditions.PlanningConditions.LandUse;
import org.qiluvalley.planner.conditions.PlanningConditions.LeaseTerm;
import org.qiluvalley.planner.conditions.PlanningConditions.MapContent;
import org.qiluvalley.planner.conditions.PlanningConditions.MapFeature;
import org.qiluvalley.planner.conditions.PlanningConditions.Named;
import org.qiluvalley.planner.conditions.PlanningConditions.Pledges;
import org.qiluvalley.planner.conditions.PlanningConditions.RoadSetback;

/**
 * A letter for a 60.12 mu parcel in the park (EPSG:4548, near Jinan: easting 520,000 m, northing 4,060,000 m), built by
 * hand: a 200 m x 200.65 m rectangle with its south-east corner cut by a 10 m x 10 m triangle, so its area is
 * 40,130 - 50 = 40,080 m² = 4.0080 ha = 60.12 mu exactly. A road reserve lies 5 m to the south, a parcel 15 m to the
 * east and an unlabelled one (a parcel the public may not see by id) to the north.
 */
final class LetterFixture {

    static final String PARCEL_ID = "QL-B-12";
    static final double AREA_M2 = 40_080;

    /** The boundary points, clockwise from the north-west corner: name, northing (X), easting (Y), metres. */
    static final List<BoundaryPoint> POINTS = List.of(new BoundaryPoint("J1", 4_060_200.65, 520_000.00),
            new BoundaryPoint("J2", 4_060_200.65, 520_200.00), new BoundaryPoint("J3", 4_060_010.00, 520_200.00),
            new BoundaryPoint("J4", 4_060_000.00, 520_190.00), new BoundaryPoint("J5", 4_060_000.00, 520_000.00));

    private static final GeometryFactory PLANAR = new GeometryFactory();

    private LetterFixture() {
    }

    static PlanningConditions letter(boolean draft, String zoneNameEn) {
        return new PlanningConditions(PARCEL_ID, draft, draft ? "reserved" : null,
                Instant.parse("2025-03-14T02:30:00Z"), new Named("Z-B", zoneNameEn, "激光产业园B区"),
                new LandUse("M1", "一类工业用地", "Class I industrial"), AREA_M2, 4.0080, 60.12, indicators(),
                List.of(new RoadSetback("R-7", "Guanggu 3rd Road", "光谷三路", "secondary", 30, "south", 5.0, 10,
                        "GB 50180-2018 & Jinan rules <2019>")),
                List.of(new Adjoining("north", "parcel", null, null, null),
                        new Adjoining("east", "parcel", "QL-A-07", "Laser Works", "激光制造"),
                        new Adjoining("south", "road", "R-7", "Guanggu 3rd Road", "光谷三路"),
                        new Adjoining("west", "open", null, null, null)),
                List.of(new ControlLine("HV-2", "high-voltage-corridor", "220 kV corridor", "220千伏高压走廊",
                        "outside", 120.5)),
                List.of(new Distance("airport", "airport", "Jinan Yaoqiang International Airport", "济南遥墙国际机场",
                        12.3456), new Distance("service-centre", "service-centre", "Park service centre",
                        "园区服务中心", 0.4)),
                new LeaseTerm(50, "industrial", "工业用地", "国务院令第55号 (1990) 第十二条"),
                new Pledges(300, 25, "illustrative source of a test fixture"),
                "http://www.opengis.net/def/crs/EPSG/0/4548", POINTS,
                map());
    }

    private static List<Indicator> indicators() {
        return List.of(new Indicator("far", "Floor area ratio", "容积率", 1.0, 2.5, "ratio", "Zone B plan"),
                new Indicator("coverage", "Building coverage", "建筑密度", 0.3, 0.6, "fraction", "Zone B plan"),
                new Indicator("greenRatio", "Green ratio", "绿地率", null, 0.15, "fraction", "GB 50180-2018"),
                new Indicator("heightMax", "Building height", "建筑高度", null, 24.0, "m", "Zone B plan"),
                new Indicator("setback", "Boundary setback", "建筑退界", 5.0, null, "m", "Jinan rules"));
    }

    private static MapContent map() {
        Polygon parcel = rectangleWithCut();
        return new MapContent(parcel,
                List.of(new MapFeature("QL-A-07", box(520_215, 4_060_000, 520_400, 4_060_220)),
                        new MapFeature(null, box(519_950, 4_060_215, 520_250, 4_060_400))),
                List.of(new MapFeature("光谷三路 Guanggu 3rd Road", box(519_800, 4_059_970, 520_500, 4_059_995))));
    }

    private static Polygon rectangleWithCut() {
        Coordinate[] ring = new Coordinate[POINTS.size() + 1];
        for (int i = 0; i < POINTS.size(); i++) {
            ring[i] = new Coordinate(POINTS.get(i).easting(), POINTS.get(i).northing());
        }
        ring[POINTS.size()] = ring[0];
        return PLANAR.createPolygon(ring);
    }

    private static Polygon box(double minEasting, double minNorthing, double maxEasting, double maxNorthing) {
        return PLANAR.createPolygon(new Coordinate[] {new Coordinate(minEasting, minNorthing),
                new Coordinate(minEasting, maxNorthing), new Coordinate(maxEasting, maxNorthing),
                new Coordinate(maxEasting, minNorthing), new Coordinate(minEasting, minNorthing)});
    }
}
