//! Orders across every shop: find them by number, email and status; refund one, which
//! returns its stock, records the refund and tells the timeline.

use serde_json::json;
use sqlx::AnyPool;

use super::audit::{self, Change, Operator};
use super::like_pattern;
use crate::backend::AppState;
use crate::backend::db::orders::{self as order_db, Actor};
use crate::backend::db::{now_seconds, refunds, write_transaction};
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
    refunds::search(pool, &like_pattern(query), status, PAGE_ROWS).await
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
    let order = refunds::facts(&mut tx, number.trim())
        .await?
        .ok_or(AppError::NotFound)?;
    let order_id = order.id;
    let status = OrderStatus::parse(&order.status);
    let due = order.due > 0;
    let taken = matches!(
        status,
        Some(OrderStatus::Paid | OrderStatus::Shipped | OrderStatus::Delivered)
    );
    if order.refunds > 0 || !(taken || due) {
        return Err(Problem::NotRefundable.into());
    }
    let amount = if order.paid > 0 {
        order.paid
    } else {
        order.total
    };
    let live = refunds::live_shipments(&mut tx, order_id).await?;
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
    let refund = refunds::NewRefund {
        order_id,
        amount_fen: amount,
        reason,
        by_user: who.user_id,
        now: now_seconds(),
    };
    refunds::insert(&mut tx, &refund).await?;
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
