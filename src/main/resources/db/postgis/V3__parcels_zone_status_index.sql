-- Capacity checks sum a zone's committed parcels: this index reads only those, never the whole register.
CREATE INDEX parcels_zone_status_idx ON parcels (zone_id, status);
