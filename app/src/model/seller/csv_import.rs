//! What an imported CSV file's check found, shown in the seller's language.

use serde::{Deserialize, Serialize};

// The problems of an imported CSV file (checked by `backend::seller::csv_format`), shown by the
// import page in the seller's language.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CsvProblemKind {
    NotUtf8,
    /// A row with more or fewer cells than the header (often a broken quote).
    Malformed,
    MissingColumn,
    TooManyRows,
    TooLarge,
    /// No data rows.
    Empty,
    Required,
    TooLong,
    NotANumber,
    OutOfRange,
    BadSlug,
    BadSku,
    BadHsCode,
    UnknownCategory,
    UnknownCity,
    DuplicateSku,
    /// A product column differs from the product's first row.
    Inconsistent,
    /// A cell a spreadsheet would run as a formula; a leading `'` makes it plain text.
    Formula,
    /// The slug belongs to another shop's product.
    SlugTaken,
    /// The SKU belongs to another product.
    SkuTaken,
    /// A product on sale would be left without one of its languages.
    Incomplete,
}

/// One problem, where a spreadsheet user finds it: the header is row 1, the first data row row 2.
///
/// Row 0 stands for the whole file (`TooLarge`, `Empty`, `TooManyRows`). `MissingColumn` is on
/// the header's row and `NotUtf8` on the row of the first byte that isn't UTF-8. `column` is a
/// name from `backend::seller::csv_format::COLUMNS`, or empty when the problem isn't about one column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvProblem {
    pub row: usize,
    pub column: String,
    pub kind: CsvProblemKind,
}

/// What an import did: how many rows it read, how many products it wrote, and why not.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub rows: i64,
    pub imported: i64,
    pub problems: Vec<CsvProblem>,
}
