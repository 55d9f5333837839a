-- Lineage of split and merge: one row per (parent, child) edge. A split gives one row per part, a merge one row per
-- merged parcel; the parent is retired in the same transaction. Rows are never updated or deleted.
CREATE TABLE parcel_lineage (
    parent_id   VARCHAR(32)  NOT NULL REFERENCES parcels (id),
    child_id    VARCHAR(32)  NOT NULL REFERENCES parcels (id),
    operation   VARCHAR(8)   NOT NULL CHECK (operation IN ('split', 'merge')),
    actor       VARCHAR(64)  NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (parent_id, child_id)
);
CREATE INDEX parcel_lineage_child_idx ON parcel_lineage (child_id);
