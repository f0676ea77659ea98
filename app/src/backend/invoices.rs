//! Invoices for parcels sold from stock in China: the buyer asks (at checkout or from the
//! order page), the seller issues by attaching the PDF, the buyer downloads it. The PDFs
//! live in the data dir's `invoices` folder, outside every served folder, and are handed
//! only to whoever may see the order.

use std::path::PathBuf;

use crate::backend::AppState;
use crate::backend::crypto::random_token;
use crate::backend::db::order_details::{self, ShipmentRow};
use crate::backend::db::orders::OrderRow;
use crate::backend::db::{invoices, now_seconds, write_transaction};
use crate::backend::notify;
use crate::error::{AppError, Problem};
use crate::model::Dispatch;
use crate::model::invoice::{InvoiceRequest, is_pdf};
use crate::model::order::OrderStatus;

/// The largest invoice PDF accepted, in bytes.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

/// Whether a parcel can carry an invoice: sold from stock in China, and not called off.
pub fn invoiceable(dispatch: Dispatch, status: OrderStatus) -> bool {
    dispatch == Dispatch::Domestic
        && !matches!(status, OrderStatus::Cancelled | OrderStatus::Refunded)
}

fn folder(state: &AppState) -> PathBuf {
    state.data_dir.join("invoices")
}

/// One parcel of the order, or `NotFound`.
async fn parcel(
    state: &AppState,
    order: &OrderRow,
    shipment_id: i64,
) -> Result<ShipmentRow, AppError> {
    order_details::shipments(&state.pool, order.id, "zh")
        .await?
        .into_iter()
        .find(|s| s.id == shipment_id)
        .ok_or(AppError::NotFound)
}

/// The buyer asks for an invoice for one parcel of their order, or corrects a request the
/// seller has not issued yet.
pub async fn request(
    state: &AppState,
    order: &OrderRow,
    shipment_id: i64,
    kind: &str,
    title: &str,
    tax_number: &str,
) -> Result<(), AppError> {
    let request =
        InvoiceRequest::from_form(kind, title, tax_number)?.ok_or(Problem::InvoiceKind)?;
    let parcel = parcel(state, order, shipment_id).await?;
    if !invoiceable(parcel.dispatch, parcel.status) {
        return Err(Problem::NoInvoice.into());
    }
    if !invoices::request(&state.pool, shipment_id, &request, now_seconds()).await? {
        return Err(Problem::InvoiceIssued.into());
    }
    tracing::info!(order.number = %order.number, shipment.id = shipment_id, "invoice requested");
    Ok(())
}

/// The seller issues the invoice asked for on one of the shop's parcels: the PDF is kept
/// and the buyer told. A second PDF (a corrected invoice) replaces the first.
pub async fn issue(
    state: &AppState,
    shop_id: i64,
    user_id: i64,
    shipment_id: i64,
    pdf: &[u8],
) -> Result<(), AppError> {
    if !is_pdf(pdf) || pdf.len() > MAX_BYTES {
        return Err(Problem::InvoiceFile.into());
    }
    let (dispatch, status) = invoices::shop_parcel(&state.pool, shop_id, shipment_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !invoiceable(dispatch, status) {
        return Err(Problem::NoInvoice.into());
    }
    // Unpaid goods are not sold yet: nothing to invoice.
    if status == OrderStatus::Placed {
        return Err(Problem::NotFulfillable.into());
    }
    let before = invoices::file(&state.pool, shipment_id).await?;
    let name = format!("{}.pdf", random_token(16));
    let dir = folder(state);
    let path = dir.join(&name);
    let bytes = pdf.to_vec();
    let written = tokio::task::spawn_blocking(move || {
        std::fs::create_dir_all(&dir)?;
        crate::backend::media::write_atomically(&path, &bytes)
    })
    .await
    .map_err(|e| AppError::internal("storing an invoice", e))?;
    written.map_err(|e| AppError::internal("storing an invoice", e))?;
    let mut tx = write_transaction(&state.pool, state.engine).await?;
    if !invoices::issue(&mut *tx, shipment_id, user_id, &name, now_seconds()).await? {
        tx.rollback().await?;
        let _ = std::fs::remove_file(folder(state).join(&name));
        return Err(Problem::NoInvoice.into());
    }
    notify::invoice_issued(&mut tx, state, shipment_id).await?;
    tx.commit().await?;
    if let Some(before) = before {
        let _ = std::fs::remove_file(folder(state).join(before));
    }
    tracing::info!(
        shipment.id = shipment_id,
        user.id = user_id,
        "invoice issued"
    );
    Ok(())
}

/// The issued PDF of one parcel of the order; `NotFound` until it is issued.
pub async fn pdf(
    state: &AppState,
    order: &OrderRow,
    shipment_id: i64,
) -> Result<Vec<u8>, AppError> {
    parcel(state, order, shipment_id).await?;
    let name = invoices::file(&state.pool, shipment_id)
        .await?
        .ok_or(AppError::NotFound)?;
    match tokio::fs::read(folder(state).join(name)).await {
        Ok(bytes) => Ok(bytes),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Err(AppError::NotFound),
        Err(error) => Err(AppError::internal("reading an invoice", error)),
    }
}
