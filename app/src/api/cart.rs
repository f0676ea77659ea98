//! The cart: every call works on the caller's own cart only (found from the session).

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::Lang;
use crate::model::cart::CartView;

#[server(endpoint = "cart", input = server_fn::codec::GetUrl)]
pub async fn get_cart(lang: Lang) -> Result<CartView, AppError> {
    let state = crate::backend::state()?;
    let owner = crate::backend::cart::owner(&crate::backend::session::current());
    crate::backend::cart::view(&state.pool, owner.as_ref(), lang).await
}

/// How many items the cart holds, for the header.
#[server(endpoint = "cart_count", input = server_fn::codec::GetUrl)]
pub async fn cart_count() -> Result<i64, AppError> {
    let Some(owner) = crate::backend::cart::owner(&crate::backend::session::current()) else {
        return Ok(0);
    };
    let state = crate::backend::state()?;
    crate::backend::cart::item_count(&state.pool, &owner).await
}

/// Adds to the cart (starting a guest session if needed), then shows the cart.
#[server(endpoint = "add_to_cart")]
pub async fn add_to_cart(lang: Lang, sku: String, quantity: i64) -> Result<(), AppError> {
    let state = crate::backend::state()?;
    let session = crate::backend::session::current();
    // Refused before a guest session is started: a refusal writes nothing.
    crate::backend::cart::addable(&state.pool, &sku, quantity).await?;
    let owner = crate::backend::cart::owner_or_start(&state.pool, &session).await?;
    crate::backend::cart::add(&state.pool, &owner, &sku, quantity).await?;
    leptos_axum::redirect(&format!("/{}/cart", lang.code()));
    Ok(())
}

#[server(endpoint = "update_cart_line")]
pub async fn update_cart_line(sku: String, quantity: i64) -> Result<(), AppError> {
    let state = crate::backend::state()?;
    let owner = crate::backend::cart::owner(&crate::backend::session::current())
        .ok_or(AppError::NotFound)?;
    crate::backend::cart::set_quantity(&state.pool, &owner, &sku, quantity).await
}

#[server(endpoint = "remove_cart_line")]
pub async fn remove_cart_line(sku: String) -> Result<(), AppError> {
    let state = crate::backend::state()?;
    let owner = crate::backend::cart::owner(&crate::backend::session::current())
        .ok_or(AppError::NotFound)?;
    crate::backend::cart::remove(&state.pool, &owner, &sku).await
}
