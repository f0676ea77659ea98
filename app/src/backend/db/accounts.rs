//! Users and password-reset links.

use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

use crate::backend::db::now_seconds;
use crate::model::Lang;
use crate::model::account::Role;

/// The signed-in person, as the server knows them (and sessions hand on).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionUser {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub lang: Lang,
}

/// A user row with its password hash; never serialised.
pub struct UserRecord {
    pub user: SessionUser,
    pub password_hash: String,
    pub locked: bool,
    /// The operator asked for a new password before the next sign-in.
    pub must_reset: bool,
}

fn record(row: &AnyRow) -> Result<UserRecord, sqlx::Error> {
    let role: String = row.try_get("role")?;
    let lang: String = row.try_get("lang")?;
    Ok(UserRecord {
        user: SessionUser {
            id: row.try_get("id")?,
            email: row.try_get("email")?,
            display_name: row.try_get("display_name")?,
            role: Role::parse(&role).unwrap_or(Role::Customer),
            lang: Lang::parse(&lang).unwrap_or_default(),
        },
        password_hash: row.try_get("password_hash")?,
        locked: row.try_get::<i64, _>("locked")? == 1,
        must_reset: row.try_get::<i64, _>("must_reset")? == 1,
    })
}

const COLUMNS: &str = "id, email, display_name, role, lang, password_hash, locked, must_reset";

pub async fn by_email(pool: &AnyPool, email: &str) -> Result<Option<UserRecord>, sqlx::Error> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM users WHERE email = $1"))
        .bind(email)
        .fetch_optional(pool)
        .await?
        .as_ref()
        .map(record)
        .transpose()
}

pub async fn by_id(pool: &AnyPool, id: i64) -> Result<Option<UserRecord>, sqlx::Error> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM users WHERE id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await?
        .as_ref()
        .map(record)
        .transpose()
}

/// Inserts a user; `Ok(None)` when the email is taken.
pub async fn insert(
    pool: &AnyPool,
    email: &str,
    display_name: &str,
    password_hash: &str,
    lang: Lang,
    role: Role,
) -> Result<Option<i64>, sqlx::Error> {
    let now = now_seconds();
    let inserted = sqlx::query(
        "INSERT INTO users (email, password_hash, display_name, lang, role, created_at, \
                            password_changed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (email) DO NOTHING RETURNING id",
    )
    .bind(email)
    .bind(password_hash)
    .bind(display_name)
    .bind(lang.code())
    .bind(role.code())
    .bind(now)
    .fetch_optional(pool)
    .await?;
    inserted.map(|row| row.try_get("id")).transpose()
}

/// Sets a new password; every reset link of the account that is still unused stops working,
/// so an older link cannot undo the change.
pub async fn set_password(pool: &AnyPool, id: i64, password_hash: &str) -> Result<(), sqlx::Error> {
    let now = now_seconds();
    let mut tx = pool.begin().await?;
    sqlx::query("UPDATE users SET password_hash = $1, password_changed_at = $2, must_reset = 0 WHERE id = $3")
        .bind(password_hash)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

pub async fn set_role(pool: &AnyPool, id: i64, role: Role) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET role = $1 WHERE id = $2")
        .bind(role.code())
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn insert_reset(
    pool: &AnyPool,
    token_hash: &str,
    user_id: i64,
    expires_at: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES ($1, $2, $3)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(expires_at)
    .execute(pool)
    .await?;
    Ok(())
}

/// Marks a live reset link used and returns its user; `None` if unknown, used or expired.
pub async fn use_reset(pool: &AnyPool, token_hash: &str) -> Result<Option<i64>, sqlx::Error> {
    let now = now_seconds();
    let row = sqlx::query(
        "UPDATE password_resets SET used_at = $1 \
         WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
    )
    .bind(now)
    .bind(token_hash)
    .fetch_optional(pool)
    .await?;
    row.map(|row| row.try_get("user_id")).transpose()
}
