//! Exchange rates and the commission, each change dated. Orders keep the rates of the day
//! they were placed, so a change never rewrites an old order.

use serde_json::json;
use sqlx::{AnyPool, Row};

use super::audit::{self, Change, Operator};
use crate::backend::db::write_transaction;
use crate::backend::db::{Engine, now_seconds};
use crate::backend::seller::analytics::set_commission;
use crate::backend::seller::bump_catalog;
use crate::error::{AppError, Problem};
use crate::model::admin::{DatedRate, RatesView, parse_percent, parse_rate};
use crate::model::china_time;

/// The currencies the pavilion converts prices into.
pub const CURRENCIES: [&str; 2] = ["PKR", "USD"];

pub async fn history(pool: &AnyPool) -> Result<RatesView, sqlx::Error> {
    let exchange = sqlx::query(
        "SELECT currency, per_cny_micros AS value, set_on FROM exchange_rates ORDER BY id DESC LIMIT 40",
    )
    .fetch_all(pool)
    .await?;
    let commission = sqlx::query(
        "SELECT 'commission' AS currency, basis_points AS value, set_on FROM commission_rates \
         ORDER BY set_on DESC, id DESC LIMIT 40",
    )
    .fetch_all(pool)
    .await?;
    let dated = |rows: Vec<sqlx::any::AnyRow>| {
        rows.iter()
            .map(|r| {
                Ok(DatedRate {
                    currency: r.try_get("currency")?,
                    value: r.try_get("value")?,
                    set_on: r.try_get("set_on")?,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()
    };
    Ok(RatesView {
        exchange: dated(exchange)?,
        commission: dated(commission)?,
    })
}

/// Sets a currency's rate from today on (China time); the catalogue reloads it.
pub async fn set_exchange_rate(
    pool: &AnyPool,
    engine: Engine,
    who: &Operator,
    currency: &str,
    rate: &str,
) -> Result<(), AppError> {
    let currency = CURRENCIES
        .into_iter()
        .find(|c| *c == currency)
        .ok_or(Problem::ExchangeRate)?;
    let micros = parse_rate(rate).ok_or(Problem::ExchangeRate)?;
    let now = now_seconds();
    let today = china_time::date(now);
    let mut tx = write_transaction(pool, engine).await?;
    let before: Option<i64> = sqlx::query_scalar(
        "SELECT per_cny_micros FROM exchange_rates WHERE currency = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(currency)
    .fetch_optional(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO exchange_rates (currency, per_cny_micros, set_on, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(currency)
    .bind(micros)
    .bind(&today)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    bump_catalog(&mut tx).await?;
    let change = Change {
        action: "rate.exchange",
        target: format!("rate:{currency}"),
        before: before.map(|micros| json!({ "per_cny_micros": micros })),
        after: Some(json!({ "per_cny_micros": micros, "set_on": today })),
    };
    audit::record(&mut *tx, who, change).await?;
    tx.commit().await?;
    Ok(())
}

/// Sets the commission (a percentage as typed) from a day on (today when empty).
pub async fn set_commission_rate(
    pool: &AnyPool,
    who: &Operator,
    percent: &str,
    from: &str,
) -> Result<(), AppError> {
    let basis_points = parse_percent(percent).ok_or(Problem::Commission)?;
    set_commission_points(pool, who, basis_points, from).await
}

/// Sets the commission in basis points from a day on (`YYYY-MM-DD`, today when empty).
pub async fn set_commission_points(
    pool: &AnyPool,
    who: &Operator,
    basis_points: i64,
    from: &str,
) -> Result<(), AppError> {
    let from = from.trim();
    let from = if from.is_empty() {
        china_time::date(now_seconds())
    } else {
        from.to_owned()
    };
    let before = crate::backend::seller::analytics::commission(pool).await?;
    if !(0..=5_000).contains(&basis_points) {
        return Err(Problem::Commission.into());
    }
    if !set_commission(pool, basis_points, &from).await? {
        return Err(Problem::RateDay.into());
    }
    let change = Change {
        action: "rate.commission",
        target: "rate:commission".to_owned(),
        before: Some(json!({ "basis_points": before })),
        after: Some(json!({ "basis_points": basis_points, "from": from })),
    };
    audit::record_after(pool, who, change).await;
    Ok(())
}
