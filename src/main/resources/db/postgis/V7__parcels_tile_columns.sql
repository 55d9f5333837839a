-- What every vector tile of parcels needs, kept with the row instead of computed per feature per tile (PostGIS
-- only: the embedded store's tiles are encoded in Java). Measured with pgbench on 100,000 parcels, alternating
-- runs: each of the two saves about 10% of the database's work for a z15 tile (docs/benchmarks.md).
--  * mvt_id: the numeric feature id, the first 52 bits of the MD5 of the string id (a whole number a JavaScript
--    double holds exactly), the same number the Java tile encoder computes (features/MvtFeatureIds).
--  * geom_3857: the outline in Web Mercator (EPSG:3857), the tiles' CRS, from the CRS84 outline.
ALTER TABLE parcels
    ADD COLUMN mvt_id BIGINT GENERATED ALWAYS AS (('x' || substr(md5(id), 1, 13))::bit(52)::bigint) STORED,
    ADD COLUMN geom_3857 geometry(Polygon, 3857) GENERATED ALWAYS AS (ST_Transform(geom_crs84, 3857)) STORED;
