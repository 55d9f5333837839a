package org.qiluvalley.planner.parcel;

import java.util.Optional;

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
}
