package org.qiluvalley.planner.parcel;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.locationtech.jts.geom.Envelope;

/**
 * The store contract: durable park features, looked up by id or by bounding box through a spatial index, paged in a
 * stable order. Implemented by the embedded H2GIS store and (production) PostGIS; both must pass the same contract
 * tests. Geometries are stored in EPSG:4548 with a CRS84 copy for serving.
 */
public interface ParcelStore {

    /**
     * Features of {@code layer} matching {@code query}, in the layer's stable order (parcels by id, other layers in
     * the order they were loaded), with the total number matched.
     *
     * @throws IllegalArgumentException when the query filters on a property the layer does not allow
     */
    <T> Page<T> find(Layer<T> layer, FeatureQuery query);

    <T> Optional<T> findById(Layer<T> layer, String id);

    /** The CRS84 extent of all features of the layer, empty when it has none. */
    Optional<Envelope> extentCrs84(Layer<?> layer);

    /** True when a dataset of this name has been loaded. */
    boolean hasDataset(String name);

    /**
     * Loads a dataset in one transaction, unless one of the same name was loaded before.
     *
     * @return true when it was loaded now, false when it was already there (nothing changed)
     */
    boolean loadDataset(ParkDataset dataset);

    /**
     * Adds the parcels whose ids are not stored yet, in one transaction; a parcel whose id exists is skipped and
     * left exactly as it is, so re-running an import changes nothing.
     *
     * @return how many were inserted
     * @throws ParcelRefusedByStoreException when the database refuses the data of a parcel (nothing is inserted)
     */
    int insertParcelsIfAbsent(List<Parcel> parcels);

    /**
     * Adds one parcel (a planner's create). Call inside {@link #inTransaction} after {@link #lockZone} so that the
     * checks made before it still hold when it commits.
     *
     * @return false when a parcel with this id exists (nothing changed)
     */
    boolean insertParcel(Parcel parcel);

    /**
     * Replaces the stored parcel of the same id if, and only if, its version is still {@code expectedVersion}
     * (compare-and-set): the new row is {@code parcel} as given, whose version should be {@code expectedVersion + 1}.
     *
     * @return false when the parcel is absent or its version has moved on (nothing changed)
     */
    boolean updateParcel(Parcel parcel, long expectedVersion);

    /**
     * Runs {@code work} in one transaction: every store call it makes on this thread joins it. Commits when it
     * returns, rolls back when it throws.
     */
    <R> R inTransaction(Supplier<R> work);

    /**
     * Locks the zone's row until the surrounding transaction ends ({@code SELECT ... FOR UPDATE}), so that
     * check-then-write on a zone (validation, then the write) is atomic. Another transaction locking the same zone
     * waits.
     *
     * @throws IllegalStateException when called outside {@link #inTransaction}
     * @throws java.util.NoSuchElementException when the zone does not exist
     */
    void lockZone(String zoneId);

    /**
     * Parcel totals per zone and status (withdrawn parcels excluded), computed by the database from the stored
     * EPSG:4548 areas: zone id to status to totals. A zone or status without parcels is absent.
     */
    java.util.Map<String, java.util.Map<ParcelStatus, AreaTotals>> parcelTotalsByZone();

    /**
     * Allocated and reserved parcel totals of one zone by status, read through the (zone, status) index: only the
     * zone's committed parcels are read, never the whole register.
     */
    java.util.Map<ParcelStatus, AreaTotals> committedTotals(String zoneId);
}
