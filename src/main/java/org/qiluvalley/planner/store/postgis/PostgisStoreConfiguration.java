package org.qiluvalley.planner.store.postgis;

import javax.sql.DataSource;

import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.store.JdbcParcelStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** The production store, chosen when {@code valley.db.url} ({@code VALLEY_DB_URL}) is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${valley.db.url:}'.isBlank()")
class PostgisStoreConfiguration {

    @Bean
    DataSource dataSource(ValleyProperties properties) {
        return PostgisDatabase.dataSource(properties.db());
    }

    @Bean
    FlywayConfigurationCustomizer postgisMigrations() {
        return PostgisDatabase::migrations;
    }

    /** PostGIS builds vector tiles itself ({@code ST_AsMVT}); the embedded store's are encoded in Java. */
    @Bean
    org.qiluvalley.planner.tiles.VectorTileStore vectorTiles(DataSource dataSource) {
        return new org.qiluvalley.planner.store.StAsMvtTileStore(dataSource);
    }

    /** Whole-register counts for the map's density view, and the register revision kept by a trigger (V9). */
    @Bean
    org.qiluvalley.planner.parcel.ParcelGridStore parcelGridStore(DataSource dataSource) {
        return new org.qiluvalley.planner.store.JdbcParcelGridStore(dataSource);
    }

    @Bean
    ParcelStore parcelStore(DataSource dataSource, TransactionTemplate transactions) {
        return new JdbcParcelStore(dataSource, transactions, new PostgisDialect());
    }
}
