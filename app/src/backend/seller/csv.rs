//! A shop's catalogue as CSV, one row per variant with English and Chinese side by side.
//!
//! [`parse`] checks a whole file and reports every problem at the row and column a spreadsheet
//! shows; [`export`] writes products so that [`parse`] reads them back unchanged. Cells that a
//! spreadsheet would run as formulas are refused on import and written behind a `'` on export.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::RangeInclusive;

pub use crate::model::seller::{CsvProblem, CsvProblemKind};
use crate::model::seller::{is_hs_code, is_product_slug, is_sku};
use csv::StringRecord;

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
    fn refused(row: usize, kind: CsvProblemKind, rows: usize) -> Self {
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

/// Fen as yuan: 1250 → "12.50".
pub fn price_text(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let minor = minor.unsigned_abs();
    format!("{sign}{}.{:02}", minor / 100, minor % 100)
}

/// A column, in [`COLUMNS`] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Col {
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
const PRODUCT_COLUMNS: [Col; 11] = [
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
    fn name(self) -> &'static str {
        COLUMNS[self as usize]
    }
}

/// Reads records and numbers them as a spreadsheet numbers its rows.
struct Records<'a> {
    reader: csv::Reader<&'a [u8]>,
    bytes: &'a [u8],
    row: usize,
}

impl<'a> Records<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true) // unequal rows are reported, not fatal
            .from_reader(bytes);
        Records {
            reader,
            bytes,
            row: 0,
        }
    }

    /// Reads one record with `read`: its row, `None` at the end, or the row it failed on.
    fn advance(
        &mut self,
        read: impl FnOnce(&mut csv::Reader<&'a [u8]>) -> csv::Result<bool>,
    ) -> Result<Option<usize>, usize> {
        let start = self.reader.position().byte() as usize;
        let result = read(&mut self.reader);
        if let Ok(false) = result {
            return Ok(None);
        }
        // The reader skips blank lines, which a spreadsheet shows as empty rows. They sit at the
        // start of what this read consumed.
        let before = start.checked_sub(1).map_or(b'\n', |i| self.bytes[i]);
        self.row += 1 + leading_line_breaks(before, &self.bytes[start..]);
        result.map(|_| Some(self.row)).map_err(|_| self.row)
    }
}

/// Line breaks (CRLF, CR or LF) at the start of `bytes`. `before` is the byte preceding them: the
/// reader ends a record on the `\r` of a CRLF and leaves its `\n` for the next read.
fn leading_line_breaks(before: u8, bytes: &[u8]) -> usize {
    let mut previous = before;
    let mut breaks = 0;
    for &byte in bytes.iter().take_while(|&&b| b == b'\r' || b == b'\n') {
        if !(previous == b'\r' && byte == b'\n') {
            breaks += 1;
        }
        previous = byte;
    }
    breaks
}

/// The row holding byte `offset`.
fn row_of_byte(bytes: &[u8], offset: usize) -> usize {
    let mut records = Records::new(bytes);
    let mut record = csv::ByteRecord::new();
    let mut row = 0;
    while let Ok(Some(next)) = records.advance(|reader| reader.read_byte_record(&mut record)) {
        row = next;
        if records.reader.position().byte() as usize > offset {
            break;
        }
    }
    row
}

/// Spreadsheets leave rows of empty cells behind when contents are deleted.
fn is_blank(record: &StringRecord) -> bool {
    record.iter().all(|cell| cell.trim().is_empty())
}

/// Where each column is in the file's rows, or the names of those the header lacks.
fn locate_columns(header: &StringRecord) -> Result<[usize; 17], Vec<&'static str>> {
    let mut positions = [0; 17];
    let mut missing = Vec::new();
    for (position, name) in positions.iter_mut().zip(COLUMNS) {
        match header.iter().position(|cell| cell.trim() == name) {
            Some(i) => *position = i,
            // No cell is at this position: `record.get` finds none and reads it as empty.
            None if OPTIONAL_COLUMNS.contains(&name) => *position = usize::MAX,
            None => missing.push(name),
        }
    }
    if missing.is_empty() {
        Ok(positions)
    } else {
        Err(missing)
    }
}

/// What the rows read so far add up to.
struct Import<'k> {
    known: &'k Known<'k>,
    rows: usize,
    problems: Vec<CsvProblem>,
    drafts: Vec<Draft>,
    by_slug: HashMap<String, usize>,
    skus: HashSet<String>,
    /// Slugs of malformed rows: their products can't be imported whole.
    broken_slugs: HashSet<String>,
}

/// A product as its rows come in.
struct Draft {
    first_row: usize,
    /// Its product columns as the first row has them: checked values, or the cell as written
    /// where it failed (the product is then dropped anyway).
    fields: [String; PRODUCT_COLUMNS.len()],
    weight_g: i64,
    variants: Vec<VariantRow>,
    /// Whether all its rows so far are free of problems.
    valid: bool,
}

impl<'k> Import<'k> {
    fn new(known: &'k Known<'k>) -> Self {
        Import {
            known,
            rows: 0,
            problems: Vec::new(),
            drafts: Vec::new(),
            by_slug: HashMap::new(),
            skus: HashSet::new(),
            broken_slugs: HashSet::new(),
        }
    }

    fn report(&mut self, row: usize, column: &str, kind: CsvProblemKind) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(CsvProblem {
                row,
                column: column.to_owned(),
                kind,
            });
        }
    }

    /// A row whose cells can't be told apart. Its slug most likely still names its product
    /// (a stray comma or quote usually sits in a later text), so that product is kept out
    /// rather than imported without this variant.
    fn malformed(&mut self, row: usize, slug: Option<&str>) {
        self.report(row, "", CsvProblemKind::Malformed);
        if let Some(slug) = slug {
            self.broken_slugs.insert(slug.trim().to_owned());
        }
    }

    fn add(&mut self, row: usize, cells: [&str; 17]) {
        let mut check = RowCheck::new(cells, self.known);
        if !check.has_problem(Col::Sku) {
            let sku = check.value(Col::Sku);
            if self.skus.contains(sku) {
                check.fail(Col::Sku, CsvProblemKind::DuplicateSku);
            } else {
                self.skus.insert(sku.to_owned());
            }
        }
        let draft = (!check.has_problem(Col::Slug)).then(|| self.draft_for(row, &mut check));

        check.problems.sort_by_key(|&(col, _)| col);
        let valid = check.problems.is_empty();
        for &(col, kind) in &check.problems {
            self.report(row, col.name(), kind);
        }
        if let Some(i) = draft {
            let draft = &mut self.drafts[i];
            draft.valid &= valid;
            if valid {
                draft.variants.push(check.variant());
            }
        }
    }

    /// The draft of the row's product, new or checked against the product's first row.
    fn draft_for(&mut self, row: usize, check: &mut RowCheck) -> usize {
        let slug = check.value(Col::Slug);
        if let Some(&i) = self.by_slug.get(slug) {
            let fields = &self.drafts[i].fields;
            // A cell with a problem of its own is reported as such, not again as a difference.
            let differs = PRODUCT_COLUMNS
                .into_iter()
                .zip(fields)
                .find(|&(col, field)| {
                    !check.has_problem(col) && check.value(col) != field.as_str()
                });
            if let Some((col, _)) = differs {
                check.fail(col, CsvProblemKind::Inconsistent);
            }
            return i;
        }
        self.by_slug.insert(slug.to_owned(), self.drafts.len());
        self.drafts.push(Draft {
            first_row: row,
            fields: PRODUCT_COLUMNS.map(|col| check.value(col).to_owned()),
            weight_g: check.weight_g,
            variants: Vec::new(),
            valid: true,
        });
        self.drafts.len() - 1
    }

    fn finish(self) -> Parsed {
        if self.rows > MAX_ROWS {
            return Parsed::refused(0, CsvProblemKind::TooManyRows, self.rows);
        }
        if self.rows == 0 {
            return Parsed::refused(0, CsvProblemKind::Empty, 0);
        }
        let broken = &self.broken_slugs;
        let products = self
            .drafts
            .into_iter()
            .filter(|draft| draft.valid && !broken.contains(&draft.fields[0]))
            .map(Draft::into_product)
            .collect();
        Parsed {
            products,
            problems: self.problems,
            rows: self.rows,
        }
    }
}

impl Draft {
    fn into_product(self) -> ProductRow {
        let [
            slug,
            category,
            origin_city,
            hs_code,
            _weight,
            title_en,
            title_zh,
            summary_en,
            summary_zh,
            description_en,
            description_zh,
        ] = self.fields;
        ProductRow {
            slug,
            category,
            origin_city,
            hs_code,
            weight_g: self.weight_g,
            title_en,
            title_zh,
            summary_en,
            summary_zh,
            description_en,
            description_zh,
            variants: self.variants,
            first_row: self.first_row,
        }
    }
}

/// One data row, each cell checked on its own.
struct RowCheck<'r> {
    /// Each cell's value (without an escaping quote), or the cell as written where it failed.
    values: [&'r str; 17],
    problems: Vec<(Col, CsvProblemKind)>,
    // The numbers are 0 where their cell failed.
    weight_g: i64,
    price_minor: i64,
    stock: i64,
    /// `None` when the cell is empty: the product's weight.
    variant_weight_g: Option<i64>,
}

impl<'r> RowCheck<'r> {
    fn new(cells: [&'r str; 17], known: &Known) -> Self {
        use CsvProblemKind::{BadHsCode, BadSku, BadSlug, UnknownCategory, UnknownCity};

        let mut check = RowCheck {
            values: cells,
            problems: Vec::new(),
            weight_g: 0,
            price_minor: 0,
            stock: 0,
            variant_weight_g: None,
        };
        if let Some(slug) = check.required(Col::Slug, ANY_LENGTH)
            && !is_product_slug(slug)
        {
            check.fail(Col::Slug, BadSlug);
        }
        if let Some(category) = check.required(Col::Category, ANY_LENGTH)
            && !known.categories.contains(category)
        {
            check.fail(Col::Category, UnknownCategory);
        }
        if let Some(city) = check.required(Col::OriginCity, ANY_LENGTH)
            && !known.cities.contains(city)
        {
            check.fail(Col::OriginCity, UnknownCity);
        }
        if let Some(hs_code) = check.required(Col::HsCode, ANY_LENGTH)
            && !is_hs_code(hs_code)
        {
            check.fail(Col::HsCode, BadHsCode);
        }
        check.weight_g = check.number(Col::WeightG, |cell| integer(cell, WEIGHT_G));
        check.required(Col::TitleEn, TITLE_CHARS);
        check.required(Col::TitleZh, TITLE_CHARS);
        check.pair(Col::SummaryEn, Col::SummaryZh, SUMMARY_CHARS);
        check.pair(Col::DescriptionEn, Col::DescriptionZh, DESCRIPTION_CHARS);
        if let Some(sku) = check.required(Col::Sku, SKU_CHARS)
            && !is_sku(sku)
        {
            check.fail(Col::Sku, BadSku);
        }
        check.pair(Col::VariantEn, Col::VariantZh, LABEL_CHARS);
        check.price_minor = check.number(Col::PriceCny, price_minor);
        check.stock = check.number(Col::Stock, |cell| integer(cell, STOCK));
        if !check.value(Col::VariantWeightG).is_empty() {
            check.variant_weight_g =
                Some(check.number(Col::VariantWeightG, |cell| integer(cell, WEIGHT_G)));
        }
        check
    }

    fn value(&self, col: Col) -> &'r str {
        self.values[col as usize]
    }

    fn has_problem(&self, col: Col) -> bool {
        self.problems.iter().any(|&(c, _)| c == col)
    }

    fn fail(&mut self, col: Col, kind: CsvProblemKind) {
        self.problems.push((col, kind));
    }

    /// A text cell that must not be empty; its value if it passes.
    fn required(&mut self, col: Col, max_chars: usize) -> Option<&'r str> {
        if self.value(col).is_empty() {
            self.fail(col, CsvProblemKind::Required);
            return None;
        }
        self.text(col, max_chars)
    }

    /// An optional text cell; its value if it passes.
    fn text(&mut self, col: Col, max_chars: usize) -> Option<&'r str> {
        let value = match unescape(self.value(col)) {
            Ok(value) => value,
            Err(kind) => {
                self.fail(col, kind);
                return None;
            }
        };
        // A string has at least as many bytes as chars, so most cells are never counted.
        if value.len() > max_chars && value.chars().count() > max_chars {
            self.fail(col, CsvProblemKind::TooLong);
            return None;
        }
        self.values[col as usize] = value;
        Some(value)
    }

    /// An optional text in both languages: both or neither, as the storefront never shows a
    /// half-translated product.
    fn pair(&mut self, en: Col, zh: Col, max_chars: usize) {
        self.text(en, max_chars);
        self.text(zh, max_chars);
        // Unescaping never empties a cell, so emptiness holds whether or not a cell failed.
        match (self.value(en).is_empty(), self.value(zh).is_empty()) {
            (false, true) => self.fail(zh, CsvProblemKind::Required),
            (true, false) => self.fail(en, CsvProblemKind::Required),
            _ => {}
        }
    }

    fn number(&mut self, col: Col, parse: impl FnOnce(&str) -> Result<i64, CsvProblemKind>) -> i64 {
        let cell = self.value(col);
        let parsed = if cell.is_empty() {
            Err(CsvProblemKind::Required)
        } else {
            parse(cell)
        };
        parsed.unwrap_or_else(|kind| {
            self.fail(col, kind);
            0
        })
    }

    /// The row's variant; meaningful only for a row without problems.
    fn variant(&self) -> VariantRow {
        VariantRow {
            sku: self.value(Col::Sku).to_owned(),
            label_en: self.value(Col::VariantEn).to_owned(),
            label_zh: self.value(Col::VariantZh).to_owned(),
            price_minor: self.price_minor,
            stock: self.stock,
            weight_g: self.variant_weight_g,
        }
    }
}

/// Whether a spreadsheet could take `value` for a formula: it starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return, and is not a plain number ("-5" and "+1.5" are numbers,
/// "-1+1+cmd|' /C calc'!A0" is not).
fn is_formula(value: &str) -> bool {
    value.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(value)
}

/// An optional sign, digits, and optionally a point and more digits.
fn is_plain_number(value: &str) -> bool {
    let unsigned = value.strip_prefix(['+', '-']).unwrap_or(value);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    is_digits(whole) && is_digits(fraction)
}

/// Whether export writes `value` behind a quote. Besides formulas that includes values that
/// already start with quotes before a formula ("'=x"), which would otherwise lose their quote on
/// import.
fn needs_quote(value: &str) -> bool {
    is_formula(value.trim_start_matches('\''))
}

/// A text cell's value: a quote that escapes a formula is dropped; an unescaped formula is refused.
fn unescape(cell: &str) -> Result<&str, CsvProblemKind> {
    match cell.strip_prefix('\'') {
        Some(value) if needs_quote(value) => Ok(value),
        _ if is_formula(cell) => Err(CsvProblemKind::Formula),
        _ => Ok(cell),
    }
}

fn is_digits(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())
}

/// A whole number in `range`: "-5" is a number out of range, "+5" or "5.0" is not a number.
fn integer(cell: &str, range: RangeInclusive<i64>) -> Result<i64, CsvProblemKind> {
    if !is_digits(cell.strip_prefix('-').unwrap_or(cell)) {
        return Err(CsvProblemKind::NotANumber);
    }
    cell.parse()
        .ok() // only overflow is left to fail
        .filter(|n| range.contains(n))
        .ok_or(CsvProblemKind::OutOfRange)
}

/// Yuan with at most two decimals ("12", "12.5", "12.50") as fen.
fn price_minor(cell: &str) -> Result<i64, CsvProblemKind> {
    use CsvProblemKind::{NotANumber, OutOfRange};

    let (negative, unsigned) = match cell.strip_prefix('-') {
        Some(unsigned) => (true, unsigned),
        None => (false, cell),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) if is_digits(fraction) && fraction.len() <= 2 => (whole, fraction),
        Some(_) => return Err(NotANumber),
        None => (unsigned, ""),
    };
    if !is_digits(whole) {
        return Err(NotANumber);
    }
    if negative {
        return Err(OutOfRange);
    }
    // "5" is 50 fen, "05" is 5.
    let fen = fraction
        .bytes()
        .chain([b'0', b'0'])
        .take(2)
        .fold(0, |fen, digit| fen * 10 + i64::from(digit - b'0'));
    whole
        .parse::<i64>()
        .ok()
        .and_then(|yuan| yuan.checked_mul(100)?.checked_add(fen))
        .filter(|minor| PRICE_MINOR.contains(minor))
        .ok_or(OutOfRange)
}

fn write_products(products: &[ProductRow]) -> Result<Vec<u8>, csv::Error> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use CsvProblemKind::*;

    const MANGO: [&str; 17] = [
        "sindhri-mango",
        "fruit",
        "multan",
        "0804.50",
        "5000",
        "Sindhri mango",
        "信德芒果",
        "Sweet and fibre-free",
        "香甜无纤维",
        "Picked ripe in Multan, shipped by air.",
        "木尔坦成熟采摘，空运。",
        "SMH-5KG",
        "5 kg box",
        "5公斤装",
        "178.00",
        "40",
        "",
    ];

    #[test]
    fn a_variant_weighs_its_own_or_the_products_and_older_files_without_the_column_still_read() {
        let light = with(with(MANGO, "sku", "SMH-2KG"), "variant_weight_g", "2150");
        let parsed = parse_with_demo_lists(csv_text(&[MANGO, light]).as_bytes());
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let weights: Vec<Option<i64>> = parsed.products[0]
            .variants
            .iter()
            .map(|v| v.weight_g)
            .collect();
        assert_eq!(weights, [None, Some(2150)]);
        assert_eq!(
            problems(&csv_text(&[with(MANGO, "variant_weight_g", "0")])),
            [problem(2, "variant_weight_g", OutOfRange)]
        );
        // A file written before the column existed.
        let old_header = csv_line(&COLUMNS[..16]);
        let old_row = csv_line(&MANGO[..16]);
        let parsed = parse_with_demo_lists((old_header + &old_row).as_bytes());
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        assert_eq!(parsed.products[0].variants[0].weight_g, None);
        // And the export writes the column, read back unchanged.
        assert_eq!(
            parse_with_demo_lists(export(&parsed_products(&[MANGO, light])).as_bytes()).products,
            parsed_products(&[MANGO, light])
        );
    }

    fn parsed_products(rows: &[[&str; 17]]) -> Vec<ProductRow> {
        parse_with_demo_lists(csv_text(rows).as_bytes()).products
    }

    fn with<'a>(mut cells: [&'a str; 17], column: &str, value: &'a str) -> [&'a str; 17] {
        let i = COLUMNS
            .iter()
            .position(|c| *c == column)
            .expect("a column name");
        cells[i] = value;
        cells
    }

    /// One CSV line, quoted where needed.
    fn csv_line(cells: &[&str]) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(cells).expect("written");
        String::from_utf8(writer.into_inner().expect("flushed")).expect("UTF-8")
    }

    /// The header and `rows`.
    fn csv_text(rows: &[[&str; 17]]) -> String {
        let rows: Vec<String> = rows.iter().map(|row| csv_line(row)).collect();
        csv_line(&COLUMNS) + &rows.concat()
    }

    fn parse_with_demo_lists(bytes: &[u8]) -> Parsed {
        let categories = ["fruit", "rice", "tea"].map(String::from).into();
        let cities = ["multan", "lahore", "karachi"].map(String::from).into();
        let known = Known {
            categories: &categories,
            cities: &cities,
        };
        parse(bytes, &known)
    }

    fn problems(text: &str) -> Vec<(usize, String, CsvProblemKind)> {
        parse_with_demo_lists(text.as_bytes())
            .problems
            .into_iter()
            .map(|p| (p.row, p.column, p.kind))
            .collect()
    }

    fn problem(row: usize, column: &str, kind: CsvProblemKind) -> (usize, String, CsvProblemKind) {
        (row, column.to_owned(), kind)
    }

    fn variant(sku: &str, en: &str, zh: &str, price_minor: i64, stock: i64) -> VariantRow {
        VariantRow {
            sku: sku.into(),
            label_en: en.into(),
            label_zh: zh.into(),
            price_minor,
            stock,
            weight_g: None,
        }
    }

    fn mango() -> ProductRow {
        ProductRow {
            slug: "sindhri-mango".into(),
            category: "fruit".into(),
            origin_city: "multan".into(),
            hs_code: "0804.50".into(),
            weight_g: 5000,
            title_en: "Sindhri mango".into(),
            title_zh: "信德芒果".into(),
            summary_en: "Sweet and fibre-free".into(),
            summary_zh: "香甜无纤维".into(),
            description_en: "Picked ripe in Multan, shipped by air.".into(),
            description_zh: "木尔坦成熟采摘，空运。".into(),
            variants: vec![variant("SMH-5KG", "5 kg box", "5公斤装", 17_800, 40)],
            first_row: 2,
        }
    }

    #[test]
    fn an_exported_catalogue_parses_back_to_the_same_products() {
        let mut tricky = mango();
        tricky.slug = "formula-like-texts".into();
        tricky.title_en = "=HYPERLINK(\"http://evil\")".into();
        tricky.title_zh = "+86 300 1234567".into();
        tricky.summary_en = "-discount".into();
        tricky.summary_zh = "@主页".into();
        tricky.description_en = "'=already quoted, \"really\",\nover two lines\r\nor three".into();
        tricky.description_zh = "\t以制表符开头".into();
        tricky.variants = vec![
            variant("-X1", "'Tis the season", "-5 折扣", 1, 0),
            variant("X2", "", "", 10_000_000, 1_000_000),
        ];
        let mut rice = mango();
        rice.slug = "basmati-rice".into();
        rice.category = "rice".into();
        rice.origin_city = "lahore".into();
        rice.summary_en = String::new();
        rice.summary_zh = String::new();
        rice.description_en = String::new();
        rice.description_zh = String::new();
        rice.variants = vec![
            variant("GBM-SK-1KG", "1 kg", "1公斤", 1_250, 7),
            variant("GBM-SK-5KG", "5 kg", "5公斤", 5_805, 3),
        ];
        let products = vec![mango(), tricky, rice];

        let text = export(&products);
        let parsed = parse_with_demo_lists(text.as_bytes());

        assert_eq!(parsed.problems, []);
        assert_eq!(parsed.rows, 5);
        let first_rows: Vec<usize> = parsed.products.iter().map(|p| p.first_row).collect();
        assert_eq!(first_rows, [2, 3, 5]);
        let without_rows = |list: Vec<ProductRow>| {
            list.into_iter()
                .map(|p| ProductRow { first_row: 0, ..p })
                .collect::<Vec<_>>()
        };
        assert_eq!(without_rows(parsed.products), without_rows(products));
    }

    #[test]
    fn export_escapes_formulas_and_quotes_what_csv_needs() {
        let mut product = mango();
        product.title_en = "=1+2".into();
        product.description_en = "a, \"b\"".into();
        let text = export(&[product]);
        assert!(text.starts_with('\u{feff}'));
        let row = text.lines().nth(1).expect("a data row");
        assert!(row.contains(",'=1+2,"), "{row}");
        assert!(row.contains(r#","a, ""b""","#), "{row}");
    }

    #[test]
    fn rows_of_one_product_may_be_apart_and_become_its_variants() {
        let rice = with(with(MANGO, "slug", "basmati-rice"), "sku", "RICE-1");
        let text = csv_text(&[MANGO, rice, with(MANGO, "sku", "SMH-10KG")]);
        let parsed = parse_with_demo_lists(text.as_bytes());
        assert_eq!(parsed.problems, []);
        let shape: Vec<(&str, usize, Vec<&str>)> = parsed
            .products
            .iter()
            .map(|p| {
                let skus = p.variants.iter().map(|v| v.sku.as_str()).collect();
                (p.slug.as_str(), p.first_row, skus)
            })
            .collect();
        assert_eq!(
            shape,
            [
                ("sindhri-mango", 2, vec!["SMH-5KG", "SMH-10KG"]),
                ("basmati-rice", 3, vec!["RICE-1"]),
            ]
        );
    }

    #[test]
    fn every_bad_cell_is_reported_at_its_row_and_column() {
        let title = "果".repeat(121);
        let summary = "s".repeat(301);
        let description = "述".repeat(5001);
        let label = "v".repeat(61);
        let sku = "S".repeat(41);
        let cases = [
            ("slug", "", Required),
            ("slug", "Mango", BadSlug),
            ("slug", "ab", BadSlug),
            ("slug", "mango-", BadSlug),
            ("category", "", Required),
            ("category", "cars", UnknownCategory),
            ("origin_city", "beijing", UnknownCity),
            ("hs_code", "", Required),
            ("hs_code", "080", BadHsCode),
            ("hs_code", "0804..50", BadHsCode),
            ("hs_code", "12345678901", BadHsCode),
            ("weight_g", "", Required),
            ("weight_g", "5 kg", NotANumber),
            ("weight_g", "0", OutOfRange),
            ("weight_g", "100001", OutOfRange),
            ("title_en", "", Required),
            ("title_zh", "", Required),
            ("title_zh", &title, TooLong),
            ("summary_en", &summary, TooLong),
            ("description_zh", &description, TooLong),
            ("variant_en", &label, TooLong),
            ("sku", "", Required),
            ("sku", &sku, TooLong),
            ("sku", "SMH 5KG", BadSku),
            ("sku", "芒果", BadSku),
            ("price_cny", "", Required),
            ("price_cny", "0", OutOfRange),
            ("price_cny", "100000.01", OutOfRange),
            ("price_cny", "-5", OutOfRange),
            ("price_cny", "¥178", NotANumber),
            ("stock", "", Required),
            ("stock", "-5", OutOfRange),
            ("stock", "1000001", OutOfRange),
            ("stock", "99999999999999999999", OutOfRange),
            ("stock", "4.0", NotANumber),
            ("title_en", "=1+2", Formula),
        ];
        for (column, value, kind) in cases {
            let text = csv_text(&[with(MANGO, "sku", "FIRST"), with(MANGO, column, value)]);
            let parsed = parse_with_demo_lists(text.as_bytes());
            let expected = [CsvProblem {
                row: 3,
                column: column.to_owned(),
                kind,
            }];
            assert_eq!(parsed.problems, expected, "{column} = {value:?}");
        }
    }

    #[test]
    fn longest_allowed_texts_and_boundary_numbers_pass() {
        let texts = [
            "题".repeat(120),
            "s".repeat(300),
            "要".repeat(300),
            "d".repeat(5000),
            "述".repeat(5000),
            "A".repeat(40),
            "v".repeat(60),
            "规".repeat(60),
        ];
        let [
            title,
            summary_en,
            summary_zh,
            description_en,
            description_zh,
            sku,
            label_en,
            label_zh,
        ] = texts.each_ref().map(String::as_str);
        let row = [
            "a-0",
            "fruit",
            "multan",
            "1234.567890",
            "100000",
            title,
            title,
            summary_en,
            summary_zh,
            description_en,
            description_zh,
            sku,
            label_en,
            label_zh,
            "100000.00",
            "1000000",
            "100000",
        ];
        let parsed = parse_with_demo_lists(csv_text(&[row]).as_bytes());
        assert_eq!(parsed.problems, []);
        assert_eq!(parsed.products.len(), 1);
    }

    #[test]
    fn problems_are_sorted_by_row_then_column() {
        let bad = with(
            with(with(MANGO, "stock", "x"), "slug", "X"),
            "summary_zh",
            "",
        );
        let text = csv_text(&[bad, with(bad, "sku", "OTHER")]);
        let expected = |row| {
            [
                problem(row, "slug", BadSlug),
                problem(row, "summary_zh", Required),
                problem(row, "stock", NotANumber),
            ]
        };
        assert_eq!(problems(&text), [expected(2), expected(3)].concat());
    }

    #[test]
    fn prices_are_yuan_with_at_most_two_decimals() {
        for (cell, fen) in [
            ("12", 1_200),
            ("12.5", 1_250),
            ("12.50", 1_250),
            ("0.01", 1),
        ] {
            assert_eq!(price_minor(cell), Ok(fen), "{cell}");
        }
        for cell in [
            "1e3", "12.505", "1,000", "¥12", "12.", ".5", "12 50", "+12", "-",
        ] {
            assert_eq!(price_minor(cell), Err(NotANumber), "{cell}");
        }
        for cell in ["0", "0.00", "-0.5", "100000.01", "99999999999999999999"] {
            assert_eq!(price_minor(cell), Err(OutOfRange), "{cell}");
        }
    }

    #[test]
    fn price_text_writes_yuan_with_two_decimals() {
        assert_eq!(price_text(1_250), "12.50");
        assert_eq!(price_text(5), "0.05");
        assert_eq!(price_text(10_000_000), "100000.00");
        assert_eq!(price_text(-5), "-0.05");
    }

    #[test]
    fn a_repeated_sku_is_refused_on_the_later_row_only() {
        let rice = with(MANGO, "slug", "basmati-rice");
        let text = csv_text(&[MANGO, rice]);
        let parsed = parse_with_demo_lists(text.as_bytes());
        assert_eq!(
            parsed.problems,
            [CsvProblem {
                row: 3,
                column: "sku".into(),
                kind: DuplicateSku
            }]
        );
        let slugs: Vec<&str> = parsed.products.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["sindhri-mango"]);
    }

    #[test]
    fn rows_of_a_product_must_agree_on_its_product_columns() {
        let second = with(with(MANGO, "sku", "SMH-10KG"), "title_zh", "芒果");
        let third = with(with(second, "sku", "SMH-1KG"), "weight_g", "05000");
        let text = csv_text(&[MANGO, with(MANGO, "slug", "other-mango"), second, third]);
        assert_eq!(
            problems(&text),
            [
                problem(3, "sku", DuplicateSku),
                problem(4, "title_zh", Inconsistent),
                problem(5, "weight_g", Inconsistent),
            ]
        );
        assert_eq!(parse_with_demo_lists(text.as_bytes()).products, []);
    }

    #[test]
    fn a_cell_with_its_own_problem_is_not_reported_again_as_inconsistent() {
        let second = with(with(MANGO, "sku", "SMH-10KG"), "category", "fruits");
        let text = csv_text(&[MANGO, with(second, "hs_code", "0804.6")]);
        assert_eq!(
            problems(&text),
            [
                problem(3, "category", UnknownCategory),
                problem(3, "hs_code", Inconsistent)
            ]
        );
    }

    #[test]
    fn a_product_with_any_bad_row_is_left_out_and_the_others_kept() {
        let rice = with(with(MANGO, "slug", "basmati-rice"), "sku", "RICE-1");
        let bad_mango = with(with(MANGO, "sku", "SMH-10KG"), "stock", "lots");
        let text = csv_text(&[MANGO, rice, bad_mango]);
        let parsed = parse_with_demo_lists(text.as_bytes());
        assert_eq!(parsed.problems.len(), 1);
        let slugs: Vec<&str> = parsed.products.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["basmati-rice"]);
    }

    #[test]
    fn a_half_translated_pair_is_required_in_the_missing_language() {
        // Each a product of its own, so that they don't differ from one another.
        let product = |slug, sku| with(with(MANGO, "slug", slug), "sku", sku);
        let rows = [
            with(product("mango-a", "A"), "summary_zh", ""),
            with(product("mango-b", "B"), "description_en", ""),
            with(product("mango-c", "C"), "variant_zh", ""),
            with(
                with(product("mango-d", "D"), "variant_en", ""),
                "variant_zh",
                "",
            ),
            with(
                with(product("mango-e", "E"), "summary_en", "=x"),
                "summary_zh",
                "",
            ),
        ];
        assert_eq!(
            problems(&csv_text(&rows)),
            [
                problem(2, "summary_zh", Required),
                problem(3, "description_en", Required),
                problem(4, "variant_zh", Required),
                problem(6, "summary_en", Formula),
                problem(6, "summary_zh", Required),
            ]
        );
    }

    #[test]
    fn formula_cells_are_refused_and_escaped_ones_accepted() {
        for formula in [
            "=1+2",
            "+86 300",
            "@SUM(A1)",
            "-x",
            "--5",
            "-.5",
            "-1+1+cmd|' /C calc'!A0",
            "+1+1",
            "-5-5",
            "\t=1",
            "-5 degrees",
        ] {
            let text = csv_text(&[with(MANGO, "description_en", formula)]);
            assert_eq!(
                problems(&text),
                [problem(2, "description_en", Formula)],
                "{formula}"
            );
        }
        let accepted = [
            ("'=1+2", "=1+2"),
            ("'+86 300", "+86 300"),
            ("'@home", "@home"),
            ("'-x", "-x"),
            ("''=x", "'=x"),
            ("'-5 degrees", "-5 degrees"),
            ("'-", "-"),
            ("-5", "-5"),
            ("+1.5", "+1.5"),
            ("'Tis", "'Tis"),
            ("'-5", "'-5"),
            ("'", "'"),
        ];
        for (cell, value) in accepted {
            let text = csv_text(&[with(MANGO, "description_en", cell)]);
            let parsed = parse_with_demo_lists(text.as_bytes());
            assert_eq!(parsed.problems, [], "{cell}");
            assert_eq!(parsed.products[0].description_en, value, "{cell}");
        }
    }

    #[test]
    fn a_formula_slug_or_sku_is_refused_as_a_formula() {
        let text = csv_text(&[with(with(MANGO, "slug", "-mango"), "sku", "=A1")]);
        assert_eq!(
            problems(&text),
            [problem(2, "slug", Formula), problem(2, "sku", Formula)]
        );
    }

    #[test]
    fn cells_are_trimmed() {
        let padded = with(
            with(MANGO, "title_en", "  Sindhri mango\t"),
            "stock",
            " 40 ",
        );
        let parsed = parse_with_demo_lists(csv_text(&[padded]).as_bytes());
        assert_eq!(parsed.products, [mango()]);
    }

    #[test]
    fn a_utf8_bom_is_accepted() {
        let text = format!("\u{feff}{}", csv_text(&[MANGO]));
        let parsed = parse_with_demo_lists(text.as_bytes());
        assert_eq!(parsed.problems, []);
        assert_eq!(parsed.products, [mango()]);
    }

    #[test]
    fn a_gbk_file_is_refused_as_not_utf8() {
        let mut bytes = csv_text(&[MANGO, with(MANGO, "sku", "OTHER")]).into_bytes();
        // "芒果" in GBK, in place of the title's Latin text on the second data row.
        let at = bytes
            .windows(7)
            .rposition(|w| w == b"Sindhri")
            .expect("the title");
        bytes.splice(at..at + 7, [0xC3, 0xA2, 0xB9, 0xFB]);
        let parsed = parse_with_demo_lists(&bytes);
        let expected = [CsvProblem {
            row: 3,
            column: String::new(),
            kind: NotUtf8,
        }];
        assert_eq!(parsed.problems, expected);
        assert_eq!((parsed.products, parsed.rows), (vec![], 0));
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        let multi_line = with(MANGO, "description_en", "one\ntwo\r\nthree");
        let bad = with(
            with(with(MANGO, "slug", "bad-row"), "sku", "BAD"),
            "stock",
            "x",
        );
        let body = csv_text(&[multi_line, bad]);
        for newline in ["\n", "\r\n", "\r"] {
            let lines: Vec<&str> = body.trim_end().split('\n').collect();
            // header, the three-line row 2, a blank row 3, and the bad row on row 4.
            let text = format!(
                "{}\n{}\n{}\n{}\n\n{}\n",
                lines[0], lines[1], lines[2], lines[3], lines[4]
            )
            .replace('\n', newline);
            assert_eq!(
                problems(&text),
                [problem(4, "stock", NotANumber)],
                "{newline:?}"
            );
        }
        let leading_blank_lines = format!("\n\n{}", csv_text(&[bad]));
        assert_eq!(
            problems(&leading_blank_lines),
            [problem(4, "stock", NotANumber)]
        );
    }

    #[test]
    fn rows_of_empty_cells_are_skipped() {
        let text = format!("{}{}\n{}", csv_text(&[MANGO]), ",".repeat(15), " , ");
        let parsed = parse_with_demo_lists(text.as_bytes());
        assert_eq!((parsed.problems, parsed.rows), (vec![], 1));
    }

    #[test]
    fn columns_are_found_by_name_in_any_order_and_extra_ones_ignored() {
        let mut header: Vec<&str> = COLUMNS.to_vec();
        header.reverse();
        header.insert(3, "notes");
        let mut row: Vec<&str> = MANGO.to_vec();
        row.reverse();
        row.insert(3, "=not checked");
        let text = csv_line(&header) + &csv_line(&row);
        let parsed = parse_with_demo_lists(text.as_bytes());
        assert_eq!(parsed.problems, []);
        assert_eq!(parsed.products, [mango()]);
    }

    #[test]
    fn each_missing_column_is_reported_on_the_header_row() {
        let header = COLUMNS
            .iter()
            .filter(|c| !["hs_code", "stock"].contains(c))
            .copied()
            .collect::<Vec<_>>()
            .join(",");
        let text = format!("{header}\n{}", csv_line(&MANGO[..14]));
        assert_eq!(
            problems(&text),
            [
                problem(1, "hs_code", MissingColumn),
                problem(1, "stock", MissingColumn)
            ]
        );
    }

    #[test]
    fn a_row_with_too_few_or_too_many_cells_is_malformed() {
        let short = csv_line(&MANGO[..15]);
        let long = csv_line(&[&with(MANGO, "sku", "LONG")[..], &["extra"]].concat());
        let text = csv_text(&[
            with(MANGO, "sku", "FIRST"),
            with(MANGO, "slug", "other-mango"),
        ]) + &short
            + &long;
        let parsed = parse_with_demo_lists(text.as_bytes());
        assert_eq!(
            parsed.problems,
            [
                CsvProblem {
                    row: 4,
                    column: String::new(),
                    kind: Malformed
                },
                CsvProblem {
                    row: 5,
                    column: String::new(),
                    kind: Malformed
                },
            ]
        );
        // The malformed rows name sindhri-mango, so it is not imported without them.
        let slugs: Vec<&str> = parsed.products.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["other-mango"]);
    }

    #[test]
    fn an_unclosed_quote_is_malformed_where_it_opens() {
        // No other quotes in these rows that could close it.
        let plain = with(MANGO, "description_en", "Picked ripe");
        let broken = csv_line(&with(plain, "summary_en", "OPEN")).replace("OPEN", "\"Sweet");
        let text = csv_text(&[with(plain, "slug", "first-mango")])
            + &broken
            + &csv_line(&with(plain, "sku", "LATER"));
        assert_eq!(problems(&text), [problem(3, "", Malformed)]);
    }

    #[test]
    fn an_empty_file_or_a_header_alone_is_empty() {
        let header_alone = csv_text(&[]);
        for text in ["", "\u{feff}", "\n\n", header_alone.as_str()] {
            let parsed = parse_with_demo_lists(text.as_bytes());
            assert_eq!(
                parsed.problems,
                [CsvProblem {
                    row: 0,
                    column: String::new(),
                    kind: Empty
                }],
                "{text:?}"
            );
        }
        assert_eq!(parse_with_demo_lists(export(&[]).as_bytes()).products, []);
    }

    #[test]
    fn a_file_over_32_mib_is_too_large() {
        let parsed = parse_with_demo_lists(&vec![b'a'; MAX_BYTES + 1]);
        assert_eq!(
            parsed.problems,
            [CsvProblem {
                row: 0,
                column: String::new(),
                kind: TooLarge
            }]
        );
    }

    #[test]
    fn problems_stop_at_a_thousand_but_rows_are_still_counted() {
        let text = many_rows(1_500).replace(",7,\n", ",x,\n");
        let parsed = parse_with_demo_lists(text.as_bytes());
        assert_eq!(parsed.problems.len(), MAX_PROBLEMS);
        assert_eq!(parsed.problems.last().map(|p| p.row), Some(1_001));
        assert_eq!(parsed.rows, 1_500);
    }

    /// `count` valid rows: products of four variants each, short texts so that the test stays fast.
    fn many_rows(count: usize) -> String {
        let mut text = String::with_capacity(count * 100);
        text.push_str(&COLUMNS.join(","));
        text.push('\n');
        for i in 0..count {
            let product = i / 4;
            text.push_str(&format!(
                "p-{product},fruit,multan,0804.50,500,Mango {product},芒果{product},,,,,S{i},,,12.50,7,\n"
            ));
        }
        text
    }

    #[test]
    fn a_hundred_thousand_rows_parse_into_their_products() {
        let parsed = parse_with_demo_lists(many_rows(MAX_ROWS).as_bytes());
        assert_eq!(parsed.problems, []);
        assert_eq!(parsed.rows, MAX_ROWS);
        assert_eq!(parsed.products.len(), MAX_ROWS / 4);
        assert_eq!(parsed.products[1].first_row, 6);
    }

    #[test]
    fn more_than_a_hundred_thousand_rows_are_too_many() {
        let parsed = parse_with_demo_lists(many_rows(MAX_ROWS + 1).as_bytes());
        let expected = [CsvProblem {
            row: 0,
            column: String::new(),
            kind: TooManyRows,
        }];
        assert_eq!(parsed.problems, expected);
        assert_eq!((parsed.products, parsed.rows), (vec![], MAX_ROWS + 1));
    }
}
