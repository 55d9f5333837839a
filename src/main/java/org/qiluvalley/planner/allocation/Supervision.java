package org.qiluvalley.planner.allocation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qiluvalley.planner.geo.Crs;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.springframework.stereotype.Component;

/**
 * Supervision after the contract (批后监管): every allocation under a transfer contract ({@code contracted} or
 * {@code reviewed}; a revoked one has been dealt with) held against its deadlines on the service's {@link Clock}
 * (days of the park's calendar, valley.allocations.time-zone), and what is late or short, as cases:
 * <ul>
 * <li>{@code overdue-handover}, {@code overdue-start} (逾期未开工), {@code overdue-completion} (逾期未竣工): the
 * milestone is past its deadline and not recorded (outstanding; days overdue counted to today), or was recorded
 * after the deadline (late; days counted to the date recorded). On the deadline itself nothing is overdue.</li>
 * <li>{@code review-due}: the review date has come and the allocation is not reviewed (days since the review date,
 * 0 on the day).</li>
 * <li>{@code below-pledge}: the review found a per-mu figure below its pledge; the percent achieved is the lower of
 * the two pledges' percents (a pledge not made counts for nothing).</li>
 * </ul>
 * <p>Land <b>contracted but idle</b> is the land of {@code contracted} allocations on which building has not
 * started (no {@code started} milestone), per zone, with the part already past its start deadline. This is the
 * park's working measure for follow-up, not the legal definition of idle land.
 */
@Component
public class Supervision {

    /** What is late or short. */
    public enum Kind {
        OVERDUE_HANDOVER("overdue-handover", "Hand-over overdue", "逾期未交地"),
        OVERDUE_START("overdue-start", "Start overdue", "逾期未开工"),
        OVERDUE_COMPLETION("overdue-completion", "Completion overdue", "逾期未竣工"),
        REVIEW_DUE("review-due", "Review due", "达产复核到期"),
        BELOW_PLEDGE("below-pledge", "Below pledge", "未达承诺");

        private final String wireName;
        private final String nameEn;
        private final String nameZh;

        Kind(String wireName, String nameEn, String nameZh) {
            this.wireName = wireName;
            this.nameEn = nameEn;
            this.nameZh = nameZh;
        }

        public String wireName() {
            return wireName;
        }

        public String nameEn() {
            return nameEn;
        }

        public String nameZh() {
            return nameZh;
        }

        public static Optional<Kind> fromWireName(String name) {
            return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
        }

        /** The wire names, comma-separated, for messages. */
        public static String wireNames() {
            return String.join(", ", Arrays.stream(values()).map(Kind::wireName).toList());
        }
    }

    /**
     * One thing late or short. {@code dueOn}: the deadline (for below-pledge, the contract's review date);
     * {@code doneOn}: when it happened, null while outstanding (for below-pledge, the review's date);
     * {@code daysOverdue}: whole days past the deadline (null for below-pledge); {@code percent}: the lowest percent
     * of a pledge achieved (below-pledge only).
     */
    public record Case(Kind kind, LocalDate dueOn, LocalDate doneOn, Long daysOverdue, Double percent) {

        public boolean outstanding() {
            return doneOn == null;
        }
    }

    /** An allocation under contract, its parcel's zone and area (m², EPSG:4548), and its cases. */
    public record Entry(Allocation allocation, String zone, double areaM2, List<Case> cases) {

        /** Contracted, and building not started. */
        public boolean idle() {
            return allocation.state() == AllocationState.CONTRACTED && allocation.milestones().startedOn() == null;
        }

        public double areaMu() {
            return areaM2 / Crs.SQUARE_METRES_PER_MU;
        }

        /** The most days overdue of its cases, 0 without any. */
        long mostDaysOverdue() {
            return cases.stream().map(Case::daysOverdue).filter(d -> d != null).mapToLong(Long::longValue).max()
                    .orElse(0);
        }
    }

    /**
     * A zone's land contracted but idle: allocations, their area (m²) and the part of it past its start deadline.
     */
    public record IdleLand(String zone, int allocations, double areaM2, double pastStartByM2) {
    }

    /**
     * The supervision sheet: as of which day, the entries the filters kept (with only the cases of the kinds asked
     * for), the number of cases of each kind (zone filter applied, kind filter not, so that every kind's count is
     * there), and each zone's idle land (every zone of the rule book when no zone filter, else that one).
     */
    public record Sheet(LocalDate asOf, List<Entry> entries, Map<Kind, Integer> counts, List<IdleLand> idle) {

        public IdleLand idleTotal() {
            return new IdleLand(null, idle.stream().mapToInt(IdleLand::allocations).sum(),
                    idle.stream().mapToDouble(IdleLand::areaM2).sum(),
                    idle.stream().mapToDouble(IdleLand::pastStartByM2).sum());
        }
    }

    private final AllocationStore allocations;
    private final ParcelStore parcels;
    private final ZoningRuleBook book;
    private final Clock clock;

    Supervision(AllocationStore allocations, ParcelStore parcels, ZoningRuleBook book, Clock clock) {
        this.allocations = allocations;
        this.parcels = parcels;
        this.book = book;
        this.clock = clock;
    }

    /** Today on the service's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The whole sheet, every kind, every zone. */
    public Sheet sheet() {
        return sheet(Set.of(), null);
    }

    /**
     * The sheet; {@code kinds} keeps the allocations with a case of one of them (empty: every allocation under
     * contract, on time or not), {@code zone} the allocations of one zone (null: all).
     */
    public Sheet sheet(Set<Kind> kinds, String zone) {
        LocalDate today = today();
        List<Entry> all = new ArrayList<>();
        for (Allocation a : allocations.underContract()) {
            Parcel parcel = parcels.findById(Layer.PARCELS, a.parcelId()).orElse(null);
            if (parcel == null || zone != null && !zone.equals(parcel.zone())) {
                continue;
            }
            all.add(new Entry(a, parcel.zone(), parcel.areaSquareMetres(), casesOf(a, today)));
        }
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            counts.put(kind, (int) all.stream().flatMap(e -> e.cases().stream()).filter(c -> c.kind() == kind)
                    .count());
        }
        List<Entry> kept = new ArrayList<>();
        for (Entry e : all) {
            List<Case> cases = kinds.isEmpty() ? e.cases()
                    : e.cases().stream().filter(c -> kinds.contains(c.kind())).toList();
            if (kinds.isEmpty() || !cases.isEmpty()) {
                kept.add(new Entry(e.allocation(), e.zone(), e.areaM2(), cases));
            }
        }
        kept.sort(Comparator.comparingLong(Entry::mostDaysOverdue).reversed()
                .thenComparing(e -> e.allocation().parcelId()).thenComparing(e -> e.allocation().id()));
        return new Sheet(today, kept, counts, idle(all, zone, today));
    }

    private List<IdleLand> idle(List<Entry> entries, String zone, LocalDate today) {
        Map<String, IdleLand> byZone = new LinkedHashMap<>();
        for (String id : zone == null ? book.zoneIds() : List.of(zone)) {
            byZone.put(id, new IdleLand(id, 0, 0, 0));
        }
        for (Entry e : entries) {
            if (!e.idle()) {
                continue;
            }
            IdleLand line = byZone.getOrDefault(e.zone(), new IdleLand(e.zone(), 0, 0, 0));
            boolean pastStartBy = today.isAfter(e.allocation().contract().startBy());
            byZone.put(e.zone(), new IdleLand(e.zone(), line.allocations() + 1, line.areaM2() + e.areaM2(),
                    line.pastStartByM2() + (pastStartBy ? e.areaM2() : 0)));
        }
        return List.copyOf(byZone.values());
    }

    /** The cases of one allocation under contract on {@code today}. */
    static List<Case> casesOf(Allocation a, LocalDate today) {
        Allocation.Contract contract = a.contract();
        if (contract == null || !(a.state() == AllocationState.CONTRACTED || a.state() == AllocationState.REVIEWED)) {
            return List.of();
        }
        Allocation.Milestones m = a.milestones();
        List<Case> cases = new ArrayList<>();
        deadline(cases, Kind.OVERDUE_HANDOVER, contract.handOverBy(), m.handedOverOn(), today);
        deadline(cases, Kind.OVERDUE_START, contract.startBy(), m.startedOn(), today);
        deadline(cases, Kind.OVERDUE_COMPLETION, contract.completeBy(), m.completedOn(), today);
        if (a.state() == AllocationState.CONTRACTED && !today.isBefore(contract.reviewOn())) {
            cases.add(new Case(Kind.REVIEW_DUE, contract.reviewOn(), null, days(contract.reviewOn(), today), null));
        }
        if (a.review() != null) {
            PledgeReview.Result result = PledgeReview.of(a.parcelId(), a.pledges(), a.review());
            Double lowest = lowest(result.investmentPercent(), result.taxPercent());
            if (lowest != null && lowest < 100) {
                cases.add(new Case(Kind.BELOW_PLEDGE, contract.reviewOn(), a.review().on(), null, lowest));
            }
        }
        return List.copyOf(cases);
    }

    /** A deadline missed: outstanding past it, or met after it. */
    private static void deadline(List<Case> cases, Kind kind, LocalDate dueOn, LocalDate doneOn, LocalDate today) {
        if (doneOn == null && today.isAfter(dueOn)) {
            cases.add(new Case(kind, dueOn, null, days(dueOn, today), null));
        } else if (doneOn != null && doneOn.isAfter(dueOn)) {
            cases.add(new Case(kind, dueOn, doneOn, days(dueOn, doneOn), null));
        }
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    /** The lower of two percents, either of which may be missing (no pledge); written out, not as a ternary,
     *  whose numeric promotion would unbox a missing one. */
    private static Double lowest(Double a, Double b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Math.min(a, b);
    }

}
