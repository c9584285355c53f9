-- Names of services and rooms in other languages (issue 9): patients see them on the kiosk, the board, the
-- status page and in text messages in their language; a language without a row shows services.name/rooms.name.
CREATE TABLE service_names (
    service_id  INTEGER NOT NULL REFERENCES services(id),
    language    TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    PRIMARY KEY (service_id, language)
) WITHOUT ROWID;

CREATE TABLE room_names (
    room_id   INTEGER NOT NULL REFERENCES rooms(id),
    language  TEXT    NOT NULL,
    name      TEXT    NOT NULL,
    PRIMARY KEY (room_id, language)
) WITHOUT ROWID;
