-- Several server instances on one database (issue 15): a dispatcher claims the messages it is about to send
-- with a lease, so two instances never send one message at once; a lease that ran out (its instance died
-- mid-send) is taken over. Plain ADD COLUMNs: this script runs on SQLite and on PostgreSQL alike.
ALTER TABLE sms_outbox ADD COLUMN leased_by TEXT;
ALTER TABLE sms_outbox ADD COLUMN lease_until BIGINT;
