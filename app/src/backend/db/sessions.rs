//! Sessions, stored by the SHA-256 of their token (the token itself is only in the cookie).

use sqlx::{AnyPool, FromRow};

use super::accounts::SessionUser;
use crate::model::Lang;
use crate::model::account::Role;

/// A new session, a guest's (`user_id` None) or a signed-in person's.
pub async fn insert(
    pool: &AnyPool,
    id_hash: &str,
    user_id: Option<i64>,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)",
    )
    .bind(id_hash)
    .bind(user_id)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn delete(pool: &AnyPool, id_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(id_hash)
        .execute(pool)
        .await?;
    Ok(())
}

/// Ends every session of a user.
pub async fn delete_all_of(pool: &AnyPool, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(pool)
        .await?;
    Ok(())
}

#[derive(FromRow)]
struct FoundRow {
    created_at: i64,
    last_seen_at: i64,
    id: Option<i64>,
    email: Option<String>,
    display_name: Option<String>,
    role: Option<String>,
    lang: Option<String>,
    locked: Option<i64>,
}

/// A stored session: when it began and was last seen, and its person (`None` for a guest).
pub struct Found {
    pub created_at: i64,
    pub last_seen_at: i64,
    pub user: Option<SessionUser>,
    /// Its person's account is locked.
    pub locked: bool,
}

pub async fn find(pool: &AnyPool, id_hash: &str) -> Result<Option<Found>, sqlx::Error> {
    let row: Option<FoundRow> = sqlx::query_as(
        "SELECT s.created_at, s.last_seen_at, u.id, u.email, u.display_name, u.role, u.lang, \
                u.locked \
         FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1",
    )
    .bind(id_hash)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| Found {
        created_at: r.created_at,
        last_seen_at: r.last_seen_at,
        locked: r.locked == Some(1),
        user: r.id.map(|id| SessionUser {
            id,
            email: r.email.unwrap_or_default(),
            display_name: r.display_name.unwrap_or_default(),
            role: r
                .role
                .as_deref()
                .and_then(Role::parse)
                .unwrap_or(Role::Customer),
            lang: r.lang.as_deref().and_then(Lang::parse).unwrap_or_default(),
        }),
    }))
}

pub async fn touch(pool: &AnyPool, id_hash: &str, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
        .bind(now)
        .bind(id_hash)
        .execute(pool)
        .await?;
    Ok(())
}

/// Removes the sessions last seen before `idle_since` or begun before `begun_before`.
pub async fn purge(pool: &AnyPool, idle_since: i64, begun_before: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
        .bind(idle_since)
        .bind(begun_before)
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}
