package org.qiluvalley.planner.planning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.qiluvalley.planner.errors.ConflictException;
import org.qiluvalley.planner.errors.InvalidInputException;
import org.qiluvalley.planner.errors.NotFoundException;
import org.qiluvalley.planner.errors.RefusedException;
import org.qiluvalley.planner.geo.CadastralPrecision;
import org.qiluvalley.planner.geo.CrsTransform;
import org.qiluvalley.planner.history.HistoryStore;
import org.qiluvalley.planner.history.ParcelLineageStore;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.Parcel;
import org.qiluvalley.planner.parcel.ParcelStatus;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.rules.AllocationValidator;
import org.qiluvalley.planner.rules.Finding;
import org.qiluvalley.planner.rules.StoreSiteContext;
import org.springframework.stereotype.Component;

/**
 * Split and merge: parcels shaped to an investor's demand without losing the link between old and new. The parcels
 * replaced are retired (kept, planner-visible, never public), the new ones are available, the lineage and the audit
 * events are written in the same transaction, and nothing is stored unless every new parcel passes the rule book.
 * A new parcel has no price, deposit or readiness unless the request gives them: the replaced parcels' were set for
 * their own outlines. Areas are EPSG:4548 m²; every outline is on the register's 0.01 m grid.
 */
@Component
public class ParcelReshaping {

    /** The most parcels one merge takes, and the most parts one split makes: a bound on one request's work. */
    public static final int MAX_PARCELS = 20;

    /** A vertex of a merged outline within this of the line through its neighbours is not a corner, metres. */
    private static final double COLLINEAR_METRES = 0.001;

    /** A new parcel as it would be stored, with the findings the rule book has for it. */
    public record NewParcel(Parcel parcel, List<Finding> findings) {
    }

    /**
     * A split's or a merge's result, or its preview.
     *
     * @param replaced the parcels replaced: after the write, retired; in a preview, as they are
     * @param created the new parcels (parts of a split, or the one merged parcel)
     */
    public record Result(List<Parcel> replaced, List<NewParcel> created) {

        /** True when no new parcel has an error finding. */
        public boolean valid() {
            return created.stream().allMatch(p -> AllocationValidator.isValid(p.findings()));
        }
    }

    /** A parcel to merge and the version its ETag named. */
    public record Ref(String id, long version) {
    }

    /**
     * Thrown when a new parcel fails the rule book: 422, nothing stored. The findings are every new parcel's; the
     * problem document also lists them per new parcel ({@link #parts()}).
     */
    public static final class PartsRejected extends FindingsRejected {
        private final transient Result result;

        PartsRejected(Result result) {
            super(result.created().stream().flatMap(p -> p.findings().stream()).toList());
            this.result = result;
        }

        /** Each new parcel with its findings. */
        public List<NewParcel> parts() {
            return result.created();
        }
    }

    private final ParcelStore store;
    private final ParcelEdits edits;
    private final HistoryStore history;
    private final ParcelLineageStore lineage;

    ParcelReshaping(ParcelStore store, ParcelEdits edits, HistoryStore history, ParcelLineageStore lineage) {
        this.store = store;
        this.edits = edits;
        this.history = history;
        this.lineage = lineage;
    }

    /** The parcel as it is now, or 404. */
    public Parcel parcel(String id) {
        return store.findById(Layer.PARCELS, id)
                .orElseThrow(() -> new NotFoundException("no parcel \"" + RefusedException.clip(id) + "\""));
    }

    /** The parcel cut by a line (EPSG:4548), north-west part first, each on the 0.01 m grid. */
    public List<Polygon> cut(Parcel parent, LineString line) {
        return ParcelCuts.byLine(onGrid(parent), line);
    }

    /** The client's parts (EPSG:4548), on the grid, checked to tile the parcel exactly. */
    public List<Polygon> checkParts(Parcel parent, List<Polygon> parts) {
        if (parts.size() > MAX_PARCELS) {
            throw new InvalidInputException("a split makes at most " + MAX_PARCELS + " parts");
        }
        return ParcelCuts.byParts(onGrid(parent), parts);
    }

    /**
     * The parent's outline on the 0.01 m grid: itself for every parcel stored since outlines are snapped; a parcel
     * stored earlier is cut as it is on the grid (its parts then tile that outline).
     */
    private static Polygon onGrid(Parcel parent) {
        Polygon planar = parent.planar();
        return CadastralPrecision.isSnapped(planar) ? planar : CadastralPrecision.snap(planar);
    }

    /** The default id of the n-th part (from 1): the parent's id with {@code -n}. */
    public static String partId(String parentId, int n) {
        return parentId + "-" + n;
    }

    /**
     * The split as it would be stored, checked, storing nothing (the workspace's preview): 409 for a parcel that is
     * not available, as the split itself (and a merge's preview) answers.
     *
     * @param parts the new parcels as drafts (ids set), in the order of the parts
     */
    public Result previewSplit(Parcel parent, List<ParcelDraft> parts) {
        available(parent, "split");
        return plan(List.of(parent), parts);
    }

    /**
     * Splits: under the zone lock, the parent is re-read at {@code expectedVersion} (412 otherwise), must be
     * available (409), the parts must pass the rule book (422 with each part's findings); then the parts are added,
     * the parent retired, and the lineage and audit events written, all in one transaction.
     */
    public Result split(String parentId, long expectedVersion, List<ParcelDraft> parts, String actor) {
        Parcel before = parcel(parentId);
        return store.inTransaction(() -> {
            edits.lockZones(zonesOf(List.of(before), parts));
            Parcel current = parcel(parentId);
            if (current.version() != expectedVersion) {
                throw ParcelEdits.stale(parentId);
            }
            available(current, "split");
            Result planned = plan(List.of(current), parts);
            if (!planned.valid()) {
                throw new PartsRejected(planned);
            }
            return write(planned, "split", actor);
        });
    }

    /** The merge as it would be stored, checked against the parcels as they are now, storing nothing. */
    public Result previewMerge(List<Ref> refs, String newId, java.util.function.Function<Parcel, ParcelDraft> draft) {
        List<Parcel> parcels = readAll(refs, false);
        return plan(parcels, List.of(mergedDraft(parcels, newId, draft)));
    }

    /**
     * Merges: under the zone lock every ETag is checked (412 names the stale parcel), each must be available (409),
     * and the merged parcel must pass the rule book (422); then it is added, the parcels retired, and the lineage
     * and audit events written, in one transaction.
     *
     * @param draft makes the merged parcel's draft from a base parcel (the largest one's conditions, the union's
     *        outline, the new id)
     */
    public Result merge(List<Ref> refs, String newId, java.util.function.Function<Parcel, ParcelDraft> draft,
            String actor) {
        List<Parcel> before = readAll(refs, false);
        return store.inTransaction(() -> {
            edits.lockZones(before.stream().map(Parcel::zone).distinct().toArray(String[]::new));
            List<Parcel> current = readAll(refs, true);
            Result planned = plan(current, List.of(mergedDraft(current, newId, draft)));
            if (!planned.valid()) {
                throw new PartsRejected(planned);
            }
            return write(planned, "merge", actor);
        });
    }

    /** The id a merge gives when none is asked for: the first parcel's id with {@code -M}, then {@code -M2}, ... */
    private String defaultMergedId(List<Parcel> parcels) {
        String base = parcels.get(0).id() + "-M";
        String id = base;
        for (int n = 2; store.findById(Layer.PARCELS, id).isPresent(); n++) {
            id = base + n;
        }
        return id;
    }

    private ParcelDraft mergedDraft(List<Parcel> parcels, String newId,
            java.util.function.Function<Parcel, ParcelDraft> draft) {
        Set<String> zones = parcels.stream().map(Parcel::zone).collect(Collectors.toCollection(LinkedHashSet::new));
        if (zones.size() > 1) {
            throw new InvalidInputException("parcels of different zones cannot be merged (zones: "
                    + String.join(", ", zones) + ")");
        }
        Geometry union = CrsTransform.PLANAR.buildGeometry(parcels.stream().map(Parcel::planar).toList()).union();
        if (!(union instanceof Polygon outline)) {
            throw new InvalidInputException("the parcels do not form one piece: each must share part of its boundary "
                    + "(not just a corner) with another of them");
        }
        for (Parcel parcel : parcels) {
            Geometry others = CrsTransform.PLANAR.buildGeometry(parcels.stream().filter(p -> p != parcel)
                    .map(Parcel::planar).toList()).union();
            if (parcel.planar().getBoundary().intersection(others.getBoundary()).getLength() <= 0) {
                throw new InvalidInputException("parcel " + parcel.id() + " shares no boundary with the others (a "
                        + "corner is not enough)");
            }
        }
        if (outline.getNumInteriorRing() > 0) {
            throw new InvalidInputException("the merged parcel would have a hole: merge the parcels that fill it too");
        }
        Parcel largest = parcels.stream().max(java.util.Comparator.comparingDouble(Parcel::areaSquareMetres))
                .orElseThrow();
        String id = newId != null ? newId : defaultMergedId(parcels);
        // The union keeps the vertices where the merged parcels' shared edges ended, which now lie on a straight
        // edge (within a fraction of a millimetre, a split's cut points being placed so); they are not corners of
        // the new parcel and would be points of its boundary-point table: dropped. Merging a split's parts gives
        // back the parent's outline.
        Polygon planar = CadastralPrecision.snap((Polygon) TopologyPreservingSimplifier.simplify(outline,
                COLLINEAR_METRES));
        // The largest parcel's conditions, but no offer: the merged parcel's price and readiness are set anew.
        return draft.apply(new Parcel(id, largest.zone(), largest.landUse(), ParcelStatus.AVAILABLE,
                largest.indicators(), planar.getArea(), 0, ParcelEdits.now(), planar,
                (Polygon) CrsTransform.toCrs84(planar)));
    }

    /** Reads the parcels to merge; under the lock ({@code locked}) their versions must be those of the ETags. */
    private List<Parcel> readAll(List<Ref> refs, boolean locked) {
        if (refs.size() < 2) {
            throw new InvalidInputException("a merge needs at least two parcels");
        }
        if (refs.size() > MAX_PARCELS) {
            throw new InvalidInputException("a merge takes at most " + MAX_PARCELS + " parcels");
        }
        List<Parcel> parcels = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Ref ref : refs) {
            if (!seen.add(ref.id())) {
                throw new InvalidInputException("parcel " + RefusedException.clip(ref.id()) + " is listed twice");
            }
            Parcel parcel = store.findById(Layer.PARCELS, ref.id()).orElseThrow(() -> new InvalidInputException(
                    "no parcel \"" + RefusedException.clip(ref.id()) + "\" to merge"));
            if (locked && parcel.version() != ref.version()) {
                throw ParcelEdits.stale(parcel.id());
            }
            available(parcel, "merged");
            parcels.add(parcel);
        }
        return parcels;
    }

    private static void available(Parcel parcel, String operation) {
        if (parcel.status() != ParcelStatus.AVAILABLE) {
            throw new ConflictException("parcel " + parcel.id() + " is " + parcel.status().wireName() + "; only an "
                    + "available parcel can be " + operation);
        }
    }

    private Result plan(List<Parcel> replaced, List<ParcelDraft> drafts) {
        Set<String> ids = new LinkedHashSet<>();
        for (ParcelDraft draft : drafts) {
            if (!ids.add(draft.id())) {
                throw new InvalidInputException("the new parcels' ids must differ: " + draft.id() + " twice");
            }
            if (store.findById(Layer.PARCELS, draft.id()).isPresent()) {
                throw new ConflictException("parcel " + draft.id() + " exists: choose other ids for the new parcels");
            }
        }
        List<Parcel> parcels = drafts.stream()
                .map(d -> ParcelEdits.toParcel(d.id(), d, ParcelStatus.AVAILABLE, 1)).toList();
        ReshapeSiteContext site = new ReshapeSiteContext(new StoreSiteContext(store),
                replaced.stream().map(Parcel::id).collect(Collectors.toSet()), parcels);
        List<NewParcel> created = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            created.add(new NewParcel(parcels.get(i), edits.check(drafts.get(i), drafts.get(i).id(), site)));
        }
        return new Result(replaced, created);
    }

    private Result write(Result planned, String operation, String actor) {
        Instant at = ParcelEdits.now();
        List<Parcel> retired = new ArrayList<>();
        for (NewParcel created : planned.created()) {
            if (!store.insertParcel(created.parcel())) {
                throw new ConflictException("parcel " + created.parcel().id() + " exists: choose other ids");
            }
        }
        for (Parcel parent : planned.replaced()) {
            Parcel after = ParcelEdits.withStatus(parent, ParcelStatus.RETIRED);
            if (!store.updateParcel(after, parent.version())) {
                throw ParcelEdits.stale(parent.id());
            }
            for (NewParcel created : planned.created()) {
                lineage.record(parent.id(), created.parcel().id(), operation, actor, at);
            }
            history.record(actor, operation, "parcel", parent.id(), ParcelJson.feature(parent),
                    ParcelJson.feature(after));
            retired.add(after);
        }
        for (NewParcel created : planned.created()) {
            history.record(actor, "create", "parcel", created.parcel().id(), null,
                    ParcelJson.feature(created.parcel()));
        }
        return new Result(retired, planned.created());
    }

    private static String[] zonesOf(List<Parcel> parcels, List<ParcelDraft> drafts) {
        Set<String> zones = new LinkedHashSet<>();
        parcels.forEach(p -> zones.add(p.zone()));
        drafts.forEach(d -> zones.add(d.zone()));
        return zones.toArray(String[]::new);
    }
}
