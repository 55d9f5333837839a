-- The parcel register's revision: a number that rises with every committed transaction that changes the parcels
-- table, whoever wrote it (the API, the import command, the seed load, or SQL run by hand in psql or QGIS). Readers
-- that keep something derived from the whole register in memory (the density grid, density/) read this one row
-- (a primary-key look-up) to know whether their copy is still current, on every instance.
--
-- A row trigger bumps the counter at most once per transaction (a transaction-local setting remembers that it did).
-- The UPDATE takes the row's lock until commit, so two transactions that change parcels commit their bumps one
-- after the other: a reader that sees revision n sees every parcel change numbered n or lower. The lock is taken at
-- a transaction's first parcel write and held to its commit, after every zone lock it takes (writers lock zones
-- first), so it cannot deadlock with them. The H2GIS store has the same table (db/h2gis/V9).
CREATE TABLE parcel_register_revision (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    revision BIGINT  NOT NULL
);
INSERT INTO parcel_register_revision (id, revision) VALUES (1, 1);

CREATE FUNCTION parcel_register_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('valley.parcel_register_bumped', true) IS DISTINCT FROM txid_current()::text THEN
        UPDATE parcel_register_revision SET revision = revision + 1 WHERE id = 1;
        PERFORM set_config('valley.parcel_register_bumped', txid_current()::text, true);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER parcels_register_revision AFTER INSERT OR UPDATE OR DELETE ON parcels
    FOR EACH ROW EXECUTE FUNCTION parcel_register_bump();
CREATE TRIGGER parcels_register_revision_truncate AFTER TRUNCATE ON parcels
    FOR EACH STATEMENT EXECUTE FUNCTION parcel_register_bump();
