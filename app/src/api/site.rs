use leptos::prelude::*;

use crate::error::AppError;
use crate::model::SiteConfig;

#[server(endpoint = "site_config", input = server_fn::codec::GetUrl)]
pub async fn get_site_config() -> Result<SiteConfig, AppError> {
    Ok(crate::backend::state()?.site.clone())
}
