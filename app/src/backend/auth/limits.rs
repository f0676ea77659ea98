//! Rate limits for signing in and password resets, counted in the database so they hold
//! across app servers: failures per account and per network address in a window.

use sqlx::{AnyPool, Row};

use crate::backend::db::now_seconds;
use crate::error::AppError;

pub struct Limit {
    pub prefix: &'static str,
    pub max: i64,
    pub window_seconds: i64,
}

pub const LOGIN_PER_ACCOUNT: Limit = Limit {
    prefix: "login-account",
    max: 5,
    window_seconds: 15 * 60,
};
pub const LOGIN_PER_ADDRESS: Limit = Limit {
    prefix: "login-address",
    max: 20,
    window_seconds: 15 * 60,
};
pub const RESET_PER_ACCOUNT: Limit = Limit {
    prefix: "reset-account",
    max: 3,
    window_seconds: 3600,
};
pub const RESET_PER_ADDRESS: Limit = Limit {
    prefix: "reset-address",
    max: 10,
    window_seconds: 3600,
};

impl Limit {
    fn scope(&self, key: &str) -> String {
        format!("{}:{key}", self.prefix)
    }

    /// `RateLimited` once `key` has used up its attempts in the window.
    pub async fn check(&self, pool: &AnyPool, key: &str) -> Result<(), AppError> {
        let row = sqlx::query(
            "SELECT CAST(COUNT(*) AS BIGINT) AS n FROM auth_attempts WHERE scope = $1 AND at > $2",
        )
        .bind(self.scope(key))
        .bind(now_seconds() - self.window_seconds)
        .fetch_one(pool)
        .await?;
        let used: i64 = row.try_get("n")?;
        if used >= self.max {
            Err(AppError::RateLimited)
        } else {
            Ok(())
        }
    }

    pub async fn record(&self, pool: &AnyPool, key: &str) -> Result<(), AppError> {
        sqlx::query("INSERT INTO auth_attempts (scope, at) VALUES ($1, $2)")
            .bind(self.scope(key))
            .bind(now_seconds())
            .execute(pool)
            .await?;
        Ok(())
    }
}

/// Forgets attempts older than any window.
pub async fn purge(pool: &AnyPool) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM auth_attempts WHERE at < $1")
        .bind(now_seconds() - 24 * 3600)
        .execute(pool)
        .await?;
    Ok(())
}
