-- From inquiry to proposal (F10): an allocation proposed from an investor's inquiry records which one. Null for a
-- proposal made without one. The inquiry is closed in the same transaction with a note naming the allocation.
ALTER TABLE allocations ADD COLUMN inquiry_id VARCHAR(40) REFERENCES inquiries (id);
