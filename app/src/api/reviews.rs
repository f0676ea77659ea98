//! Reviews and the wishlist.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::review::ProductReviews;
use crate::model::{Lang, ProductCard};

#[server(endpoint = "reviews", input = server_fn::codec::GetUrl)]
pub async fn get_reviews(slug: String) -> Result<ProductReviews, AppError> {
    let state = crate::backend::state()?;
    let user = crate::backend::session::current().user();
    crate::backend::reviews::for_product(&state, user.as_ref(), &slug).await
}

#[server(endpoint = "post_review")]
pub async fn post_review(
    lang: Lang,
    slug: String,
    rating: i64,
    body: String,
) -> Result<(), AppError> {
    let state = crate::backend::state()?;
    let user = crate::backend::session::current().require_user()?;
    crate::backend::reviews::post(&state, &user, &slug, rating, &body, lang).await
}

/// Adds to or removes from the wishlist; returns whether the product is on it now.
#[server(endpoint = "toggle_wishlist")]
pub async fn toggle_wishlist(slug: String) -> Result<bool, AppError> {
    let state = crate::backend::state()?;
    let user = crate::backend::session::current().require_user()?;
    crate::backend::reviews::toggle_wish(&state, &user, &slug).await
}

#[server(endpoint = "wishlist", input = server_fn::codec::GetUrl)]
pub async fn get_wishlist(lang: Lang) -> Result<Vec<ProductCard>, AppError> {
    let state = crate::backend::state()?;
    let user = crate::backend::session::current().require_user()?;
    crate::backend::reviews::wishlist(&state, &user, lang).await
}
