-- Appointments: doctors' schedules per site, bookings in their slots, and check-in into the queue.
-- Local times are 'HH:MM' text in the site's time zone; instants are epoch milliseconds as everywhere.
-- (Version 11, the issue's number: other changes made meanwhile may take 7 to 10.)

-- A doctor's working block: weekly (weekday 1 = Monday … 7 = Sunday, on_date NULL) or for one dated
-- exception (on_date set, weekday NULL). An exception date replaces that day's weekly blocks.
CREATE TABLE schedule_blocks (
    id            INTEGER PRIMARY KEY,
    site_id       INTEGER NOT NULL REFERENCES sites(id),
    doctor        TEXT    NOT NULL,
    weekday       INTEGER CHECK (weekday BETWEEN 1 AND 7),
    on_date       TEXT,
    start_time    TEXT    NOT NULL,
    end_time      TEXT    NOT NULL,
    slot_minutes  INTEGER NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    capacity      INTEGER NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 50),
    room_id       INTEGER REFERENCES rooms(id),
    CHECK ((weekday IS NULL) <> (on_date IS NULL))
);
CREATE INDEX schedule_blocks_by_doctor ON schedule_blocks(site_id, doctor);

CREATE TABLE schedule_block_services (
    block_id    INTEGER NOT NULL REFERENCES schedule_blocks(id) ON DELETE CASCADE,
    service_id  INTEGER NOT NULL REFERENCES services(id),
    PRIMARY KEY (block_id, service_id)
) WITHOUT ROWID;
CREATE INDEX schedule_block_services_by_service ON schedule_block_services(service_id);

-- A dated exception: the weekly blocks do not apply that day; its own blocks (none: a day off) do.
CREATE TABLE schedule_exceptions (
    site_id  INTEGER NOT NULL REFERENCES sites(id),
    doctor   TEXT    NOT NULL,
    on_date  TEXT    NOT NULL,
    note     TEXT,
    PRIMARY KEY (site_id, doctor, on_date)
) WITHOUT ROWID;

-- Per site: how late a patient may check in and still keep their slot's place (minutes).
CREATE TABLE appointment_settings (
    site_id        INTEGER PRIMARY KEY REFERENCES sites(id),
    grace_minutes  INTEGER NOT NULL DEFAULT 15 CHECK (grace_minutes BETWEEN 0 AND 240)
);

CREATE TABLE appointments (
    id            INTEGER PRIMARY KEY,
    site_id       INTEGER NOT NULL REFERENCES sites(id),
    service_id    INTEGER NOT NULL REFERENCES services(id),
    doctor        TEXT    NOT NULL,
    room_id       INTEGER REFERENCES rooms(id),
    slot_start    INTEGER NOT NULL,
    slot_end      INTEGER NOT NULL,
    local_date    TEXT    NOT NULL,
    local_time    TEXT    NOT NULL,
    code          TEXT    NOT NULL,
    state         TEXT    NOT NULL CHECK (state IN ('booked','checked_in','cancelled','missed')),
    patient_name  TEXT,   -- NULL once purged
    phone         TEXT,   -- E.164; NULL when not given or purged
    language      TEXT,
    ticket_id     INTEGER REFERENCES tickets(id),
    booked_at     INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
-- a code identifies one active booking: reused only once that booking is over
CREATE UNIQUE INDEX appointments_active_code ON appointments(code) WHERE state = 'booked';
CREATE INDEX appointments_by_slot ON appointments(doctor, slot_start) WHERE state IN ('booked','checked_in');
CREATE INDEX appointments_by_day ON appointments(site_id, local_date);
CREATE INDEX appointments_due ON appointments(slot_end) WHERE state = 'booked';
CREATE INDEX appointments_with_personal_data ON appointments(slot_start) WHERE patient_name IS NOT NULL OR phone IS NOT NULL;
