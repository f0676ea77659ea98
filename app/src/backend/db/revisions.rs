//! The revisions app servers follow: the catalogue's (every catalogue write bumps it) and
//! the content's (bumped by trigger on every content write).

use sqlx::{Any, AnyPool, Executor};

/// The catalogue revision (from the pool, or inside a transaction).
pub async fn catalogue<'e>(db: impl Executor<'e, Database = Any>) -> Result<i64, sqlx::Error> {
    Ok(
        sqlx::query_scalar("SELECT revision FROM catalog_revision WHERE id = 1")
            .fetch_optional(db)
            .await?
            .unwrap_or(0),
    )
}

/// The content revision, and how many articles are published at `now` (a scheduled
/// article goes live without any write).
pub async fn content(pool: &AnyPool, now: i64) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT (SELECT revision FROM content_revision WHERE id = 1), \
         (SELECT CAST(COUNT(*) AS BIGINT) FROM articles \
          WHERE publish_at IS NOT NULL AND publish_at <= $1)",
    )
    .bind(now)
    .fetch_one(pool)
    .await
}

/// Moves the catalogue revision on, so every app server reloads the catalogue; returns the
/// new revision (products changed by the transaction carry it).
pub async fn bump_catalogue(tx: &mut super::Tx) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision",
    )
    .fetch_one(&mut **tx)
    .await
}
