//! The bilingual product editor: drafts, their checks, the state of each field.

use serde::{Deserialize, Serialize};

use super::{
    DESCRIPTION_MAX_CHARS, LABEL_MAX_CHARS, MAX_VARIANTS, SUMMARY_MAX_CHARS, TITLE_MAX_CHARS,
};
use crate::error::Problem;

/// One language of a product in the editor.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductSide {
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantDraft {
    #[serde(default)]
    pub id: Option<i64>,
    #[serde(default)]
    pub sku: String,
    #[serde(default)]
    pub label_en: String,
    #[serde(default)]
    pub label_zh: String,
    /// Yuan as typed ("89", "89.50").
    #[serde(default)]
    pub price: String,
    /// Only for a new variant; later changes go through stock adjustments.
    #[serde(default)]
    pub stock: Option<i64>,
    /// Grams as typed; blank when the variant weighs what the product does.
    #[serde(default)]
    pub weight_g: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductDraft {
    #[serde(default)]
    pub id: Option<i64>,
    pub slug: String,
    pub category: String,
    pub origin_city: String,
    pub hs_code: String,
    pub weight_g: String,
    pub en: ProductSide,
    pub zh: ProductSide,
    #[serde(default)]
    pub variants: Vec<VariantDraft>,
}

/// A translated field's state on one side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldState {
    #[default]
    Ok,
    Missing,
    /// The other language was edited after this one.
    Stale,
}

/// The states of the three translated fields, per side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SideStates {
    pub title: FieldState,
    pub summary: FieldState,
    pub description: FieldState,
}

impl SideStates {
    pub fn missing_any(&self) -> bool {
        [self.title, self.summary, self.description].contains(&FieldState::Missing)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProductStatus {
    Draft,
    /// Submitted, waiting for the pavilion's review.
    InReview,
    Published,
    Hidden,
}

impl ProductStatus {
    pub fn parse(code: &str) -> ProductStatus {
        match code {
            "published" => ProductStatus::Published,
            "review" => ProductStatus::InReview,
            "hidden" => ProductStatus::Hidden,
            _ => ProductStatus::Draft,
        }
    }
}

/// The editor's page: the saved draft, where each field stands, and the saved stock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductEditor {
    pub draft: ProductDraft,
    pub status: ProductStatus,
    /// Why the last review did not put it on sale.
    pub review_note: Option<String>,
    pub en: SideStates,
    pub zh: SideStates,
    /// An edit of the words of a product on sale waits for review (the approved words stay
    /// on sale meanwhile); the draft shows the edit.
    #[serde(default)]
    pub edit_waiting: bool,
    /// Gallery indexes of new pictures that wait for review.
    #[serde(default)]
    pub pictures_waiting: Vec<u8>,
    /// Gallery indexes that show a picture of the product's own today.
    #[serde(default)]
    pub pictures: Vec<u8>,
}

/// A checked product (without its id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedProduct {
    pub slug: String,
    pub category: String,
    pub origin_city: String,
    pub hs_code: String,
    pub weight_g: i64,
    pub en: ProductSide,
    pub zh: ProductSide,
    pub variants: Vec<CheckedVariant>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedVariant {
    pub id: Option<i64>,
    pub sku: String,
    pub label_en: String,
    pub label_zh: String,
    pub price_minor: i64,
    pub stock: i64,
    /// `None`: the product's weight.
    pub weight_g: Option<i64>,
}

/// Grams, packaging included: 1 g to 100 kg.
pub fn parse_weight(value: &str) -> Option<i64> {
    value
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|w| (1..=100_000).contains(w))
}

/// "89", "89.5", "89.50" yuan → fen; at most 100,000 yuan.
pub fn parse_price(value: &str) -> Option<i64> {
    crate::model::money::parse_decimal(value, 6, 2).filter(|minor| (1..=10_000_000).contains(minor))
}

/// Fen → "89.50" (a negative amount keeps its sign: -5 → "-0.05").
pub fn price_text(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let minor = minor.unsigned_abs();
    format!("{sign}{}.{:02}", minor / 100, minor % 100)
}

/// An HS code: 4 to 10 digits, dots allowed between them ("0804.50"); trimmed.
pub fn check_hs_code(value: &str) -> Option<String> {
    let value = value.trim();
    is_hs_code(value).then(|| value.to_owned())
}

/// The product field checks, shared by the product editor and the CSV import. Each takes
/// the value as entered, already trimmed.
///
/// An HS code: 4 to 10 digits, dots allowed between them.
pub fn is_hs_code(value: &str) -> bool {
    let digits = value.bytes().filter(u8::is_ascii_digit).count();
    let group = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    (4..=10).contains(&digits) && value.split('.').all(group)
}

/// A SKU: 1 to 40 letters, digits, `-` and `_`.
pub fn is_sku(value: &str) -> bool {
    (1..=40).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A product's address: 3 to 80 lowercase letters, digits and inner hyphens.
pub fn is_product_slug(value: &str) -> bool {
    (3..=80).contains(&value.len())
        && !value.starts_with('-')
        && !value.ends_with('-')
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn side(side: &ProductSide) -> Result<ProductSide, Problem> {
    let too_long = |s: &str, max: usize| s.chars().count() > max;
    let side = ProductSide {
        title: side.title.trim().to_owned(),
        summary: side.summary.trim().to_owned(),
        description: side.description.trim().replace("\r\n", "\n"),
    };
    if too_long(&side.title, TITLE_MAX_CHARS)
        || too_long(&side.summary, SUMMARY_MAX_CHARS)
        || too_long(&side.description, DESCRIPTION_MAX_CHARS)
    {
        return Err(Problem::ProductText);
    }
    Ok(side)
}

impl ProductDraft {
    /// Checks what a draft must have to be saved; texts may still be missing on one side
    /// (the editor says which), but a product needs a title in at least one language.
    pub fn check(&self) -> Result<CheckedProduct, Problem> {
        let slug = self.slug.trim();
        if !is_product_slug(slug) {
            return Err(Problem::Slug);
        }
        let weight_g = parse_weight(&self.weight_g).ok_or(Problem::Weight)?;
        let (en, zh) = (side(&self.en)?, side(&self.zh)?);
        if en.title.is_empty() && zh.title.is_empty() {
            return Err(Problem::ProductText);
        }
        let mut variants = Vec::new();
        for variant in &self.variants {
            let sku = variant.sku.trim();
            let blank = sku.is_empty() && variant.price.trim().is_empty();
            if blank && variant.id.is_none() {
                continue; // the empty row the form offers for a new variant
            }
            if !is_sku(sku) {
                return Err(Problem::Sku);
            }
            let label = |s: &str| {
                let s = s.trim();
                (s.chars().count() <= LABEL_MAX_CHARS)
                    .then(|| s.to_owned())
                    .ok_or(Problem::ProductText)
            };
            let stock = variant.stock.unwrap_or(0);
            if !(0..=1_000_000).contains(&stock) {
                return Err(Problem::StockDelta);
            }
            variants.push(CheckedVariant {
                id: variant.id,
                sku: sku.to_owned(),
                label_en: label(&variant.label_en)?,
                label_zh: label(&variant.label_zh)?,
                price_minor: parse_price(&variant.price).ok_or(Problem::Price)?,
                stock,
                weight_g: match variant.weight_g.trim() {
                    "" => None,
                    grams => Some(parse_weight(grams).ok_or(Problem::Weight)?),
                },
            });
        }
        if variants.is_empty() || variants.len() > MAX_VARIANTS {
            return Err(Problem::NoVariants);
        }
        let mut skus: Vec<&str> = variants.iter().map(|v| v.sku.as_str()).collect();
        skus.sort_unstable();
        if skus.windows(2).any(|w| w[0] == w[1]) {
            return Err(Problem::SkuTaken);
        }
        Ok(CheckedProduct {
            slug: slug.to_owned(),
            category: self.category.trim().to_owned(),
            origin_city: self.origin_city.trim().to_owned(),
            hs_code: check_hs_code(&self.hs_code).ok_or(Problem::HsCode)?,
            weight_g,
            en,
            zh,
            variants,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SellerProductRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub status: ProductStatus,
    pub stock: i64,
    pub variants: i64,
    pub min_price: i64,
    /// Some required text lacks one of its languages.
    pub incomplete: bool,
}

/// One option of a select list or a checkbox group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
    /// A top-level category (sub-categories are indented under it).
    pub top: bool,
}

/// The cities and categories the seller's forms offer, in the page's language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SellerOptions {
    pub cities: Vec<Choice>,
    pub categories: Vec<Choice>,
    /// How the caller's shop ships, when they have one (the product form says whether a
    /// price includes VAT).
    pub dispatch: Option<crate::model::Dispatch>,
}

/// A term of the shop's or the pavilion's glossary, suggested while a seller types.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlossaryTerm {
    pub en: String,
    pub zh: String,
    pub note: String,
    pub shared: bool,
}

/// The terms whose one side appears in `source` and whose other side is not yet in
/// `target`: what the editor suggests for the field being translated.
pub fn suggestions<'a>(
    terms: &'a [GlossaryTerm],
    source: &str,
    target: &str,
    from_en: bool,
) -> Vec<&'a GlossaryTerm> {
    let source = source.to_lowercase();
    let target = target.to_lowercase();
    terms
        .iter()
        .filter(|term| {
            let (from, to) = if from_en {
                (&term.en, &term.zh)
            } else {
                (&term.zh, &term.en)
            };
            !from.is_empty()
                && source.contains(&from.to_lowercase())
                && !target.contains(&to.to_lowercase())
        })
        .take(8)
        .collect()
}
