use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{HomeData, Lang, ListingPage, ListingQuery, ProductPage, ShopCard, ShopPage};

/// Slugs are short lowercase ASCII; anything else cannot name a page.
#[cfg(feature = "ssr")]
fn valid_slug(slug: &str) -> Result<&str, AppError> {
    let ok = !slug.is_empty()
        && slug.len() <= 120
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(slug)
    } else {
        Err(AppError::NotFound)
    }
}

#[server(endpoint = "home", input = server_fn::codec::GetUrl)]
pub async fn get_home(lang: Lang) -> Result<HomeData, AppError> {
    let state = crate::backend::state()?;
    Ok(crate::backend::catalogue::home(
        &state.catalogue.get(),
        lang,
    ))
}

#[server(endpoint = "products", input = server_fn::codec::GetUrl)]
pub async fn list_products(lang: Lang, query: ListingQuery) -> Result<ListingPage, AppError> {
    let state = crate::backend::state()?;
    // Searching and faceting are CPU work: keep them off the async workers.
    tokio::task::spawn_blocking(move || state.catalogue.listing(lang, &query).as_ref().clone())
        .await
        .map_err(|error| AppError::internal("listing products", error))
}

#[server(endpoint = "product", input = server_fn::codec::GetUrl)]
pub async fn get_product(lang: Lang, slug: String) -> Result<ProductPage, AppError> {
    let state = crate::backend::state()?;
    let catalogue = state.catalogue.get();
    let slug = valid_slug(&slug)?;
    let page = crate::backend::catalogue::product_page(&catalogue, lang, slug)
        .ok_or(AppError::NotFound)?;
    crate::backend::seller::analytics::count_view(&state.catalogue, slug);
    Ok(page)
}

#[server(endpoint = "shops", input = server_fn::codec::GetUrl)]
pub async fn list_shops(lang: Lang) -> Result<Vec<ShopCard>, AppError> {
    let state = crate::backend::state()?;
    Ok(crate::backend::catalogue::shops(
        &state.catalogue.get(),
        lang,
    ))
}

#[server(endpoint = "shop", input = server_fn::codec::GetUrl)]
pub async fn get_shop(lang: Lang, slug: String) -> Result<ShopPage, AppError> {
    let state = crate::backend::state()?;
    crate::backend::catalogue::shop_page(&state.catalogue.get(), lang, valid_slug(&slug)?)
        .ok_or(AppError::NotFound)
}

/// As-you-type suggestions: (slug, title) of the best few matches.
#[server(endpoint = "suggest", input = server_fn::codec::GetUrl)]
pub async fn suggest_products(lang: Lang, q: String) -> Result<Vec<(String, String)>, AppError> {
    let state = crate::backend::state()?;
    let catalogue = state.catalogue.get();
    let hits = state
        .catalogue
        .search
        .suggest(&q, 8)
        .map_err(|error| AppError::internal("suggesting products", error))?;
    Ok(hits
        .into_iter()
        .filter_map(|hit| catalogue.product_by_id.get(&hit.id))
        .map(|&i| {
            let p = &catalogue.products[i];
            (p.slug.clone(), p.title.get(lang).to_owned())
        })
        .collect())
}
