//! Server-only code: database repositories, seeding, media. Compiled with `ssr` only.

pub mod academy;
pub mod admin;
pub mod auth;
pub mod cart;
pub mod catalogue;
pub mod checkout;
pub mod content;
pub mod crypto;
pub mod db;
pub mod form_drafts;
pub mod home_screen;
pub mod invoices;
pub mod mail;
pub mod media;
pub mod notify;
pub mod orders;
pub mod payments;
pub mod reviews;
pub mod search;
pub mod seed;
pub mod seller;
pub mod session;
pub mod xml;

use std::sync::Arc;

use leptos::prelude::use_context;
use sqlx::AnyPool;

use crate::backend::crypto::random_token;
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
    pub catalogue: catalogue::CatalogueStore,
    pub engine: db::Engine,
    pub keys: Arc<Keys>,
    /// The payment provider checkout uses; `None` when none is configured, and then
    /// checkout says payment is unavailable.
    pub payments: Option<Arc<dyn payments::PaymentProvider>>,
    /// The built-in sandbox wallet's own pages, when it is the provider.
    pub sandbox: Option<Arc<payments::sandbox::Sandbox>>,
    pub order_numbers: checkout::OrderNumbers,
    /// The content revision this server has seen (see `content::revision`).
    pub content: content::revision::ContentRevision,
}

impl AppState {
    /// After this server wrote content: its pages show the change at once, not a poll
    /// later (other servers see it at their next poll).
    pub async fn content_written(&self) {
        if let Err(error) = self.content.refresh(&self.pool).await {
            tracing::warn!(%error, "cannot read the content revision");
        }
    }
}

/// Server secrets, made on first start and kept in the database (so every app server
/// shares them).
pub struct Keys {
    pub order_links: Vec<u8>,
    pub sandbox_payments: Vec<u8>,
}

impl Keys {
    pub async fn load(pool: &AnyPool) -> Result<Keys, sqlx::Error> {
        Ok(Keys {
            order_links: db::secret(pool, "order_links", &random_token(32)).await?,
            sandbox_payments: db::secret(pool, "sandbox_payments", &random_token(32)).await?,
        })
    }
}

/// The state from the current Leptos context.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>()
        .ok_or_else(|| AppError::internal("reading the app state", "missing from the context"))
}
