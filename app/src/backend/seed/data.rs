//! The shape of the demo data files in `data/`.

use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    en: String,
    zh: String,
}

impl Text {
    pub fn en(&self) -> &str {
        &self.en
    }
    pub fn zh(&self) -> &str {
        &self.zh
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct City {
    pub key: String,
    pub country: String,
    /// In China, the province's code.
    #[serde(default)]
    pub province: Option<String>,
    pub name: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub slug: String,
    pub parent: Option<String>,
    pub tax_class: String,
    pub name: Text,
    pub description: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shop {
    pub slug: String,
    pub kind: String,
    /// `cross_border` (exporters), `domestic` or `bonded` (importers).
    pub dispatch: String,
    pub city: String,
    pub verified: bool,
    pub founded: Option<i64>,
    pub name: Text,
    pub tagline: Text,
    pub story: Text,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub sku: String,
    pub option: Text,
    pub price_cny: i64,
    pub stock: i64,
    /// When it differs from the product's (a 1 kg bag beside the 5 kg one).
    #[serde(default)]
    pub weight_g: Option<i64>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    pub slug: String,
    pub category: String,
    pub shop: String,
    pub origin_city: String,
    pub hs_code: String,
    pub weight_g: i64,
    pub certifications: Vec<String>,
    pub featured: bool,
    pub title: Text,
    pub summary: Text,
    pub description: Text,
    pub variants: Vec<Variant>,
}

impl Product {
    /// A synthetic copy for benchmarks: batch `n` of this product, its price moved by up to
    /// ±10% (deterministically), never featured.
    pub fn batch(&self, n: usize) -> Product {
        let mut copy = self.clone();
        copy.slug = format!("{}-batch-{n}", self.slug);
        copy.featured = false;
        copy.title = Text {
            en: format!("{} (batch {n})", self.title.en),
            zh: format!("{}（第{n}批）", self.title.zh),
        };
        let step = (n % 21) as i64 - 10;
        for variant in &mut copy.variants {
            variant.sku = format!("{}-B{n}", variant.sku);
            variant.price_cny = (variant.price_cny * (100 + step) / 100).max(100);
            variant.stock = (variant.stock + n as i64) % 300;
        }
        copy
    }
}

pub struct Catalogue {
    pub cities: Vec<City>,
    pub categories: Vec<Category>,
    pub shops: Vec<Shop>,
    pub products: Vec<Product>,
}

impl Catalogue {
    pub fn load() -> Result<Catalogue, serde_json::Error> {
        Ok(Catalogue {
            cities: serde_json::from_str(include_str!("data/cities.json"))?,
            categories: serde_json::from_str(include_str!("data/categories.json"))?,
            shops: serde_json::from_str(include_str!("data/shops.json"))?,
            products: serde_json::from_str(include_str!("data/products.json"))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_demo_catalogue_parses_and_its_references_hold() {
        let c = Catalogue::load().expect("demo data parses");
        let cities: HashSet<_> = c.cities.iter().map(|x| x.key.as_str()).collect();
        let categories: HashSet<_> = c.categories.iter().map(|x| x.slug.as_str()).collect();
        let shops: HashSet<_> = c.shops.iter().map(|x| x.slug.as_str()).collect();
        assert!(
            c.products.len() >= 200,
            "only {} products",
            c.products.len()
        );
        assert!(c.shops.len() >= 20);
        let mut skus = HashSet::new();
        let mut slugs = HashSet::new();
        for p in &c.products {
            assert!(slugs.insert(&p.slug), "duplicate slug {}", p.slug);
            assert!(categories.contains(p.category.as_str()), "{}", p.category);
            assert!(shops.contains(p.shop.as_str()), "{}", p.shop);
            assert!(cities.contains(p.origin_city.as_str()), "{}", p.origin_city);
            assert!(!p.title.en().is_empty() && !p.title.zh().is_empty());
            assert!(!p.variants.is_empty(), "{} has no variant", p.slug);
            for v in &p.variants {
                assert!(skus.insert(&v.sku), "duplicate sku {}", v.sku);
                assert!(v.price_cny > 0 && v.price_cny < 500_000, "{}", v.sku);
                assert!(v.stock >= 0);
            }
        }
        for s in &c.shops {
            assert!(cities.contains(s.city.as_str()), "{}", s.city);
        }
    }
}
