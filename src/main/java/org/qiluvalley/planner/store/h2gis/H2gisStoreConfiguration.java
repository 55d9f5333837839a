package org.qiluvalley.planner.store.h2gis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.store.JdbcParcelStore;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The embedded default: an H2 file database with H2GIS in {@code valley.data-dir}, migrated by Flyway from
 * {@code db/h2gis}.
 */
@Configuration(proxyBeanMethods = false)
class H2gisStoreConfiguration {

    /**
     * {@code WRITE_DELAY=0}: H2 otherwise commits to disk in the background every 500 ms and loses acknowledged
     * commits when the process is killed (measured; see STACK.md). The file name is fixed: {@code valley.mv.db}.
     */
    static String jdbcUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("valley") + ";WRITE_DELAY=0";
    }

    @Bean
    DataSource dataSource(ValleyProperties properties) {
        Path dataDir = properties.dataDir();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create valley.data-dir " + dataDir.toAbsolutePath(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(dataDir));
        config.setUsername("sa");
        config.setPassword("");
        config.setPoolName("valley-h2gis");
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    @Bean
    FlywayConfigurationCustomizer h2gisMigrations() {
        return flyway -> flyway.locations("classpath:db/h2gis").javaMigrations(new H2gisFunctionsMigration());
    }

    @Bean
    ParcelStore parcelStore(DataSource dataSource, TransactionTemplate transactions) {
        return new JdbcParcelStore(dataSource, transactions, new H2gisDialect());
    }
}
