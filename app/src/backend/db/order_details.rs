//! An order as its pages show it: its parcels, lines and timeline.

use sqlx::{Any, AnyPool, Executor, FromRow};

use crate::model::Dispatch;
use crate::model::order::{OrderStatus, ShippingMethod};

#[derive(Clone, Debug)]
pub struct ShipmentRow {
    pub id: i64,
    pub shop_id: i64,
    pub shop_slug: String,
    pub shop_name: String,
    pub status: OrderStatus,
    pub dispatch: Dispatch,
    pub method: ShippingMethod,
    /// The city it leaves from, in the language asked for.
    pub ships_from: String,
    pub days: (i64, i64),
    pub shipping: i64,
    pub carrier: Option<String>,
    pub tracking: Option<String>,
}

#[derive(FromRow)]
struct ShipmentColumns {
    id: i64,
    shop_id: i64,
    status: String,
    shipping: i64,
    carrier: Option<String>,
    tracking: Option<String>,
    slug: String,
    name: String,
    dispatch: String,
    method: String,
    days_min: i64,
    days_max: i64,
    ships_from: String,
}

/// The order's parcels, their shops named in `lang`.
pub async fn shipments<'c, E>(
    executor: E,
    order_id: i64,
    lang: &str,
) -> Result<Vec<ShipmentRow>, sqlx::Error>
where
    E: Executor<'c, Database = Any>,
{
    let rows: Vec<ShipmentColumns> = sqlx::query_as(
        "SELECT s.id, s.shop_id, s.status, s.shipping, s.carrier, s.tracking, sh.slug, \
                st.name, s.dispatch, s.method, s.days_min, s.days_max, \
                COALESCE(ct.name, '') AS ships_from FROM shipments s \
         JOIN shops sh ON sh.id = s.shop_id \
         JOIN shop_texts st ON st.shop_id = s.shop_id AND st.locale = $2 \
         LEFT JOIN city_texts ct ON ct.city_id = s.ships_from AND ct.locale = $2 \
         WHERE s.order_id = $1 ORDER BY s.id",
    )
    .bind(order_id)
    .bind(lang)
    .fetch_all(executor)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| ShipmentRow {
            id: r.id,
            shop_id: r.shop_id,
            shop_slug: r.slug,
            shop_name: r.name,
            status: OrderStatus::parse(&r.status).unwrap_or(OrderStatus::Placed),
            dispatch: Dispatch::parse(&r.dispatch).unwrap_or_default(),
            method: ShippingMethod::parse(&r.method).unwrap_or_default(),
            ships_from: r.ships_from,
            days: (r.days_min, r.days_max),
            shipping: r.shipping,
            carrier: r.carrier,
            tracking: r.tracking,
        })
        .collect())
}

#[derive(Clone, Debug)]
pub struct LineRow {
    pub shipment_id: i64,
    pub product_id: i64,
    pub product_slug: String,
    pub titles: (String, String),
    pub options: (String, String),
    pub unit_price: i64,
    pub quantity: i64,
    pub tax: i64,
}

#[derive(FromRow)]
struct LineColumns {
    shipment_id: i64,
    product_id: i64,
    product_slug: String,
    title_en: String,
    title_zh: String,
    option_en: String,
    option_zh: String,
    unit_price: i64,
    quantity: i64,
    tax: i64,
}

/// The order's lines in the order they were bought.
pub async fn lines(pool: &AnyPool, order_id: i64) -> Result<Vec<LineRow>, sqlx::Error> {
    let rows: Vec<LineColumns> = sqlx::query_as(
        "SELECT shipment_id, product_id, product_slug, title_en, title_zh, option_en, option_zh, \
                unit_price, quantity, tax FROM order_lines WHERE order_id = $1 ORDER BY id",
    )
    .bind(order_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| LineRow {
            shipment_id: r.shipment_id,
            product_id: r.product_id,
            product_slug: r.product_slug,
            titles: (r.title_en, r.title_zh),
            options: (r.option_en, r.option_zh),
            unit_price: r.unit_price,
            quantity: r.quantity,
            tax: r.tax,
        })
        .collect())
}

#[derive(Clone, Debug)]
pub struct EventRow {
    pub shipment_id: Option<i64>,
    pub status: OrderStatus,
    pub actor: String,
    pub note: Option<String>,
    pub at: i64,
}

#[derive(FromRow)]
struct EventColumns {
    shipment_id: Option<i64>,
    status: String,
    actor: String,
    note: Option<String>,
    at: i64,
}

/// The order's timeline, oldest first.
pub async fn events(pool: &AnyPool, order_id: i64) -> Result<Vec<EventRow>, sqlx::Error> {
    let rows: Vec<EventColumns> = sqlx::query_as(
        "SELECT shipment_id, status, actor, note, at FROM order_events \
         WHERE order_id = $1 ORDER BY id",
    )
    .bind(order_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| EventRow {
            shipment_id: r.shipment_id,
            status: OrderStatus::parse(&r.status).unwrap_or(OrderStatus::Placed),
            actor: r.actor,
            note: r.note,
            at: r.at,
        })
        .collect())
}
