-- Times are epoch milliseconds (INTEGER): they sort correctly, unlike ISO text of varying precision.

-- Sites, services and rooms (F1).
CREATE TABLE sites (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    time_zone   TEXT    NOT NULL,
    -- last sequence number handed to an event of this site; bumped in the same transaction as the event
    event_seq   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE services (
    id                    INTEGER PRIMARY KEY,
    site_id               INTEGER NOT NULL REFERENCES sites(id),
    name                  TEXT    NOT NULL,
    prefix                TEXT    NOT NULL,
    almost_turn_position  INTEGER NOT NULL DEFAULT 3,
    active                INTEGER NOT NULL DEFAULT 1,
    UNIQUE (site_id, name),
    UNIQUE (site_id, prefix)
);

CREATE TABLE rooms (
    id       INTEGER PRIMARY KEY,
    site_id  INTEGER NOT NULL REFERENCES sites(id),
    name     TEXT    NOT NULL,
    UNIQUE (site_id, name)
);

-- One row per service and local day: the daily sequence. Incremented in the transaction that inserts
-- the ticket, so a number is never handed out twice, even after a cancel or a crash.
CREATE TABLE ticket_counters (
    service_id  INTEGER NOT NULL REFERENCES services(id),
    local_date  TEXT    NOT NULL,
    last_seq    INTEGER NOT NULL,
    PRIMARY KEY (service_id, local_date)
) WITHOUT ROWID;

CREATE TABLE doctor_sessions (
    id                 INTEGER PRIMARY KEY,
    site_id            INTEGER NOT NULL REFERENCES sites(id),
    room_id            INTEGER NOT NULL REFERENCES rooms(id),
    doctor             TEXT    NOT NULL,
    paused             INTEGER NOT NULL DEFAULT 0,
    opened_at          INTEGER    NOT NULL,
    closed_at          INTEGER
);
-- at most one open session per room
CREATE UNIQUE INDEX one_open_session_per_room ON doctor_sessions(room_id) WHERE closed_at IS NULL;

CREATE TABLE session_services (
    session_id  INTEGER NOT NULL REFERENCES doctor_sessions(id),
    service_id  INTEGER NOT NULL REFERENCES services(id),
    PRIMARY KEY (session_id, service_id)
) WITHOUT ROWID;

CREATE TABLE tickets (
    id                 INTEGER PRIMARY KEY,
    site_id            INTEGER NOT NULL REFERENCES sites(id),
    -- the service whose counter gave the number; the number never changes, even on transfer
    number_service_id  INTEGER NOT NULL REFERENCES services(id),
    service_date       TEXT    NOT NULL,
    seq                INTEGER NOT NULL,
    number             TEXT    NOT NULL,
    service_id         INTEGER NOT NULL REFERENCES services(id),
    state              TEXT    NOT NULL CHECK (state IN ('waiting','called','serving','done','no_show','cancelled','transferred')),
    priority_rank      INTEGER NOT NULL CHECK (priority_rank BETWEEN 0 AND 3),
    source             TEXT    NOT NULL,
    patient_name       TEXT,
    phone              TEXT,
    assigned_doctor    TEXT,
    room_id            INTEGER REFERENCES rooms(id),
    session_id         INTEGER REFERENCES doctor_sessions(id),
    return_service_id  INTEGER REFERENCES services(id),
    issued_at          INTEGER    NOT NULL,
    queued_at          INTEGER    NOT NULL,
    called_at          INTEGER,
    finished_at        INTEGER,
    recall_count       INTEGER NOT NULL DEFAULT 0,
    UNIQUE (number_service_id, service_date, seq)
);
-- the queue order used by Next: waiting tickets of a service by class, then arrival
CREATE INDEX tickets_queue ON tickets(service_id, state, priority_rank, queued_at, id);
CREATE INDEX tickets_by_day ON tickets(site_id, service_date);
-- a session's current patient is the ticket it called that is still called or being served
CREATE INDEX tickets_by_session ON tickets(session_id, state);

-- Full history of every ticket: every transition, attributed and timestamped by the server.
CREATE TABLE ticket_events (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL REFERENCES tickets(id),
    action      TEXT    NOT NULL,
    from_state  TEXT,
    to_state    TEXT    NOT NULL,
    service_id  INTEGER NOT NULL REFERENCES services(id),
    room_id     INTEGER REFERENCES rooms(id),
    actor       TEXT    NOT NULL,
    at          INTEGER    NOT NULL
);
CREATE INDEX ticket_events_by_ticket ON ticket_events(ticket_id, id);

-- The live stream, kept so a reconnecting client can catch up from its last sequence number.
CREATE TABLE events (
    site_id  INTEGER NOT NULL REFERENCES sites(id),
    seq      INTEGER NOT NULL,
    type     TEXT    NOT NULL,
    at       INTEGER    NOT NULL,
    payload  TEXT    NOT NULL,
    PRIMARY KEY (site_id, seq)
) WITHOUT ROWID;

-- Answers already given to requests with an Idempotency-Key, stored in the same transaction as the change.
CREATE TABLE idempotency_keys (
    idem_key      TEXT    NOT NULL,
    fingerprint   TEXT    NOT NULL,
    status        INTEGER NOT NULL,
    response      TEXT    NOT NULL,
    created_at    INTEGER    NOT NULL,
    PRIMARY KEY (idem_key)
) WITHOUT ROWID;
CREATE INDEX idempotency_keys_age ON idempotency_keys(created_at);
