//! Server-only code: database repositories, seeding, media. Compiled with `ssr` only.

pub mod db;
pub mod media;
pub mod search;
pub mod seed;

use leptos::prelude::use_context;
use sqlx::AnyPool;

use crate::error::AppError;
use crate::model::SiteConfig;

/// What every request may need, provided to Leptos through context (never a global).
#[derive(Clone, Debug)]
pub struct AppState {
    pub pool: AnyPool,
    pub site: SiteConfig,
}

/// The state from the current Leptos context.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState is missing from the Leptos context");
        AppError::Internal
    })
}
