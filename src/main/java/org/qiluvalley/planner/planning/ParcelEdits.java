package org.qiluvalley.planner.planning;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.qiluvalley.planner.errors.ConflictException;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.NotFoundException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.errors.StaleVersionException;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.history.HistoryStore;
import org.qiluvalley.planner.parcel.FeatureQuery;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.parcel.PlanningIndicators;
import org.qiluvalley.planner.rules.AllocationValidator;
import org.qiluvalley.planner.rules.Candidate;
import org.qiluvalley.planner.rules.Finding;
import org.qiluvalley.planner.rules.SiteContext;
import org.qiluvalley.planner.rules.StoreSiteContext;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.springframework.stereotype.Component;

import org.locationtech.jts.geom.Polygon;

/**
 * Parcel writes: create, replace, withdraw, and the status changes of the allocation lifecycle. Each runs in one
 * transaction: lock the zone(s), re-read, check the version, validate, write (compare-and-set on the version),
 * record the audit event. Nothing is physically deleted: withdrawing sets status {@code withdrawn}.
 */
@Component
public class ParcelEdits {

    /** The result of a write: the parcel as stored and the findings (warnings only: errors refuse the write). */
    public record Outcome(Parcel parcel, List<Finding> findings) {
    }

    private final ParcelStore store;
    private final HistoryStore history;
    private final AllocationValidator planRules;
    private final AllocationValidator indicatorRules;

    ParcelEdits(ParcelStore store, ZoningRuleBook book, HistoryStore history) {
        this.store = store;
        this.history = history;
        this.planRules = AllocationValidator.forParcelEdits(book);
        this.indicatorRules = AllocationValidator.indicatorsOnly(book);
    }

    /**
     * The findings a parcel write would meet, without writing (the planner's "check before saving"): the plan
     * rules on the outline, and the planning conditions against the zone's limits at both ends of each range.
     *
     * @param existingId the parcel being replaced (excluded from the overlap test), or null for a new one
     */
    public List<Finding> check(ParcelDraft draft, String existingId) {
        return check(draft, existingId, new StoreSiteContext(store));
    }

    /** As {@link #check(ParcelDraft, String)}, in the given view of the park (a split's or a merge's). */
    List<Finding> check(ParcelDraft draft, String existingId, SiteContext site) {
        List<Finding> findings = new ArrayList<>(planRules.validate(new Candidate(existingId, draft.planar(),
                draft.zone(), draft.landUse(), Candidate.ProposedIndicators.NONE, null), site));
        PlanningIndicators ind = draft.indicators();
        // The upper ends (FAR max, coverage max, green min, height max) and the lower ends: both must be allowed.
        List<Finding> upper = indicatorRules.validate(new Candidate(null, draft.planar(), draft.zone(), draft.landUse(),
                new Candidate.ProposedIndicators(ind.farMax(), ind.coverageMax(), ind.greenRatioMin(),
                        ind.heightMaxMetres()), null), site);
        List<Finding> lower = indicatorRules.validate(new Candidate(null, draft.planar(), draft.zone(), draft.landUse(),
                new Candidate.ProposedIndicators(ind.farMin(), ind.coverageMin(), ind.greenRatioMax(), null), null),
                site);
        findings.addAll(upper);
        lower.stream().filter(f -> upper.stream().noneMatch(u -> u.message().equals(f.message())))
                .forEach(findings::add);
        return findings;
    }

    public Outcome create(ParcelDraft draft, String actor) {
        if (draft.status() != null && draft.status() != ParcelStatus.AVAILABLE) {
            throw conflict("a new parcel is available; reserve or allocate it through /api/allocations");
        }
        return store.inTransaction(() -> {
            lockZones(draft.zone());
            String id = draft.id() != null ? draft.id() : nextId(draft.zone());
            if (store.findById(Layer.PARCELS, id).isPresent()) {
                throw conflict("parcel " + id + " exists; replace it with PUT and its ETag");
            }
            List<Finding> findings = refuseOnErrors(check(draft, null));
            Parcel parcel = toParcel(id, draft, ParcelStatus.AVAILABLE, 1);
            if (!store.insertParcel(parcel)) {
                throw conflict("parcel " + id + " exists; replace it with PUT and its ETag");
            }
            history.record(actor, "create", "parcel", id, null, ParcelJson.feature(parcel));
            return new Outcome(parcel, findings);
        });
    }

    public Outcome replace(String id, long expectedVersion, ParcelDraft draft, String actor) {
        Parcel before = find(id);
        return store.inTransaction(() -> {
            lockZones(before.zone(), draft.zone());
            Parcel current = currentAtVersion(id, expectedVersion);
            if (!current.status().isLive()) {
                throw conflict("parcel " + id + " is " + current.status().wireName()
                        + ": it is history and is not edited");
            }
            if (draft.status() != null && draft.status() != current.status()) {
                throw conflict("status cannot be written (it is " + current.status().wireName()
                        + "); the allocation lifecycle under /api/allocations changes it, DELETE withdraws");
            }
            // A reserved or allocated parcel is what its allocation was validated and granted on: its outline,
            // zone, land use and conditions are frozen until the allocation is rejected or released.
            if (current.status() != ParcelStatus.AVAILABLE) {
                throw conflict("parcel " + id + " is " + current.status().wireName() + ": its outline and conditions "
                        + "are those of its allocation; reject or release the allocation before editing it");
            }
            List<Finding> findings = refuseOnErrors(check(draft, id));
            Parcel after = toParcel(id, draft, current.status(), current.version() + 1);
            write(current, after, "update", actor);
            return new Outcome(after, findings);
        });
    }

    /** DELETE: sets status withdrawn. Only an available parcel can be withdrawn (release its allocation first). */
    public Parcel withdraw(String id, long expectedVersion, String actor) {
        Parcel before = find(id);
        return store.inTransaction(() -> {
            lockZones(before.zone());
            Parcel current = currentAtVersion(id, expectedVersion);
            if (current.status() != ParcelStatus.AVAILABLE) {
                throw conflict("parcel " + id + " is " + current.status().wireName()
                        + "; only an available parcel can be withdrawn (reject or release its allocation first)");
            }
            Parcel after = withStatus(current, ParcelStatus.WITHDRAWN);
            write(current, after, "withdraw", actor);
            return after;
        });
    }

    /**
     * A status change by the allocation lifecycle. The caller holds the zone lock in its transaction and has
     * checked that the change is allowed.
     */
    public Parcel changeStatus(Parcel current, ParcelStatus status, String actor) {
        Parcel after = withStatus(current, status);
        write(current, after, switch (status) {
            case RESERVED -> "reserve";
            case ALLOCATED -> "allocate";
            case AVAILABLE -> "make-available";
            case WITHDRAWN -> "withdraw";
            case RETIRED -> "retire";
        }, actor);
        return after;
    }

    /** Locks zone rows in id order, so two writers locking the same two zones can never deadlock. */
    public void lockZones(String... zones) {
        for (String zone : new TreeSet<>(List.of(zones))) {
            try {
                store.lockZone(zone);
            } catch (java.util.NoSuchElementException e) {
                throw new InvalidInputException("unknown zone \"" + RefusedException.clip(zone) + "\"");
            }
        }
    }

    private void write(Parcel current, Parcel after, String action, String actor) {
        if (!store.updateParcel(after, current.version())) {
            throw stale(current.id());
        }
        history.record(actor, action, "parcel", current.id(), ParcelJson.feature(current), ParcelJson.feature(after));
    }

    private Parcel find(String id) {
        return store.findById(Layer.PARCELS, id)
                .orElseThrow(() -> new NotFoundException("no parcel \"" + RefusedException.clip(id) + "\""));
    }

    private Parcel currentAtVersion(String id, long expectedVersion) {
        Parcel current = find(id);
        if (current.version() != expectedVersion) {
            throw stale(id);
        }
        return current;
    }

    static RefusedException stale(String id) {
        return new StaleVersionException("parcel " + id
                + " has changed since that ETag was issued: fetch it again and re-apply your change");
    }

    private static RefusedException conflict(String detail) {
        return new ConflictException(detail);
    }

    static List<Finding> refuseOnErrors(List<Finding> findings) {
        if (!AllocationValidator.isValid(findings)) {
            throw new FindingsRejected(findings);
        }
        return findings;
    }

    static Parcel toParcel(String id, ParcelDraft draft, ParcelStatus status, long version) {
        Polygon planar = draft.planar();
        Polygon crs84 = (Polygon) CrsTransform.toCrs84(planar);
        return new Parcel(id, draft.zone(), draft.landUse(), status, draft.indicators(), planar.getArea(), version,
                now(), planar, crs84, draft.offer());
    }

    static Parcel withStatus(Parcel p, ParcelStatus status) {
        return new Parcel(p.id(), p.zone(), p.landUse(), status, p.indicators(), p.areaSquareMetres(), p.version() + 1,
                now(), p.planar(), p.crs84(), p.offer());
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** {@code QOV-<zone initials>-<n>}, n one more than the zone's parcel count, skipping ids taken. */
    private String nextId(String zone) {
        String prefix = "QOV-" + zonePrefix(zone) + "-";
        long n = store.find(Layer.PARCELS, new FeatureQuery(null, Map.of("zone", zone), 0, 0)).numberMatched() + 1;
        while (store.findById(Layer.PARCELS, prefix + String.format(Locale.ROOT, "%03d", n)).isPresent()) {
            n++;
        }
        return prefix + String.format(Locale.ROOT, "%03d", n);
    }

    /** laser-industry to LI, exchange-center to EC, incubator to IN. */
    static String zonePrefix(String zone) {
        String[] words = zone.split("-");
        if (words.length == 1) {
            return zone.substring(0, Math.min(2, zone.length())).toUpperCase(Locale.ROOT);
        }
        StringBuilder prefix = new StringBuilder();
        for (String word : words) {
            if (!word.isEmpty()) {
                prefix.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        return prefix.toString();
    }
}
