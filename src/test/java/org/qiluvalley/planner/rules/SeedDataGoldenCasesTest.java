package org.qiluvalley.planner.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.parcel.ConstraintArea;
import org.qiluvalley.planner.parcel.ConstraintKind;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParkDataset;
import org.qiluvalley.planner.parcel.ValleyPart;
import org.qiluvalley.planner.testsupport.ParkData;

/**
 * Golden cases on the real seed data of {@code gis-data/}: the whole rule book over the committed park, in memory.
 */
class SeedDataGoldenCasesTest {

    private static ZoningRuleBook book;
    private static ParkDataset data;
    private static InMemorySiteContext park;
    private static AllocationValidator validator;

    @BeforeAll
    static void loadThePark() {
        book = ParkData.ruleBook();
        data = ParkData.dataset();
        ValleyPart boundary = data.valley().stream().filter(v -> "boundary".equals(v.kind())).findFirst().orElseThrow();
        park = new InMemorySiteContext(boundary, data.zones(), data.parcels(), data.constraints(),
                data.roads().stream().filter(r -> "reserve".equals(r.kind())).toList());
        validator = new AllocationValidator(book);
    }

    private static Parcel firstParcel(String zone, ParcelStatus status) {
        return data.parcels().stream().filter(p -> p.zone().equals(zone) && p.status() == status).findFirst()
                .orElseThrow(() -> new AssertionError("no " + status.wireName() + " parcel in " + zone));
    }

    private static Candidate asItself(Parcel parcel, Candidate.ProposedIndicators indicators) {
        return new Candidate(parcel.id(), parcel.planar(), parcel.zone(), parcel.landUse(), indicators, null);
    }

    private static Candidate drawn(Geometry planar) {
        return new Candidate(null, planar, "laser-industry", "100101", Candidate.ProposedIndicators.NONE, null);
    }

    private static String describe(List<Finding> findings) {
        return findings.stream().map(f -> f.severity().wireName() + " " + f.rule() + " measured=" + f.measured()
                + " limit=" + f.limit() + " related=" + f.related() + ": " + f.message())
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    private static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(Finding::isError).toList();
    }

    @Test
    void theParkIsLoaded() {
        assertThat(park.valley()).isPresent();
        assertThat(park.zones()).hasSize(6);
        assertThat(park.parcels()).hasSize(190);
        assertThat(park.constraints()).extracting(ConstraintArea::kind).contains(ConstraintKind.values());
        assertThat(park.valley().orElseThrow().planar().getSRID()).isEqualTo(4548);
    }

    @Test
    void anAvailableEnterpriseParcelWithIndicatorsInRangeIsValid() {
        Parcel parcel = firstParcel("laser-industry", ParcelStatus.AVAILABLE);
        List<Finding> findings = validator.validate(asItself(parcel,
                new Candidate.ProposedIndicators(1.5, 0.5, 0.15, 30.0)), park);
        assertThat(errors(findings)).as("findings for %s:%s", parcel.id(), describe(findings)).isEmpty();
        assertThat(AllocationValidator.isValid(findings)).isTrue();
    }

    @Test
    void theSameParcelWithAFarBelowTheZoneMinimumHasExactlyThatError() {
        Parcel parcel = firstParcel("laser-industry", ParcelStatus.AVAILABLE);
        List<Finding> findings = validator.validate(asItself(parcel,
                new Candidate.ProposedIndicators(0.6, 0.5, 0.15, 30.0)), park);
        List<Finding> errors = errors(findings);
        assertThat(errors).as("findings for %s:%s", parcel.id(), describe(findings)).hasSize(1);
        Finding far = errors.get(0);
        assertThat(far.rule()).isEqualTo("indicator.far");
        assertThat(far.measured()).isEqualTo(0.6);
        assertThat(far.limit()).isEqualTo(1.0);
        assertThat(far.unit()).isEqualTo("ratio");
        assertThat(far.related()).containsExactly("laser-industry", parcel.id());
        assertThat(AllocationValidator.isValid(findings)).isFalse();
    }

    @Test
    void aSquareAcrossTheSouthBoundaryOverlapsTheEcologicalRedLine() {
        ConstraintArea redLine = data.constraints().stream()
                .filter(c -> c.kind() == ConstraintKind.ECOLOGICAL_RED_LINE).findFirst().orElseThrow();
        Geometry boundary = park.valley().orElseThrow().planar();
        // Where the park's south boundary meets the red line: the middle of the shared edge.
        Geometry shared = boundary.getBoundary().intersection(redLine.planar());
        Coordinate centre;
        if (shared.getLength() > 0) {
            LineString longest = longestLine(shared);
            centre = new LengthIndexedLine(longest).extractPoint(longest.getLength() / 2);
        } else {
            centre = DistanceOp.nearestPoints(boundary, redLine.planar())[0];
        }
        Polygon square = square(centre, 60);

        List<Finding> findings = validator.validate(drawn(square), park);
        List<Finding> redLineFindings = findings.stream().filter(f -> f.rule().equals("constraint.redline")).toList();
        assertThat(redLineFindings).as("findings:%s", describe(findings)).hasSize(1);
        Finding finding = redLineFindings.get(0);
        double expected = square.intersection(redLine.planar()).getArea();
        assertThat(expected).as("the square reaches into the red line").isGreaterThan(100.0);
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.measured()).isCloseTo(expected, within(0.1));
        assertThat(finding.limit()).isEqualTo(0.5);
        assertThat(finding.unit()).isEqualTo("m²");
        assertThat(finding.related()).containsExactly(redLine.id());
        assertThat(finding.planar().getArea()).isCloseTo(finding.measured(), within(0.1));
        assertThat(AllocationValidator.isValid(findings)).isFalse();
    }

    @Test
    void aRectangleAcrossTheSharedEdgeOfTwoParcelsOverlapsBoth() {
        // The first pair of parcels (in data order) sharing an edge at least 60 m long.
        Parcel first = null;
        Parcel second = null;
        LineString edge = null;
        search:
        for (Parcel a : data.parcels()) {
            for (Parcel b : park.parcelsNear(a.planar().getEnvelopeInternal())) {
                if (a.id().compareTo(b.id()) >= 0) {
                    continue;
                }
                Geometry common = a.planar().intersection(b.planar());
                if (common.getDimension() == 1 && longestLine(common).getLength() >= 60) {
                    first = a;
                    second = b;
                    edge = longestLine(common);
                    break search;
                }
            }
        }
        assertThat((Object) edge).as("two seed parcels sharing an edge").isNotNull();
        Coordinate middle = new LengthIndexedLine(edge).extractPoint(edge.getLength() / 2);
        Polygon straddle = square(middle, 20);

        List<Finding> findings = validator.validate(drawn(straddle), park);
        List<Finding> overlaps = findings.stream().filter(f -> f.rule().equals("parcel.overlap"))
                .sorted(Comparator.comparing(f -> f.related().get(0))).toList();
        assertThat(overlaps).as("findings:%s", describe(findings)).hasSize(2);
        assertThat(overlaps).extracting(f -> f.related()).containsExactly(List.of(first.id()), List.of(second.id()));
        assertThat(overlaps.get(0).measured()).isCloseTo(straddle.intersection(first.planar()).getArea(), within(0.01));
        assertThat(overlaps.get(1).measured()).isCloseTo(straddle.intersection(second.planar()).getArea(), within(0.01));
        for (Finding overlap : overlaps) {
            assertThat(overlap.severity()).isEqualTo(Severity.ERROR);
            assertThat(overlap.measured()).isGreaterThan(0.5);
            assertThat(overlap.planar().getArea()).isCloseTo(overlap.measured(), within(0.01));
        }
        assertThat(overlaps.get(0).measured() + overlaps.get(1).measured()).isCloseTo(400.0, within(0.01));
    }

    @Test
    void anAllocatedParcelCannotBeAllocatedAgain() {
        Parcel parcel = firstParcel("laser-industry", ParcelStatus.ALLOCATED);
        List<Finding> findings = validator.validate(asItself(parcel, Candidate.ProposedIndicators.NONE), park);
        List<Finding> status = findings.stream().filter(f -> f.rule().equals("parcel.status")).toList();
        assertThat(status).as("findings for %s:%s", parcel.id(), describe(findings)).hasSize(1);
        assertThat(status.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(status.get(0).related()).containsExactly(parcel.id());
        assertThat(AllocationValidator.isValid(findings)).isFalse();
    }

    /** The plan audit: every seed parcel, as itself, passes every rule except the allocation-time ones. */
    @Test
    void everySeedParcelPassesThePlanAudit() {
        List<Rule> audit = AllocationValidator.RULES.stream()
                .filter(r -> !r.id().equals("parcel.status") && !r.id().equals("zone.capacity")
                        && !r.id().equals("pledge.minimum") && !r.id().equals("allocation.term")).toList();
        assertThat(audit).hasSize(17);
        AllocationValidator auditor = new AllocationValidator(book, audit);
        List<String> counterexamples = new ArrayList<>();
        for (Parcel parcel : data.parcels()) {
            List<Finding> findings = auditor.validate(asItself(parcel, Candidate.ProposedIndicators.NONE), park);
            for (Finding error : errors(findings)) {
                counterexamples.add(parcel.id() + " (" + parcel.zone() + ", " + parcel.landUse() + ", "
                        + parcel.status().wireName() + "): " + error.rule() + " measured=" + error.measured() + " limit="
                        + error.limit() + " related=" + error.related() + ": " + error.message());
            }
        }
        assertThat(counterexamples).as("errors on seed parcels:%s",
                counterexamples.stream().collect(Collectors.joining("\n  ", "\n  ", ""))).isEmpty();
    }

    private static LineString longestLine(Geometry lines) {
        LineString longest = null;
        for (int i = 0; i < lines.getNumGeometries(); i++) {
            if (lines.getGeometryN(i) instanceof LineString line
                    && (longest == null || line.getLength() > longest.getLength())) {
                longest = line;
            }
        }
        if (longest == null) {
            throw new AssertionError("no line in " + lines);
        }
        return longest;
    }

    /** The axis-aligned square of side {@code side} metres centred on {@code centre}, EPSG:4548. */
    private static Polygon square(Coordinate centre, double side) {
        double h = side / 2;
        return CrsTransform.PLANAR.createPolygon(new Coordinate[] {new Coordinate(centre.x - h, centre.y - h),
                new Coordinate(centre.x + h, centre.y - h), new Coordinate(centre.x + h, centre.y + h),
                new Coordinate(centre.x - h, centre.y + h), new Coordinate(centre.x - h, centre.y - h)});
    }
}
