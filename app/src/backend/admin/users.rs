//! People: find them, change a role, lock an account (its sessions end at once) or make
//! its owner choose a new password.

use serde_json::json;
use sqlx::AnyPool;

use super::audit::{self, Change, Operator};
use super::like_pattern;
use crate::backend::AppState;
use crate::backend::db::accounts::{self, AccountFlag};
use crate::backend::session;
use crate::error::{AppError, Problem};
use crate::model::account::Role;
use crate::model::admin::{AdminUser, PAGE_ROWS};

/// People whose email or name contains `query`, newest first.
pub async fn search(pool: &AnyPool, query: &str) -> Result<Vec<AdminUser>, sqlx::Error> {
    accounts::search(pool, &like_pattern(query), PAGE_ROWS).await
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
    let flag = match what {
        UserChange::Role(role) => AccountFlag::Role(role),
        UserChange::Lock(lock) => AccountFlag::Locked(lock),
        UserChange::ForcePasswordReset => AccountFlag::MustReset,
    };
    let mut tx = pool.begin().await?;
    accounts::set_flag(&mut tx, user_id, flag).await?;
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
