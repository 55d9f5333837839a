package org.qiluvalley.planner.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.store.postgis.PostgisDatabase;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.Race;
import org.qiluvalley.planner.testsupport.RequiresPostgis;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Two instances starting together on one empty database both find no users and both create {@code admin}: one
 * insert wins, the other meets the primary key and changes nothing, and neither start-up fails.
 */
@RequiresPostgis
class AdminBootstrapRacePostgisTest {

    private ValleyProperties.Db db;
    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void dropDatabase() {
        pools.forEach(HikariDataSource::close);
        if (db != null) {
            PostgisTestDatabase.drop(db);
        }
    }

    @Test
    void twoInstancesBootstrappingAtOnceCreateOneAdmin() {
        db = PostgisTestDatabase.create();
        for (int i = 0; i < 2; i++) {
            pools.add(PostgisDatabase.dataSource(db));
        }
        PostgisDatabase.migrate(pools.get(0));
        ValleyProperties properties = new ValleyProperties(Path.of("unused"), "classpath:gis-data/",
                new ValleyProperties.Db(db.url(), db.user(), db.password(), 10), new ValleyProperties.Items(100, 1000, true, 0, 200_000, 2),
                new ValleyProperties.Map("", "", 14), "race-admin-password",
                new ValleyProperties.Inquiries(5, java.time.Duration.ofHours(1)),
                new ValleyProperties.Uploads(16, 4, java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(5)),
                new ValleyProperties.SignIn(10, 50, java.time.Duration.ofMinutes(15), 0, 32),
                new ValleyProperties.Allocations(true, java.time.ZoneId.of("Asia/Shanghai")), "",
                new ValleyProperties.Contact("office", "办公室", "", "", ""), new ValleyProperties.Tiles(64),
                new ValleyProperties.Register(100_000, true, java.time.Duration.ofSeconds(5)));
        List<UserAccounts> accounts = pools.stream().map(pool -> new UserAccounts(new UserStore(pool), new BCryptPasswordEncoder(4),
                new org.qiluvalley.planner.history.HistoryStore(pool), new org.springframework.transaction.support
                        .TransactionTemplate(new org.springframework.jdbc.datasource.DataSourceTransactionManager(pool))))
                .toList();

        Race.run(2, 2, i -> {
            new AdminBootstrap(accounts.get(i), properties).run(new DefaultApplicationArguments());
            return null;
        });

        assertThat(accounts.get(0).all()).extracting(UserAccounts.Account::username).containsExactly("admin");
    }
}
