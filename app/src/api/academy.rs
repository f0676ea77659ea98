//! The trade academy, open to everyone.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::Lang;
use crate::model::academy::{Guide, GuideCard};

#[server(endpoint = "academy", input = server_fn::codec::GetUrl)]
pub async fn list_guides(lang: Lang) -> Result<Vec<GuideCard>, AppError> {
    Ok(crate::backend::academy::guides(lang))
}

#[server(endpoint = "guide", input = server_fn::codec::GetUrl)]
pub async fn get_guide(lang: Lang, slug: String) -> Result<Guide, AppError> {
    crate::backend::academy::guide(lang, &slug).ok_or(AppError::NotFound)
}
