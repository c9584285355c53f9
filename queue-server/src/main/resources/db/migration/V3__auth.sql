-- Built-in user store (used when the server is not configured for Amazon Cognito).
CREATE TABLE users (
    id               INTEGER PRIMARY KEY,
    username         TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    password_hash    TEXT    NOT NULL,
    roles            TEXT    NOT NULL,          -- comma-separated wire names: admin,receptionist,doctor
    disabled         INTEGER NOT NULL DEFAULT 0,
    failed_attempts  INTEGER NOT NULL DEFAULT 0,
    locked_until     INTEGER,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);

-- Refresh tokens are stored only as SHA-256 hashes; each use replaces the token (rotation).
CREATE TABLE refresh_tokens (
    token_hash  TEXT    PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    expires_at  INTEGER NOT NULL,
    revoked     INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX refresh_tokens_by_user ON refresh_tokens(user_id);

-- Kiosks and displays sign in with a device token, shown once at registration and kept only as a hash.
CREATE TABLE devices (
    id          INTEGER PRIMARY KEY,
    site_id     INTEGER NOT NULL REFERENCES sites(id),
    name        TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('kiosk', 'display')),
    token_hash  TEXT    NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER,
    UNIQUE (site_id, name)
);

-- Who did what to accounts and devices, and every sign-in and failed sign-in.
CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    at       INTEGER NOT NULL,
    actor    TEXT    NOT NULL,
    action   TEXT    NOT NULL,
    subject  TEXT,
    detail   TEXT
);
CREATE INDEX audit_log_at ON audit_log(at);
