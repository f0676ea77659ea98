//! Stock by variant: adjustments with a reason (kept as a history) and the low-stock list.

use sqlx::{AnyPool, Row};

use crate::backend::db::write_transaction;
use crate::backend::db::{Engine, now_seconds};
use crate::error::{AppError, Problem};
use crate::model::Lang;
use crate::model::seller::StockRow;

/// The shop's variants, lowest stock (relative to its threshold) first; only those at or
/// under their threshold when `low_only`.
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
    let rows = sqlx::query(&sql)
        .bind(shop_id)
        .bind(lang.code())
        .fetch_all(pool)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(StockRow {
                variant_id: r.try_get("id")?,
                product_id: r.try_get("product_id")?,
                title: r.try_get("title")?,
                sku: r.try_get("sku")?,
                label: r.try_get("label")?,
                stock: r.try_get("stock")?,
                low_stock: r.try_get("low_stock")?,
            })
        })
        .collect()
}

/// Adds `delta` (negative to remove) to one of the shop's variants; stock never goes under
/// zero. Returns the new stock.
pub async fn adjust(
    pool: &AnyPool,
    engine: Engine,
    shop_id: i64,
    user_id: i64,
    variant_id: i64,
    delta: i64,
    reason: &str,
) -> Result<i64, AppError> {
    let reason = crate::model::seller::check_reason(reason)?;
    if delta == 0 || delta.abs() > 1_000_000 {
        return Err(Problem::StockDelta.into());
    }
    let mut tx = write_transaction(pool, engine).await?;
    let owner: Option<(i64, String)> = sqlx::query_as(
        "SELECT p.id, p.status FROM variants v JOIN products p ON p.id = v.product_id \
         WHERE v.id = $1 AND p.shop_id = $2",
    )
    .bind(variant_id)
    .bind(shop_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (product_id, status) = owner.ok_or(AppError::NotFound)?;
    let stock: Option<i64> = sqlx::query_scalar(
        "UPDATE variants SET stock = stock + $1 WHERE id = $2 AND stock + $1 >= 0 AND stock + $1 <= 1000000 \
         RETURNING stock",
    )
    .bind(delta)
    .bind(variant_id)
    .fetch_optional(&mut *tx)
    .await?;
    let stock = stock.ok_or(Problem::StockDelta)?;
    sqlx::query(
        "INSERT INTO stock_adjustments (variant_id, delta, reason, user_id, at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(variant_id)
    .bind(delta)
    .bind(reason)
    .bind(user_id)
    .bind(now_seconds())
    .execute(&mut *tx)
    .await?;
    if status == "published" {
        let revision = super::bump_catalog(&mut tx).await?;
        sqlx::query("UPDATE products SET revision = $1 WHERE id = $2")
            .bind(revision)
            .bind(product_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(stock)
}
