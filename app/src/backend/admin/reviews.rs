//! Review moderation: hide a review (it stops showing and counting) or show it again.

use serde_json::json;
use sqlx::AnyPool;

use super::audit::{self, Change, Operator};
use crate::backend::db::reviews as db;
use crate::backend::db::revisions::bump_catalogue;
use crate::backend::db::{Engine, write_transaction};
use crate::error::AppError;
use crate::model::Lang;
use crate::model::admin::{AdminReview, PAGE_ROWS};

/// The newest reviews, the hidden ones too.
pub async fn list(pool: &AnyPool, lang: Lang) -> Result<Vec<AdminReview>, sqlx::Error> {
    db::newest(pool, lang, PAGE_ROWS).await
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
    let review = db::moderated(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let was_hidden = review.hidden == 1;
    if was_hidden == hide {
        return Ok(());
    }
    let revision = bump_catalogue(&mut tx).await?;
    db::set_hidden(&mut tx, id, &review, hide, revision).await?;
    let change = Change {
        action: if hide { "review.hide" } else { "review.show" },
        target: format!("review:{id}:{}", review.slug),
        before: Some(json!({ "hidden": was_hidden })),
        after: Some(json!({ "hidden": hide })),
    };
    audit::record(&mut *tx, who, change).await?;
    tx.commit().await?;
    Ok(())
}
