-- Failed sign-ins, counted to throttle password guessing (see security/SignInThrottle): one row per failure, with
-- the client (its address key: IPv4, IPv6 /64, or "loopback") and the username tried (at most 64 characters). A
-- client's attempts for one username are refused without a password check once it has 10 failures in 15 minutes
-- (valley.sign-in.*); counted here, in the database, so the limit holds across service instances. Rows older than
-- the window are deleted as failures are recorded. The PostGIS store has the same table (db/postgis/V10).
CREATE TABLE sign_in_failures (
    client_key VARCHAR(64) NOT NULL,
    username   VARCHAR(64) NOT NULL,
    failed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sign_in_failures_pair_idx ON sign_in_failures (client_key, username, failed_at);
CREATE INDEX sign_in_failures_client_idx ON sign_in_failures (client_key, failed_at);
CREATE INDEX sign_in_failures_time_idx ON sign_in_failures (failed_at);

-- Inquiries are rate-limited per client address, per account and per contact (see inquiry/InquiryDesk), so that
-- neither a second spelling of one address, nor an account, nor a new address for the same contact opens a new
-- allowance. address_key is the client's address key as above; contact_key the contact normalised (lower case, no
-- spaces, a phone number as its digits). Inquiries made before this migration have neither: they still count for
-- their account (submitted_by) and under client_key.
ALTER TABLE inquiries ADD COLUMN address_key VARCHAR(64);
ALTER TABLE inquiries ADD COLUMN contact_key VARCHAR(200);
CREATE INDEX inquiries_address_idx ON inquiries (address_key, created_at);
CREATE INDEX inquiries_contact_idx ON inquiries (contact_key, created_at);
CREATE INDEX inquiries_submitter_time_idx ON inquiries (submitted_by, created_at);
