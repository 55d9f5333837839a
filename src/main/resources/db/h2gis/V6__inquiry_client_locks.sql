-- Lock slots for the per-client rate limit of investors' inquiries (see inquiry/InquiryDesk). A submission locks
-- the slot of its client key (a hash of it, modulo 256) with SELECT ... FOR UPDATE, then counts that client's recent
-- inquiries and inserts, so concurrent submissions of one client, on any service instance, are counted one after
-- the other. A fixed set of rows: nothing to insert (and race on) per new client, nothing that grows. The PostGIS
-- store has the same table (db/postgis/V6).
CREATE TABLE inquiry_client_locks (
    slot INTEGER PRIMARY KEY
);
INSERT INTO inquiry_client_locks (slot) SELECT X FROM SYSTEM_RANGE(0, 255);
