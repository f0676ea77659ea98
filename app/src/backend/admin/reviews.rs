//! Review moderation: hide a review (it stops showing and counting) or show it again.

use serde_json::json;
use sqlx::{AnyPool, Row};

use super::audit::{self, Change, Operator};
use crate::backend::db::Engine;
use crate::backend::db::write_transaction;
use crate::backend::seller::bump_catalog;
use crate::error::AppError;
use crate::model::Lang;
use crate::model::admin::{AdminReview, PAGE_ROWS};

/// The newest reviews, the hidden ones too.
pub async fn list(pool: &AnyPool, lang: Lang) -> Result<Vec<AdminReview>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT r.id, r.rating, r.body, r.hidden, r.created_at, p.slug, u.display_name, \
                COALESCE(t.title, p.slug) AS title \
         FROM reviews r JOIN products p ON p.id = r.product_id JOIN users u ON u.id = r.user_id \
         LEFT JOIN product_texts t ON t.product_id = p.id AND t.locale = $1 \
         ORDER BY r.id DESC LIMIT $2",
    )
    .bind(lang.code())
    .bind(PAGE_ROWS)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(AdminReview {
                id: r.try_get("id")?,
                product_slug: r.try_get("slug")?,
                product_title: r.try_get("title")?,
                author: r.try_get("display_name")?,
                rating: r.try_get("rating")?,
                body: r.try_get("body")?,
                hidden: r.try_get::<i64, _>("hidden")? == 1,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// Hides or shows a review, keeping the product's rating totals in step.
pub async fn set_hidden(
    pool: &AnyPool,
    engine: Engine,
    who: &Operator,
    id: i64,
    hide: bool,
) -> Result<(), AppError> {
    let mut tx = write_transaction(pool, engine).await?;
    let review = sqlx::query(
        "SELECT r.product_id, r.rating, r.hidden, p.slug FROM reviews r \
         JOIN products p ON p.id = r.product_id WHERE r.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let was_hidden = review.try_get::<i64, _>("hidden")? == 1;
    if was_hidden == hide {
        return Ok(());
    }
    let (sign, product_id): (i64, i64) = (if hide { -1 } else { 1 }, review.try_get("product_id")?);
    sqlx::query("UPDATE reviews SET hidden = $1 WHERE id = $2")
        .bind(i64::from(hide))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let revision = bump_catalog(&mut tx).await?;
    sqlx::query(
        "UPDATE products SET rating_sum = rating_sum + $1, rating_count = rating_count + $2, \
         revision = $3 WHERE id = $4",
    )
    .bind(sign * review.try_get::<i64, _>("rating")?)
    .bind(sign)
    .bind(revision)
    .bind(product_id)
    .execute(&mut *tx)
    .await?;
    let change = Change {
        action: if hide { "review.hide" } else { "review.show" },
        target: format!("review:{id}:{}", review.try_get::<String, _>("slug")?),
        before: Some(json!({ "hidden": was_hidden })),
        after: Some(json!({ "hidden": hide })),
    };
    audit::record(&mut *tx, who, change).await?;
    tx.commit().await?;
    Ok(())
}
