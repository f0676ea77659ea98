//! Pavilion's Leptos app: rendered by the server, hydrated in the browser.
#![recursion_limit = "256"]

pub mod api;
#[cfg(feature = "ssr")]
pub mod backend;
pub mod components;
pub mod error;
#[cfg(test)]
mod locale_files;
pub mod model;
pub mod pages;
mod routes;
#[cfg(feature = "ssr")]
mod shell;

// The generated `pub mod i18n` (Locale, use_i18n, t!, ...), from build.rs.
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub use routes::App;
#[cfg(feature = "hydrate")]
pub use routes::preload::preload_on_intent;

#[cfg(feature = "ssr")]
pub use shell::{SiteAssets, page_policy, page_policy_by_hash, shell};
