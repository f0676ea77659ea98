//! Rate limits for signing in and password resets, counted in the database so they hold
//! across app servers: failures per account and per network address in a window.

use sqlx::AnyPool;

use crate::backend::db::{attempts, now_seconds};
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
        let since = now_seconds() - self.window_seconds;
        let used = attempts::count_since(pool, &self.scope(key), since).await?;
        if used >= self.max {
            Err(AppError::RateLimited)
        } else {
            Ok(())
        }
    }

    pub async fn record(&self, pool: &AnyPool, key: &str) -> Result<(), AppError> {
        attempts::record(pool, &self.scope(key), now_seconds()).await?;
        Ok(())
    }
}

/// Forgets attempts older than any window.
pub async fn purge(pool: &AnyPool) -> Result<(), sqlx::Error> {
    attempts::purge(pool, now_seconds() - 24 * 3600).await
}
