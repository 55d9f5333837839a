package org.qiluvalley.planner.store.postgis;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.store.JdbcParcelStore;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The production database: PostgreSQL + PostGIS at {@code valley.db.url}, migrated by Flyway from
 * {@code db/postgis}. Used by the Spring configuration and by tools and tests that need the store without it.
 */
public final class PostgisDatabase {

    static final String MIGRATIONS = "classpath:db/postgis";

    private PostgisDatabase() {
    }

    public static HikariDataSource dataSource(ValleyProperties.Db db) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        if (!db.user().isBlank()) {
            config.setUsername(db.user());
        }
        if (!db.password().isEmpty()) {
            config.setPassword(db.password());
        }
        config.setPoolName("valley-postgis");
        config.setMaximumPoolSize(db.poolSize());
        return new HikariDataSource(config);
    }

    static FluentConfiguration migrations(FluentConfiguration flyway) {
        return flyway.locations(MIGRATIONS);
    }

    /** Migrates the schema of {@code dataSource} to the latest version (outside Spring). */
    public static void migrate(DataSource dataSource) {
        migrations(Flyway.configure().dataSource(dataSource)).load().migrate();
    }

    public static ParcelStore store(DataSource dataSource) {
        return new JdbcParcelStore(dataSource, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new PostgisDialect());
    }
}
