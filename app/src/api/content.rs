//! Culture, cuisine, tourism and exchange: reading, and a recipe's ingredients to the cart.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::Lang;
use crate::model::content::{ArticleCard, ArticlePage, PavilionsPage, Section};

#[server(endpoint = "section", input = server_fn::codec::GetUrl)]
pub async fn list_section(lang: Lang, section: Section) -> Result<Vec<ArticleCard>, AppError> {
    let state = crate::backend::state()?;
    Ok(crate::backend::content::store::list(&state.pool, Some(section), lang, 100).await?)
}

#[server(endpoint = "article", input = server_fn::codec::GetUrl)]
pub async fn get_article(lang: Lang, slug: String) -> Result<ArticlePage, AppError> {
    let state = crate::backend::state()?;
    if !crate::backend::media::is_slug(&slug) {
        return Err(AppError::NotFound);
    }
    crate::backend::content::store::article(&state, &slug, lang).await
}

#[server(endpoint = "pavilions", input = server_fn::codec::GetUrl)]
pub async fn get_pavilions(
    lang: Lang,
    map_title: String,
    map_description: String,
) -> Result<PavilionsPage, AppError> {
    let state = crate::backend::state()?;
    let title: String = map_title.chars().take(100).collect();
    let description: String = map_description.chars().take(300).collect();
    Ok(crate::backend::content::store::pavilions(&state.pool, lang, &title, &description).await?)
}

/// Puts one of every ingredient the catalogue sells (and has in stock) in the cart.
#[server(endpoint = "add_recipe_to_cart")]
pub async fn add_recipe_to_cart(lang: Lang, slug: String) -> Result<usize, AppError> {
    let state = crate::backend::state()?;
    let session = crate::backend::session::current();
    let skus = crate::backend::content::store::recipe_skus(&state, &slug).await?;
    let owner = crate::backend::cart::owner_or_start(&state.pool, &session).await?;
    let mut added = 0;
    for sku in &skus {
        match crate::backend::cart::add(&state.pool, &owner, sku, 1).await {
            Ok(()) => added += 1,
            // A line already at its limit, or sold out since: the rest still go in.
            Err(AppError::Invalid(_)) => {}
            Err(error) => return Err(error),
        }
    }
    leptos_axum::redirect(&format!("/{}/cart", lang.code()));
    Ok(added)
}

#[server(endpoint = "home_stories", input = server_fn::codec::GetUrl)]
pub async fn get_home_stories(lang: Lang) -> Result<crate::model::content::HomeStories, AppError> {
    let state = crate::backend::state()?;
    Ok(crate::backend::content::store::home_stories(&state.pool, lang).await?)
}
