-- The catalogue: cities, categories, shops, products and their variants.
-- Translatable text lives in *_texts tables keyed by locale, so a new language needs
-- no schema change. Money is integer minor units plus a currency code.
-- Integers are INTEGER (64-bit in SQLite); flags are 0/1; times are Unix seconds.

CREATE TABLE cities (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    country TEXT NOT NULL CHECK (country IN ('PK', 'CN'))
);

CREATE TABLE city_texts (
    city_id INTEGER NOT NULL REFERENCES cities(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (city_id, locale)
);

CREATE TABLE categories (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    parent_id INTEGER REFERENCES categories(id) ON DELETE RESTRICT,
    tax_class TEXT NOT NULL CHECK (tax_class IN ('food', 'general')),
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX categories_parent ON categories(parent_id);

CREATE TABLE category_texts (
    category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (category_id, locale)
);

CREATE TABLE shops (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('exporter', 'importer')),
    city_id INTEGER NOT NULL REFERENCES cities(id),
    verified INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
    founded INTEGER,
    created_at INTEGER NOT NULL
);

CREATE TABLE shop_texts (
    shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    name TEXT NOT NULL,
    tagline TEXT NOT NULL DEFAULT '',
    story TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (shop_id, locale)
);

CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    shop_id INTEGER NOT NULL REFERENCES shops(id),
    category_id INTEGER NOT NULL REFERENCES categories(id),
    origin_city_id INTEGER NOT NULL REFERENCES cities(id),
    hs_code TEXT NOT NULL,
    weight_g INTEGER NOT NULL CHECK (weight_g > 0),
    featured INTEGER NOT NULL DEFAULT 0 CHECK (featured IN (0, 1)),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'hidden')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX products_category ON products(category_id);
CREATE INDEX products_shop ON products(shop_id);

CREATE TABLE product_texts (
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (product_id, locale)
);

CREATE TABLE product_certifications (
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    certification TEXT NOT NULL,
    PRIMARY KEY (product_id, certification)
);

CREATE TABLE variants (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    sku TEXT NOT NULL UNIQUE,
    price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
    currency TEXT NOT NULL DEFAULT 'CNY',
    stock INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX variants_product ON variants(product_id);

CREATE TABLE variant_texts (
    variant_id INTEGER NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (variant_id, locale)
);
