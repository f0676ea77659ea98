-- Accounts, server-side sessions, one-time password-reset links, the attempts that rate
-- limits count, the email outbox and server secrets (HMAC keys made on first use).
-- Times are Unix seconds. Secrets (password hashes, session ids, reset tokens) are stored
-- hashed or never leave the server.

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    display_name TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('en', 'zh')),
    role TEXT NOT NULL DEFAULT 'customer' CHECK (role IN ('customer', 'seller', 'editor', 'admin')),
    locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
    created_at INTEGER NOT NULL,
    password_changed_at INTEGER NOT NULL
);

-- The cookie holds 128 random bits; the table holds their SHA-256, so a copy of the
-- database cannot be used to sign in. A guest session has no user.
CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_last_seen ON sessions(last_seen_at);

CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);

-- One row per counted attempt ("login-account:<email>", "login-address:<ip>", ...).
CREATE TABLE auth_attempts (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX auth_attempts_scope ON auth_attempts(scope, at);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    recipient TEXT NOT NULL,
    lang TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    sent_at INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX outbox_unsent ON outbox(sent_at, id);

CREATE TABLE secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
