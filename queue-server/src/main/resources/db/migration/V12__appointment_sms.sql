-- Appointment text messages (issue 11): confirmation, reminders, move and cancellation notices go through the
-- same outbox as tickets'. A message is about a ticket or about an appointment, never both; SQLite cannot relax
-- NOT NULL or change a CHECK in place, so the outbox is rebuilt (as in V5). A verification code for a patient's
-- phone and the link to manage a booking made online (issue 12, V16_1 and V16_2) are about neither and have no
-- service; they are folded into this one rebuild.
CREATE TABLE sms_outbox_v12 (
    id                   INTEGER PRIMARY KEY,
    ticket_id            INTEGER REFERENCES tickets(id),
    appointment_id       INTEGER REFERENCES appointments(id),
    site_id              INTEGER NOT NULL REFERENCES sites(id),
    service_id           INTEGER REFERENCES services(id),   -- NULL for a verification code
    kind                 TEXT    NOT NULL CHECK (kind IN ('confirmation','almost_turn','your_turn','transfer','cancelled',
                                 'appointment_confirmation','appointment_reminder','appointment_moved',
                                 'appointment_cancelled','verification_code','manage_link')),
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
    provider_message_id  TEXT,
    CHECK ((ticket_id IS NULL) <> (appointment_id IS NULL)
           OR (kind IN ('verification_code','manage_link') AND ticket_id IS NULL AND appointment_id IS NULL)),
    CHECK (service_id IS NOT NULL OR kind IN ('verification_code','manage_link'))
);
INSERT INTO sms_outbox_v12(id, ticket_id, appointment_id, site_id, service_id, kind, queue_position, phone, language,
                           body, state, attempts, next_attempt_at, created_at, updated_at, reason, provider_message_id)
SELECT id, ticket_id, NULL, site_id, service_id, kind, queue_position, phone, language, body,
       state, attempts, next_attempt_at, created_at, updated_at, reason, provider_message_id FROM sms_outbox;
DROP TABLE sms_outbox;
ALTER TABLE sms_outbox_v12 RENAME TO sms_outbox;
CREATE INDEX sms_outbox_due ON sms_outbox(next_attempt_at, id) WHERE state = 'queued';
CREATE INDEX sms_outbox_by_ticket ON sms_outbox(ticket_id, id);
CREATE INDEX sms_outbox_by_phone ON sms_outbox(phone) WHERE state = 'queued';
CREATE INDEX sms_outbox_by_appointment ON sms_outbox(appointment_id, id) WHERE appointment_id IS NOT NULL;

-- Per site: the local time of the day-before reminder, and optionally one N minutes before (NULL: none).
ALTER TABLE appointment_settings ADD COLUMN reminder_time TEXT NOT NULL DEFAULT '18:00';
ALTER TABLE appointment_settings ADD COLUMN reminder_minutes_before INTEGER
    CHECK (reminder_minutes_before IS NULL OR reminder_minutes_before BETWEEN 5 AND 1440);

-- A reminder written to the outbox, per booking, kind and slot: never twice, even across restarts; a moved
-- booking has a new slot start, so its new slot gets its own reminder.
CREATE TABLE appointment_reminders (
    appointment_id  INTEGER NOT NULL REFERENCES appointments(id),
    kind            TEXT    NOT NULL CHECK (kind IN ('day_before','minutes_before')),
    slot_start      INTEGER NOT NULL,
    at              INTEGER NOT NULL,
    PRIMARY KEY (appointment_id, kind, slot_start)
) WITHOUT ROWID;
