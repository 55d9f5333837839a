-- Price and readiness of a parcel (F11): the reserve price (起始价) and the bidding deposit (竞买保证金) in 万元, the
-- price per mu derived from them and the parcel's EPSG:4548 area (the service writes it on every write of the row, so
-- that a filter compares the value the API serves), the readiness of its utilities and site works (七通一平) as the
-- JSON text of the API's readiness object, and fully_ready (all eight items ready) derived from it for filters.
-- All null for a parcel without them: a database migrated from an earlier version keeps its parcels without price or
-- readiness (the illustrative values of the seed data are given to a database seeded from gis-data only). The
-- embedded and PostGIS stores have the same columns (db/h2gis/V18, db/postgis/V18).
ALTER TABLE parcels ADD COLUMN reserve_price_wan_yuan DOUBLE PRECISION CHECK (reserve_price_wan_yuan > 0);
ALTER TABLE parcels ADD COLUMN deposit_wan_yuan DOUBLE PRECISION CHECK (deposit_wan_yuan >= 0);
ALTER TABLE parcels ADD COLUMN price_per_mu_wan_yuan DOUBLE PRECISION;
ALTER TABLE parcels ADD COLUMN readiness VARCHAR(4000);
ALTER TABLE parcels ADD COLUMN fully_ready BOOLEAN;
