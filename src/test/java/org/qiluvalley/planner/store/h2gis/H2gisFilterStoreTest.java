package org.qiluvalley.planner.store.h2gis;

import java.nio.file.Files;
import java.nio.file.Path;

import org.qiluvalley.planner.parcel.ParcelStore;
import org.qiluvalley.planner.store.FilterStoreContract;
import org.springframework.util.FileSystemUtils;

import com.zaxxer.hikari.HikariDataSource;

/** The CQL2 filter contract on the embedded H2GIS database. */
class H2gisFilterStoreTest extends FilterStoreContract {

    private Path dataDir;
    private HikariDataSource dataSource;

    @Override
    protected ParcelStore freshStore() throws Exception {
        dataDir = Files.createTempDirectory("valley-filter-");
        dataSource = H2gisDatabase.dataSource(dataDir);
        H2gisDatabase.migrate(dataSource);
        return H2gisDatabase.store(dataSource);
    }

    @Override
    protected void closeStore() throws Exception {
        if (dataSource != null) {
            dataSource.close();
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }
}
