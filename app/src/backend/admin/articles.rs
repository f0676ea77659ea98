//! Editors' articles, as the operator oversees them: withdraw a published article (it
//! becomes a draft again, for its editor to fix and schedule anew).

use serde_json::json;
use sqlx::AnyPool;

use super::audit::{self, Change, Operator};
use crate::error::AppError;

pub async fn withdraw(pool: &AnyPool, who: &Operator, id: i64) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let (slug, publish_at) = crate::backend::db::articles::withdraw(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let change = Change {
        action: "article.withdraw",
        target: format!("article:{slug}"),
        before: Some(json!({ "publish_at": publish_at })),
        after: Some(json!({ "publish_at": null })),
    };
    audit::record(&mut *tx, who, change).await?;
    tx.commit().await?;
    Ok(())
}
