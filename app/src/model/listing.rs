//! The listing's state, all of it in the URL: `?q=&category=&min=&max=&from=&city=&shop=
//! &cert=&in_stock=&sort=&page=`. Parsed leniently (a bad value is dropped, never an error) and
//! written back canonically, so every state is a shareable, crawlable link.

use serde::{Deserialize, Serialize};

use super::ProductCard;
use super::url::encode_query_value;

pub const PAGE_SIZE: usize = 24;
const MAX_PAGE: u32 = 500;
const MAX_TEXT: usize = 100;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sort {
    /// Best match for a search, featured first otherwise.
    #[default]
    Relevance,
    PriceAsc,
    PriceDesc,
    Newest,
    Rating,
}

impl Sort {
    pub const ALL: [Sort; 5] = [
        Sort::Relevance,
        Sort::PriceAsc,
        Sort::PriceDesc,
        Sort::Newest,
        Sort::Rating,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::PriceAsc => "price_asc",
            Sort::PriceDesc => "price_desc",
            Sort::Newest => "newest",
            Sort::Rating => "rating",
        }
    }

    pub fn parse(code: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Which side of the border goods ship from (`from=cn`, `from=pk`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ShipsFrom {
    China,
    Pakistan,
}

impl ShipsFrom {
    pub const ALL: [ShipsFrom; 2] = [ShipsFrom::China, ShipsFrom::Pakistan];

    pub fn code(self) -> &'static str {
        match self {
            ShipsFrom::China => "cn",
            ShipsFrom::Pakistan => "pk",
        }
    }

    pub fn parse(code: &str) -> Option<ShipsFrom> {
        ShipsFrom::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn of(dispatch: super::Dispatch) -> ShipsFrom {
        match dispatch.ships_from_china() {
            true => ShipsFrom::China,
            false => ShipsFrom::Pakistan,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ListingQuery {
    pub q: Option<String>,
    pub category: Option<String>,
    /// Whole yuan.
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub from: Option<ShipsFrom>,
    pub city: Option<String>,
    pub shop: Option<String>,
    pub cert: Option<String>,
    pub in_stock: bool,
    pub sort: Sort,
    /// 1-based.
    pub page: u32,
}

fn clean_text(value: &str) -> Option<String> {
    let cleaned: String = value
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_TEXT)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!cleaned.is_empty()).then_some(cleaned)
}

fn clean_key(value: &str) -> Option<String> {
    (!value.is_empty()
        && value.len() <= MAX_TEXT
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
    .then(|| value.to_owned())
}

fn clean_yuan(value: &str) -> Option<i64> {
    let yuan = value.trim().parse::<f64>().ok()?;
    (yuan.is_finite() && yuan >= 0.0).then(|| yuan.min(10_000_000.0).floor() as i64)
}

impl ListingQuery {
    /// Every key a listing URL may carry, in canonical order: what `from_pairs` reads and
    /// `to_query_string` writes.
    pub const KEYS: [&'static str; 11] = [
        "q", "category", "min", "max", "from", "city", "shop", "cert", "in_stock", "sort", "page",
    ];

    /// From `(name, value)` pairs as found in a query string; unknown names are ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> ListingQuery {
        let mut query = ListingQuery {
            page: 1,
            ..ListingQuery::default()
        };
        for (name, value) in pairs {
            match name {
                "q" => query.q = clean_text(value),
                "category" => query.category = clean_key(value),
                "min" => query.min = clean_yuan(value),
                "max" => query.max = clean_yuan(value),
                "from" => query.from = ShipsFrom::parse(value),
                "city" => query.city = clean_key(value),
                "shop" => query.shop = clean_key(value),
                "cert" => query.cert = clean_key(value),
                "in_stock" => query.in_stock = matches!(value, "1" | "true" | "on"),
                "sort" => query.sort = Sort::parse(value).unwrap_or_default(),
                "page" => {
                    query.page = value.parse::<u32>().unwrap_or(1).clamp(1, MAX_PAGE);
                }
                _ => {}
            }
        }
        if let (Some(min), Some(max)) = (query.min, query.max)
            && min > max
        {
            query.min = Some(max);
            query.max = Some(min);
        }
        query
    }

    /// The canonical query string (without `?`), in a fixed order, omitting defaults.
    pub fn to_query_string(&self) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        if let Some(q) = &self.q {
            parts.push(("q", q.clone()));
        }
        if let Some(c) = &self.category {
            parts.push(("category", c.clone()));
        }
        if let Some(v) = self.min {
            parts.push(("min", v.to_string()));
        }
        if let Some(v) = self.max {
            parts.push(("max", v.to_string()));
        }
        if let Some(v) = self.from {
            parts.push(("from", v.code().to_owned()));
        }
        if let Some(v) = &self.city {
            parts.push(("city", v.clone()));
        }
        if let Some(v) = &self.shop {
            parts.push(("shop", v.clone()));
        }
        if let Some(v) = &self.cert {
            parts.push(("cert", v.clone()));
        }
        if self.in_stock {
            parts.push(("in_stock", "1".to_owned()));
        }
        if self.sort != Sort::Relevance {
            parts.push(("sort", self.sort.code().to_owned()));
        }
        if self.page > 1 {
            parts.push(("page", self.page.to_string()));
        }
        parts
            .into_iter()
            .map(|(k, v)| format!("{k}={}", encode_query_value(&v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// A copy with the page reset, for links that change a filter.
    pub fn with(&self, change: impl FnOnce(&mut ListingQuery)) -> ListingQuery {
        let mut next = self.clone();
        next.page = 1;
        change(&mut next);
        next
    }

    pub fn has_filters(&self) -> bool {
        self.category.is_some()
            || self.min.is_some()
            || self.max.is_some()
            || self.from.is_some()
            || self.city.is_some()
            || self.shop.is_some()
            || self.cert.is_some()
            || self.in_stock
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FacetValue {
    pub key: String,
    pub label: String,
    pub count: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Facets {
    pub categories: Vec<FacetValue>,
    /// Counts of goods shipping from China and from Pakistan.
    pub ships_from: Vec<(ShipsFrom, usize)>,
    pub cities: Vec<FacetValue>,
    pub shops: Vec<FacetValue>,
    pub certifications: Vec<FacetValue>,
    pub in_stock: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListingPage {
    pub query: ListingQuery,
    pub items: Vec<ProductCard>,
    pub total: usize,
    pub pages: u32,
    pub facets: Facets,
    /// The category when the listing is filtered by one: (slug, name, description).
    pub category: Option<(String, String, String)>,
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_key_read_from_a_url_is_written_back() {
        let pairs: Vec<(&str, &str)> = ListingQuery::KEYS
            .iter()
            .map(|&key| {
                let value = match key {
                    "min" => "10",
                    "max" => "90",
                    "from" => "cn",
                    "in_stock" => "1",
                    "sort" => "price_asc",
                    "page" => "2",
                    _ => "k",
                };
                (key, value)
            })
            .collect();
        let written = ListingQuery::from_pairs(pairs).to_query_string();
        let keys: Vec<&str> = written
            .split('&')
            .filter_map(|pair| pair.split_once('=').map(|(k, _)| k))
            .collect();
        assert_eq!(keys, ListingQuery::KEYS);
    }

    use super::*;

    fn parse(q: &str) -> ListingQuery {
        ListingQuery::from_pairs(q.split('&').filter_map(|p| p.split_once('=')))
    }

    #[test]
    fn a_query_string_round_trips_canonically() {
        let q = parse(
            "sort=price_asc&category=rice&from=cn&min=10&max=200&in_stock=1&page=3&q=basmati",
        );
        assert_eq!(
            q.to_query_string(),
            "q=basmati&category=rice&min=10&max=200&from=cn&in_stock=1&sort=price_asc&page=3"
        );
        assert_eq!(parse(&q.to_query_string()), q);
    }

    #[test]
    fn bad_values_are_dropped_not_errors() {
        let q = parse("min=abc&max=-5&sort=cheapest&page=0&category=Rice%20!&cert=&x=1&from=uk");
        assert_eq!(
            q,
            ListingQuery {
                page: 1,
                ..ListingQuery::default()
            }
        );
        assert_eq!(parse("page=999999").page, 500);
        assert_eq!(parse("min=NaN").min, None);
        assert_eq!(parse("min=inf").min, None);
    }

    #[test]
    fn a_reversed_price_range_is_swapped() {
        let q = parse("min=300&max=100");
        assert_eq!((q.min, q.max), (Some(100), Some(300)));
    }

    #[test]
    fn search_text_loses_control_characters_and_length() {
        let long = "芒".repeat(500);
        let q = ListingQuery::from_pairs([("q", long.as_str())]);
        assert_eq!(q.q.map(|s| s.chars().count()), Some(100));
        let q = ListingQuery::from_pairs([("q", "a\u{0}b\t\n  c")]);
        assert_eq!(q.q.as_deref(), Some("ab c"));
        assert_eq!(ListingQuery::from_pairs([("q", "   ")]).q, None);
    }

    #[test]
    fn values_are_percent_encoded() {
        let q = ListingQuery::from_pairs([("q", "芒果 & \"x\"")]);
        assert_eq!(q.to_query_string(), "q=%E8%8A%92%E6%9E%9C%20%26%20%22x%22");
    }
}
