package org.qiluvalley.planner.store.h2gis;

import javax.sql.DataSource;

import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.store.JdbcParcelStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded default store: {@link H2gisDatabase} in {@code valley.data-dir}, migrated by Boot's Flyway. Used
 * whenever {@code valley.db.url} is not set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${valley.db.url:}'.isBlank()")
class H2gisStoreConfiguration {

    @Bean
    DataSource dataSource(ValleyProperties properties) {
        return H2gisDatabase.dataSource(properties.dataDir());
    }

    @Bean
    FlywayConfigurationCustomizer h2gisMigrations() {
        return H2gisDatabase::migrations;
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

    @Bean
    ParcelStore parcelStore(DataSource dataSource, TransactionTemplate transactions) {
        return new JdbcParcelStore(dataSource, transactions, new H2gisDialect());
    }
}
