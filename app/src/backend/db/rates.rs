//! Exchange rates and the pavilion's commission, each dated from the day it applies.

use sqlx::AnyPool;

use super::Tx;
use crate::model::admin::DatedRate;

/// The latest 40 exchange rates set, the newest first.
pub async fn exchange_history(pool: &AnyPool) -> Result<Vec<DatedRate>, sqlx::Error> {
    let rows: Vec<(String, i64, String)> = sqlx::query_as(
        "SELECT currency, per_cny_micros, set_on FROM exchange_rates ORDER BY id DESC LIMIT 40",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(dated).collect())
}

/// The latest 40 commissions set, the latest day first.
pub async fn commission_history(pool: &AnyPool) -> Result<Vec<DatedRate>, sqlx::Error> {
    let rows: Vec<(String, i64, String)> = sqlx::query_as(
        "SELECT 'commission', basis_points, set_on FROM commission_rates \
         ORDER BY set_on DESC, id DESC LIMIT 40",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(dated).collect())
}

fn dated((currency, value, set_on): (String, i64, String)) -> DatedRate {
    DatedRate {
        currency,
        value,
        set_on,
    }
}

/// The currency's latest rate, in millionths per yuan.
pub async fn latest_exchange(tx: &mut Tx, currency: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT per_cny_micros FROM exchange_rates WHERE currency = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(currency)
    .fetch_optional(&mut **tx)
    .await
}

/// A currency's rate from day `set_on` (`YYYY-MM-DD`, China time) on.
pub async fn insert_exchange(
    tx: &mut Tx,
    currency: &str,
    per_cny_micros: i64,
    set_on: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO exchange_rates (currency, per_cny_micros, set_on, created_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(currency)
    .bind(per_cny_micros)
    .bind(set_on)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The commission in force on day `day` (`YYYY-MM-DD`), in basis points.
pub async fn commission_on(pool: &AnyPool, day: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT basis_points FROM commission_rates WHERE set_on <= $1 \
         ORDER BY set_on DESC, id DESC LIMIT 1",
    )
    .bind(day)
    .fetch_optional(pool)
    .await
}

/// The commission from day `set_on` on.
pub async fn insert_commission(
    pool: &AnyPool,
    basis_points: i64,
    set_on: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO commission_rates (basis_points, set_on, created_at) VALUES ($1, $2, $3)",
    )
    .bind(basis_points)
    .bind(set_on)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}
