-- Electronic ordinary VAT invoices (电子普通发票) for parcels sold from stock in China. The
-- buyer asks for one at checkout or from the order page, as a person or for a company
-- (with its tax number, a USCC); the seller issues it by attaching the PDF. Cross-border
-- parcels carry no invoice.
CREATE TABLE invoices (
    shipment_id BIGINT PRIMARY KEY REFERENCES shipments(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('personal', 'company')),
    title TEXT NOT NULL,
    tax_number TEXT,
    requested_at BIGINT NOT NULL,
    issued_at BIGINT,
    issued_by BIGINT REFERENCES users(id),
    -- The PDF's name in the data dir's invoices folder, once issued.
    file TEXT,
    CHECK ((kind = 'company') = (tax_number IS NOT NULL)),
    CHECK ((issued_at IS NULL) = (file IS NULL))
);
