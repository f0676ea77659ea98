-- Where goods ship from, and so how they are sold. An exporter ships from its city in
-- Pakistan (a cross-border retail import); an importer ships from stock in China (an
-- ordinary domestic sale, VAT in the price) or from a bonded warehouse in China (a
-- cross-border import that leaves from inside the country). The operator sets which when
-- approving the shop; a shop ships from its own city.
ALTER TABLE shops ADD COLUMN dispatch TEXT NOT NULL DEFAULT 'cross_border'
    CHECK (dispatch IN ('cross_border', 'domestic', 'bonded'));
UPDATE shops SET dispatch = 'domestic' WHERE kind = 'importer';

-- What an importer's application was approved for; NULL while it is pending.
ALTER TABLE shop_applications ADD COLUMN dispatch TEXT
    CHECK (dispatch IN ('cross_border', 'domestic', 'bonded'));

-- The province of a city in China, which decides a domestic parcel's zone.
ALTER TABLE cities ADD COLUMN province TEXT;
UPDATE cities SET province = 'XJ' WHERE key IN ('urumqi', 'kashgar');
UPDATE cities SET province = 'ZJ' WHERE key = 'yiwu';
UPDATE cities SET province = 'SC' WHERE key = 'chengdu';
UPDATE cities SET province = 'YN' WHERE key = 'kunming';
UPDATE cities SET province = 'HA' WHERE key = 'zhengzhou';
UPDATE cities SET province = 'GD' WHERE key = 'guangzhou';
UPDATE cities SET province = 'SH' WHERE key = 'shanghai';

-- Rates by method and zone: the first weight step and each step after it. Cross-border
-- methods have one zone ('all'); domestic couriers and bonded warehouses price by the
-- zone of the parcel's trip (same province, most of the country, remote provinces).
ALTER TABLE shipping_rates RENAME TO shipping_rates_by_method;
CREATE TABLE shipping_rates (
    method TEXT NOT NULL CHECK (method IN ('air', 'land', 'courier', 'bonded')),
    zone TEXT NOT NULL CHECK (zone IN ('all', 'local', 'standard', 'remote')),
    first_g BIGINT NOT NULL CHECK (first_g > 0),
    first_fee BIGINT NOT NULL CHECK (first_fee >= 0),
    step_g BIGINT NOT NULL CHECK (step_g > 0),
    step_fee BIGINT NOT NULL CHECK (step_fee >= 0),
    days_min BIGINT NOT NULL,
    days_max BIGINT NOT NULL,
    PRIMARY KEY (method, zone)
);
INSERT INTO shipping_rates (method, zone, first_g, first_fee, step_g, step_fee, days_min, days_max)
SELECT method, 'all', 500, first_half_kg, 500, extra_half_kg, days_min, days_max
FROM shipping_rates_by_method;
DROP TABLE shipping_rates_by_method;
INSERT INTO shipping_rates (method, zone, first_g, first_fee, step_g, step_fee, days_min, days_max)
VALUES
    ('courier', 'local', 1000, 800, 1000, 200, 1, 2),
    ('courier', 'standard', 1000, 1200, 1000, 500, 2, 4),
    ('courier', 'remote', 1000, 2000, 1000, 1500, 4, 7),
    ('bonded', 'local', 1000, 1000, 1000, 300, 2, 4),
    ('bonded', 'standard', 1000, 1500, 1000, 600, 3, 6),
    ('bonded', 'remote', 1000, 2500, 1000, 1500, 5, 9);

-- Each parcel keeps how it travels: from where, by which method, in how many days.
ALTER TABLE shipments ADD COLUMN dispatch TEXT NOT NULL DEFAULT 'cross_border'
    CHECK (dispatch IN ('cross_border', 'domestic', 'bonded'));
ALTER TABLE shipments ADD COLUMN method TEXT NOT NULL DEFAULT 'air';
ALTER TABLE shipments ADD COLUMN ships_from BIGINT REFERENCES cities(id);
ALTER TABLE shipments ADD COLUMN days_min BIGINT NOT NULL DEFAULT 0;
ALTER TABLE shipments ADD COLUMN days_max BIGINT NOT NULL DEFAULT 0;
UPDATE shipments SET
    method = (SELECT o.shipping_method FROM orders o WHERE o.id = shipments.order_id),
    ships_from = (SELECT s.city_id FROM shops s WHERE s.id = shipments.shop_id);

-- The goods of an order's cross-border parcels: what the per-order and yearly import
-- limits count. Orders placed before domestic parcels existed were all cross-border.
ALTER TABLE orders ADD COLUMN cross_border_goods BIGINT NOT NULL DEFAULT 0;
UPDATE orders SET cross_border_goods = goods;
