//! The operator console's counts: today's orders and revenue, and what waits for a decision.

use sqlx::AnyPool;

use crate::model::admin::AdminDashboard;

/// The console's counts; "today" starts at `day_start` (seconds).
pub async fn counts(pool: &AnyPool, day_start: i64) -> Result<AdminDashboard, sqlx::Error> {
    let today = |sql: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sql)
            .bind(day_start)
            .fetch_one(pool)
            .await
    };
    let count =
        |sql: &'static str| async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(pool).await };
    Ok(AdminDashboard {
        orders_today: today("SELECT COUNT(*) FROM orders WHERE placed_at >= $1").await?,
        revenue_today_fen: today(
            "SELECT CAST(COALESCE(SUM(total), 0) AS BIGINT) FROM orders \
             WHERE placed_at >= $1 AND status IN ('paid', 'shipped', 'delivered')",
        )
        .await?,
        pending_applications: count(
            "SELECT COUNT(*) FROM shop_applications WHERE status = 'pending'",
        )
        .await?,
        pending_listings: count(
            "SELECT COUNT(*) FROM products WHERE review_requested_at IS NOT NULL",
        )
        .await?,
        refunds_due: count(
            "SELECT COUNT(*) FROM payments p WHERE p.status = 'refund_due' \
             AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = p.order_id)",
        )
        .await?,
        suspended_shops: count("SELECT COUNT(*) FROM shops WHERE suspended = 1").await?,
    })
}
