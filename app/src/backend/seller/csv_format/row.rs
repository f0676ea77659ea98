//! One data row, each cell checked on its own.

use super::cells::{integer, price_minor, unescape};
use super::{
    ANY_LENGTH, Col, CsvProblemKind, DESCRIPTION_CHARS, Known, LABEL_CHARS, SKU_CHARS, STOCK,
    SUMMARY_CHARS, TITLE_CHARS, VariantRow, WEIGHT_G,
};
use crate::model::seller::{is_hs_code, is_product_slug, is_sku};

/// One data row, each cell checked on its own.
pub(super) struct RowCheck<'r> {
    /// Each cell's value (without an escaping quote), or the cell as written where it failed.
    pub(super) values: [&'r str; 17],
    pub(super) problems: Vec<(Col, CsvProblemKind)>,
    // The numbers are 0 where their cell failed.
    pub(super) weight_g: i64,
    pub(super) price_minor: i64,
    pub(super) stock: i64,
    /// `None` when the cell is empty: the product's weight.
    pub(super) variant_weight_g: Option<i64>,
}

impl<'r> RowCheck<'r> {
    pub(super) fn new(cells: [&'r str; 17], known: &Known) -> Self {
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

    pub(super) fn value(&self, col: Col) -> &'r str {
        self.values[col as usize]
    }

    pub(super) fn has_problem(&self, col: Col) -> bool {
        self.problems.iter().any(|&(c, _)| c == col)
    }

    pub(super) fn fail(&mut self, col: Col, kind: CsvProblemKind) {
        self.problems.push((col, kind));
    }

    /// A text cell that must not be empty; its value if it passes.
    pub(super) fn required(&mut self, col: Col, max_chars: usize) -> Option<&'r str> {
        if self.value(col).is_empty() {
            self.fail(col, CsvProblemKind::Required);
            return None;
        }
        self.text(col, max_chars)
    }

    /// An optional text cell; its value if it passes.
    pub(super) fn text(&mut self, col: Col, max_chars: usize) -> Option<&'r str> {
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
    pub(super) fn pair(&mut self, en: Col, zh: Col, max_chars: usize) {
        self.text(en, max_chars);
        self.text(zh, max_chars);
        // Unescaping never empties a cell, so emptiness holds whether or not a cell failed.
        match (self.value(en).is_empty(), self.value(zh).is_empty()) {
            (false, true) => self.fail(zh, CsvProblemKind::Required),
            (true, false) => self.fail(en, CsvProblemKind::Required),
            _ => {}
        }
    }

    pub(super) fn number(
        &mut self,
        col: Col,
        parse: impl FnOnce(&str) -> Result<i64, CsvProblemKind>,
    ) -> i64 {
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
    pub(super) fn variant(&self) -> VariantRow {
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
