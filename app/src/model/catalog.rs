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
}

impl ProductCard {
    /// The locally drawn picture of the product (no image is fetched from elsewhere).
    pub fn image_url(&self) -> String {
        format!("/media/products/{}.svg", self.slug)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeData {
    pub categories: Vec<CategorySummary>,
    pub featured: Vec<ProductCard>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryPage {
    pub category: CategorySummary,
    pub description: String,
    pub products: Vec<ProductCard>,
}
