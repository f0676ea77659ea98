//! Shipping rates by method and zone.

use sqlx::{Any, Executor, FromRow};

/// One rate: the first `first_g` grams cost `first_fee`, each further `step_g` grams (or
/// part) `step_fee`, in fen; delivery takes `days_min` to `days_max` days.
#[derive(FromRow)]
pub struct RateRow {
    pub method: String,
    pub zone: String,
    pub first_g: i64,
    pub first_fee: i64,
    pub step_g: i64,
    pub step_fee: i64,
    pub days_min: i64,
    pub days_max: i64,
}

pub async fn rates<'e>(db: impl Executor<'e, Database = Any>) -> Result<Vec<RateRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT method, zone, first_g, first_fee, step_g, step_fee, days_min, days_max \
         FROM shipping_rates",
    )
    .fetch_all(db)
    .await
}
