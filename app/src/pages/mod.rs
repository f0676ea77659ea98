//! One module per route family.

pub mod academy;
pub mod account;
pub mod admin;
mod catalog;
pub mod content;
pub mod editor;
mod home;
mod layout;
mod not_found;
mod offline;
pub mod seller;
pub mod shop;

pub use catalog::{CategoryPage, ProductPage, ProductsPage, ShopPage, ShopsPage};
pub use home::HomePage;
pub use layout::LangLayout;
pub use not_found::NotFound;
pub use offline::OfflinePage;

/// Gives the answer the status of the error a page shows instead of its data, so that a
/// browser, a crawler or a monitor reads the same as the person does.
pub fn answer_with_status_of(error: &crate::error::AppError) {
    #[cfg(feature = "ssr")]
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        use crate::error::AppError;
        use http::StatusCode;
        response.set_status(match error {
            AppError::SignInRequired => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Invalid(_) => StatusCode::BAD_REQUEST,
            AppError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal { .. } | AppError::Transport => StatusCode::INTERNAL_SERVER_ERROR,
        });
    }
    #[cfg(not(feature = "ssr"))]
    let _ = error;
}
