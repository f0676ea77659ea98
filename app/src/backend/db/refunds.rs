//! Refunds, and orders as the operator finds them to refund: with what was paid, whether a
//! payment waits to be paid back, and what was refunded.

use sqlx::{AnyPool, FromRow};

use super::Tx;
use crate::model::admin::AdminOrder;
use crate::model::order::OrderStatus;

#[derive(FromRow)]
struct FoundRow {
    id: i64,
    number: String,
    email: String,
    status: String,
    total: i64,
    placed_at: i64,
    due: i64,
    refunded: Option<i64>,
}

/// Orders whose number or email matches the `LIKE` pattern (escaped with `\`), in `status`
/// when given, newest first; at most `limit`.
pub async fn search(
    pool: &AnyPool,
    pattern: &str,
    status: Option<OrderStatus>,
    limit: i64,
) -> Result<Vec<AdminOrder>, sqlx::Error> {
    let rows: Vec<FoundRow> = sqlx::query_as(
        "SELECT o.id, o.number, o.email, o.status, o.total, o.placed_at, \
                (SELECT COUNT(*) FROM payments p WHERE p.order_id = o.id AND p.status = 'refund_due') AS due, \
                (SELECT MAX(r.amount_fen) FROM refunds r WHERE r.order_id = o.id) AS refunded \
         FROM orders o \
         WHERE (LOWER(o.number) LIKE $1 ESCAPE '\\' OR LOWER(o.email) LIKE $1 ESCAPE '\\') \
           AND ($2 = '' OR o.status = $2) \
         ORDER BY o.id DESC LIMIT $3",
    )
    .bind(pattern)
    .bind(status.map(OrderStatus::code).unwrap_or_default())
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AdminOrder {
            id: r.id,
            number: r.number,
            email: r.email,
            status: OrderStatus::parse(&r.status).unwrap_or(OrderStatus::Placed),
            total_fen: r.total,
            placed_at: r.placed_at,
            refund_due: r.due > 0,
            refunded_fen: r.refunded,
        })
        .collect())
}

/// What deciding a refund needs to know of an order.
#[derive(FromRow)]
pub struct RefundFacts {
    pub id: i64,
    pub status: String,
    pub total: i64,
    /// Payments that came in after the order was cancelled.
    pub due: i64,
    /// Refunds already made.
    pub refunds: i64,
    /// What its payments brought in.
    pub paid: i64,
}

pub async fn facts(tx: &mut Tx, number: &str) -> Result<Option<RefundFacts>, sqlx::Error> {
    sqlx::query_as(
        "SELECT o.id, o.status, o.total, \
                (SELECT COUNT(*) FROM payments p WHERE p.order_id = o.id AND p.status = 'refund_due') AS due, \
                (SELECT COUNT(*) FROM refunds r WHERE r.order_id = o.id) AS refunds, \
                (SELECT CAST(COALESCE(SUM(p.amount), 0) AS BIGINT) FROM payments p \
                 WHERE p.order_id = o.id AND p.status IN ('succeeded', 'refund_due')) AS paid \
         FROM orders o WHERE o.number = $1",
    )
    .bind(number)
    .fetch_optional(&mut **tx)
    .await
}

/// The order's parcels that are neither cancelled nor refunded.
pub async fn live_shipments(tx: &mut Tx, order_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM shipments WHERE order_id = $1 AND status NOT IN ('cancelled', 'refunded')",
    )
    .bind(order_id)
    .fetch_all(&mut **tx)
    .await
}

/// A refund made.
pub struct NewRefund<'a> {
    pub order_id: i64,
    pub amount_fen: i64,
    pub reason: &'a str,
    pub by_user: Option<i64>,
    pub now: i64,
}

pub async fn insert(tx: &mut Tx, refund: &NewRefund<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO refunds (order_id, amount_fen, reason, by_user, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(refund.order_id)
    .bind(refund.amount_fen)
    .bind(refund.reason)
    .bind(refund.by_user)
    .bind(refund.now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
