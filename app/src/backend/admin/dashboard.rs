//! The console's front page: today's orders and revenue, and what waits for a decision.

use sqlx::AnyPool;

use crate::backend::db::{dashboard, now_seconds};
use crate::model::admin::AdminDashboard;

pub async fn load(pool: &AnyPool) -> Result<AdminDashboard, sqlx::Error> {
    let since = crate::model::china_time::day_start(now_seconds());
    dashboard::counts(pool, since).await
}
