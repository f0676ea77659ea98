//! The seller's pages: shop applications, the bilingual product editor, fulfilment, stock
//! and analytics. Validation here runs on both sides.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Problem;
use crate::model::registration::{RegistrationError, ShopKind, check_registration};

pub const NAME_MAX_CHARS: usize = 120;
pub const TITLE_MAX_CHARS: usize = 120;
pub const SUMMARY_MAX_CHARS: usize = 300;
pub const DESCRIPTION_MAX_CHARS: usize = 5_000;
pub const LABEL_MAX_CHARS: usize = 60;
pub const REASON_MAX_CHARS: usize = 300;

/// A reason someone else will read (a rejection, a cancellation, a take-down): trimmed,
/// not empty, at most `REASON_MAX_CHARS` characters.
pub fn check_reason(value: &str) -> Result<&str, Problem> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > REASON_MAX_CHARS {
        return Err(Problem::Reason);
    }
    Ok(value)
}
/// The most variants a product has.
pub const MAX_VARIANTS: usize = 12;

/// The application form as sent; `categories` holds one entry per ticked box.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationForm {
    pub kind: String,
    pub legal_name: String,
    pub shop_name: String,
    pub registration_number: String,
    pub city: String,
    pub contact_name: String,
    pub contact_phone: String,
    #[serde(default)]
    pub categories: BTreeMap<String, String>,
}

/// A checked application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Application {
    pub kind: ShopKind,
    pub legal_name: String,
    pub shop_name: String,
    pub registration_number: String,
    pub city: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub categories: Vec<String>,
}

fn text(value: &str, max: usize, problem: Problem) -> Result<String, Problem> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > max || value.chars().any(char::is_control) {
        return Err(problem);
    }
    Ok(value.to_owned())
}

/// A phone number as traders write it: digits with spaces, hyphens, brackets and a leading
/// `+`, 7 to 15 digits (Pakistani and Chinese numbers, mobile or landline).
pub fn check_phone(value: &str) -> Result<String, Problem> {
    let value = value.trim();
    let allowed = value
        .char_indices()
        .all(|(i, c)| c.is_ascii_digit() || " -()".contains(c) || (c == '+' && i == 0));
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if !allowed || !(7..=15).contains(&digits) {
        return Err(Problem::ContactPhone);
    }
    Ok(value.to_owned())
}

impl ApplicationForm {
    pub fn check(&self) -> Result<Application, Problem> {
        let kind = ShopKind::parse(&self.kind).ok_or(Problem::ShopKind)?;
        let registration_number =
            check_registration(kind, &self.registration_number).map_err(|e| match e {
                RegistrationError::Checksum => Problem::RegistrationChecksum,
                RegistrationError::Empty | RegistrationError::Format => Problem::Registration,
            })?;
        let categories: Vec<String> = self
            .categories
            .values()
            .map(|slug| slug.trim().to_owned())
            .filter(|slug| !slug.is_empty())
            .collect();
        if categories.is_empty() || categories.len() > 12 {
            return Err(Problem::ShopCategories);
        }
        Ok(Application {
            kind,
            legal_name: text(&self.legal_name, NAME_MAX_CHARS, Problem::LegalName)?,
            shop_name: text(&self.shop_name, NAME_MAX_CHARS, Problem::ShopName)?,
            registration_number,
            city: text(&self.city, 60, Problem::City)?,
            contact_name: text(&self.contact_name, NAME_MAX_CHARS, Problem::ContactName)?,
            contact_phone: check_phone(&self.contact_phone)?,
            categories,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApplicationStatus {
    Pending,
    Approved,
    Rejected,
}

impl ApplicationStatus {
    pub fn parse(code: &str) -> ApplicationStatus {
        match code {
            "approved" => ApplicationStatus::Approved,
            "rejected" => ApplicationStatus::Rejected,
            _ => ApplicationStatus::Pending,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    pub id: i64,
    pub content_type: String,
    pub size_bytes: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationView {
    pub id: i64,
    pub kind: ShopKind,
    pub legal_name: String,
    pub shop_name: String,
    pub registration_number: String,
    pub city: String,
    pub status: ApplicationStatus,
    pub reason: Option<String>,
    pub documents: Vec<DocumentView>,
}

/// What a person may do in a shop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ShopRole {
    Owner,
    Manager,
    Fulfilment,
}

impl ShopRole {
    pub fn code(self) -> &'static str {
        match self {
            ShopRole::Owner => "owner",
            ShopRole::Manager => "manager",
            ShopRole::Fulfilment => "fulfilment",
        }
    }

    pub fn parse(code: &str) -> Option<ShopRole> {
        match code {
            "owner" => Some(ShopRole::Owner),
            "manager" => Some(ShopRole::Manager),
            "fulfilment" => Some(ShopRole::Fulfilment),
            _ => None,
        }
    }

    /// Products, the shop profile, analytics and CSV: owners and managers.
    pub fn manages_catalogue(self) -> bool {
        matches!(self, ShopRole::Owner | ShopRole::Manager)
    }
}

/// The shop the signed-in seller works for, as the dashboard shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SellerShop {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub role: ShopRole,
    pub verified: bool,
    /// How the shop ships: from Pakistan, from stock in China or from a bonded warehouse.
    pub dispatch: crate::model::Dispatch,
    pub low_stock: i64,
    pub to_ship: i64,
}

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

/// Fen → "89.50".
pub fn price_text(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
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

/// A shipment the shop has to fulfil, with what goes in the parcel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentRow {
    pub id: i64,
    pub order_number: String,
    pub status: crate::model::order::OrderStatus,
    pub placed_at: i64,
    pub recipient: String,
    pub mobile: String,
    pub address: String,
    pub carrier: Option<String>,
    pub tracking: Option<String>,
    pub weight_g: i64,
    pub lines: Vec<PackingLine>,
    pub dispatch: crate::model::Dispatch,
    /// The invoice the buyer asked for (parcels from stock in China only).
    pub invoice: Option<crate::model::invoice::InvoiceView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackingLine {
    pub sku: String,
    pub title_en: String,
    pub title_zh: String,
    pub option_en: String,
    pub option_zh: String,
    pub quantity: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockRow {
    pub variant_id: i64,
    pub product_id: i64,
    pub title: String,
    pub sku: String,
    pub label: String,
    pub stock: i64,
    pub low_stock: i64,
}

/// Sales of the shop over a period, as the analytics page shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesReport {
    pub days: i64,
    pub chart_svg: String,
    pub orders: i64,
    pub units: i64,
    pub goods_minor: i64,
    pub commission_minor: i64,
    pub net_minor: i64,
    /// The net in rupees at each order's rate, for an exporter (who is paid in Pakistan);
    /// `None` for an importer, who sells and is paid in China.
    pub net_pkr_minor: Option<i64>,
    pub commission_basis_points: i64,
    pub views: i64,
    /// Orders per thousand product views.
    pub conversion_per_mille: i64,
    pub top: Vec<TopProduct>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopProduct {
    pub title: String,
    pub units: i64,
    pub goods_minor: i64,
}

// The problems of an imported CSV file (checked by `backend::seller::csv`), shown by the
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
/// name from `backend::seller::csv::COLUMNS`, or empty when the problem isn't about one column.
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

/// A person of the shop's team, or someone invited to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub user_id: Option<i64>,
    pub email: String,
    pub name: String,
    pub role: ShopRole,
    /// Invited, not joined yet.
    pub pending: bool,
}

/// One language of the shop's profile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileSide {
    pub name: String,
    #[serde(default)]
    pub tagline: String,
    #[serde(default)]
    pub story: String,
    #[serde(default)]
    pub policies: String,
}

impl ProfileSide {
    /// Trimmed, with a name, within lengths.
    pub fn checked(&self) -> Result<ProfileSide, Problem> {
        let side = ProfileSide {
            name: self.name.trim().to_owned(),
            tagline: self.tagline.trim().to_owned(),
            story: self.story.trim().replace("\r\n", "\n"),
            policies: self.policies.trim().replace("\r\n", "\n"),
        };
        let long = |s: &str, max: usize| s.chars().count() > max;
        if side.name.is_empty() || long(&side.name, NAME_MAX_CHARS) {
            return Err(Problem::ShopName);
        }
        if long(&side.tagline, 200)
            || long(&side.story, DESCRIPTION_MAX_CHARS)
            || long(&side.policies, DESCRIPTION_MAX_CHARS)
        {
            return Err(Problem::ProductText);
        }
        Ok(side)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopProfile {
    pub slug: String,
    pub en: ProfileSide,
    pub zh: ProfileSide,
    pub has_logo: bool,
    pub has_banner: bool,
    /// Changes with every catalogue change: keeps replaced pictures out of caches.
    pub version: i64,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ProductDraft {
        ProductDraft {
            id: None,
            slug: "chaunsa-mango-box".into(),
            category: "fruit".into(),
            origin_city: "multan".into(),
            hs_code: "0804.50".into(),
            weight_g: "5000".into(),
            en: ProductSide {
                title: "Chaunsa mangoes".into(),
                summary: "Sweet".into(),
                description: "From Multan".into(),
            },
            zh: ProductSide::default(),
            variants: vec![
                VariantDraft {
                    sku: "CH-5KG".into(),
                    price: "168.5".into(),
                    stock: Some(20),
                    ..VariantDraft::default()
                },
                VariantDraft::default(),
            ],
        }
    }

    #[test]
    fn prices_are_read_as_yuan_with_at_most_two_decimals() {
        assert_eq!(parse_price("89"), Some(8_900));
        assert_eq!(parse_price("89.5"), Some(8_950));
        assert_eq!(parse_price(" 89.05 "), Some(8_905));
        for bad in [
            "",
            "0",
            "-1",
            "1e3",
            "89.555",
            "1,000",
            "¥89",
            "100000.01",
            ".5",
        ] {
            assert_eq!(parse_price(bad), None, "{bad}");
        }
        assert_eq!(price_text(8_905), "89.05");
    }

    #[test]
    fn hs_codes_are_digits_with_dots_between() {
        assert!(check_hs_code("0804.50").is_some());
        assert!(check_hs_code("4203100000").is_some());
        for bad in ["080", ".0804", "0804.", "08..04", "0804a", "12345678901"] {
            assert!(check_hs_code(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn a_draft_may_lack_one_language_but_keeps_its_empty_variant_row_out() {
        let checked = draft().check().expect("a valid draft");
        assert_eq!(checked.variants.len(), 1);
        assert_eq!(checked.variants[0].price_minor, 16_850);
        assert!(checked.zh.title.is_empty());
    }

    #[test]
    fn each_bad_field_names_its_problem() {
        type Spoil = fn(&mut ProductDraft);
        let cases: [(Spoil, Problem); 7] = [
            (|d| d.slug = "Bad Slug".into(), Problem::Slug),
            (|d| d.weight_g = "0".into(), Problem::Weight),
            (|d| d.hs_code = "x".into(), Problem::HsCode),
            (|d| d.variants[0].price = "free".into(), Problem::Price),
            (|d| d.variants[0].sku = "a b".into(), Problem::Sku),
            (|d| d.variants.truncate(0), Problem::NoVariants),
            (|d| d.en.title.clear(), Problem::ProductText),
        ];
        for (spoil, problem) in cases {
            let mut d = draft();
            spoil(&mut d);
            assert_eq!(d.check(), Err(problem));
        }
        let mut twice = draft();
        twice.variants[1] = twice.variants[0].clone();
        assert_eq!(twice.check(), Err(Problem::SkuTaken));
    }

    #[test]
    fn glossary_terms_are_suggested_until_the_translation_uses_them() {
        let terms = vec![
            GlossaryTerm {
                en: "Sindhri".into(),
                zh: "信德里".into(),
                note: String::new(),
                shared: true,
            },
            GlossaryTerm {
                en: "Multan".into(),
                zh: "木尔坦".into(),
                note: String::new(),
                shared: true,
            },
        ];
        let found = suggestions(&terms, "Sindhri mangoes from Multan", "信德里芒果", true);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].zh, "木尔坦");
        assert_eq!(
            suggestions(&terms, "木尔坦的芒果", "", false)[0].en,
            "Multan"
        );
    }

    #[test]
    fn phones_allow_the_usual_punctuation_and_seven_to_fifteen_digits() {
        assert!(check_phone("+92 300 1234567").is_ok());
        assert!(check_phone("(021) 3456-7890").is_ok());
        assert!(check_phone("13800138000").is_ok());
        for bad in ["12345", "call me", "+92+300", "1234567890123456"] {
            assert_eq!(check_phone(bad), Err(Problem::ContactPhone), "{bad}");
        }
    }
}
