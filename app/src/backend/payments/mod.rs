//! Payments. Checkout only knows `PaymentProvider`: where to send the buyer, and how to
//! read the provider's verdict. A verdict (asynchronous callback or the buyer's return) is
//! applied exactly once whatever order they come in: a notification id is recorded before
//! anything changes (replays change nothing), and each status moves only from the state it
//! is expected in.

pub mod sandbox;

use std::collections::BTreeMap;

use crate::backend::AppState;
use crate::backend::crypto::random_token;
use crate::backend::db::orders::{self, Actor};
use crate::backend::db::payments as db;
use crate::backend::db::{now_seconds, write_transaction};
use crate::backend::mail;
use crate::error::AppError;
use crate::model::Lang;
use crate::model::order::OrderStatus;

/// What the buyer is asked to pay.
#[derive(Clone, Debug)]
pub struct PaymentRequest {
    pub reference: String,
    pub order_number: String,
    pub amount: i64,
    pub lang: Lang,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Succeeded,
    Failed,
}

/// A provider's verified verdict on one payment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notification {
    /// Unique per message; a second message with the same id is a replay.
    pub notify_id: String,
    pub reference: String,
    pub provider_txn: String,
    pub amount: i64,
    pub outcome: Outcome,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum PaymentError {
    #[error("the signature does not match")]
    BadSignature,
    #[error("a field is missing or malformed: {0}")]
    Malformed(&'static str),
    #[error("the message is too old or from the future")]
    Stale,
    #[error("no such payment")]
    UnknownPayment,
    #[error("the amount differs from the payment's")]
    AmountMismatch,
    #[error("database error")]
    Database,
}

impl From<sqlx::Error> for PaymentError {
    fn from(error: sqlx::Error) -> Self {
        tracing::error!(%error, "payment database error");
        PaymentError::Database
    }
}

/// A way to take money. A real wallet is one more implementation; checkout does not change.
pub trait PaymentProvider: Send + Sync {
    /// The name in URLs (`/payments/{name}/notify`) and in the `payments` table.
    fn name(&self) -> &'static str;
    /// Where to send the buyer to pay.
    fn checkout_url(&self, request: &PaymentRequest) -> String;
    /// Checks a callback's or a return's fields and reads the verdict.
    fn verify(&self, fields: &BTreeMap<String, String>) -> Result<Notification, PaymentError>;
}

/// Starts a payment for an unpaid order (or reuses the one still pending) and returns the
/// provider's URL.
pub async fn start(
    state: &AppState,
    order_id: i64,
    number: &str,
    amount: i64,
    lang: Lang,
) -> Result<String, AppError> {
    let provider = state
        .payments
        .as_ref()
        .ok_or(crate::error::Problem::PaymentUnavailable)?;
    let pending = db::pending_reference(&state.pool, order_id, Some(provider.name())).await?;
    let reference = match pending {
        Some(reference) => reference,
        None => {
            let reference = format!("PAY{}", random_token(12));
            let payment = db::NewPayment {
                order_id,
                provider: provider.name(),
                reference: &reference,
                amount,
                now: now_seconds(),
            };
            match db::insert(&state.pool, &payment).await {
                Ok(()) => reference,
                // Another request for this order started its payment first (the database
                // keeps one pending payment an order): that one is the live payment.
                Err(error) if orders::is_unique_violation(&error) => {
                    db::pending_reference(&state.pool, order_id, None)
                        .await?
                        .ok_or_else(|| {
                            AppError::internal("reading the live payment", "it is missing")
                        })?
                }
                Err(error) => return Err(error.into()),
            }
        }
    };
    Ok(provider.checkout_url(&PaymentRequest {
        reference,
        order_number: number.to_owned(),
        amount,
        lang,
    }))
}

/// What applying a notification did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Applied {
    /// The order is now paid.
    Paid { order_number: String },
    /// Paid before, or a verdict for a payment already settled: nothing changed.
    Unchanged { order_number: String },
    /// The payment failed; the order waits for another attempt.
    Failed { order_number: String },
    /// The money arrived after the order was cancelled: it is marked for refund.
    RefundDue { order_number: String },
    /// This exact message was handled before.
    Replay { order_number: String },
}

impl Applied {
    pub fn order_number(&self) -> &str {
        match self {
            Applied::Paid { order_number }
            | Applied::Unchanged { order_number }
            | Applied::Failed { order_number }
            | Applied::RefundDue { order_number }
            | Applied::Replay { order_number } => order_number,
        }
    }
}

/// Verifies and applies a provider's message.
pub async fn receive(
    state: &AppState,
    provider_name: &str,
    fields: &BTreeMap<String, String>,
) -> Result<Applied, PaymentError> {
    let provider = state
        .payments
        .as_ref()
        .filter(|provider| provider.name() == provider_name)
        .ok_or(PaymentError::UnknownPayment)?;
    let notification = provider.verify(fields)?;
    apply(state, provider_name, &notification).await
}

async fn apply(
    state: &AppState,
    provider: &str,
    n: &Notification,
) -> Result<Applied, PaymentError> {
    let pool = &state.pool;
    let mut tx = write_transaction(pool, state.engine).await?;
    let payment = db::by_reference(&mut tx, &n.reference, provider)
        .await?
        .ok_or(PaymentError::UnknownPayment)?;
    let (payment_id, order_id) = (payment.id, payment.order_id);
    let order_number = payment.number.clone();
    if payment.amount != n.amount {
        return Err(PaymentError::AmountMismatch);
    }
    let first_time =
        db::first_notification(&mut tx, provider, &n.notify_id, &n.reference, now_seconds())
            .await?;
    if !first_time {
        tx.rollback().await?;
        return Ok(Applied::Replay { order_number });
    }
    let now = now_seconds();
    let applied = match n.outcome {
        Outcome::Failed => {
            if settle(&mut tx, payment_id, "failed", &n.provider_txn, now).await? {
                Applied::Failed { order_number }
            } else {
                Applied::Unchanged { order_number }
            }
        }
        Outcome::Succeeded => {
            if !settle(&mut tx, payment_id, "succeeded", &n.provider_txn, now).await? {
                Applied::Unchanged { order_number }
            } else if mark_paid(&mut tx, order_id, now).await? {
                let lang = Lang::parse(&payment.lang).unwrap_or_default();
                let guest = payment.user_id.is_none();
                let link = crate::backend::orders::order_link(state, lang, &order_number, guest);
                mail::enqueue(
                    &mut *tx,
                    &mail::order_paid(&payment.email, lang, &order_number, &link),
                )
                .await?;
                Applied::Paid { order_number }
            } else {
                db::mark_refund_due(&mut tx, payment_id).await?;
                let actor = Actor {
                    kind: "payment",
                    user_id: None,
                };
                orders::record_event(
                    &mut tx,
                    order_id,
                    None,
                    OrderStatus::Cancelled,
                    &actor,
                    Some("late_payment_refund_due"),
                )
                .await?;
                Applied::RefundDue { order_number }
            }
        }
    };
    tx.commit().await?;
    tracing::info!(payment.reference = %n.reference, outcome = ?applied, "payment notification");
    let outcome = match &applied {
        Applied::Paid { .. } => "paid",
        Applied::Unchanged { .. } => "unchanged",
        Applied::Failed { .. } => "failed",
        Applied::RefundDue { .. } => "refund_due",
        Applied::Replay { .. } => "replay",
    };
    metrics::counter!("pavilion_payment_notifications_total", "outcome" => outcome).increment(1);
    Ok(applied)
}

/// Pending → `status`; false when the payment was already settled.
async fn settle(
    tx: &mut orders::Tx,
    payment_id: i64,
    status: &str,
    provider_txn: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    db::settle(tx, payment_id, status, provider_txn, now).await
}

/// Placed → paid, shipments with it; false when the order is no longer waiting for money.
async fn mark_paid(tx: &mut orders::Tx, order_id: i64, now: i64) -> Result<bool, sqlx::Error> {
    if !orders::transition(tx, order_id, &[OrderStatus::Placed], OrderStatus::Paid).await? {
        return Ok(false);
    }
    db::set_order_paid_at(tx, order_id, now).await?;
    orders::transition_shipments(tx, order_id, &[OrderStatus::Placed], OrderStatus::Paid).await?;
    let actor = Actor {
        kind: "payment",
        user_id: None,
    };
    orders::record_event(tx, order_id, None, OrderStatus::Paid, &actor, None).await?;
    Ok(true)
}
