//! The shop's parcels: what to pack and where to send it, shipping with a carrier and
//! tracking number, and cancelling with a reason.

use sqlx::{AnyPool, Row};

use crate::backend::AppState;
use crate::backend::db::orders::Actor;
use crate::error::{AppError, Problem};
use crate::model::Dispatch;
use crate::model::order::OrderStatus;
use crate::model::seller::{PackingLine, ShipmentRow};

/// The shop's parcels, newest first: those to ship (paid) first when `to_ship`.
pub async fn list(
    pool: &AnyPool,
    shop_id: i64,
    to_ship: bool,
) -> Result<Vec<ShipmentRow>, sqlx::Error> {
    let filter = if to_ship {
        "AND sh.status = 'paid'"
    } else {
        ""
    };
    let sql = format!(
        "SELECT sh.id FROM shipments sh JOIN orders o ON o.id = sh.order_id \
         WHERE sh.shop_id = $1 {filter} ORDER BY o.placed_at DESC, sh.id DESC LIMIT 200"
    );
    let ids: Vec<i64> = sqlx::query_scalar(&sql)
        .bind(shop_id)
        .fetch_all(pool)
        .await?;
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
    let Some(row) = sqlx::query(
        "SELECT sh.id, sh.status, sh.carrier, sh.tracking, sh.weight_g, sh.dispatch, o.number, \
                o.placed_at, \
                o.recipient, o.mobile, o.province, o.city, o.district, o.street, o.postcode \
         FROM shipments sh JOIN orders o ON o.id = sh.order_id WHERE sh.id = $1 AND sh.shop_id = $2",
    )
    .bind(shipment_id)
    .bind(shop_id)
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let lines = sqlx::query(
        "SELECT sku, title_en, title_zh, option_en, option_zh, quantity FROM order_lines \
         WHERE shipment_id = $1 ORDER BY id",
    )
    .bind(shipment_id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|l| {
        Ok(PackingLine {
            sku: l.try_get("sku")?,
            title_en: l.try_get("title_en")?,
            title_zh: l.try_get("title_zh")?,
            option_en: l.try_get("option_en")?,
            option_zh: l.try_get("option_zh")?,
            quantity: l.try_get("quantity")?,
        })
    })
    .collect::<Result<_, sqlx::Error>>()?;
    let part = |name: &str| row.try_get::<String, _>(name);
    let address = format!(
        "{} {} {} {} {}",
        part("province")?,
        part("city")?,
        part("district")?,
        part("street")?,
        part("postcode")?
    );
    Ok(Some(ShipmentRow {
        id: row.try_get("id")?,
        order_number: row.try_get("number")?,
        status: OrderStatus::parse(&part("status")?).unwrap_or(OrderStatus::Placed),
        placed_at: row.try_get("placed_at")?,
        recipient: part("recipient")?,
        mobile: part("mobile")?,
        address,
        carrier: row.try_get("carrier")?,
        tracking: row.try_get("tracking")?,
        weight_g: row.try_get("weight_g")?,
        lines,
        dispatch: Dispatch::parse(&part("dispatch")?).unwrap_or_default(),
        invoice: crate::backend::db::invoices::of_shipment(pool, shipment_id).await?,
    }))
}

async fn owned(pool: &AnyPool, shop_id: i64, shipment_id: i64) -> Result<(), AppError> {
    let found: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM shipments WHERE id = $1 AND shop_id = $2")
            .bind(shipment_id)
            .bind(shop_id)
            .fetch_one(pool)
            .await?;
    if found == 0 {
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
