//! Users and password-reset links.

use sqlx::{AnyPool, FromRow};

use crate::backend::db::{Tx, now_seconds};
use crate::model::Lang;
use crate::model::account::Role;
use crate::model::admin::AdminUser;

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

#[derive(FromRow)]
struct UserRow {
    id: i64,
    email: String,
    display_name: String,
    role: String,
    lang: String,
    password_hash: String,
    locked: i64,
    must_reset: i64,
}

impl From<UserRow> for UserRecord {
    fn from(row: UserRow) -> UserRecord {
        UserRecord {
            user: SessionUser {
                id: row.id,
                email: row.email,
                display_name: row.display_name,
                role: Role::parse(&row.role).unwrap_or(Role::Customer),
                lang: Lang::parse(&row.lang).unwrap_or_default(),
            },
            password_hash: row.password_hash,
            locked: row.locked == 1,
            must_reset: row.must_reset == 1,
        }
    }
}

const COLUMNS: &str = "id, email, display_name, role, lang, password_hash, locked, must_reset";

pub async fn by_email(pool: &AnyPool, email: &str) -> Result<Option<UserRecord>, sqlx::Error> {
    let row: Option<UserRow> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM users WHERE email = $1"))
            .bind(email)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(UserRecord::from))
}

pub async fn by_id(pool: &AnyPool, id: i64) -> Result<Option<UserRecord>, sqlx::Error> {
    let row: Option<UserRow> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM users WHERE id = $1"))
            .bind(id)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(UserRecord::from))
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
    sqlx::query_scalar(
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
    .await
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
    sqlx::query_scalar(
        "UPDATE password_resets SET used_at = $1 \
         WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
    )
    .bind(now)
    .bind(token_hash)
    .fetch_optional(pool)
    .await
}

#[derive(FromRow)]
struct PersonRow {
    id: i64,
    email: String,
    display_name: String,
    role: String,
    locked: i64,
    must_reset: i64,
    created_at: i64,
}

/// People whose email or name matches the `LIKE` pattern (escaped with `\`), newest first.
pub async fn search(
    pool: &AnyPool,
    pattern: &str,
    limit: i64,
) -> Result<Vec<AdminUser>, sqlx::Error> {
    let rows: Vec<PersonRow> = sqlx::query_as(
        "SELECT id, email, display_name, role, locked, must_reset, created_at FROM users \
         WHERE LOWER(email) LIKE $1 ESCAPE '\\' OR LOWER(display_name) LIKE $1 ESCAPE '\\' \
         ORDER BY id DESC LIMIT $2",
    )
    .bind(pattern)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AdminUser {
            id: r.id,
            email: r.email,
            display_name: r.display_name,
            role: Role::parse(&r.role).unwrap_or(Role::Customer),
            locked: r.locked == 1,
            must_reset: r.must_reset == 1,
            created_at: r.created_at,
        })
        .collect())
}

/// What the operator's console changes on an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountFlag {
    Role(Role),
    Locked(bool),
    MustReset,
}

pub async fn set_flag(tx: &mut Tx, user_id: i64, flag: AccountFlag) -> Result<(), sqlx::Error> {
    let update = match flag {
        AccountFlag::Role(role) => {
            sqlx::query("UPDATE users SET role = $1 WHERE id = $2").bind(role.code())
        }
        AccountFlag::Locked(lock) => {
            sqlx::query("UPDATE users SET locked = $1 WHERE id = $2").bind(i64::from(lock))
        }
        AccountFlag::MustReset => {
            sqlx::query("UPDATE users SET must_reset = $1 WHERE id = $2").bind(1_i64)
        }
    };
    update.bind(user_id).execute(&mut **tx).await?;
    Ok(())
}

/// A customer becomes a seller (other roles stay as they are).
pub async fn promote_to_seller(tx: &mut Tx, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET role = 'seller' WHERE id = $1 AND role = 'customer'")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
