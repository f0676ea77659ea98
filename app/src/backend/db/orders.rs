//! Orders, shipments, lines and the timeline. Writes take a transaction so that an order
//! is whole or absent.

use sqlx::{Any, AnyPool, FromRow};

pub use crate::backend::db::Tx;
use crate::model::Dispatch;
use crate::model::order::{OrderStatus, ShippingMethod};

/// The order header as stored (the identity number stays on the server).
#[derive(Clone, Debug)]
pub struct OrderRow {
    pub id: i64,
    pub number: String,
    pub user_id: Option<i64>,
    pub session_hash: Option<String>,
    pub email: String,
    pub lang: String,
    pub status: OrderStatus,
    pub cart_fingerprint: String,
    pub shipping_method: ShippingMethod,
    pub goods: i64,
    pub shipping: i64,
    pub tax: i64,
    pub total: i64,
    pub recipient: String,
    pub mobile: String,
    pub province: String,
    pub city: String,
    pub district: String,
    pub street: String,
    pub postcode: String,
    pub buyer_name: String,
    pub buyer_id_number: String,
    pub placed_at: i64,
    pub expires_at: i64,
}

const ORDER_COLUMNS: &str = "id, number, user_id, session_hash, email, lang, status, \
    cart_fingerprint, shipping_method, goods, shipping, tax, total, recipient, mobile, province, \
    city, district, street, postcode, buyer_name, buyer_id_number, placed_at, expires_at";

#[derive(FromRow)]
struct OrderColumns {
    id: i64,
    number: String,
    user_id: Option<i64>,
    session_hash: Option<String>,
    email: String,
    lang: String,
    status: String,
    cart_fingerprint: String,
    shipping_method: String,
    goods: i64,
    shipping: i64,
    tax: i64,
    total: i64,
    recipient: String,
    mobile: String,
    province: String,
    city: String,
    district: String,
    street: String,
    postcode: String,
    buyer_name: String,
    buyer_id_number: String,
    placed_at: i64,
    expires_at: i64,
}

impl From<OrderColumns> for OrderRow {
    fn from(row: OrderColumns) -> OrderRow {
        OrderRow {
            id: row.id,
            number: row.number,
            user_id: row.user_id,
            session_hash: row.session_hash,
            email: row.email,
            lang: row.lang,
            status: OrderStatus::parse(&row.status).unwrap_or(OrderStatus::Placed),
            cart_fingerprint: row.cart_fingerprint,
            shipping_method: ShippingMethod::parse(&row.shipping_method).unwrap_or_default(),
            goods: row.goods,
            shipping: row.shipping,
            tax: row.tax,
            total: row.total,
            recipient: row.recipient,
            mobile: row.mobile,
            province: row.province,
            city: row.city,
            district: row.district,
            street: row.street,
            postcode: row.postcode,
            buyer_name: row.buyer_name,
            buyer_id_number: row.buyer_id_number,
            placed_at: row.placed_at,
            expires_at: row.expires_at,
        }
    }
}

pub async fn by_number<'c, E>(executor: E, number: &str) -> Result<Option<OrderRow>, sqlx::Error>
where
    E: sqlx::Executor<'c, Database = Any>,
{
    let row: Option<OrderColumns> = sqlx::query_as(&format!(
        "SELECT {ORDER_COLUMNS} FROM orders WHERE number = $1"
    ))
    .bind(number)
    .fetch_optional(executor)
    .await?;
    Ok(row.map(OrderRow::from))
}

pub async fn by_idempotency_key<'c, E>(
    executor: E,
    key: &str,
) -> Result<Option<OrderRow>, sqlx::Error>
where
    E: sqlx::Executor<'c, Database = Any>,
{
    let row: Option<OrderColumns> = sqlx::query_as(&format!(
        "SELECT {ORDER_COLUMNS} FROM orders WHERE idempotency_key = $1"
    ))
    .bind(key)
    .fetch_optional(executor)
    .await?;
    Ok(row.map(OrderRow::from))
}

#[derive(FromRow)]
struct ListedColumns {
    #[sqlx(flatten)]
    order: OrderColumns,
    items: i64,
    parcels: i64,
}

/// The orders of a user, or of a guest session, newest first.
pub async fn list(
    pool: &AnyPool,
    user_id: Option<i64>,
    session_hash: Option<&str>,
) -> Result<Vec<(OrderRow, i64, i64)>, sqlx::Error> {
    let rows: Vec<ListedColumns> = sqlx::query_as(&format!(
        "SELECT {ORDER_COLUMNS}, \
           (SELECT CAST(COALESCE(SUM(quantity), 0) AS BIGINT) FROM order_lines l \
            WHERE l.order_id = orders.id) AS items, \
           (SELECT CAST(COUNT(*) AS BIGINT) FROM shipments s WHERE s.order_id = orders.id) \
            AS parcels \
         FROM orders WHERE (user_id = $1) OR (user_id IS NULL AND session_hash = $2) \
         ORDER BY id DESC LIMIT 200"
    ))
    .bind(user_id.unwrap_or(-1))
    .bind(session_hash.unwrap_or("-"))
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (OrderRow::from(r.order), r.items, r.parcels))
        .collect())
}

/// Goods bought in a period by one identity number, cancelled and refunded orders aside.
pub async fn goods_bought_since(
    tx: &mut Tx,
    id_number: &str,
    since: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(cross_border_goods), 0) AS BIGINT) AS goods FROM orders \
         WHERE buyer_id_number = $1 AND placed_at >= $2 \
         AND status NOT IN ('cancelled', 'refunded')",
    )
    .bind(id_number)
    .bind(since)
    .fetch_one(&mut **tx)
    .await
}

/// Takes `quantity` from a variant's stock if that many are left; false when not.
pub async fn reserve_stock(
    tx: &mut Tx,
    variant_id: i64,
    quantity: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE variants SET stock = stock - $1 WHERE id = $2 AND stock >= $1")
        .bind(quantity)
        .bind(variant_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Returns the stock of one parcel's lines.
pub async fn release_shipment_stock(tx: &mut Tx, shipment_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE variants SET stock = stock + (SELECT COALESCE(SUM(l.quantity), 0) FROM order_lines l \
         WHERE l.shipment_id = $1 AND l.variant_id = variants.id) \
         WHERE id IN (SELECT variant_id FROM order_lines WHERE shipment_id = $1)",
    )
    .bind(shipment_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Puts an order's reserved stock back (cancelled, expired or refunded).
pub async fn release_stock(tx: &mut Tx, order_id: i64) -> Result<(), sqlx::Error> {
    let lines: Vec<(i64, i64)> =
        sqlx::query_as("SELECT variant_id, quantity FROM order_lines WHERE order_id = $1")
            .bind(order_id)
            .fetch_all(&mut **tx)
            .await?;
    for (variant_id, quantity) in lines {
        sqlx::query("UPDATE variants SET stock = stock + $1 WHERE id = $2")
            .bind(quantity)
            .bind(variant_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

pub struct NewOrder<'a> {
    pub number: &'a str,
    pub user_id: Option<i64>,
    pub session_hash: Option<&'a str>,
    pub email: &'a str,
    pub lang: &'a str,
    pub idempotency_key: &'a str,
    pub cart_fingerprint: &'a str,
    pub shipping_method: ShippingMethod,
    pub goods: i64,
    /// The goods of the cross-border parcels, which the import limits count.
    pub cross_border_goods: i64,
    pub shipping: i64,
    pub tax: i64,
    pub total: i64,
    pub address: &'a crate::model::address::Address,
    pub buyer_name: &'a str,
    pub buyer_id_number: &'a str,
    pub pkr_per_cny_micros: Option<i64>,
    pub usd_per_cny_micros: Option<i64>,
    pub placed_at: i64,
    pub expires_at: i64,
}

/// Inserts the order header; `Ok(None)` when its idempotency key is already used.
pub async fn insert(tx: &mut Tx, order: &NewOrder<'_>) -> Result<Option<i64>, sqlx::Error> {
    let a = order.address;
    let result = sqlx::query_scalar(
        "INSERT INTO orders (number, user_id, session_hash, email, lang, status, idempotency_key, \
            cart_fingerprint, shipping_method, goods, shipping, tax, total, recipient, mobile, \
            province, city, district, street, postcode, buyer_name, buyer_id_number, \
            pkr_per_cny_micros, usd_per_cny_micros, placed_at, expires_at, cross_border_goods) \
         VALUES ($1, $2, $3, $4, $5, 'placed', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, \
            $17, $18, $19, $20, $21, $22, $23, $24, $25, $26) RETURNING id",
    )
    .bind(order.number)
    .bind(order.user_id)
    .bind(order.session_hash)
    .bind(order.email)
    .bind(order.lang)
    .bind(order.idempotency_key)
    .bind(order.cart_fingerprint)
    .bind(order.shipping_method.code())
    .bind(order.goods)
    .bind(order.shipping)
    .bind(order.tax)
    .bind(order.total)
    .bind(&a.recipient)
    .bind(&a.mobile)
    .bind(&a.province)
    .bind(&a.city)
    .bind(&a.district)
    .bind(&a.street)
    .bind(&a.postcode)
    .bind(order.buyer_name)
    .bind(order.buyer_id_number)
    .bind(order.pkr_per_cny_micros)
    .bind(order.usd_per_cny_micros)
    .bind(order.placed_at)
    .bind(order.expires_at)
    .bind(order.cross_border_goods)
    .fetch_one(&mut **tx)
    .await;
    match result {
        Ok(id) => Ok(Some(id)),
        Err(error) if is_unique_violation(&error) => Ok(None),
        Err(error) => Err(error),
    }
}

pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .is_some_and(|e| e.is_unique_violation())
}

/// One shop's parcel of a new order, and how it travels.
pub struct NewShipment {
    pub order_id: i64,
    pub shop_id: i64,
    pub dispatch: Dispatch,
    pub method: ShippingMethod,
    /// The city it leaves from.
    pub ships_from: i64,
    pub days: (i64, i64),
    pub weight_g: i64,
    pub shipping: i64,
}

pub async fn insert_shipment(tx: &mut Tx, shipment: &NewShipment) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO shipments (order_id, shop_id, status, weight_g, shipping, dispatch, method, \
            ships_from, days_min, days_max) \
         VALUES ($1, $2, 'placed', $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(shipment.order_id)
    .bind(shipment.shop_id)
    .bind(shipment.weight_g)
    .bind(shipment.shipping)
    .bind(shipment.dispatch.code())
    .bind(shipment.method.code())
    .bind(shipment.ships_from)
    .bind(shipment.days.0)
    .bind(shipment.days.1)
    .fetch_one(&mut **tx)
    .await
}

pub struct NewLine<'a> {
    pub order_id: i64,
    pub shipment_id: i64,
    pub variant_id: i64,
    pub product_id: i64,
    pub product_slug: &'a str,
    pub sku: &'a str,
    pub titles: (&'a str, &'a str),
    pub options: (&'a str, &'a str),
    pub unit_price: i64,
    pub quantity: i64,
    pub tax: i64,
}

pub async fn insert_line(tx: &mut Tx, line: &NewLine<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO order_lines (order_id, shipment_id, variant_id, product_id, product_slug, \
            sku, title_en, title_zh, option_en, option_zh, unit_price, quantity, tax) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(line.order_id)
    .bind(line.shipment_id)
    .bind(line.variant_id)
    .bind(line.product_id)
    .bind(line.product_slug)
    .bind(line.sku)
    .bind(line.titles.0)
    .bind(line.titles.1)
    .bind(line.options.0)
    .bind(line.options.1)
    .bind(line.unit_price)
    .bind(line.quantity)
    .bind(line.tax)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Who changed a status, as the timeline records it.
pub struct Actor<'a> {
    pub kind: &'a str,
    pub user_id: Option<i64>,
}

pub async fn record_event(
    tx: &mut Tx,
    order_id: i64,
    shipment_id: Option<i64>,
    status: OrderStatus,
    actor: &Actor<'_>,
    note: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO order_events (order_id, shipment_id, status, actor, actor_user_id, note, at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(order_id)
    .bind(shipment_id)
    .bind(status.code())
    .bind(actor.kind)
    .bind(actor.user_id)
    .bind(note)
    .bind(crate::backend::db::now_seconds())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Moves an order from one status to another; false when it was not in `from`.
pub async fn transition(
    tx: &mut Tx,
    order_id: i64,
    from: &[OrderStatus],
    to: OrderStatus,
) -> Result<bool, sqlx::Error> {
    let from: Vec<String> = from.iter().map(|s| format!("'{}'", s.code())).collect();
    let done = sqlx::query(&format!(
        "UPDATE orders SET status = $1 WHERE id = $2 AND status IN ({})",
        from.join(", ")
    ))
    .bind(to.code())
    .bind(order_id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets every shipment of an order still in one of `from` to `to`.
pub async fn transition_shipments(
    tx: &mut Tx,
    order_id: i64,
    from: &[OrderStatus],
    to: OrderStatus,
) -> Result<(), sqlx::Error> {
    let from: Vec<String> = from.iter().map(|s| format!("'{}'", s.code())).collect();
    sqlx::query(&format!(
        "UPDATE shipments SET status = $1 WHERE order_id = $2 AND status IN ({})",
        from.join(", ")
    ))
    .bind(to.code())
    .bind(order_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Unpaid orders whose reservation has run out.
pub async fn expired_unpaid(pool: &AnyPool, now: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT id FROM orders WHERE status = 'placed' AND expires_at < $1 ORDER BY id LIMIT 100",
    )
    .bind(now)
    .fetch_all(pool)
    .await
}

/// Moves guest orders of a session to the account that just signed in from it.
pub async fn adopt_guest_orders(
    pool: &AnyPool,
    session_hash: &str,
    user_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE orders SET user_id = $1 WHERE session_hash = $2 AND user_id IS NULL")
        .bind(user_id)
        .bind(session_hash)
        .execute(pool)
        .await?;
    Ok(())
}
