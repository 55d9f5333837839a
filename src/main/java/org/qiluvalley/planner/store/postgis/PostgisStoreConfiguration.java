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

    /** The register's revision and change log (triggers of V9 and V19), replayed by register/RegisterWatch. */
    @Bean
    org.qiluvalley.planner.parcel.RegisterChangeLog registerChangeLog(DataSource dataSource) {
        return new org.qiluvalley.planner.store.JdbcRegisterChangeLog(dataSource);
    }

    /**
     * LISTEN for the NOTIFY of every committed parcel write (V19), on a connection of its own, so that changes
     * written through other instances are replayed at once; off with {@code valley.register.notifications=false}.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "valley.register.notifications",
            havingValue = "true", matchIfMissing = true)
    RegisterNotifications registerNotifications(ValleyProperties properties,
            org.qiluvalley.planner.register.RegisterWatch watch) {
        return new RegisterNotifications(properties.db(), properties.register().pollInterval(), watch);
    }

    @Bean
    ParcelStore parcelStore(DataSource dataSource, TransactionTemplate transactions) {
        return new JdbcParcelStore(dataSource, transactions, new PostgisDialect());
    }
}
