//! Catalogue DTOs as pages receive them: already in the page's language.

use serde::{Deserialize, Serialize};

use super::Money;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategorySummary {
    pub slug: String,
    pub name: String,
    pub product_count: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductCard {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub category_slug: String,
    pub shop_name: String,
    pub origin_city: String,
    /// The lowest variant price.
    pub price: Money,
    pub in_stock: bool,
    /// How its shop ships (a card shows goods in stock in China).
    pub dispatch: super::Dispatch,
    /// The title cut into pieces, `true` where it matches the shopper's search.
    pub title_marks: Vec<(String, bool)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeData {
    pub categories: Vec<CategorySummary>,
    pub featured: Vec<ProductCard>,
}
