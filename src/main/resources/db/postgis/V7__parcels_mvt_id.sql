-- The parcels' numeric vector-tile feature id, kept with the row: the first 52 bits of the MD5 of the string id (a
-- whole number a JavaScript double holds exactly), the same number the Java tile encoder computes
-- (features/MvtFeatureIds). Computing it for every feature of every tile was a measured ~10% of the database's work
-- for a z15 tile. PostGIS only: the embedded store's tiles are encoded in Java, which computes the id itself.
ALTER TABLE parcels ADD COLUMN mvt_id BIGINT
    GENERATED ALWAYS AS (('x' || substr(md5(id), 1, 13))::bit(52)::bigint) STORED;
