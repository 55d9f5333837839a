package org.qiluvalley.planner.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.parcel.FeatureQuery;
import org.qiluvalley.planner.parcel.Layer;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.store.h2gis.H2gisDatabase;
import org.qiluvalley.planner.testsupport.ParkData;
import org.springframework.core.io.DefaultResourceLoader;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Seeding on start: the plan once, and the places as a dataset of their own, so that a database seeded before the
 * places existed gets them on its next start without the plan being loaded again.
 */
class SeedLoaderTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path seedDir;

    private HikariDataSource dataSource;

    private ParcelStore freshStore() {
        dataSource = H2gisDatabase.dataSource(dataDir);
        H2gisDatabase.migrate(dataSource);
        return H2gisDatabase.store(dataSource);
    }

    @AfterEach
    void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    private static SeedLoader loader(ParcelStore store, String seedLocation) {
        // Bound as the application binds it, so that a new setting needs no change here.
        ValleyProperties properties = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                        java.util.Map.of("valley.data-dir", "unused", "valley.seed-location", seedLocation)))
                .bindOrCreate("valley", ValleyProperties.class);
        return new SeedLoader(store, ParkData.ruleBook(), properties, new DefaultResourceLoader());
    }

    @Test
    void aDatabaseSeededBeforeThePlacesExistedGetsThemOnItsNextStartAndThePlanIsNotLoadedAgain() {
        ParcelStore store = freshStore();
        assertThat(store.loadDataset(ParkData.dataset())).isTrue();
        long parcels = store.find(Layer.PARCELS, FeatureQuery.all()).numberMatched();
        assertThat(store.find(Layer.PLACES, FeatureQuery.all()).numberMatched()).isZero();

        loader(store, "classpath:gis-data/").afterPropertiesSet();

        assertThat(store.hasDataset(ParkSeedReader.PLACES_DATASET_NAME)).isTrue();
        assertThat(store.find(Layer.PLACES, FeatureQuery.all()).numberMatched()).isEqualTo(4);
        assertThat(store.find(Layer.PARCELS, FeatureQuery.all()).numberMatched()).isEqualTo(parcels);

        loader(store, "classpath:gis-data/").afterPropertiesSet();
        assertThat(store.find(Layer.PLACES, FeatureQuery.all()).numberMatched()).isEqualTo(4);
    }

    @Test
    void aSeedLocationWithoutThePlacesFileSeedsThePlanAndLeavesThePlacesEmpty() throws Exception {
        for (String file : ParkSeedReader.FILES) {
            Files.copy(ParkData.DIR.resolve(file), seedDir.resolve(file));
        }
        ParcelStore store = freshStore();

        loader(store, seedDir.toUri().toString()).afterPropertiesSet();

        assertThat(store.hasDataset(ParkSeedReader.DATASET_NAME)).isTrue();
        assertThat(store.hasDataset(ParkSeedReader.PLACES_DATASET_NAME)).isFalse();
        assertThat(store.find(Layer.PLACES, FeatureQuery.all()).numberMatched()).isZero();
        assertThat(store.find(Layer.PARCELS, FeatureQuery.all()).numberMatched()).isPositive();
    }
}
