-- Carts, orders split into one shipment per shop, the status timeline, payments and the
-- notifications already handled (replay protection), shipping rates, reviews, wishlists.
-- Orders snapshot titles and prices; every amount is in fen (CNY minor units).

CREATE TABLE carts (
    id INTEGER PRIMARY KEY,
    session_hash TEXT UNIQUE,
    user_id INTEGER UNIQUE REFERENCES users(id) ON DELETE CASCADE,
    updated_at INTEGER NOT NULL,
    CHECK (session_hash IS NOT NULL OR user_id IS NOT NULL)
);

CREATE TABLE cart_lines (
    cart_id INTEGER NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
    variant_id INTEGER NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
    quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    -- the unit price when the line was added, to tell the buyer when it changed
    price_seen INTEGER NOT NULL,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (cart_id, variant_id)
);

CREATE TABLE shipping_rates (
    method TEXT PRIMARY KEY CHECK (method IN ('air', 'land')),
    first_half_kg INTEGER NOT NULL,
    extra_half_kg INTEGER NOT NULL,
    days_min INTEGER NOT NULL,
    days_max INTEGER NOT NULL
);
INSERT INTO shipping_rates (method, first_half_kg, extra_half_kg, days_min, days_max)
VALUES ('air', 3800, 1400, 5, 9), ('land', 2200, 500, 12, 20);

CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    user_id INTEGER REFERENCES users(id),
    session_hash TEXT,
    email TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('en', 'zh')),
    status TEXT NOT NULL CHECK (status IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded')),
    idempotency_key TEXT NOT NULL UNIQUE,
    cart_fingerprint TEXT NOT NULL,
    shipping_method TEXT NOT NULL,
    goods INTEGER NOT NULL CHECK (goods >= 0),
    shipping INTEGER NOT NULL CHECK (shipping >= 0),
    tax INTEGER NOT NULL CHECK (tax >= 0),
    total INTEGER NOT NULL CHECK (total >= 0),
    recipient TEXT NOT NULL,
    mobile TEXT NOT NULL,
    province TEXT NOT NULL,
    city TEXT NOT NULL,
    district TEXT NOT NULL,
    street TEXT NOT NULL,
    postcode TEXT NOT NULL,
    buyer_name TEXT NOT NULL,
    buyer_id_number TEXT NOT NULL,
    -- the exchange rates of the day, kept with the order (PKR and USD per CNY, millionths)
    pkr_per_cny_micros INTEGER,
    usd_per_cny_micros INTEGER,
    placed_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    paid_at INTEGER
);
CREATE INDEX orders_user ON orders(user_id, id);
CREATE INDEX orders_session ON orders(session_hash, id);
CREATE INDEX orders_buyer_id ON orders(buyer_id_number, placed_at);
CREATE INDEX orders_unpaid ON orders(status, expires_at);

CREATE TABLE shipments (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    shop_id INTEGER NOT NULL REFERENCES shops(id),
    status TEXT NOT NULL CHECK (status IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded')),
    weight_g INTEGER NOT NULL,
    shipping INTEGER NOT NULL,
    carrier TEXT,
    tracking TEXT,
    UNIQUE (order_id, shop_id)
);
CREATE INDEX shipments_shop ON shipments(shop_id, id);

CREATE TABLE order_lines (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    shipment_id INTEGER NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
    variant_id INTEGER NOT NULL REFERENCES variants(id),
    product_id INTEGER NOT NULL REFERENCES products(id),
    product_slug TEXT NOT NULL,
    sku TEXT NOT NULL,
    title_en TEXT NOT NULL,
    title_zh TEXT NOT NULL,
    option_en TEXT NOT NULL,
    option_zh TEXT NOT NULL,
    unit_price INTEGER NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    tax INTEGER NOT NULL
);
CREATE INDEX order_lines_order ON order_lines(order_id);
CREATE INDEX order_lines_product ON order_lines(product_id);

-- The timeline: every status change of an order or of one of its shipments.
CREATE TABLE order_events (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    shipment_id INTEGER REFERENCES shipments(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    actor TEXT NOT NULL,
    actor_user_id INTEGER REFERENCES users(id),
    note TEXT,
    at INTEGER NOT NULL
);
CREATE INDEX order_events_order ON order_events(order_id, id);

CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    provider TEXT NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    amount INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'refund_due')),
    provider_txn TEXT,
    created_at INTEGER NOT NULL,
    completed_at INTEGER
);
CREATE INDEX payments_order ON payments(order_id);

CREATE TABLE payment_notifications (
    provider TEXT NOT NULL,
    notify_id TEXT NOT NULL,
    reference TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (provider, notify_id)
);

CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('en', 'zh')),
    created_at INTEGER NOT NULL,
    UNIQUE (product_id, user_id)
);
CREATE INDEX reviews_product ON reviews(product_id, id);

CREATE TABLE wishlist (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, product_id)
);
