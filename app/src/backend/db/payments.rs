//! Payments of orders and the providers' notifications about them.

use sqlx::{AnyPool, FromRow};

use super::Tx;

/// The reference of the order's pending payment with `provider` (any provider when
/// `None`), the latest first.
pub async fn pending_reference(
    pool: &AnyPool,
    order_id: i64,
    provider: Option<&str>,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT reference FROM payments WHERE order_id = $1 AND ($2 = '' OR provider = $2) \
         AND status = 'pending' ORDER BY id DESC LIMIT 1",
    )
    .bind(order_id)
    .bind(provider.unwrap_or_default())
    .fetch_optional(pool)
    .await
}

/// A payment to start.
pub struct NewPayment<'a> {
    pub order_id: i64,
    pub provider: &'a str,
    pub reference: &'a str,
    pub amount: i64,
    pub now: i64,
}

/// Starts a pending payment; fails with a unique violation when the order has one already.
pub async fn insert(pool: &AnyPool, payment: &NewPayment<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO payments (order_id, provider, reference, amount, status, created_at) \
         VALUES ($1, $2, $3, $4, 'pending', $5)",
    )
    .bind(payment.order_id)
    .bind(payment.provider)
    .bind(payment.reference)
    .bind(payment.amount)
    .bind(payment.now)
    .execute(pool)
    .await?;
    Ok(())
}

/// A payment with what its notification needs of its order.
#[derive(FromRow)]
pub struct Notified {
    pub id: i64,
    pub order_id: i64,
    pub amount: i64,
    pub number: String,
    pub email: String,
    pub lang: String,
    pub user_id: Option<i64>,
}

pub async fn by_reference(
    tx: &mut Tx,
    reference: &str,
    provider: &str,
) -> Result<Option<Notified>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.order_id, p.amount, o.number, o.email, o.lang, o.user_id FROM payments p \
         JOIN orders o ON o.id = p.order_id WHERE p.reference = $1 AND p.provider = $2",
    )
    .bind(reference)
    .bind(provider)
    .fetch_optional(&mut **tx)
    .await
}

/// Records a provider's notification; false when it came before (a replay).
pub async fn first_notification(
    tx: &mut Tx,
    provider: &str,
    notify_id: &str,
    reference: &str,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO payment_notifications (provider, notify_id, reference, received_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(provider)
    .bind(notify_id)
    .bind(reference)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Pending → `status`; false when the payment was already settled.
pub async fn settle(
    tx: &mut Tx,
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

/// Money came in for an order no longer waiting for it: it must be paid back.
pub async fn mark_refund_due(tx: &mut Tx, payment_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE payments SET status = 'refund_due' WHERE id = $1")
        .bind(payment_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// When the order was paid.
pub async fn set_order_paid_at(tx: &mut Tx, order_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE orders SET paid_at = $1 WHERE id = $2")
        .bind(now)
        .bind(order_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
