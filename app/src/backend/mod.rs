//! Server-only code: database repositories, seeding, media. Compiled with `ssr` only.

pub mod catalog;
pub mod db;
pub mod media;
pub mod search;
pub mod seed;

use leptos::prelude::use_context;
use sqlx::AnyPool;

use crate::error::AppError;
use crate::model::SiteConfig;

/// What every request may need, provided to Leptos through context (never a global).
#[derive(Clone)]
pub struct AppState {
    pub pool: AnyPool,
    pub site: SiteConfig,
    /// Uploads, generated pictures and the search index live here.
    pub data_dir: std::path::PathBuf,
    /// The published catalogue in memory, and its search index.
    pub catalog: catalog::CatalogStore,
}

/// The state from the current Leptos context.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState is missing from the Leptos context");
        AppError::Internal
    })
}
