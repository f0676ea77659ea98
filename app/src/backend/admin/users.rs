//! People: find them, change a role, lock an account (its sessions end at once) or make
//! its owner choose a new password.

use serde_json::json;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

use super::audit::{self, Change, Operator};
use super::like_pattern;
use crate::backend::AppState;
use crate::backend::db::accounts;
use crate::backend::session;
use crate::error::{AppError, Problem};
use crate::model::account::Role;
use crate::model::admin::{AdminUser, PAGE_ROWS};

fn user(r: &AnyRow) -> Result<AdminUser, sqlx::Error> {
    Ok(AdminUser {
        id: r.try_get("id")?,
        email: r.try_get("email")?,
        display_name: r.try_get("display_name")?,
        role: Role::parse(&r.try_get::<String, _>("role")?).unwrap_or(Role::Customer),
        locked: r.try_get::<i64, _>("locked")? == 1,
        must_reset: r.try_get::<i64, _>("must_reset")? == 1,
        created_at: r.try_get("created_at")?,
    })
}

/// People whose email or name contains `query`, newest first.
pub async fn search(pool: &AnyPool, query: &str) -> Result<Vec<AdminUser>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, email, display_name, role, locked, must_reset, created_at FROM users \
         WHERE LOWER(email) LIKE $1 ESCAPE '\\' OR LOWER(display_name) LIKE $1 ESCAPE '\\' \
         ORDER BY id DESC LIMIT $2",
    )
    .bind(like_pattern(query))
    .bind(PAGE_ROWS)
    .fetch_all(pool)
    .await?;
    rows.iter().map(user).collect()
}

/// What the console may do to an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserChange {
    Role(Role),
    Lock(bool),
    ForcePasswordReset,
}

/// Applies one change; an admin cannot lock themselves out or give up their own role.
pub async fn change(
    state: &AppState,
    who: &Operator,
    user_id: i64,
    what: UserChange,
) -> Result<(), AppError> {
    let pool = &state.pool;
    let own = who.user_id == Some(user_id);
    if own
        && !matches!(
            what,
            UserChange::Role(Role::Admin) | UserChange::ForcePasswordReset
        )
    {
        return Err(Problem::OwnAccount.into());
    }
    let record = accounts::by_id(pool, user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (action, before, after) = match what {
        UserChange::Role(role) => (
            "user.role",
            json!({ "role": record.user.role.code() }),
            json!({ "role": role.code() }),
        ),
        UserChange::Lock(lock) => (
            if lock { "user.lock" } else { "user.unlock" },
            json!({ "locked": record.locked }),
            json!({ "locked": lock }),
        ),
        UserChange::ForcePasswordReset => (
            "user.force_password_reset",
            json!({ "must_reset": record.must_reset }),
            json!({ "must_reset": true }),
        ),
    };
    let update = match what {
        UserChange::Role(role) => {
            sqlx::query("UPDATE users SET role = $1 WHERE id = $2").bind(role.code())
        }
        UserChange::Lock(lock) => {
            sqlx::query("UPDATE users SET locked = $1 WHERE id = $2").bind(i64::from(lock))
        }
        UserChange::ForcePasswordReset => {
            sqlx::query("UPDATE users SET must_reset = $1 WHERE id = $2").bind(1_i64)
        }
    };
    let mut tx = pool.begin().await?;
    update.bind(user_id).execute(&mut *tx).await?;
    let change = Change {
        action,
        target: format!("user:{}", record.user.email),
        before: Some(before),
        after: Some(after),
    };
    audit::record(&mut *tx, who, change).await?;
    tx.commit().await?;
    // A locked account and one that must choose a new password are signed out everywhere.
    if matches!(
        what,
        UserChange::Lock(true) | UserChange::ForcePasswordReset
    ) {
        session::end_all(pool, user_id).await?;
    }
    if what == UserChange::ForcePasswordReset {
        crate::backend::auth::send_reset_link(state, &record.user).await?;
    }
    Ok(())
}
