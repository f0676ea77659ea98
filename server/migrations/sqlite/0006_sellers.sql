-- Sellers: applications to open a shop (with their documents), the people of a shop and
-- their roles, the editing history that tells a translator which side changed, stock
-- adjustments, glossaries, product views by day, the pavilion's commission, and the
-- shop profile's pictures and policies.

CREATE TABLE shop_applications (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('exporter', 'importer')),
    legal_name TEXT NOT NULL,
    shop_name TEXT NOT NULL,
    registration_number TEXT NOT NULL,
    city_id INTEGER NOT NULL REFERENCES cities(id),
    contact_name TEXT NOT NULL,
    contact_phone TEXT NOT NULL,
    -- top-level category slugs, comma separated
    categories TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    reason TEXT,
    shop_id INTEGER REFERENCES shops(id),
    created_at INTEGER NOT NULL,
    decided_at INTEGER
);
CREATE INDEX shop_applications_user ON shop_applications(user_id, id);
CREATE INDEX shop_applications_status ON shop_applications(status, id);

CREATE TABLE application_documents (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES shop_applications(id) ON DELETE CASCADE,
    -- the stored file's name under the data dir's documents folder (random, never the upload's)
    stored_name TEXT NOT NULL UNIQUE,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    uploaded_at INTEGER NOT NULL
);
CREATE INDEX application_documents_application ON application_documents(application_id);

CREATE TABLE shop_members (
    shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'fulfilment')),
    added_at INTEGER NOT NULL,
    PRIMARY KEY (shop_id, user_id)
);
CREATE INDEX shop_members_user ON shop_members(user_id);

-- When each side of each translated field was last changed, as a per-product edit counter:
-- the side with the smaller number is out of date.
CREATE TABLE product_text_edits (
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    locale TEXT NOT NULL CHECK (locale IN ('en', 'zh')),
    field TEXT NOT NULL,
    edit INTEGER NOT NULL,
    PRIMARY KEY (product_id, locale, field)
);
ALTER TABLE products ADD COLUMN edits INTEGER NOT NULL DEFAULT 0;

CREATE TABLE stock_adjustments (
    id INTEGER PRIMARY KEY,
    variant_id INTEGER NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
    delta INTEGER NOT NULL,
    reason TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id),
    at INTEGER NOT NULL
);
CREATE INDEX stock_adjustments_variant ON stock_adjustments(variant_id, id);
ALTER TABLE variants ADD COLUMN low_stock INTEGER NOT NULL DEFAULT 5;

-- shop_id NULL: the pavilion's shared glossary
CREATE TABLE glossary_terms (
    id INTEGER PRIMARY KEY,
    shop_id INTEGER REFERENCES shops(id) ON DELETE CASCADE,
    en TEXT NOT NULL,
    zh TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX glossary_terms_shop ON glossary_terms(shop_id);

CREATE TABLE product_views (
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    views INTEGER NOT NULL,
    PRIMARY KEY (product_id, day)
);

-- The pavilion's commission on goods, in basis points, from the day it was set.
CREATE TABLE commission_rates (
    id INTEGER PRIMARY KEY,
    basis_points INTEGER NOT NULL CHECK (basis_points BETWEEN 0 AND 5000),
    set_on TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
INSERT INTO commission_rates (basis_points, set_on, created_at) VALUES (800, '2026-01-01', 0);

ALTER TABLE shop_texts ADD COLUMN policies TEXT NOT NULL DEFAULT '';
ALTER TABLE shops ADD COLUMN has_logo INTEGER NOT NULL DEFAULT 0;
ALTER TABLE shops ADD COLUMN has_banner INTEGER NOT NULL DEFAULT 0;

-- CSV imports of a shop's products: what each read, wrote and found wrong (JSON).
CREATE TABLE csv_imports (
    id INTEGER PRIMARY KEY,
    shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users(id),
    rows_read INTEGER NOT NULL,
    imported INTEGER NOT NULL,
    problems TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX csv_imports_shop ON csv_imports(shop_id, id);

-- Invitations to work for a shop, sent by its owner; the link holds a token, this its hash.
CREATE TABLE shop_invitations (
    id INTEGER PRIMARY KEY,
    shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('manager', 'fulfilment')),
    token_hash TEXT NOT NULL UNIQUE,
    invited_by INTEGER REFERENCES users(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    accepted_at INTEGER
);
CREATE INDEX shop_invitations_shop ON shop_invitations(shop_id, id);

-- A product waits for the pavilion's review before it goes on sale (the reviewer's note when not).
ALTER TABLE products ADD COLUMN review_requested_at INTEGER;
ALTER TABLE products ADD COLUMN review_note TEXT;
