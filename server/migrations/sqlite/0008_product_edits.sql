-- A product on sale keeps its approved words and pictures while an edit of them waits for
-- the pavilion's review (issue 14): the edited texts and variant labels wait here, a new
-- variant is not sold, and new pictures wait in the product's media folder under pending/.
-- Approval moves them into place; prices and stock change at once, without review.

CREATE TABLE product_pending_texts (
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (product_id, locale)
);

CREATE TABLE variant_pending_labels (
    variant_id INTEGER NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (variant_id, locale)
);

-- 1 for a variant added to a product on sale, until the edit that added it is approved.
ALTER TABLE variants ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;

-- The gallery indexes (0-2) of pictures waiting for review, as a list like "0,2".
ALTER TABLE products ADD COLUMN pending_pictures TEXT NOT NULL DEFAULT '';
