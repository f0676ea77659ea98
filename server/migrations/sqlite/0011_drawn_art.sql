-- Only the demo catalogue is illustrated with drawn art (`pavilion seed --demo` marks its
-- products); a seller's product without a picture of its own shows a neutral placeholder,
-- never art drawn for another kind of goods.
ALTER TABLE products ADD COLUMN drawn_art INTEGER NOT NULL DEFAULT 0 CHECK (drawn_art IN (0, 1));
