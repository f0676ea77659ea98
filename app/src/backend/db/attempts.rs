//! Sign-in, registration and reset attempts, counted per scope (an address or an account)
//! for the rate limits.

use sqlx::AnyPool;

/// How many attempts `scope` made after `since`.
pub async fn count_since(pool: &AnyPool, scope: &str, since: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM auth_attempts WHERE scope = $1 AND at > $2",
    )
    .bind(scope)
    .bind(since)
    .fetch_one(pool)
    .await
}

pub async fn record(pool: &AnyPool, scope: &str, at: i64) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO auth_attempts (scope, at) VALUES ($1, $2)")
        .bind(scope)
        .bind(at)
        .execute(pool)
        .await?;
    Ok(())
}

/// Forgets attempts made before `before`.
pub async fn purge(pool: &AnyPool, before: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM auth_attempts WHERE at < $1")
        .bind(before)
        .execute(pool)
        .await?;
    Ok(())
}
