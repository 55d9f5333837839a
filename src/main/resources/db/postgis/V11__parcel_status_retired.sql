-- A parcel superseded by a split or a merge is retired: kept (never deleted) for its history and lineage, never public.
ALTER TABLE parcels DROP CONSTRAINT parcels_status_check;
ALTER TABLE parcels ADD CONSTRAINT parcels_status_check
    CHECK (status IN ('available', 'reserved', 'allocated', 'withdrawn', 'retired'));
