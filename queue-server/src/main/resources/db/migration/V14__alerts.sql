-- Tiered alerts (issue 14). An admin's thresholds per site (service_id 0) or per service, as the JSON of an
-- AlertRulesDto; a service without its own row follows its site's, a site without a row the README's defaults.
CREATE TABLE alert_rules (
    site_id     INTEGER NOT NULL REFERENCES sites(id),
    service_id  INTEGER NOT NULL DEFAULT 0,
    rules_json  TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL,
    updated_by  TEXT    NOT NULL,
    PRIMARY KEY (site_id, service_id)
);

-- Each alert from raised to cleared. subject_key names what it watches ('service:3', 'site', 'device:7');
-- at most one open alert per rule and subject. below_since: since when the value has been under the current
-- tier's clear bound (hysteresis: the tier is left only after the hold time).
CREATE TABLE alerts (
    id               INTEGER PRIMARY KEY,
    site_id          INTEGER NOT NULL REFERENCES sites(id),
    rule             TEXT    NOT NULL,
    subject_key      TEXT    NOT NULL,
    service_id       INTEGER,
    device_id        INTEGER,
    subject          TEXT,
    tier             TEXT    NOT NULL CHECK (tier IN ('medium', 'high', 'critical')),
    value            REAL    NOT NULL,
    summary          TEXT    NOT NULL,
    raised_at        INTEGER NOT NULL,
    changed_at       INTEGER NOT NULL,
    below_since      INTEGER,
    acknowledged_at  INTEGER,
    acknowledged_by  TEXT,
    cleared_at       INTEGER
);
CREATE UNIQUE INDEX alerts_one_open ON alerts(site_id, rule, subject_key) WHERE cleared_at IS NULL;
CREATE INDEX alerts_by_site ON alerts(site_id, cleared_at);

-- Critical alerts for the manager on call, to an SNS topic: written in the alert's transaction, published
-- after it, retried with backoff until SNS takes it.
CREATE TABLE alert_notifications (
    id               INTEGER PRIMARY KEY,
    alert_id         INTEGER NOT NULL REFERENCES alerts(id),
    subject          TEXT    NOT NULL,
    message          TEXT    NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL,
    sent_at          INTEGER,
    message_id       TEXT,
    last_error       TEXT
);
CREATE INDEX alert_notifications_due ON alert_notifications(sent_at, next_attempt_at);

-- The SMS failure rule counts a site's messages that ended in the last 15 minutes, every few seconds.
CREATE INDEX sms_outbox_by_site_updated ON sms_outbox(site_id, updated_at);
