//! What the snapshot holds: every published product with its texts in every language,
//! and the categories, shops, cities and exchange rates they refer to, by index.

use std::collections::HashMap;

use crate::backend::search::SearchDoc;
use crate::model::order::ShippingMethod;
use crate::model::{Dispatch, Lang, Money, ProductCard, TaxClass};

/// A text in each language; a missing translation falls back to the other language.
#[derive(Clone, Debug, Default)]
pub struct Texts {
    pub en: String,
    pub zh: String,
}

impl Texts {
    pub fn get(&self, lang: Lang) -> &str {
        let (wanted, other) = match lang {
            Lang::En => (&self.en, &self.zh),
            Lang::Zh => (&self.zh, &self.en),
        };
        if wanted.is_empty() { other } else { wanted }
    }

    pub fn set(&mut self, locale: &str, value: String) {
        match locale {
            "en" => self.en = value,
            "zh" => self.zh = value,
            _ => {}
        }
    }
}

#[derive(Clone, Debug)]
pub struct City {
    pub id: i64,
    pub key: String,
    pub name: Texts,
    /// In China, the province's code (`address::PROVINCES`).
    pub province: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Category {
    pub id: i64,
    pub slug: String,
    pub parent: Option<usize>,
    pub tax_class: TaxClass,
    pub name: Texts,
    pub description: Texts,
}

#[derive(Clone, Debug)]
pub struct Shop {
    pub id: i64,
    pub slug: String,
    pub kind: String,
    /// How it ships, from its city.
    pub dispatch: Dispatch,
    pub city: usize,
    pub verified: bool,
    pub founded: Option<i64>,
    pub name: Texts,
    pub tagline: Texts,
    pub story: Texts,
    pub policies: Texts,
    pub has_logo: bool,
    pub has_banner: bool,
}

#[derive(Clone, Debug)]
pub struct Variant {
    pub sku: String,
    pub label: Texts,
    pub price_minor: i64,
    pub stock: i64,
    /// Its own weight, or the product's.
    pub weight_g: i64,
}

#[derive(Clone, Debug)]
pub struct Product {
    pub id: i64,
    pub slug: String,
    pub shop: usize,
    pub category: usize,
    /// The category and its ancestors, nearest first.
    pub category_path: Vec<usize>,
    pub city: usize,
    pub hs_code: String,
    pub weight_g: i64,
    pub certifications: Vec<String>,
    pub featured: bool,
    /// A demo product, illustrated with drawn art where it has no picture of its own.
    pub drawn_art: bool,
    pub created_at: i64,
    pub updated_at: i64,
    pub revision: i64,
    pub rating_sum: i64,
    pub rating_count: i64,
    pub title: Texts,
    pub summary: Texts,
    pub description: Texts,
    pub variants: Vec<Variant>,
    pub min_price: i64,
    pub in_stock: bool,
}

impl Product {
    pub fn rating(&self) -> Option<f32> {
        (self.rating_count > 0).then(|| self.rating_sum as f32 / self.rating_count as f32)
    }
}

/// Units of a currency per CNY, in millionths, and the date it was set.
#[derive(Clone, Debug)]
pub struct Rate {
    pub currency: crate::model::Currency,
    pub per_cny_micros: i64,
    pub set_on: String,
}

#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    pub revision: i64,
    pub cities: Vec<City>,
    pub categories: Vec<Category>,
    pub shops: Vec<Shop>,
    pub products: Vec<Product>,
    pub rates: Vec<Rate>,
    /// Delivery days by shipping method and zone (`shipping_rates`), for product pages.
    pub delivery_days: HashMap<(ShippingMethod, String), (i64, i64)>,
    pub product_by_slug: HashMap<String, usize>,
    pub product_by_id: HashMap<i64, usize>,
    pub category_by_slug: HashMap<String, usize>,
    pub shop_by_slug: HashMap<String, usize>,
    /// Published products in each category, its sub-categories included.
    pub category_counts: Vec<usize>,
    /// Published products of each shop.
    pub shop_counts: Vec<usize>,
}

impl Catalogue {
    pub fn top_category(&self, product: &Product) -> &Category {
        let top = product
            .category_path
            .last()
            .copied()
            .unwrap_or(product.category);
        &self.categories[top]
    }

    pub fn card(&self, product: &Product, lang: Lang) -> ProductCard {
        ProductCard {
            slug: product.slug.clone(),
            title: product.title.get(lang).to_owned(),
            summary: product.summary.get(lang).to_owned(),
            category_slug: self.categories[product.category].slug.clone(),
            shop_name: self.shops[product.shop].name.get(lang).to_owned(),
            origin_city: self.cities[product.city].name.get(lang).to_owned(),
            price: Money::cny(product.min_price),
            in_stock: product.in_stock,
            dispatch: self.shops[product.shop].dispatch,
            title_marks: Vec::new(),
        }
    }

    /// A price in another currency at the operator's rate, rounded to the minor unit.
    pub fn convert(&self, cny_minor: i64) -> Vec<Money> {
        self.rates
            .iter()
            .map(|rate| Money {
                minor: (i128::from(cny_minor) * i128::from(rate.per_cny_micros) / 1_000_000) as i64,
                currency: rate.currency,
            })
            .collect()
    }

    pub fn search_doc(&self, product: &Product) -> SearchDoc {
        let mut text = [String::new(), String::new()];
        for (slot, lang) in text.iter_mut().zip([Lang::En, Lang::Zh]) {
            let mut parts = vec![
                product.summary.get(lang).to_owned(),
                product.description.get(lang).to_owned(),
                self.shops[product.shop].name.get(lang).to_owned(),
                self.cities[product.city].name.get(lang).to_owned(),
            ];
            parts.extend(
                product
                    .category_path
                    .iter()
                    .map(|&c| self.categories[c].name.get(lang).to_owned()),
            );
            *slot = parts.join("\n");
        }
        let [text_en, text_zh] = text;
        SearchDoc {
            id: product.id,
            title_en: product.title.en.clone(),
            title_zh: product.title.zh.clone(),
            text_en,
            text_zh,
        }
    }
}
