-- A variant ships at its own weight (a 1 kg bag is not the 5 kg one). Empty means the
-- product's weight, which stays the default for variants that weigh the same.
ALTER TABLE variants ADD COLUMN weight_g BIGINT CHECK (weight_g > 0);
