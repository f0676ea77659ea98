//! The CSV format of a shop's catalogue, one row per variant with English and Chinese side by
//! side; reading and writing the shop's products through it is `catalogue_csv`.
//!
//! [`parse`] checks a whole file and reports every problem at the row and column a spreadsheet
//! shows; [`export`] writes products so that [`parse`] reads them back unchanged. Cells that a
//! spreadsheet would run as formulas are refused on import and written behind a `'` on export.

use std::collections::HashSet;
use std::ops::RangeInclusive;

pub use crate::model::seller::{CsvProblem, CsvProblemKind, price_text};
use csv::StringRecord;

use import::Import;
use records::{Records, is_blank, locate_columns, row_of_byte};
pub(crate) use write::escape;
use write::write_products;

mod cells;
mod import;
mod records;
mod row;
#[cfg(test)]
mod tests;
mod write;

pub const COLUMNS: [&str; 17] = [
    "slug",
    "category",
    "origin_city",
    "hs_code",
    "weight_g",
    "title_en",
    "title_zh",
    "summary_en",
    "summary_zh",
    "description_en",
    "description_zh",
    "sku",
    "variant_en",
    "variant_zh",
    "price_cny",
    "stock",
    "variant_weight_g",
];
/// Columns a file may leave out (files written before they existed): their cells read as
/// empty.
const OPTIONAL_COLUMNS: [&str; 1] = ["variant_weight_g"];
/// Data rows a file may have.
pub const MAX_ROWS: usize = 100_000;
pub const MAX_BYTES: usize = 32 * 1024 * 1024;
/// Problems reported at most; the rest of the file is still checked and counted.
pub const MAX_PROBLEMS: usize = 1_000;

const BOM: &[u8] = "\u{feff}".as_bytes();

const TITLE_CHARS: usize = 120;
const SUMMARY_CHARS: usize = 300;
const DESCRIPTION_CHARS: usize = 5_000;
const LABEL_CHARS: usize = 60;
const SKU_CHARS: usize = 40;
/// For cells whose format or list of allowed values already bounds them.
const ANY_LENGTH: usize = usize::MAX;

const WEIGHT_G: RangeInclusive<i64> = 1..=100_000;
const STOCK: RangeInclusive<i64> = 0..=1_000_000;
const PRICE_MINOR: RangeInclusive<i64> = 1..=10_000_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariantRow {
    pub sku: String,
    pub label_en: String,
    pub label_zh: String,
    pub price_minor: i64,
    pub stock: i64,
    /// `None`: the product's weight.
    pub weight_g: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductRow {
    pub slug: String,
    pub category: String,
    pub origin_city: String,
    pub hs_code: String,
    pub weight_g: i64,
    pub title_en: String,
    pub title_zh: String,
    pub summary_en: String,
    pub summary_zh: String,
    pub description_en: String,
    pub description_zh: String,
    pub variants: Vec<VariantRow>,
    /// The row of its first variant (rows are numbered as in a spreadsheet: the header is row 1).
    pub first_row: usize,
}

/// What the importing shop is allowed to reference.
#[derive(Debug, Clone, Copy)]
pub struct Known<'a> {
    pub categories: &'a HashSet<String>,
    pub cities: &'a HashSet<String>,
}

#[derive(Debug)]
pub struct Parsed {
    pub products: Vec<ProductRow>,
    pub problems: Vec<CsvProblem>,
    /// Data rows read; rows whose cells are all empty are skipped and not counted.
    pub rows: usize,
}

impl Parsed {
    pub(super) fn refused(row: usize, kind: CsvProblemKind, rows: usize) -> Self {
        Parsed {
            products: Vec::new(),
            problems: vec![CsvProblem {
                row,
                column: String::new(),
                kind,
            }],
            rows,
        }
    }
}

/// Parses and validates the whole file. `products` holds only products all of whose rows are
/// valid (so a caller can import "only the valid rows" at product granularity); `problems` every
/// error found, sorted by row then column order, capped at [`MAX_PROBLEMS`] entries.
pub fn parse(bytes: &[u8], known: &Known) -> Parsed {
    use CsvProblemKind::{Empty, Malformed, MissingColumn, NotUtf8, TooLarge};

    if bytes.len() > MAX_BYTES {
        return Parsed::refused(0, TooLarge, 0);
    }
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    if let Err(error) = std::str::from_utf8(bytes) {
        return Parsed::refused(row_of_byte(bytes, error.valid_up_to()), NotUtf8, 0);
    }

    let mut records = Records::new(bytes);
    let mut record = StringRecord::new();
    let (header_row, positions) = loop {
        match records.advance(|reader| reader.read_record(&mut record)) {
            Ok(Some(_)) if is_blank(&record) => {}
            Ok(Some(row)) => break (row, locate_columns(&record)),
            Ok(None) => return Parsed::refused(0, Empty, 0),
            Err(row) => return Parsed::refused(row, Malformed, 0),
        }
    };
    let positions = match positions {
        Ok(positions) => positions,
        Err(missing) => {
            let problems = missing
                .into_iter()
                .map(|name| CsvProblem {
                    row: header_row,
                    column: name.to_owned(),
                    kind: MissingColumn,
                })
                .collect();
            return Parsed {
                products: Vec::new(),
                problems,
                rows: 0,
            };
        }
    };
    let width = record.len();

    let mut import = Import::new(known);
    loop {
        let row = match records.advance(|reader| reader.read_record(&mut record)) {
            Ok(Some(row)) => row,
            Ok(None) => break,
            Err(row) => {
                import.malformed(row, None);
                break;
            }
        };
        if is_blank(&record) {
            continue;
        }
        import.rows += 1;
        if import.rows > MAX_ROWS {
            continue; // the file is refused; only its size is still of interest
        }
        if record.len() != width {
            import.malformed(row, record.get(positions[Col::Slug as usize]));
            continue;
        }
        let cells = positions.map(|i| record.get(i).unwrap_or_default().trim());
        import.add(row, cells);
    }
    import.finish()
}

/// Writes products back as CSV (header + one row per variant), formula-safe, so that [`parse`]
/// gives them back (all but `first_row`). A product without variants has no row, so it is left out.
///
/// The text starts with a byte order mark: without it Excel reads UTF-8 as the local code page
/// and garbles the Chinese.
pub fn export(products: &[ProductRow]) -> String {
    let bytes = write_products(products).expect("writing CSV to memory cannot fail");
    String::from_utf8(bytes).expect("CSV written from strings is UTF-8")
}

/// A column, in [`COLUMNS`] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Col {
    Slug,
    Category,
    OriginCity,
    HsCode,
    WeightG,
    TitleEn,
    TitleZh,
    SummaryEn,
    SummaryZh,
    DescriptionEn,
    DescriptionZh,
    Sku,
    VariantEn,
    VariantZh,
    PriceCny,
    Stock,
    VariantWeightG,
}

/// The columns that describe the product, repeated on each of its variants' rows.
pub(super) const PRODUCT_COLUMNS: [Col; 11] = [
    Col::Slug,
    Col::Category,
    Col::OriginCity,
    Col::HsCode,
    Col::WeightG,
    Col::TitleEn,
    Col::TitleZh,
    Col::SummaryEn,
    Col::SummaryZh,
    Col::DescriptionEn,
    Col::DescriptionZh,
];

impl Col {
    pub(super) fn name(self) -> &'static str {
        COLUMNS[self as usize]
    }
}
