//! Payments. Checkout only knows `PaymentProvider`: where to send the buyer, and how to
//! read the provider's verdict. A verdict (asynchronous callback or the buyer's return) is
//! applied exactly once whatever order they come in: a notification id is recorded before
//! anything changes (replays change nothing), and each status moves only from the state it
//! is expected in.

pub mod sandbox;

use std::collections::BTreeMap;

use sqlx::Row;

use crate::backend::AppState;
use crate::backend::crypto::random_token;
use crate::backend::db::orders::{self, Actor};
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
    let pending = sqlx::query(
        "SELECT reference FROM payments WHERE order_id = $1 AND provider = $2 \
         AND status = 'pending' ORDER BY id DESC LIMIT 1",
    )
    .bind(order_id)
    .bind(provider.name())
    .fetch_optional(&state.pool)
    .await?;
    let reference = match pending {
        Some(row) => row.try_get("reference")?,
        None => {
            let reference = format!("PAY{}", random_token(12));
            let inserted = sqlx::query(
                "INSERT INTO payments (order_id, provider, reference, amount, status, created_at) \
                 VALUES ($1, $2, $3, $4, 'pending', $5)",
            )
            .bind(order_id)
            .bind(provider.name())
            .bind(&reference)
            .bind(amount)
            .bind(now_seconds())
            .execute(&state.pool)
            .await;
            match inserted {
                Ok(_) => reference,
                // Another request for this order started its payment first (the database
                // keeps one pending payment an order): that one is the live payment.
                Err(error) if orders::is_unique_violation(&error) => sqlx::query_scalar(
                    "SELECT reference FROM payments WHERE order_id = $1 AND status = 'pending'",
                )
                .bind(order_id)
                .fetch_optional(&state.pool)
                .await?
                .ok_or_else(|| AppError::internal("reading the live payment", "it is missing"))?,
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
    let payment = sqlx::query(
        "SELECT p.id, p.order_id, p.amount, o.number, o.email, o.lang, o.user_id FROM payments p \
         JOIN orders o ON o.id = p.order_id WHERE p.reference = $1 AND p.provider = $2",
    )
    .bind(&n.reference)
    .bind(provider)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(PaymentError::UnknownPayment)?;
    let payment_id: i64 = payment.try_get("id")?;
    let order_id: i64 = payment.try_get("order_id")?;
    let order_number: String = payment.try_get("number")?;
    if payment.try_get::<i64, _>("amount")? != n.amount {
        return Err(PaymentError::AmountMismatch);
    }
    let first_time = sqlx::query(
        "INSERT INTO payment_notifications (provider, notify_id, reference, received_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(provider)
    .bind(&n.notify_id)
    .bind(&n.reference)
    .bind(now_seconds())
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
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
                let lang = Lang::parse(&payment.try_get::<String, _>("lang")?).unwrap_or_default();
                let guest = payment.try_get::<Option<i64>, _>("user_id")?.is_none();
                let link = crate::backend::orders::order_link(state, lang, &order_number, guest);
                let email: String = payment.try_get("email")?;
                mail::enqueue(
                    &mut *tx,
                    &mail::order_paid(&email, lang, &order_number, &link),
                )
                .await?;
                Applied::Paid { order_number }
            } else {
                sqlx::query("UPDATE payments SET status = 'refund_due' WHERE id = $1")
                    .bind(payment_id)
                    .execute(&mut *tx)
                    .await?;
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
    let done = sqlx::query(
        "UPDATE payments SET status = $1, provider_txn = $2, completed_at = $3 \
         WHERE id = $4 AND status = 'pending'",
    )
    .bind(status)
    .bind(provider_txn)
    .bind(now)
    .bind(payment_id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Placed → paid, shipments with it; false when the order is no longer waiting for money.
async fn mark_paid(tx: &mut orders::Tx, order_id: i64, now: i64) -> Result<bool, sqlx::Error> {
    if !orders::transition(tx, order_id, &[OrderStatus::Placed], OrderStatus::Paid).await? {
        return Ok(false);
    }
    sqlx::query("UPDATE orders SET paid_at = $1 WHERE id = $2")
        .bind(now)
        .bind(order_id)
        .execute(&mut **tx)
        .await?;
    orders::transition_shipments(tx, order_id, &[OrderStatus::Placed], OrderStatus::Paid).await?;
    let actor = Actor {
        kind: "payment",
        user_id: None,
    };
    orders::record_event(tx, order_id, None, OrderStatus::Paid, &actor, None).await?;
    Ok(true)
}
