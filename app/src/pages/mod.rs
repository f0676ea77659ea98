//! One module per route family.

pub mod academy;
pub mod account;
pub mod admin;
pub mod article_editor;
pub mod buying;
mod catalogue;
pub mod content;
mod home;
mod layout;
mod not_found;
mod offline;
pub mod seller;

pub use catalogue::{CategoryPage, ProductPage, ProductsPage, ShopPage, ShopsPage};
pub use home::HomePage;
pub use layout::LangLayout;
pub use not_found::NotFound;
pub use offline::OfflinePage;

/// What a page shows instead of its data: "not found" for a missing thing, else the error
/// explained; either way the answer carries the error's status.
#[leptos::component]
pub fn PageError(error: crate::error::AppError) -> impl leptos::IntoView {
    use leptos::prelude::*;
    answer_with_status_of(&error);
    match error {
        crate::error::AppError::NotFound => view! { <NotFound /> }.into_any(),
        error => view! { <crate::components::ErrorMessage error /> }.into_any(),
    }
}

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
