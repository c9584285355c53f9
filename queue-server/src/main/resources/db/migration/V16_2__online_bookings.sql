-- Patients book appointments on their own phone (issue 12, second flow): a manage link per booking, the
-- outbox learns the link's text, and the limits count bookings.

-- The manage link's text is a message of no ticket, like a code (SQLite cannot change a CHECK in place, so the
-- table is rebuilt as in V16_1).
CREATE TABLE sms_outbox_v16_2 (
    id                   INTEGER PRIMARY KEY,
    ticket_id            INTEGER REFERENCES tickets(id),   -- NULL for a code or a manage link
    site_id              INTEGER NOT NULL REFERENCES sites(id),
    service_id           INTEGER REFERENCES services(id),  -- NULL for a code or a manage link
    kind                 TEXT    NOT NULL CHECK (kind IN ('confirmation','almost_turn','your_turn','transfer','cancelled',
                                                          'verification_code','manage_link')),
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
INSERT INTO sms_outbox_v16_2 SELECT id, ticket_id, site_id, service_id, kind, queue_position, phone, language, body,
       state, attempts, next_attempt_at, created_at, updated_at, reason, provider_message_id FROM sms_outbox;
DROP TABLE sms_outbox;
ALTER TABLE sms_outbox_v16_2 RENAME TO sms_outbox;
CREATE INDEX sms_outbox_due ON sms_outbox(next_attempt_at, id) WHERE state = 'queued';
CREATE INDEX sms_outbox_by_ticket ON sms_outbox(ticket_id, id);
CREATE INDEX sms_outbox_by_phone ON sms_outbox(phone) WHERE state = 'queued';

-- The limits count bookings too.
CREATE TABLE online_attempts_v16_2 (
    kind  TEXT    NOT NULL CHECK (kind IN ('code','try','ticket','booking')),
    key   TEXT    NOT NULL,
    at    INTEGER NOT NULL
);
INSERT INTO online_attempts_v16_2 SELECT kind, key, at FROM online_attempts;
DROP TABLE online_attempts;
ALTER TABLE online_attempts_v16_2 RENAME TO online_attempts;
CREATE INDEX online_attempts_by_key ON online_attempts(kind, key, at);
CREATE INDEX online_attempts_by_time ON online_attempts(at);

-- A booking's manage link /m/{token}: only the token's SHA-256 is kept; it works until the booking's slot ends.
CREATE TABLE online_bookings (
    token_hash      TEXT    PRIMARY KEY,
    appointment_id  INTEGER NOT NULL REFERENCES appointments(id),
    expires_at      INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX online_bookings_by_appointment ON online_bookings(appointment_id);
