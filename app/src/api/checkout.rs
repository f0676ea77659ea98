//! Checkout: the quote and placing the order. Prices never come from the client.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::Lang;
use crate::model::order::{CheckoutForm, PlacedOrder, Quote};

/// The checkout's summary; `province` (a code, or empty) prices the parcels that ship from
/// inside China.
#[server(endpoint = "checkout_quote", input = server_fn::codec::GetUrl)]
pub async fn get_quote(lang: Lang, #[server(default)] province: String) -> Result<Quote, AppError> {
    let state = crate::backend::state()?;
    let session = crate::backend::session::current();
    let owner = crate::backend::cart::owner(&session);
    let signed_in = session.user().is_some();
    let province = Some(province.trim()).filter(|p| !p.is_empty());
    crate::backend::checkout::quote(&state, owner.as_ref(), signed_in, province, lang).await
}

/// Places the order and sends the buyer to pay.
#[server(endpoint = "place_order")]
pub async fn place_order(lang: Lang, form: CheckoutForm) -> Result<PlacedOrder, AppError> {
    let state = crate::backend::state()?;
    let session = crate::backend::session::current();
    let placed = crate::backend::checkout::place_order(&state, &session, form, lang).await?;
    leptos_axum::redirect(&placed.pay_url);
    Ok(placed)
}
