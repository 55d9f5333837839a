-- What changed in the parcel register, revision by revision (see db/postgis/V19 for why). The embedded store is
-- one process's database, so nobody else writes while the service runs and nothing needs to be notified; the log
-- lets the tile cache and the density grid follow the service's own writes without dropping everything.
-- The statement trigger of V9 is replaced by a row trigger (store/h2gis/ParcelRegisterChangeTrigger) that bumps
-- the revision and logs the row in the writer's transaction: here a revision is one changed row, not one
-- transaction.
ALTER TABLE parcel_register_revision ADD COLUMN logged_from BIGINT;
UPDATE parcel_register_revision SET logged_from = revision + 1;
ALTER TABLE parcel_register_revision ALTER COLUMN logged_from SET NOT NULL;

CREATE TABLE parcel_register_changes (
    revision      BIGINT  NOT NULL,
    everything    BOOLEAN NOT NULL DEFAULT FALSE,
    old_status    VARCHAR(16),
    old_area_m2   DOUBLE PRECISION,
    old_x_min     DOUBLE PRECISION,
    old_y_min     DOUBLE PRECISION,
    old_x_max     DOUBLE PRECISION,
    old_y_max     DOUBLE PRECISION,
    old_lon_min   DOUBLE PRECISION,
    old_lat_min   DOUBLE PRECISION,
    old_lon_max   DOUBLE PRECISION,
    old_lat_max   DOUBLE PRECISION,
    new_status    VARCHAR(16),
    new_area_m2   DOUBLE PRECISION,
    new_x_min     DOUBLE PRECISION,
    new_y_min     DOUBLE PRECISION,
    new_x_max     DOUBLE PRECISION,
    new_y_max     DOUBLE PRECISION,
    new_lon_min   DOUBLE PRECISION,
    new_lat_min   DOUBLE PRECISION,
    new_lon_max   DOUBLE PRECISION,
    new_lat_max   DOUBLE PRECISION
);
CREATE INDEX parcel_register_changes_revision_idx ON parcel_register_changes (revision);

DROP TRIGGER parcels_register_revision;
CREATE TRIGGER parcels_register_changes AFTER INSERT, UPDATE, DELETE ON parcels FOR EACH ROW
    CALL 'org.qiluvalley.planner.store.h2gis.ParcelRegisterChangeTrigger';
