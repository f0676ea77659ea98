//! The listing: search, filters, facet counts, sort and paging over the snapshot.

use std::collections::HashMap;

use super::snapshot::{Catalogue, Product};
use crate::backend::search::{SearchIndex, highlight};
use crate::model::listing::{PAGE_SIZE, ShipsFrom};
use crate::model::{FacetValue, Facets, Lang, ListingPage, ListingQuery, Sort};

/// How many search hits are considered before filtering.
const SEARCH_DEPTH: usize = 2_000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dimension {
    Category,
    ShipsFrom,
    City,
    Shop,
    Cert,
    Stock,
    Price,
}

struct Filter<'a> {
    catalogue: &'a Catalogue,
    query: &'a ListingQuery,
    category: Option<usize>,
}

impl Filter<'_> {
    /// Whether `p` passes every filter but `skip`.
    fn keeps(&self, p: &Product, skip: Option<Dimension>) -> bool {
        let on = |d: Dimension| skip != Some(d);
        let q = self.query;
        (!on(Dimension::Category) || self.category.is_none_or(|c| p.category_path.contains(&c)))
            && (!on(Dimension::ShipsFrom)
                || q.from.is_none_or(|from| {
                    ShipsFrom::of(self.catalogue.shops[p.shop].dispatch) == from
                }))
            && (!on(Dimension::City)
                || q.city
                    .as_ref()
                    .is_none_or(|k| &self.catalogue.cities[p.city].key == k))
            && (!on(Dimension::Shop)
                || q.shop
                    .as_ref()
                    .is_none_or(|s| &self.catalogue.shops[p.shop].slug == s))
            && (!on(Dimension::Cert)
                || q.cert.as_ref().is_none_or(|c| p.certifications.contains(c)))
            && (!on(Dimension::Stock) || !q.in_stock || p.in_stock)
            && (!on(Dimension::Price)
                || (q.min.is_none_or(|min| p.min_price >= min * 100)
                    && q.max.is_none_or(|max| p.min_price <= max * 100)))
    }
}

pub fn listing(
    catalogue: &Catalogue,
    search: &SearchIndex,
    lang: Lang,
    query: &ListingQuery,
) -> ListingPage {
    let category = query
        .category
        .as_ref()
        .and_then(|slug| catalogue.category_by_slug.get(slug).copied());
    // An unknown category matches nothing rather than everything.
    let unknown_category = query.category.is_some() && category.is_none();
    let filter = Filter {
        catalogue,
        query,
        category,
    };

    // Candidates in relevance order, with their search score.
    let candidates: Vec<(usize, f32)> = match &query.q {
        Some(q) => match search.search(q, SEARCH_DEPTH) {
            Ok(hits) => hits
                .into_iter()
                .filter_map(|hit| {
                    catalogue
                        .product_by_id
                        .get(&hit.id)
                        .map(|&i| (i, hit.score))
                })
                .collect(),
            Err(error) => {
                tracing::error!(%error, "search failed");
                Vec::new()
            }
        },
        None => {
            let mut all: Vec<(usize, f32)> =
                (0..catalogue.products.len()).map(|i| (i, 0.0)).collect();
            all.sort_by_key(|&(i, _)| !catalogue.products[i].featured);
            all
        }
    };
    let candidates: Vec<(usize, f32)> = if unknown_category {
        Vec::new()
    } else {
        candidates
    };

    let facets = facets(catalogue, &filter, &candidates, lang);
    let mut matched: Vec<(usize, f32)> = candidates
        .into_iter()
        .filter(|&(i, _)| filter.keeps(&catalogue.products[i], None))
        .collect();
    sort(catalogue, &mut matched, query.sort);

    let total = matched.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1) as u32;
    let page = query.page.min(pages);
    let items = matched
        .iter()
        .skip((page as usize - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|&(i, _)| {
            let product = &catalogue.products[i];
            let mut card = catalogue.card(product, lang);
            if let Some(q) = &query.q {
                card.title_marks = highlight(q, &card.title);
            }
            card
        })
        .collect();

    ListingPage {
        query: ListingQuery {
            page,
            ..query.clone()
        },
        items,
        total,
        pages,
        facets,
        category: category.map(|c| {
            let c = &catalogue.categories[c];
            (
                c.slug.clone(),
                c.name.get(lang).to_owned(),
                c.description.get(lang).to_owned(),
            )
        }),
    }
}

fn sort(catalogue: &Catalogue, matched: &mut [(usize, f32)], sort: Sort) {
    let p = |i: usize| &catalogue.products[i];
    match sort {
        Sort::Relevance => {}
        Sort::PriceAsc => matched.sort_by_key(|&(i, _)| (p(i).min_price, p(i).id)),
        Sort::PriceDesc => {
            matched.sort_by_key(|&(i, _)| (std::cmp::Reverse(p(i).min_price), p(i).id))
        }
        Sort::Newest => {
            matched.sort_by_key(|&(i, _)| std::cmp::Reverse((p(i).created_at, p(i).id)))
        }
        Sort::Rating => matched.sort_by(|&(a, _), &(b, _)| {
            let (ra, rb) = (p(a).rating().unwrap_or(0.0), p(b).rating().unwrap_or(0.0));
            rb.total_cmp(&ra)
                .then(p(b).rating_count.cmp(&p(a).rating_count))
                .then(p(a).id.cmp(&p(b).id))
        }),
    }
}

/// Counts per facet value over the candidates that pass every other filter.
fn facets(
    catalogue: &Catalogue,
    filter: &Filter,
    candidates: &[(usize, f32)],
    lang: Lang,
) -> Facets {
    let count = |dimension: Dimension, key: &dyn Fn(&Product) -> Vec<usize>| {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for &(i, _) in candidates {
            let product = &catalogue.products[i];
            if filter.keeps(product, Some(dimension)) {
                for k in key(product) {
                    *counts.entry(k).or_default() += 1;
                }
            }
        }
        let mut counts: Vec<(usize, usize)> = counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counts
    };

    // Categories: the children of the chosen category, or the top level.
    let level = filter.category;
    let categories = count(Dimension::Category, &|p| {
        let path = &p.category_path;
        match level {
            None => path.last().copied().into_iter().collect(),
            Some(chosen) => match path.iter().position(|&c| c == chosen) {
                Some(0) | None => Vec::new(),
                Some(pos) => vec![path[pos - 1]],
            },
        }
    });
    let ships_from = count(Dimension::ShipsFrom, &|p| {
        vec![ShipsFrom::of(catalogue.shops[p.shop].dispatch) as usize]
    });
    let cities = count(Dimension::City, &|p| vec![p.city]);
    let shops = count(Dimension::Shop, &|p| vec![p.shop]);

    let mut certs: HashMap<&str, usize> = HashMap::new();
    let mut in_stock = 0;
    for &(i, _) in candidates {
        let product = &catalogue.products[i];
        if filter.keeps(product, Some(Dimension::Cert)) {
            for cert in &product.certifications {
                *certs.entry(cert.as_str()).or_default() += 1;
            }
        }
        if filter.keeps(product, Some(Dimension::Stock)) && product.in_stock {
            in_stock += 1;
        }
    }
    let mut certifications: Vec<FacetValue> = certs
        .into_iter()
        .map(|(key, count)| FacetValue {
            key: key.to_owned(),
            label: key.to_owned(),
            count,
        })
        .collect();
    certifications.sort_by(|a, b| b.count.cmp(&a.count).then(a.key.cmp(&b.key)));

    Facets {
        categories: categories
            .into_iter()
            .map(|(c, count)| FacetValue {
                key: catalogue.categories[c].slug.clone(),
                label: catalogue.categories[c].name.get(lang).to_owned(),
                count,
            })
            .collect(),
        ships_from: ShipsFrom::ALL
            .into_iter()
            .filter_map(|from| {
                let count = ships_from.iter().find(|(k, _)| *k == from as usize)?.1;
                Some((from, count))
            })
            .collect(),
        cities: cities
            .into_iter()
            .map(|(c, count)| FacetValue {
                key: catalogue.cities[c].key.clone(),
                label: catalogue.cities[c].name.get(lang).to_owned(),
                count,
            })
            .collect(),
        shops: shops
            .into_iter()
            .take(30)
            .map(|(s, count)| FacetValue {
                key: catalogue.shops[s].slug.clone(),
                label: catalogue.shops[s].name.get(lang).to_owned(),
                count,
            })
            .collect(),
        certifications,
        in_stock,
    }
}
