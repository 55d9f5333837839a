-- The transfer contract (出让合同), its milestones, the review at full production (达产) and the recovery of the land
-- (收回), F10. Dates are calendar dates; the price in 万元; the review's figures in 万元 (investment to date, tax a
-- year) and the parcel's area in mu they were divided by. All null until the step; the embedded and PostGIS stores
-- have the same columns (db/h2gis/V15, db/postgis/V15).
ALTER TABLE allocations ADD COLUMN contract_number VARCHAR(64);
ALTER TABLE allocations ADD COLUMN signed_on DATE;
ALTER TABLE allocations ADD COLUMN price_wan_yuan DOUBLE PRECISION;
ALTER TABLE allocations ADD COLUMN hand_over_by DATE;
ALTER TABLE allocations ADD COLUMN start_by DATE;
ALTER TABLE allocations ADD COLUMN complete_by DATE;
ALTER TABLE allocations ADD COLUMN review_on DATE;
ALTER TABLE allocations ADD COLUMN contracted_by VARCHAR(64);
ALTER TABLE allocations ADD COLUMN contracted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE allocations ADD COLUMN handed_over_on DATE;
ALTER TABLE allocations ADD COLUMN started_on DATE;
ALTER TABLE allocations ADD COLUMN completed_on DATE;
ALTER TABLE allocations ADD COLUMN reviewed_on DATE;
ALTER TABLE allocations ADD COLUMN review_investment_wan_yuan DOUBLE PRECISION;
ALTER TABLE allocations ADD COLUMN review_tax_wan_yuan_per_year DOUBLE PRECISION;
ALTER TABLE allocations ADD COLUMN review_area_mu DOUBLE PRECISION;
ALTER TABLE allocations ADD COLUMN reviewed_by VARCHAR(64);
ALTER TABLE allocations ADD COLUMN reviewed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE allocations ADD COLUMN revocation_reason VARCHAR(2000);
ALTER TABLE allocations ADD COLUMN revoked_by VARCHAR(64);
ALTER TABLE allocations ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
