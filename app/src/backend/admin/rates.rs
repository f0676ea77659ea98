//! Exchange rates and the commission, each change dated. Orders keep the rates of the day
//! they were placed, so a change never rewrites an old order.

use serde_json::json;
use sqlx::AnyPool;

use super::audit::{self, Change, Operator};
use crate::backend::db::rates;
use crate::backend::db::revisions::bump_catalogue;
use crate::backend::db::{Engine, now_seconds, write_transaction};
use crate::backend::seller::analytics::set_commission;
use crate::error::{AppError, Problem};
use crate::model::admin::{RatesView, parse_percent, parse_rate};
use crate::model::china_time;

/// The currencies the pavilion converts prices into.
pub const CURRENCIES: [&str; 2] = ["PKR", "USD"];

pub async fn history(pool: &AnyPool) -> Result<RatesView, sqlx::Error> {
    Ok(RatesView {
        exchange: rates::exchange_history(pool).await?,
        commission: rates::commission_history(pool).await?,
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
    let before = rates::latest_exchange(&mut tx, currency).await?;
    rates::insert_exchange(&mut tx, currency, micros, &today, now).await?;
    bump_catalogue(&mut tx).await?;
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
