-- Personal data kept no longer than the configured retention (F14); see privacy/PersonalDataPurge.

-- Only tickets that still hold a name or phone: the purge finds its next batch here without scanning the
-- history, and the index shrinks as the purge goes.
CREATE INDEX tickets_with_personal_data ON tickets(issued_at) WHERE patient_name IS NOT NULL OR phone IS NOT NULL;

-- The outbox keeps a purged message's kind, state and times for reports, but not its number or text:
-- both become nullable (SQLite cannot relax NOT NULL in place, so the table is rebuilt).
CREATE TABLE sms_outbox_v5 (
    id                   INTEGER PRIMARY KEY,
    ticket_id            INTEGER NOT NULL REFERENCES tickets(id),
    site_id              INTEGER NOT NULL REFERENCES sites(id),
    service_id           INTEGER NOT NULL REFERENCES services(id),
    kind                 TEXT    NOT NULL CHECK (kind IN ('confirmation','almost_turn','your_turn','transfer','cancelled')),
    queue_position       INTEGER,
    phone                TEXT,   -- NULL once purged
    language             TEXT    NOT NULL,
    body                 TEXT,   -- NULL once purged
    state                TEXT    NOT NULL CHECK (state IN ('queued','sent','logged','failed','opted_out')),
    attempts             INTEGER NOT NULL DEFAULT 0,
    next_attempt_at      INTEGER NOT NULL,
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    reason               TEXT,
    provider_message_id  TEXT
);
INSERT INTO sms_outbox_v5 SELECT id, ticket_id, site_id, service_id, kind, queue_position, phone, language, body,
       state, attempts, next_attempt_at, created_at, updated_at, reason, provider_message_id FROM sms_outbox;
DROP TABLE sms_outbox;
ALTER TABLE sms_outbox_v5 RENAME TO sms_outbox;
CREATE INDEX sms_outbox_due ON sms_outbox(next_attempt_at, id) WHERE state = 'queued';
CREATE INDEX sms_outbox_by_ticket ON sms_outbox(ticket_id, id);
CREATE INDEX sms_outbox_by_phone ON sms_outbox(phone) WHERE state = 'queued';

-- Stored events copy the ticket (with name and phone) or a message of a ticket; the purge finds a ticket's
-- events through this computed column instead of reading every payload.
ALTER TABLE events ADD COLUMN ticket_id INTEGER
    GENERATED ALWAYS AS (coalesce(json_extract(payload, '$.ticket.id'),
                                  json_extract(payload, '$.sms.ticketId'))) VIRTUAL;
CREATE INDEX events_by_ticket ON events(ticket_id) WHERE ticket_id IS NOT NULL;

-- An opt-out must outlive the purge of the number that asked for it, so it is kept as a keyed hash
-- (HMAC-SHA-256 of the E.164 number with the installation's key, privacy/PhoneHasher), never the number.
-- Rows from before this version keep their number in `phone` until the server's first start hashes them.
CREATE TABLE sms_opt_outs_v5 (
    phone_hash  TEXT    PRIMARY KEY,
    phone       TEXT,
    source      TEXT    NOT NULL CHECK (source IN ('patient','sns')),
    at          INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO sms_opt_outs_v5(phone_hash, phone, source, at)
    SELECT 'unhashed:' || phone, phone, source, at FROM sms_opt_outs;
DROP TABLE sms_opt_outs;
ALTER TABLE sms_opt_outs_v5 RENAME TO sms_opt_outs;
