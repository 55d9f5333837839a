package org.qiluvalley.planner.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qiluvalley.planner.config.ValleyProperties;
import org.qiluvalley.planner.filter.Audience;
import org.qiluvalley.planner.filter.Cql2Text;
import org.qiluvalley.planner.filter.FilterCrs;
import org.qiluvalley.planner.filter.Queryables;
import org.qiluvalley.planner.filter.SqlFilter;
import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.store.FilterStoreContract;
import org.qiluvalley.planner.testsupport.PostgisTestDatabase;
import org.qiluvalley.planner.testsupport.RequiresPostgis;

import com.zaxxer.hikari.HikariDataSource;

/** The CQL2 filter contract on a real PostgreSQL + PostGIS server. */
@RequiresPostgis
class PostgisFilterStoreTest extends FilterStoreContract {

    private ValleyProperties.Db db;
    private HikariDataSource dataSource;

    @Override
    protected ParcelStore freshStore() {
        db = PostgisTestDatabase.create();
        dataSource = PostgisDatabase.dataSource(db);
        PostgisDatabase.migrate(dataSource);
        return PostgisDatabase.store(dataSource);
    }

    @Override
    protected void closeStore() {
        if (dataSource != null) {
            dataSource.close();
        }
        if (db != null) {
            PostgisTestDatabase.drop(db);
        }
    }

    /**
     * Text is ordered in code point order whatever the database's locale (the test cluster's is C.UTF-8, which would
     * hide a missing collation): the SQL says so itself.
     */
    @Test
    void textIsOrderedInCodePointOrderWhateverTheLocale() {
        SqlFilter sql = Queryables.forCollection("zones").orElseThrow()
                .bind(Cql2Text.parse("nameEn < 'M' AND category = 'facility'", FilterCrs.CRS84), Audience.PUBLIC)
                .toSql(new PostgisDialect());
        assertThat(sql.sql()).isEqualTo("(((name_en) COLLATE \"C\" < (CAST(? AS VARCHAR)) COLLATE \"C\") "
                + "AND (category = CAST(? AS VARCHAR)))");
    }
}
