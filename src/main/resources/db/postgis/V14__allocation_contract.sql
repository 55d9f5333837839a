-- The contract and its milestones (F10): an allocation can also be contracted, reviewed or revoked. V4 declared the
-- state check inline, named by PostgreSQL allocations_state_check; it is replaced. (The embedded store does the same
-- in Java, H2gisAllocationStateMigration, as H2 gave its inline check a generated name.) The columns are V15.
ALTER TABLE allocations DROP CONSTRAINT allocations_state_check;
ALTER TABLE allocations ADD CONSTRAINT allocations_state_check CHECK (state IN ('proposed', 'approved', 'rejected',
    'released', 'contracted', 'reviewed', 'revoked'));
-- A contracted or reviewed allocation holds its parcel as an approved one does.
DROP INDEX allocations_one_live_per_parcel;
CREATE UNIQUE INDEX allocations_one_live_per_parcel ON allocations (parcel_id)
    WHERE state IN ('proposed', 'approved', 'contracted', 'reviewed');
