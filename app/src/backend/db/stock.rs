//! Stock by variant: adjustments with a reason, kept as a history.

use sqlx::{AnyPool, FromRow};

use super::Tx;
use crate::model::Lang;
use crate::model::seller::StockRow;

#[derive(FromRow)]
struct Row {
    id: i64,
    product_id: i64,
    sku: String,
    stock: i64,
    low_stock: i64,
    title: String,
    label: String,
}

/// The shop's variants of products not hidden, lowest stock relative to its threshold
/// first, titled in `lang`; only those at or under their threshold when `low_only`.
pub async fn list(
    pool: &AnyPool,
    shop_id: i64,
    lang: Lang,
    low_only: bool,
) -> Result<Vec<StockRow>, sqlx::Error> {
    let filter = if low_only {
        "AND v.stock <= v.low_stock"
    } else {
        ""
    };
    let sql = format!(
        "SELECT v.id, v.product_id, v.sku, v.stock, v.low_stock, \
                COALESCE(NULLIF(t.title, ''), p.slug) AS title, COALESCE(vt.label, '') AS label \
         FROM variants v JOIN products p ON p.id = v.product_id \
         LEFT JOIN product_texts t ON t.product_id = p.id AND t.locale = $2 \
         LEFT JOIN variant_texts vt ON vt.variant_id = v.id AND vt.locale = $2 \
         WHERE p.shop_id = $1 AND p.status <> 'hidden' {filter} \
         ORDER BY v.stock - v.low_stock, v.id LIMIT 1000"
    );
    let rows: Vec<Row> = sqlx::query_as(&sql)
        .bind(shop_id)
        .bind(lang.code())
        .fetch_all(pool)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| StockRow {
            variant_id: r.id,
            product_id: r.product_id,
            title: r.title,
            sku: r.sku,
            label: r.label,
            stock: r.stock,
            low_stock: r.low_stock,
        })
        .collect())
}

/// The product of one of the shop's variants and its status; `None` for another shop's.
pub async fn product_of_variant(
    tx: &mut Tx,
    shop_id: i64,
    variant_id: i64,
) -> Result<Option<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.status FROM variants v JOIN products p ON p.id = v.product_id \
         WHERE v.id = $1 AND p.shop_id = $2",
    )
    .bind(variant_id)
    .bind(shop_id)
    .fetch_optional(&mut **tx)
    .await
}

/// Adds `delta` to a variant's stock when the result stays within 0 and 1,000,000;
/// returns the new stock, `None` when it would not.
pub async fn add(tx: &mut Tx, variant_id: i64, delta: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE variants SET stock = stock + $1 \
         WHERE id = $2 AND stock + $1 >= 0 AND stock + $1 <= 1000000 RETURNING stock",
    )
    .bind(delta)
    .bind(variant_id)
    .fetch_optional(&mut **tx)
    .await
}

/// One line of a variant's stock history.
pub struct Adjustment<'a> {
    pub variant_id: i64,
    pub delta: i64,
    pub reason: &'a str,
    pub user_id: i64,
    pub at: i64,
}

pub async fn record(tx: &mut Tx, adjustment: &Adjustment<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO stock_adjustments (variant_id, delta, reason, user_id, at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(adjustment.variant_id)
    .bind(adjustment.delta)
    .bind(adjustment.reason)
    .bind(adjustment.user_id)
    .bind(adjustment.at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
