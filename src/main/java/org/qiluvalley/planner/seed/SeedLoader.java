package org.qiluvalley.planner.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.parcel.ParkDataset;
import org.qiluvalley.planner.rules.ZoningRuleBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * On first start with an empty database, loads the park's seed data from {@code valley.seed-location}. Runs before
 * the web server takes requests. Idempotent: a restart finds the dataset recorded and loads nothing.
 */
@Component
@DependsOnDatabaseInitialization
class SeedLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final ParcelStore store;
    private final ZoningRuleBook rules;
    private final ValleyProperties properties;
    private final ResourceLoader resources;

    SeedLoader(ParcelStore store, ZoningRuleBook rules, ValleyProperties properties, ResourceLoader resources) {
        this.store = store;
        this.rules = rules;
        this.properties = properties;
        this.resources = resources;
    }

    @Override
    public void afterPropertiesSet() {
        loadPlan();
        loadPlaces();
    }

    private void loadPlan() {
        if (store.hasDataset(ParkSeedReader.DATASET_NAME)) {
            log.info("Park data already loaded; nothing to seed");
            return;
        }
        ParkDataset dataset = new ParkSeedReader(rules).read(name -> {
            try {
                return resources.getResource(properties.seedLocation() + name).getInputStream();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open seed file " + properties.seedLocation() + name, e);
            }
        }, Instant.now());
        boolean loaded = store.loadDataset(dataset);
        log.info(loaded ? "Loaded park data from {}: {} features ({} parcels)"
                : "Park data from {} was loaded by another process meanwhile ({} features, {} parcels)",
                properties.seedLocation(), dataset.featureCount(), dataset.parcels().size());
    }

    /**
     * The places (a dataset of their own, so a database seeded before they existed gets them on its next start). A
     * seed location without the places file is allowed: the places collection is then empty and letters list no
     * distances.
     */
    private void loadPlaces() {
        if (store.hasDataset(ParkSeedReader.PLACES_DATASET_NAME)) {
            return;
        }
        String location = properties.seedLocation() + ParkSeedReader.PLACES_FILE;
        Resource file = resources.getResource(location);
        if (!file.exists()) {
            log.warn("No {}: the places collection stays empty and planning-conditions letters list no distances",
                    location);
            return;
        }
        ParkDataset places;
        try {
            places = new ParkSeedReader(rules).readPlaces(file.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open seed file " + location, e);
        }
        boolean loaded = store.loadDataset(places);
        if (loaded) {
            log.info("Loaded {} places from {}", places.places().size(), location);
        }
    }
}
