//! The product page, the shop pages and exchange-rate references, in one language.

use serde::{Deserialize, Serialize};

use super::{Dispatch, LandedPrice, Money, ProductCard, TaxClass};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VariantView {
    pub sku: String,
    pub label: String,
    pub price: Money,
    pub stock: i64,
    /// The parcel weight of one, packaging included.
    pub weight_g: i64,
    pub landed: LandedPrice,
    /// Reference prices (PKR, USD) at the operator's rates, when rates are set.
    pub reference: Vec<Money>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShopCard {
    pub slug: String,
    pub name: String,
    pub tagline: String,
    pub city: String,
    /// `exporter` (in Pakistan) or `importer` (in China).
    pub kind: String,
    pub dispatch: Dispatch,
    pub verified: bool,
    pub founded: Option<i64>,
    pub product_count: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Crumb {
    pub slug: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductPage {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub description: String,
    /// From the top-level category down to the product's own.
    pub categories: Vec<Crumb>,
    pub shop: ShopCard,
    pub origin_city: String,
    pub hs_code: String,
    pub weight_g: i64,
    pub certifications: Vec<String>,
    pub tax_class: TaxClass,
    pub delivery: Delivery,
    pub variants: Vec<VariantView>,
    /// The date the exchange rates were set (ISO `YYYY-MM-DD`).
    pub rates_set_on: Option<String>,
    pub rating: Option<(f32, i64)>,
    pub gallery: u8,
    pub related: Vec<ProductCard>,
    /// The product's text in the other language (title), for hreflang-aware sharing.
    pub updated_at: i64,
}

/// How a product reaches the buyer: from where, and in how many days. From Pakistan,
/// `days` is by air and `slower_days` overland; from inside China, `days` is to most of
/// the country and `slower_days` to the remote provinces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    pub dispatch: Dispatch,
    /// The shop's city, where the parcel leaves from.
    pub ships_from: String,
    pub days: (i64, i64),
    pub slower_days: (i64, i64),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShopPage {
    pub shop: ShopCard,
    pub story: String,
    pub policies: String,
    /// The shop's own pictures, when it uploaded them.
    pub logo: Option<String>,
    pub banner: Option<String>,
    pub products: Vec<ProductCard>,
}

/// Thumbnail URL of a product picture at one width.
pub fn picture_url(slug: &str, index: u8, width: u32) -> String {
    format!("/media/products/{slug}/{index}-{width}.jpg")
}

/// `srcset` for a product picture.
pub fn picture_srcset(slug: &str, index: u8) -> String {
    PICTURE_WIDTHS
        .iter()
        .map(|w| format!("{} {w}w", picture_url(slug, index, *w)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Pictures per product: 0 the main one, then two more.
pub const GALLERY_SIZE: u8 = 3;

/// The widths thumbnails are made at (the server's media module makes exactly these).
pub const PICTURE_WIDTHS: [u32; 3] = [240, 480, 960];
