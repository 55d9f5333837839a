package org.qiluvalley.planner.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.parcel.AreaTotals;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.Road;
import org.qiluvalley.planner.parcel.Zone;

/**
 * The plan-wide audit: every rule that applies to a plan (not to a new allocation) run over every live parcel, the
 * zone budgets, the park total against its 487 ha, and the gaps and slivers between parcels. EPSG:4548 throughout.
 */
public final class ParkAudit {

    /** The park's published size: 7,300 mu, m². */
    public static final double PARK_TARGET_M2 = 4_870_000;
    /** How far the boundary may be from the published size before the audit says so, m² (0.5 ha). */
    public static final double PARK_TOLERANCE_M2 = 5_000;
    /** Rules about a new allocation, not about the standing plan: an allocated parcel is not "unavailable". */
    static final Set<String> NOT_FOR_THE_PLAN = Set.of("parcel.status", "zone.capacity", "pledge.minimum",
            "allocation.term", "sliver.gap");

    private final ZoningRuleBook book;
    private final AllocationValidator parcelChecks;

    public ParkAudit(ZoningRuleBook book) {
        this.book = book;
        this.parcelChecks = new AllocationValidator(book,
                AllocationValidator.RULES.stream().filter(r -> !NOT_FOR_THE_PLAN.contains(r.id())).toList());
    }

    /** One zone's line of the budget table; areas m², uses as fractions of the budget (null without a budget). */
    public record ZoneLine(Zone zone, ZoneRules rules, long parcels, double allocatedM2, double reservedM2,
            double availableM2, Double budgetAreaM2, Double budgetUse, double floorCapacityM2,
            double committedFloorAreaM2, Double budgetFloorAreaM2, Double floorBudgetUse) {
    }

    /** A finding and the feature it was found on (a parcel id, a zone id or {@code valley}). */
    public record AuditFinding(String subject, Finding finding) {
    }

    public record Report(double parkAreaM2, double zonesAreaM2, List<ZoneLine> zones, List<AuditFinding> findings,
            int parcelsChecked) {

        public long errors() {
            return findings.stream().filter(f -> f.finding().isError()).count();
        }

        public long warnings() {
            return findings.size() - errors();
        }
    }

    public Report run(InMemorySiteContext site) {
        List<AuditFinding> findings = new ArrayList<>();
        double parkArea = site.valley().map(v -> v.planar().getArea()).orElse(0.0);
        if (Math.abs(parkArea - PARK_TARGET_M2) > PARK_TOLERANCE_M2) {
            findings.add(new AuditFinding("valley", Finding.error("valley.area", "The park boundary measures "
                    + Check.areaEn(parkArea) + ", not the published 4,870,000 m² (487 ha) within 5,000 m².",
                    "园区边界面积 " + Check.areaZh(parkArea) + "，与公布的 487 公顷相差超过 0.5 公顷。", parkArea,
                    PARK_TARGET_M2, "m²", "Qilu Optics Valley: 7,300 mu (487 ha), published 2023", List.of("valley"),
                    null)));
        }
        // Every parcel against the plan rules; an overlap is reported once per pair.
        Set<String> overlapPairs = new java.util.HashSet<>();
        List<Parcel> parcels = site.parcels();
        for (Parcel parcel : parcels) {
            Candidate asPlanned = new Candidate(parcel.id(), parcel.planar(), parcel.zone(), parcel.landUse(),
                    Candidate.ProposedIndicators.NONE, null);
            for (Finding finding : parcelChecks.validate(asPlanned, site)) {
                if (finding.rule().equals("parcel.overlap")) {
                    String other = finding.related().get(0);
                    String pair = parcel.id().compareTo(other) < 0 ? parcel.id() + "|" + other : other + "|" + parcel.id();
                    if (!overlapPairs.add(pair)) {
                        continue;
                    }
                }
                findings.add(new AuditFinding(parcel.id(), finding));
            }
        }
        List<ZoneLine> lines = new ArrayList<>();
        double zonesArea = 0;
        for (Zone zone : site.zones()) {
            zonesArea += zone.planar().getArea();
            ZoneRules rules = book.zone(zone.id()).orElse(null);
            ZoneLine line = line(zone, rules, site.zoneTotals(zone.id()));
            lines.add(line);
            budgetFindings(line, findings);
            if (rules != null && rules.allocatable()) {
                gaps(zone, rules, site, findings);
            }
        }
        return new Report(parkArea, zonesArea, lines, findings, parcels.size());
    }

    private static ZoneLine line(Zone zone, ZoneRules rules, Map<ParcelStatus, AreaTotals> totals) {
        AreaTotals allocated = totals.getOrDefault(ParcelStatus.ALLOCATED, AreaTotals.NONE);
        AreaTotals reserved = totals.getOrDefault(ParcelStatus.RESERVED, AreaTotals.NONE);
        AreaTotals available = totals.getOrDefault(ParcelStatus.AVAILABLE, AreaTotals.NONE);
        AreaTotals all = allocated.plus(reserved).plus(available);
        double committed = allocated.areaSquareMetres() + reserved.areaSquareMetres();
        double committedFloor = allocated.floorAreaCapacitySquareMetres() + reserved.floorAreaCapacitySquareMetres();
        Double budgetArea = rules == null || rules.budgetAreaHa() == null ? null
                : rules.budgetAreaHa() * Crs.SQUARE_METRES_PER_HECTARE;
        Double budgetFloor = rules == null ? null : rules.budgetFloorAreaM2();
        return new ZoneLine(zone, rules, all.parcels(), allocated.areaSquareMetres(), reserved.areaSquareMetres(),
                available.areaSquareMetres(), budgetArea, budgetArea == null ? null : committed / budgetArea,
                all.floorAreaCapacitySquareMetres(), committedFloor, budgetFloor,
                budgetFloor == null ? null : committedFloor / budgetFloor);
    }

    private void budgetFindings(ZoneLine line, List<AuditFinding> findings) {
        if (line.budgetUse() != null && line.budgetUse() > 1) {
            double committed = line.allocatedM2() + line.reservedM2();
            findings.add(new AuditFinding(line.zone().id(), Finding.error("zone.capacity", "Committed land in zone "
                    + line.zone().id() + " is " + Check.areaEn(committed) + ", over its budget of "
                    + Check.areaEn(line.budgetAreaM2()) + ".", "功能区“" + line.zone().nameZh() + "”已用地 "
                    + Check.areaZh(committed) + "，超过用地指标。", committed, line.budgetAreaM2(), "m²",
                    book.sourceTitle(line.rules().budgetSource()), List.of(line.zone().id()), null)));
        }
        if (line.floorBudgetUse() != null && line.floorBudgetUse() > 1) {
            findings.add(new AuditFinding(line.zone().id(), Finding.error("zone.capacity", "Committed floor area in zone "
                    + line.zone().id() + " is " + Check.floorEn(line.committedFloorAreaM2()) + ", over its budget of "
                    + Check.floorEn(line.budgetFloorAreaM2()) + ".", "功能区“" + line.zone().nameZh() + "”建筑面积超过指标。",
                    line.committedFloorAreaM2(), line.budgetFloorAreaM2(), "m²",
                    book.sourceTitle(line.rules().budgetSource()), List.of(line.zone().id()), null)));
        }
    }

    /**
     * Zone land that no parcel and no road covers: a sliver (narrower than the sliver width) is a warning, since it
     * can never be allocated; a wider gap is a warning too, as land the plan has not parcelled.
     */
    private void gaps(Zone zone, ZoneRules rules, InMemorySiteContext site, List<AuditFinding> findings) {
        List<Geometry> covered = new ArrayList<>();
        for (Parcel parcel : site.parcelsNear(zone.planar().getEnvelopeInternal())) {
            if (parcel.zone().equals(zone.id())) {
                covered.add(parcel.planar());
            }
        }
        for (Road road : site.roadReservesNear(zone.planar().getEnvelopeInternal())) {
            covered.add(road.planar());
        }
        Geometry left = covered.isEmpty() ? zone.planar() : Overlays.difference(zone.planar(), UnaryUnionOp.union(covered));
        double width = book.checks().sliverMaxWidthMetres();
        double tolerance = book.checks().overlapToleranceM2();
        double minArea = rules.parcelAreaM2() == null || rules.parcelAreaM2().min() == null ? 0 : rules.parcelAreaM2().min();
        for (int i = 0; i < left.getNumGeometries(); i++) {
            Geometry piece = left.getGeometryN(i);
            double area = piece.getArea();
            if (area <= tolerance) {
                continue;
            }
            boolean sliver = piece.buffer(-width / 2).isEmpty();
            String source = book.sourceTitle(book.checks().source());
            if (sliver) {
                findings.add(new AuditFinding(zone.id(), Finding.warning("sliver.gap", "A sliver of " + Check.areaEn(area)
                        + ", narrower than " + Check.format(width) + " m, lies between parcels of zone " + zone.id()
                        + ".", "功能区“" + zone.nameZh() + "”地块间有 " + Check.areaZh(area) + "、宽不足 "
                        + Check.format(width) + " 米的零碎用地。", area, minArea, "m²", source, List.of(zone.id()), piece)));
            } else {
                findings.add(new AuditFinding(zone.id(), Finding.warning("audit.gap", Check.areaEn(area) + " of zone "
                        + zone.id() + " is not parcelled.", "功能区“" + zone.nameZh() + "”有 " + Check.areaZh(area)
                        + "尚未划分地块。", area, null, "m²", source, List.of(zone.id()), piece)));
            }
        }
    }
}
