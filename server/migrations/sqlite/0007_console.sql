-- The operator's console: the append-only audit log of every privileged action, shop
-- suspension, listings taken down, refunds, and reviews hidden by moderation.

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    -- who acted: the user (NULL for the operator's command line) and their email then
    actor_id INTEGER,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    -- JSON of what changed, before and after (NULL where there was nothing)
    before_state TEXT,
    after_state TEXT,
    address TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- A suspended shop's products leave the catalogue at once and cannot be bought.
ALTER TABLE shops ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1));
ALTER TABLE shops ADD COLUMN suspended_reason TEXT;

-- A moderated review no longer shows or counts.
ALTER TABLE reviews ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1));

-- The password must be reset before the next sign-in.
ALTER TABLE users ADD COLUMN must_reset INTEGER NOT NULL DEFAULT 0 CHECK (must_reset IN (0, 1));

CREATE TABLE refunds (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL UNIQUE REFERENCES orders(id),
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
    reason TEXT NOT NULL,
    by_user INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL
);

-- An app server claims a message for a minute before sending it, so that several servers
-- on one database send each message once.
ALTER TABLE outbox ADD COLUMN claimed_until INTEGER;
