-- Text messages (F6) and the patient's status page (F7).

-- Numbers typed without a country code are read in the site's region (ISO 3166, e.g. 'ES'); NULL means
-- they must be typed in international format. Messages default to the site's language.
ALTER TABLE sites ADD COLUMN phone_region TEXT;
ALTER TABLE sites ADD COLUMN sms_language TEXT NOT NULL DEFAULT 'en';

-- The patient's language for one ticket (kiosk choice), when it is not the site's default.
CREATE TABLE ticket_languages (
    ticket_id  INTEGER PRIMARY KEY REFERENCES tickets(id),
    language   TEXT    NOT NULL
);

-- The unguessable link to a ticket's status page. Kept as issued (not hashed): reception must be able to
-- reprint it and the queued message carries it anyway; it is worthless after expires_at.
CREATE TABLE ticket_tokens (
    token       TEXT    PRIMARY KEY,
    ticket_id   INTEGER NOT NULL UNIQUE REFERENCES tickets(id),
    expires_at  INTEGER NOT NULL
) WITHOUT ROWID;

-- The transactional outbox: written in the same transaction as the ticket change, sent after commit.
CREATE TABLE sms_outbox (
    id                   INTEGER PRIMARY KEY,
    ticket_id            INTEGER NOT NULL REFERENCES tickets(id),
    site_id              INTEGER NOT NULL REFERENCES sites(id),
    service_id           INTEGER NOT NULL REFERENCES services(id),
    kind                 TEXT    NOT NULL CHECK (kind IN ('confirmation','almost_turn','your_turn','transfer','cancelled')),
    -- the ticket's place in its queue when the message was written, if it was waiting
    queue_position       INTEGER,
    phone                TEXT    NOT NULL,
    language             TEXT    NOT NULL,
    body                 TEXT    NOT NULL,
    state                TEXT    NOT NULL CHECK (state IN ('queued','sent','logged','failed','opted_out')),
    attempts             INTEGER NOT NULL DEFAULT 0,
    next_attempt_at      INTEGER NOT NULL,
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    reason               TEXT,
    provider_message_id  TEXT
);
CREATE INDEX sms_outbox_due ON sms_outbox(next_attempt_at, id) WHERE state = 'queued';
CREATE INDEX sms_outbox_by_ticket ON sms_outbox(ticket_id, id);
CREATE INDEX sms_outbox_by_phone ON sms_outbox(phone) WHERE state = 'queued';

-- Numbers that get no more messages: stopped on the status page ('patient') or on the SNS opt-out list ('sns').
CREATE TABLE sms_opt_outs (
    phone   TEXT    PRIMARY KEY,
    source  TEXT    NOT NULL CHECK (source IN ('patient','sns')),
    at      INTEGER NOT NULL
) WITHOUT ROWID;

-- A service's own texts; a missing row means the default text of that kind and language.
CREATE TABLE sms_templates (
    service_id  INTEGER NOT NULL REFERENCES services(id),
    language    TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    PRIMARY KEY (service_id, language, kind)
) WITHOUT ROWID;

-- Abuse limits count SMS tickets per phone per day and per kiosk per minute.
CREATE INDEX tickets_by_phone ON tickets(phone, service_date) WHERE phone IS NOT NULL;
CREATE INDEX ticket_events_by_actor ON ticket_events(actor, at) WHERE action = 'issue';
-- The wait estimate looks at recent calls at a service.
CREATE INDEX ticket_events_calls ON ticket_events(service_id, at) WHERE action = 'call';
