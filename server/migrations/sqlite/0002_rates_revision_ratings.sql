-- Exchange rates the operator sets (units of a currency per 1 CNY, in millionths, with the
-- date they were set), the catalogue revision every catalogue write bumps (app servers
-- follow it to refresh their in-memory catalogue and search index), and per-product
-- rating totals kept in step with reviews.

CREATE TABLE exchange_rates (
    id INTEGER PRIMARY KEY,
    currency TEXT NOT NULL CHECK (currency IN ('PKR', 'USD')),
    per_cny_micros INTEGER NOT NULL CHECK (per_cny_micros > 0),
    set_on TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX exchange_rates_currency ON exchange_rates(currency, id);

CREATE TABLE catalog_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL
);
INSERT INTO catalog_revision (id, revision) VALUES (1, 1);

ALTER TABLE products ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE products ADD COLUMN rating_sum INTEGER NOT NULL DEFAULT 0;
ALTER TABLE products ADD COLUMN rating_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX products_revision ON products(revision);
