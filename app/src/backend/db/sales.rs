//! What a shop sold and how often its products were seen, for its sales report.

use sqlx::{AnyPool, FromRow};

/// Parcels whose money came in.
const SOLD: &str = "('paid', 'shipped', 'delivered')";

/// One order line of a parcel the shop sold.
#[derive(FromRow)]
pub struct SoldLine {
    pub order_id: i64,
    pub placed_at: i64,
    /// The order's rupees per yuan, in millionths (0 when it recorded none).
    pub pkr: i64,
    pub product_id: i64,
    pub title_en: String,
    pub title_zh: String,
    pub quantity: i64,
    pub unit_price: i64,
}

/// The lines the shop sold in orders placed since `since` (seconds).
pub async fn sold_since(
    pool: &AnyPool,
    shop_id: i64,
    since: i64,
) -> Result<Vec<SoldLine>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT o.id AS order_id, o.placed_at, COALESCE(o.pkr_per_cny_micros, 0) AS pkr, \
                l.product_id, l.title_en, l.title_zh, l.quantity, l.unit_price \
         FROM order_lines l JOIN shipments sh ON sh.id = l.shipment_id \
         JOIN orders o ON o.id = l.order_id \
         WHERE sh.shop_id = $1 AND o.placed_at >= $2 AND sh.status IN {SOLD}"
    ))
    .bind(shop_id)
    .bind(since)
    .fetch_all(pool)
    .await
}

/// Adds page views to a product's count for one day (`YYYY-MM-DD`).
pub async fn add_views(
    pool: &AnyPool,
    product_id: i64,
    day: &str,
    views: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO product_views (product_id, day, views) VALUES ($1, $2, $3) \
         ON CONFLICT (product_id, day) DO UPDATE SET views = product_views.views + excluded.views",
    )
    .bind(product_id)
    .bind(day)
    .bind(views)
    .execute(pool)
    .await?;
    Ok(())
}

/// How often the shop's product pages were seen from day `first_day` on.
pub async fn shop_views_since(
    pool: &AnyPool,
    shop_id: i64,
    first_day: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(v.views), 0) AS BIGINT) FROM product_views v \
         JOIN products p ON p.id = v.product_id WHERE p.shop_id = $1 AND v.day >= $2",
    )
    .bind(shop_id)
    .bind(first_day)
    .fetch_one(pool)
    .await
}
