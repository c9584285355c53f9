-- Patients on their own phone (issue 12): verification codes, abuse limits, remote joining per service.

-- The outbox learned verification codes (no ticket, no service) in V12's rebuild, so it is rebuilt only once.

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

-- What the abuse limits count: codes asked for, codes tried, tickets taken and bookings made, per phone (hashed) and per client address
-- (hashed). Rows older than a day are deleted as new ones come.
CREATE TABLE online_attempts (
    kind  TEXT    NOT NULL CHECK (kind IN ('code','try','ticket','booking')),
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
