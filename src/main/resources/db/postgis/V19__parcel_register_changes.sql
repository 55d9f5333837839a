-- What changed in the parcel register, revision by revision: for each changed parcel row, its public essentials
-- before and after (status, area in m², the EPSG:4548 bounding box in metres and the CRS84 bounding box in degrees).
-- Readers that keep something derived from the register in memory (the tile cache, tiles/TileCache; the density
-- grid, map/ParcelDensity) read the changes after the revision they hold instead of dropping everything: a tile
-- cache drops only the tiles the old and new boxes touch, the density grid adjusts only the cells they fall in.
--
-- The trigger of V9 now also logs the changed rows and, once per transaction, sends NOTIFY
-- valley_parcel_register with the new revision, which PostgreSQL delivers to every listening instance when (and
-- only if) the transaction commits. A notification is a hint to read the log early, never the only news: readers
-- compare the revision row with the revision they hold, so a notification lost on a broken connection costs
-- nothing but speed.
--
-- A transaction that changes more than 1,000 parcels (a bulk import, an UPDATE by hand) logs its first 1,000
-- rows and then one row with everything = true: readers then rebuild or drop all instead of replaying. TRUNCATE
-- logs such a row too. Rows older than the newest 100,000 are pruned by the service (register/RegisterWatch);
-- logged_from is the lowest revision whose changes are all still in the log, and a reader that holds an older
-- revision than logged_from - 1 rebuilds too.
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

CREATE OR REPLACE FUNCTION parcel_register_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tx     text := txid_current()::text;
    rev    bigint;
    logged integer;
BEGIN
    IF current_setting('valley.parcel_register_bumped', true) IS DISTINCT FROM tx THEN
        UPDATE parcel_register_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision INTO rev;
        PERFORM set_config('valley.parcel_register_bumped', tx, true);
        PERFORM set_config('valley.parcel_register_revision', rev::text, true);
        PERFORM set_config('valley.parcel_register_logged', '0', true);
        PERFORM pg_notify('valley_parcel_register', rev::text);
    ELSE
        rev := current_setting('valley.parcel_register_revision')::bigint;
    END IF;
    logged := current_setting('valley.parcel_register_logged')::integer;
    IF logged > 1000 THEN
        RETURN NULL;
    END IF;
    IF TG_LEVEL = 'STATEMENT' OR logged = 1000 THEN
        INSERT INTO parcel_register_changes (revision, everything) VALUES (rev, TRUE);
        PERFORM set_config('valley.parcel_register_logged', '1001', true);
        RETURN NULL;
    END IF;
    PERFORM set_config('valley.parcel_register_logged', (logged + 1)::text, true);
    IF TG_OP = 'INSERT' THEN
        INSERT INTO parcel_register_changes (revision, new_status, new_area_m2, new_x_min, new_y_min, new_x_max,
            new_y_max, new_lon_min, new_lat_min, new_lon_max, new_lat_max)
        VALUES (rev, NEW.status, NEW.area_m2, ST_XMin(NEW.geom), ST_YMin(NEW.geom), ST_XMax(NEW.geom),
            ST_YMax(NEW.geom), ST_XMin(NEW.geom_crs84), ST_YMin(NEW.geom_crs84), ST_XMax(NEW.geom_crs84),
            ST_YMax(NEW.geom_crs84));
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO parcel_register_changes (revision, old_status, old_area_m2, old_x_min, old_y_min, old_x_max,
            old_y_max, old_lon_min, old_lat_min, old_lon_max, old_lat_max)
        VALUES (rev, OLD.status, OLD.area_m2, ST_XMin(OLD.geom), ST_YMin(OLD.geom), ST_XMax(OLD.geom),
            ST_YMax(OLD.geom), ST_XMin(OLD.geom_crs84), ST_YMin(OLD.geom_crs84), ST_XMax(OLD.geom_crs84),
            ST_YMax(OLD.geom_crs84));
    ELSE
        INSERT INTO parcel_register_changes (revision, old_status, old_area_m2, old_x_min, old_y_min, old_x_max,
            old_y_max, old_lon_min, old_lat_min, old_lon_max, old_lat_max, new_status, new_area_m2, new_x_min,
            new_y_min, new_x_max, new_y_max, new_lon_min, new_lat_min, new_lon_max, new_lat_max)
        VALUES (rev, OLD.status, OLD.area_m2, ST_XMin(OLD.geom), ST_YMin(OLD.geom), ST_XMax(OLD.geom),
            ST_YMax(OLD.geom), ST_XMin(OLD.geom_crs84), ST_YMin(OLD.geom_crs84), ST_XMax(OLD.geom_crs84),
            ST_YMax(OLD.geom_crs84), NEW.status, NEW.area_m2, ST_XMin(NEW.geom), ST_YMin(NEW.geom),
            ST_XMax(NEW.geom), ST_YMax(NEW.geom), ST_XMin(NEW.geom_crs84), ST_YMin(NEW.geom_crs84),
            ST_XMax(NEW.geom_crs84), ST_YMax(NEW.geom_crs84));
    END IF;
    RETURN NULL;
END
$$;
