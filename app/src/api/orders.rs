//! Following orders. An order is found by number only when the caller owns it (account or
//! guest session) or holds its signed link; otherwise it is "not found".

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::Lang;
use crate::model::order::{OrderSummary, OrderView};

#[server(endpoint = "orders", input = server_fn::codec::GetUrl)]
pub async fn list_orders() -> Result<Vec<OrderSummary>, AppError> {
    let state = crate::backend::state()?;
    crate::backend::orders::list(&state, &crate::backend::session::current()).await
}

#[server(endpoint = "order", input = server_fn::codec::GetUrl)]
pub async fn get_order(
    lang: Lang,
    number: String,
    key: Option<String>,
) -> Result<OrderView, AppError> {
    let state = crate::backend::state()?;
    let session = crate::backend::session::current();
    let order =
        crate::backend::orders::find_visible(&state, &session, &number, key.as_deref()).await?;
    crate::backend::orders::view(&state, &session, order, lang).await
}

#[server(endpoint = "cancel_order")]
pub async fn cancel_order(number: String, key: Option<String>) -> Result<(), AppError> {
    let state = crate::backend::state()?;
    let session = crate::backend::session::current();
    let order =
        crate::backend::orders::find_visible(&state, &session, &number, key.as_deref()).await?;
    let actor = crate::backend::orders::customer(&session);
    crate::backend::orders::cancel(&state, order.id, &actor, None).await
}

/// Another try at paying an unpaid order.
#[server(endpoint = "pay_order")]
pub async fn pay_order(lang: Lang, number: String, key: Option<String>) -> Result<(), AppError> {
    let state = crate::backend::state()?;
    let session = crate::backend::session::current();
    let order =
        crate::backend::orders::find_visible(&state, &session, &number, key.as_deref()).await?;
    let url = crate::backend::orders::pay_again(&state, &order, lang).await?;
    leptos_axum::redirect(&url);
    Ok(())
}

/// The buyer confirms that one shipment arrived.
#[server(endpoint = "confirm_delivery")]
pub async fn confirm_delivery(
    number: String,
    key: Option<String>,
    shipment: i64,
) -> Result<(), AppError> {
    let state = crate::backend::state()?;
    let session = crate::backend::session::current();
    let order =
        crate::backend::orders::find_visible(&state, &session, &number, key.as_deref()).await?;
    let actor = crate::backend::orders::customer(&session);
    crate::backend::orders::confirm_delivery(&state, &order, shipment, &actor).await
}

/// The buyer asks for an invoice for one parcel from stock in China, or corrects the
/// request before the seller issues it.
#[server(endpoint = "request_invoice")]
pub async fn request_invoice(
    number: String,
    key: Option<String>,
    shipment: i64,
    invoice_kind: String,
    invoice_title: String,
    invoice_tax_number: String,
) -> Result<(), AppError> {
    let state = crate::backend::state()?;
    let session = crate::backend::session::current();
    let order =
        crate::backend::orders::find_visible(&state, &session, &number, key.as_deref()).await?;
    crate::backend::invoices::request(
        &state,
        &order,
        shipment,
        &invoice_kind,
        &invoice_title,
        &invoice_tax_number,
    )
    .await
}
