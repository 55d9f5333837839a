-- The parcel register's revision: a number that rises with every committed statement that changes the parcels
-- table, whoever wrote it (the API, the import command, the seed load). Readers that keep something derived from
-- the whole register in memory (the density grid, density/) read this one row to know whether their copy is still
-- current. The trigger class runs UPDATE ... SET revision = revision + 1 in the writer's transaction; the row lock
-- it takes makes concurrent writers' bumps commit one after the other. The PostGIS store has the same table and a
-- PL/pgSQL trigger (db/postgis/V9).
CREATE TABLE parcel_register_revision (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    revision BIGINT  NOT NULL
);
INSERT INTO parcel_register_revision (id, revision) VALUES (1, 1);

CREATE TRIGGER parcels_register_revision AFTER INSERT, UPDATE, DELETE ON parcels FOR EACH STATEMENT
    CALL 'org.qiluvalley.planner.store.h2gis.ParcelRegisterRevisionTrigger';
