-- Each kiosk's receipt printer as it last reported it (issue 6), so a receptionist who starts later still
-- sees a kiosk that is out of paper. A kiosk without a row has never reported trouble.
CREATE TABLE device_printers (
    device_id    INTEGER PRIMARY KEY REFERENCES devices(id),
    state        TEXT    NOT NULL CHECK (state IN ('ok', 'offline', 'paper_out', 'failed')),
    detail       TEXT,
    changed_at   INTEGER NOT NULL,          -- when it entered this state
    reported_at  INTEGER NOT NULL           -- its latest report
);
