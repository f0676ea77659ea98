//! The outbox: mail written in the same transaction as the change it reports, and claimed,
//! sent or failed by whichever app server delivers it.

use sqlx::{Any, AnyPool, Executor, FromRow};

/// A message to queue; `lang` is the recipient's language code.
pub struct Message<'a> {
    pub recipient: &'a str,
    pub lang: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub now: i64,
}

pub async fn enqueue<'c, E>(executor: E, message: &Message<'_>) -> Result<(), sqlx::Error>
where
    E: Executor<'c, Database = Any>,
{
    sqlx::query(
        "INSERT INTO outbox (recipient, lang, subject, body, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(message.recipient)
    .bind(message.lang)
    .bind(message.subject)
    .bind(message.body)
    .bind(message.now)
    .execute(executor)
    .await?;
    Ok(())
}

/// A message waiting to be sent.
#[derive(FromRow)]
pub struct Waiting {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
}

/// Up to `limit` unsent messages that have failed fewer than five times, oldest first.
pub async fn waiting(pool: &AnyPool, limit: i64) -> Result<Vec<Waiting>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, recipient, subject, body FROM outbox \
         WHERE sent_at IS NULL AND attempts < 5 ORDER BY id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// Claims an unsent message until `until` unless another server's claim still holds at
/// `now`; true when this claim landed.
pub async fn claim(pool: &AnyPool, id: i64, now: i64, until: i64) -> Result<bool, sqlx::Error> {
    let claimed = sqlx::query(
        "UPDATE outbox SET claimed_until = $1 WHERE id = $2 AND sent_at IS NULL \
         AND (claimed_until IS NULL OR claimed_until < $3)",
    )
    .bind(until)
    .bind(id)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(claimed.rows_affected() == 1)
}

pub async fn sent(pool: &AnyPool, id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE outbox SET sent_at = $1, attempts = attempts + 1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// A failed attempt: counted, its error kept, the claim released.
pub async fn failed(pool: &AnyPool, id: i64, error: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE outbox SET attempts = attempts + 1, last_error = $1, claimed_until = NULL \
         WHERE id = $2",
    )
    .bind(error)
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}
