use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{CategoryPage, HomeData, Lang};

#[server(endpoint = "home", input = server_fn::codec::GetUrl)]
pub async fn get_home(lang: Lang) -> Result<HomeData, AppError> {
    let state = crate::backend::state()?;
    Ok(crate::backend::db::catalog::home(&state.pool, lang).await?)
}

#[server(endpoint = "category", input = server_fn::codec::GetUrl)]
pub async fn get_category_page(lang: Lang, slug: String) -> Result<CategoryPage, AppError> {
    let state = crate::backend::state()?;
    crate::backend::db::catalog::category_page(&state.pool, lang, &slug)
        .await?
        .ok_or(AppError::NotFound)
}
