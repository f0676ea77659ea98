-- What a visitor typed into a form the server refused, kept for a few minutes so that the
-- page showing the refusal (to a browser without JavaScript) can fill the form in again.
-- The browser holds the token in a cookie; only its hash is kept. Passwords are never kept.
CREATE TABLE form_drafts (
    token_hash TEXT PRIMARY KEY,
    page TEXT NOT NULL,
    fields TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX form_drafts_expiry ON form_drafts (expires_at);
