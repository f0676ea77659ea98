//! Stock by variant: adjustments with a reason (kept as a history) and the low-stock list.

use sqlx::AnyPool;

use crate::backend::db::revisions::bump_catalogue;
use crate::backend::db::stock::{self, Adjustment};
use crate::backend::db::{Engine, now_seconds, products, write_transaction};
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
    stock::list(pool, shop_id, lang, low_only).await
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
    let (product_id, status) = stock::product_of_variant(&mut tx, shop_id, variant_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let now_in_stock = stock::add(&mut tx, variant_id, delta)
        .await?
        .ok_or(Problem::StockDelta)?;
    let adjustment = Adjustment {
        variant_id,
        delta,
        reason,
        user_id,
        at: now_seconds(),
    };
    stock::record(&mut tx, &adjustment).await?;
    if status == "published" {
        let revision = bump_catalogue(&mut tx).await?;
        products::set_revision(&mut tx, product_id, revision).await?;
    }
    tx.commit().await?;
    Ok(now_in_stock)
}
