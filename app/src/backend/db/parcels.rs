//! A shop's parcels as its staff packs and ships them: where each goes and what it holds.

use sqlx::{AnyPool, FromRow};

use super::Tx;
use crate::model::Dispatch;
use crate::model::order::OrderStatus;
use crate::model::seller::{PackingLine, ShipmentRow};

/// The ids of the shop's parcels, newest order first (at most 200); only those paid and
/// waiting to ship when `to_ship`.
pub async fn ids(pool: &AnyPool, shop_id: i64, to_ship: bool) -> Result<Vec<i64>, sqlx::Error> {
    let filter = if to_ship {
        "AND sh.status = 'paid'"
    } else {
        ""
    };
    let sql = format!(
        "SELECT sh.id FROM shipments sh JOIN orders o ON o.id = sh.order_id \
         WHERE sh.shop_id = $1 {filter} ORDER BY o.placed_at DESC, sh.id DESC LIMIT 200"
    );
    sqlx::query_scalar(&sql).bind(shop_id).fetch_all(pool).await
}

#[derive(FromRow)]
struct ParcelRow {
    id: i64,
    status: String,
    carrier: Option<String>,
    tracking: Option<String>,
    weight_g: i64,
    dispatch: String,
    number: String,
    placed_at: i64,
    recipient: String,
    mobile: String,
    province: String,
    city: String,
    district: String,
    street: String,
    postcode: String,
}

#[derive(FromRow)]
struct LineRow {
    sku: String,
    title_en: String,
    title_zh: String,
    option_en: String,
    option_zh: String,
    quantity: i64,
}

/// One of the shop's parcels with its lines, without its invoice; `None` for another
/// shop's.
pub async fn one(
    pool: &AnyPool,
    shop_id: i64,
    shipment_id: i64,
) -> Result<Option<ShipmentRow>, sqlx::Error> {
    let row: Option<ParcelRow> = sqlx::query_as(
        "SELECT sh.id, sh.status, sh.carrier, sh.tracking, sh.weight_g, sh.dispatch, o.number, \
                o.placed_at, o.recipient, o.mobile, o.province, o.city, o.district, o.street, \
                o.postcode \
         FROM shipments sh JOIN orders o ON o.id = sh.order_id WHERE sh.id = $1 AND sh.shop_id = $2",
    )
    .bind(shipment_id)
    .bind(shop_id)
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let lines: Vec<LineRow> = sqlx::query_as(
        "SELECT sku, title_en, title_zh, option_en, option_zh, quantity FROM order_lines \
         WHERE shipment_id = $1 ORDER BY id",
    )
    .bind(shipment_id)
    .fetch_all(pool)
    .await?;
    let address = [
        &row.province,
        &row.city,
        &row.district,
        &row.street,
        &row.postcode,
    ]
    .map(String::as_str)
    .join(" ");
    Ok(Some(ShipmentRow {
        id: row.id,
        order_number: row.number,
        status: OrderStatus::parse(&row.status).unwrap_or(OrderStatus::Placed),
        placed_at: row.placed_at,
        recipient: row.recipient,
        mobile: row.mobile,
        address,
        carrier: row.carrier,
        tracking: row.tracking,
        weight_g: row.weight_g,
        lines: lines
            .into_iter()
            .map(|l| PackingLine {
                sku: l.sku,
                title_en: l.title_en,
                title_zh: l.title_zh,
                option_en: l.option_en,
                option_zh: l.option_zh,
                quantity: l.quantity,
            })
            .collect(),
        dispatch: Dispatch::parse(&row.dispatch).unwrap_or_default(),
        invoice: None,
    }))
}

/// Whether the parcel is the shop's.
pub async fn is_shops(pool: &AnyPool, shop_id: i64, shipment_id: i64) -> Result<bool, sqlx::Error> {
    let found: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM shipments WHERE id = $1 AND shop_id = $2")
            .bind(shipment_id)
            .bind(shop_id)
            .fetch_one(pool)
            .await?;
    Ok(found > 0)
}

/// The statuses of an order's parcels.
pub async fn statuses(tx: &mut Tx, order_id: i64) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT status FROM shipments WHERE order_id = $1")
        .bind(order_id)
        .fetch_all(&mut **tx)
        .await
}

/// How many of an order's parcels are neither cancelled nor refunded.
pub async fn live_count(tx: &mut Tx, order_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM shipments WHERE order_id = $1 AND status NOT IN ('cancelled', 'refunded')",
    )
    .bind(order_id)
    .fetch_one(&mut **tx)
    .await
}

/// Moves one parcel from `from` to `to`; returns its order when it was in `from`.
pub async fn transition(
    tx: &mut Tx,
    shipment_id: i64,
    from: OrderStatus,
    to: OrderStatus,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE shipments SET status = $1 WHERE id = $2 AND status = $3 RETURNING order_id",
    )
    .bind(to.code())
    .bind(shipment_id)
    .bind(from.code())
    .fetch_optional(&mut **tx)
    .await
}

/// The carrier and tracking number a parcel left with.
pub async fn set_tracking(
    tx: &mut Tx,
    shipment_id: i64,
    carrier: &str,
    tracking: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE shipments SET carrier = $1, tracking = $2 WHERE id = $3")
        .bind(carrier)
        .bind(tracking)
        .bind(shipment_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
