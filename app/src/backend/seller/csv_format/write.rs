//! Writing products back as CSV, formula-safe.

use std::borrow::Cow;

use super::cells::needs_quote;
use super::{BOM, COLUMNS, ProductRow, price_text};

pub(super) fn write_products(products: &[ProductRow]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(BOM.to_vec());
    writer.write_record(COLUMNS)?;
    for product in products {
        let weight = product.weight_g.to_string();
        for variant in &product.variants {
            let cells = [
                escape(&product.slug),
                escape(&product.category),
                escape(&product.origin_city),
                escape(&product.hs_code),
                Cow::Borrowed(weight.as_str()),
                escape(&product.title_en),
                escape(&product.title_zh),
                escape(&product.summary_en),
                escape(&product.summary_zh),
                escape(&product.description_en),
                escape(&product.description_zh),
                escape(&variant.sku),
                escape(&variant.label_en),
                escape(&variant.label_zh),
                Cow::Owned(price_text(variant.price_minor)),
                Cow::Owned(variant.stock.to_string()),
                Cow::Owned(variant.weight_g.map(|w| w.to_string()).unwrap_or_default()),
            ];
            writer.write_record(cells.iter().map(|cell| cell.as_bytes()))?;
        }
    }
    writer
        .into_inner()
        .map_err(|error| error.into_error().into())
}

/// A cell for export: behind a `'` when a spreadsheet would run it as a formula.
pub(crate) fn escape(value: &str) -> Cow<'_, str> {
    if needs_quote(value) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}
