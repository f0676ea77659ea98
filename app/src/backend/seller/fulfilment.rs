//! The shop's parcels: what to pack and where to send it, shipping with a carrier and
//! tracking number, and cancelling with a reason.

use sqlx::AnyPool;

use crate::backend::AppState;
use crate::backend::db::orders::Actor;
use crate::backend::db::parcels;
use crate::error::{AppError, Problem};
use crate::model::seller::ShipmentRow;

/// The shop's parcels, newest first: those to ship (paid) first when `to_ship`.
pub async fn list(
    pool: &AnyPool,
    shop_id: i64,
    to_ship: bool,
) -> Result<Vec<ShipmentRow>, sqlx::Error> {
    let ids = parcels::ids(pool, shop_id, to_ship).await?;
    let mut rows = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(row) = one(pool, shop_id, id).await? {
            rows.push(row);
        }
    }
    Ok(rows)
}

/// One of the shop's parcels, or `None` (also for another shop's).
pub async fn one(
    pool: &AnyPool,
    shop_id: i64,
    shipment_id: i64,
) -> Result<Option<ShipmentRow>, sqlx::Error> {
    let Some(mut parcel) = parcels::one(pool, shop_id, shipment_id).await? else {
        return Ok(None);
    };
    parcel.invoice = crate::backend::db::invoices::of_shipment(pool, shipment_id).await?;
    Ok(Some(parcel))
}

async fn owned(pool: &AnyPool, shop_id: i64, shipment_id: i64) -> Result<(), AppError> {
    if !parcels::is_shops(pool, shop_id, shipment_id).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Carrier names: 2 to 60 characters; tracking numbers: 6 to 40 letters, digits, hyphens.
pub fn check_tracking(carrier: &str, tracking: &str) -> Result<(String, String), Problem> {
    let carrier = carrier.trim();
    if !(2..=60).contains(&carrier.chars().count()) || carrier.chars().any(char::is_control) {
        return Err(Problem::Carrier);
    }
    let tracking = tracking.trim();
    let valid = (6..=40).contains(&tracking.len())
        && tracking
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if !valid {
        return Err(Problem::Tracking);
    }
    Ok((carrier.to_owned(), tracking.to_ascii_uppercase()))
}

pub async fn ship(
    state: &AppState,
    shop_id: i64,
    user_id: i64,
    shipment_id: i64,
    carrier: &str,
    tracking: &str,
) -> Result<(), AppError> {
    let (carrier, tracking) = check_tracking(carrier, tracking)?;
    owned(&state.pool, shop_id, shipment_id).await?;
    let actor = Actor {
        kind: "seller",
        user_id: Some(user_id),
    };
    crate::backend::orders::ship(state, shipment_id, &carrier, &tracking, &actor)
        .await
        .map_err(|e| match e {
            AppError::Invalid(Problem::NotShipped) => Problem::NotFulfillable.into(),
            other => other,
        })
}

pub async fn cancel(
    state: &AppState,
    shop_id: i64,
    user_id: i64,
    shipment_id: i64,
    reason: &str,
) -> Result<(), AppError> {
    let reason = crate::model::seller::check_reason(reason)?;
    owned(&state.pool, shop_id, shipment_id).await?;
    let actor = Actor {
        kind: "seller",
        user_id: Some(user_id),
    };
    crate::backend::orders::cancel_shipment(state, shipment_id, &actor, reason).await
}

#[cfg(test)]
mod tests {
    use super::check_tracking;
    use crate::error::Problem;

    #[test]
    fn tracking_numbers_are_upper_cased_and_checked() {
        assert_eq!(
            check_tracking(" TCS ", "ab-123456"),
            Ok(("TCS".to_owned(), "AB-123456".to_owned()))
        );
        assert_eq!(check_tracking("", "AB123456"), Err(Problem::Carrier));
        assert_eq!(check_tracking("TCS", "12 34"), Err(Problem::Tracking));
        assert_eq!(check_tracking("TCS", "<script>"), Err(Problem::Tracking));
    }
}
