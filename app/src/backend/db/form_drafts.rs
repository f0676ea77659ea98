//! What a visitor typed into a refused form, kept briefly (see `backend::form_drafts`).

use sqlx::AnyPool;

use super::now_seconds;

/// Keeps one draft, and forgets every draft past its time.
pub async fn insert(
    pool: &AnyPool,
    token_hash: &str,
    page: &str,
    fields: &str,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM form_drafts WHERE expires_at <= $1")
        .bind(now_seconds())
        .execute(pool)
        .await?;
    sqlx::query(
        "INSERT INTO form_drafts (token_hash, page, fields, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash)
    .bind(page)
    .bind(fields)
    .bind(expires_at)
    .execute(pool)
    .await?;
    Ok(())
}

/// The fields (JSON) of the live draft with this token, made on this page.
pub async fn find(
    pool: &AnyPool,
    token_hash: &str,
    page: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT fields FROM form_drafts WHERE token_hash = $1 AND page = $2 AND expires_at > $3",
    )
    .bind(token_hash)
    .bind(page)
    .bind(now_seconds())
    .fetch_optional(pool)
    .await
}
