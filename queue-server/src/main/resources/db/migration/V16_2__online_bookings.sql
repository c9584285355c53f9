-- Patients book appointments on their own phone (issue 12, second flow): a manage link per booking, the
-- outbox learns the link's text, and the limits count bookings.

-- The outbox learned the manage link's text (no ticket, no service) in V12's rebuild, and online_attempts the
-- booking kind in V16_1, so neither table is rebuilt again.

-- A booking's manage link /m/{token}: only the token's SHA-256 is kept; it works until the booking's slot ends.
CREATE TABLE online_bookings (
    token_hash      TEXT    PRIMARY KEY,
    appointment_id  INTEGER NOT NULL REFERENCES appointments(id),
    expires_at      INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX online_bookings_by_appointment ON online_bookings(appointment_id);
