package org.qiluvalley.planner.store.h2gis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

/**
 * An embedded database made before the contract (at V13) is upgraded: the allocations' state check that V4 declared
 * inline, under a name H2 generated, is found and replaced by {@code ALLOCATIONS_STATE_CHECK}, which admits the
 * states after the contract; V15 adds the contract's columns, V16 the industrial-land indicators'.
 */
class H2gisAllocationStateMigrationTest {

    @TempDir
    Path dataDir;

    @Test
    void theInlineStateCheckIsReplacedByANamedOneWithTheNewStates() throws SQLException {
        try (HikariDataSource dataSource = H2gisDatabase.dataSource(dataDir)) {
            H2gisDatabase.migrations(Flyway.configure().dataSource(dataSource)).target("13").load().migrate();
            List<String[]> before = stateChecks(dataSource);
            assertThat(before).hasSize(1);
            assertThat(before.get(0)[0]).isNotEqualTo("ALLOCATIONS_STATE_CHECK");
            assertThat(before.get(0)[1]).doesNotContain("'revoked'");

            H2gisDatabase.migrate(dataSource);
            List<String[]> after = stateChecks(dataSource);
            assertThat(after).hasSize(1);
            assertThat(after.get(0)[0]).isEqualTo("ALLOCATIONS_STATE_CHECK");
            assertThat(after.get(0)[1]).contains("'proposed'", "'approved'", "'rejected'", "'released'",
                    "'contracted'", "'reviewed'", "'revoked'");
            try (Connection c = dataSource.getConnection(); PreparedStatement columns = c.prepareStatement(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'ALLOCATIONS' "
                            + "AND COLUMN_NAME IN ('CONTRACT_NUMBER', 'SIGNED_ON', 'COMPLETED_ON', 'REVIEW_AREA_MU', "
                            + "'REVOCATION_REASON', 'ADMIN_SHARE', 'BUILDING_COEFFICIENT')");
                    ResultSet rs = columns.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
        }
    }

    /** Name and clause of each check on the allocations that names the state {@code released}. */
    private static List<String[]> stateChecks(HikariDataSource dataSource) throws SQLException {
        List<String[]> checks = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement find = c.prepareStatement(
                "SELECT c.CONSTRAINT_NAME, c.CHECK_CLAUSE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS t "
                        + "JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS c ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA "
                        + "AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME WHERE t.TABLE_NAME = 'ALLOCATIONS' "
                        + "AND t.CONSTRAINT_TYPE = 'CHECK' AND c.CHECK_CLAUSE LIKE '%''released''%'");
                ResultSet rs = find.executeQuery()) {
            while (rs.next()) {
                checks.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return checks;
    }
}
