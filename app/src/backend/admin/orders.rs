//! Orders across every shop: find them by number, email and status; refund one, which
//! returns its stock, records the refund and tells the timeline.

use serde_json::json;
use sqlx::{AnyPool, Row};

use super::audit::{self, Change, Operator};
use super::like_pattern;
use crate::backend::AppState;
use crate::backend::db::now_seconds;
use crate::backend::db::orders::{self as order_db, Actor};
use crate::backend::db::write_transaction;
use crate::backend::notify;
use crate::error::{AppError, Problem};
use crate::model::admin::{AdminOrder, PAGE_ROWS};
use crate::model::order::OrderStatus;

/// Orders whose number or email contains `query`, in `status` when given, newest first.
pub async fn search(
    pool: &AnyPool,
    query: &str,
    status: Option<OrderStatus>,
) -> Result<Vec<AdminOrder>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT o.id, o.number, o.email, o.status, o.total, o.placed_at, \
                (SELECT COUNT(*) FROM payments p WHERE p.order_id = o.id AND p.status = 'refund_due') AS due, \
                (SELECT MAX(r.amount_fen) FROM refunds r WHERE r.order_id = o.id) AS refunded \
         FROM orders o \
         WHERE (LOWER(o.number) LIKE $1 ESCAPE '\\' OR LOWER(o.email) LIKE $1 ESCAPE '\\') \
           AND ($2 = '' OR o.status = $2) \
         ORDER BY o.id DESC LIMIT $3",
    )
    .bind(like_pattern(query))
    .bind(status.map(OrderStatus::code).unwrap_or_default())
    .bind(PAGE_ROWS)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(AdminOrder {
                id: r.try_get("id")?,
                number: r.try_get("number")?,
                email: r.try_get("email")?,
                status: OrderStatus::parse(&r.try_get::<String, _>("status")?)
                    .unwrap_or(OrderStatus::Placed),
                total_fen: r.try_get("total")?,
                placed_at: r.try_get("placed_at")?,
                refund_due: r.try_get::<i64, _>("due")? > 0,
                refunded_fen: r.try_get("refunded")?,
            })
        })
        .collect()
}

/// Refunds what was paid for an order: the stock of every parcel not already cancelled
/// returns, the order and its parcels become `refunded`, and the refund is recorded, all in
/// one transaction. Returns the amount in fen.
pub async fn refund(
    state: &AppState,
    who: &Operator,
    number: &str,
    reason: &str,
) -> Result<i64, AppError> {
    let reason = crate::model::seller::check_reason(reason)?;
    let mut tx = write_transaction(&state.pool, state.engine).await?;
    let order = sqlx::query(
        "SELECT o.id, o.status, o.total, \
                (SELECT COUNT(*) FROM payments p WHERE p.order_id = o.id AND p.status = 'refund_due') AS due, \
                (SELECT COUNT(*) FROM refunds r WHERE r.order_id = o.id) AS refunds, \
                (SELECT CAST(COALESCE(SUM(p.amount), 0) AS BIGINT) FROM payments p \
                 WHERE p.order_id = o.id AND p.status IN ('succeeded', 'refund_due')) AS paid \
         FROM orders o WHERE o.number = $1",
    )
    .bind(number.trim())
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let order_id: i64 = order.try_get("id")?;
    let status = OrderStatus::parse(&order.try_get::<String, _>("status")?);
    let due = order.try_get::<i64, _>("due")? > 0;
    let taken = matches!(
        status,
        Some(OrderStatus::Paid | OrderStatus::Shipped | OrderStatus::Delivered)
    );
    if order.try_get::<i64, _>("refunds")? > 0 || !(taken || due) {
        return Err(Problem::NotRefundable.into());
    }
    let paid: i64 = order.try_get("paid")?;
    let amount = if paid > 0 {
        paid
    } else {
        order.try_get("total")?
    };
    let live: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM shipments WHERE order_id = $1 AND status NOT IN ('cancelled', 'refunded')",
    )
    .bind(order_id)
    .fetch_all(&mut *tx)
    .await?;
    for shipment in &live {
        order_db::release_shipment_stock(&mut tx, *shipment).await?;
    }
    let live_states = [
        OrderStatus::Placed,
        OrderStatus::Paid,
        OrderStatus::Shipped,
        OrderStatus::Delivered,
    ];
    order_db::transition_shipments(&mut tx, order_id, &live_states, OrderStatus::Refunded).await?;
    let from = [
        OrderStatus::Paid,
        OrderStatus::Shipped,
        OrderStatus::Delivered,
        OrderStatus::Cancelled,
    ];
    order_db::transition(&mut tx, order_id, &from, OrderStatus::Refunded).await?;
    let actor = Actor {
        kind: "admin",
        user_id: who.user_id,
    };
    order_db::record_event(
        &mut tx,
        order_id,
        None,
        OrderStatus::Refunded,
        &actor,
        Some(reason),
    )
    .await?;
    sqlx::query(
        "INSERT INTO refunds (order_id, amount_fen, reason, by_user, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(order_id)
    .bind(amount)
    .bind(reason)
    .bind(who.user_id)
    .bind(now_seconds())
    .execute(&mut *tx)
    .await?;
    let change = Change {
        action: "order.refund",
        target: format!("order:{}", number.trim()),
        before: Some(json!({ "status": status.map(OrderStatus::code), "refund_due": due })),
        after: Some(json!({ "status": "refunded", "amount_fen": amount, "reason": reason })),
    };
    audit::record(&mut *tx, who, change).await?;
    notify::order_refunded(&mut tx, state, order_id, amount, reason).await?;
    tx.commit().await?;
    metrics::counter!("pavilion_refunds_total").increment(1);
    Ok(amount)
}
