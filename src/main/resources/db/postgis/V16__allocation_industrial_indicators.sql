-- The industrial-land indicators of a proposal (F10), kept with the allocation as proposed: the share of the parcel
-- for administrative offices and living-service facilities (行政办公及生活服务设施用地所占比重, rule
-- indicator.admin-share) and the building coefficient (建筑系数, rule indicator.building-coefficient), both fractions.
-- Null when the proposal did not give them, as for every allocation made before; the embedded and PostGIS stores have
-- the same columns (db/h2gis/V16, db/postgis/V16).
ALTER TABLE allocations ADD COLUMN admin_share DOUBLE PRECISION;
ALTER TABLE allocations ADD COLUMN building_coefficient DOUBLE PRECISION;
