-- Patients on their own phone (issue 12): verification codes, abuse limits, remote joining per service.

-- A verification code is a text message of no ticket: the outbox's ticket and service become optional and it
-- learns the kind (SQLite cannot relax NOT NULL or a CHECK in place, so the table is rebuilt as in V5).
CREATE TABLE sms_outbox_v16 (
    id                   INTEGER PRIMARY KEY,
    ticket_id            INTEGER REFERENCES tickets(id),   -- NULL for a verification code
    site_id              INTEGER NOT NULL REFERENCES sites(id),
    service_id           INTEGER REFERENCES services(id),  -- NULL for a verification code
    kind                 TEXT    NOT NULL CHECK (kind IN ('confirmation','almost_turn','your_turn','transfer','cancelled',
                                                          'verification_code')),
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
INSERT INTO sms_outbox_v16 SELECT id, ticket_id, site_id, service_id, kind, queue_position, phone, language, body,
       state, attempts, next_attempt_at, created_at, updated_at, reason, provider_message_id FROM sms_outbox;
DROP TABLE sms_outbox;
ALTER TABLE sms_outbox_v16 RENAME TO sms_outbox;
CREATE INDEX sms_outbox_due ON sms_outbox(next_attempt_at, id) WHERE state = 'queued';
CREATE INDEX sms_outbox_by_ticket ON sms_outbox(ticket_id, id);
CREATE INDEX sms_outbox_by_phone ON sms_outbox(phone) WHERE state = 'queued';

-- A 6-digit code sent to a phone, kept only as a keyed hash of number and code; void once used, replaced,
-- expired or after 5 wrong tries.
CREATE TABLE online_codes (
    id           INTEGER PRIMARY KEY,
    site_id      INTEGER NOT NULL REFERENCES sites(id),
    phone_hash   TEXT    NOT NULL,
    code_hash    TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    wrong_tries  INTEGER NOT NULL DEFAULT 0,
    void_at      INTEGER
);
CREATE INDEX online_codes_by_phone ON online_codes(phone_hash, site_id, id);

-- What the abuse limits count: codes asked for, codes tried and tickets taken, per phone (hashed) and per client address
-- (hashed). Rows older than a day are deleted as new ones come.
CREATE TABLE online_attempts (
    kind  TEXT    NOT NULL CHECK (kind IN ('code','try','ticket')),
    key   TEXT    NOT NULL,
    at    INTEGER NOT NULL
);
CREATE INDEX online_attempts_by_key ON online_attempts(kind, key, at);
CREATE INDEX online_attempts_by_time ON online_attempts(at);

-- Which services take tickets from patients' phones, when (the site's local time; NULL: all day) and how many
-- such tickets may wait at once (NULL: no cap). No row: closed.
CREATE TABLE remote_joining (
    service_id   INTEGER PRIMARY KEY REFERENCES services(id),
    open         INTEGER NOT NULL CHECK (open IN (0, 1)),
    opens_at     TEXT,
    closes_at    TEXT,
    max_waiting  INTEGER
) WITHOUT ROWID;

-- Tickets taken online, for the cap on those waiting at once.
CREATE TABLE online_tickets (
    ticket_id   INTEGER PRIMARY KEY REFERENCES tickets(id),
    service_id  INTEGER NOT NULL REFERENCES services(id),
    issued_at   INTEGER NOT NULL
);
CREATE INDEX online_tickets_by_service ON online_tickets(service_id, issued_at);
