//! Following an order: who may see it, its timeline, cancelling, shipping and delivery.
//! Every status change is conditional on the status it leaves, and recorded with who made
//! it and when.

use crate::backend::AppState;
use crate::backend::crypto::{sign, verify};
use crate::backend::db::orders::{self, Actor, OrderRow};
use crate::backend::db::{now_seconds, order_details, parcels, write_transaction};
use crate::backend::notify;
use crate::backend::session::Session;
use crate::error::{AppError, Problem};
use crate::model::address::{mask_id_number, province_name};
use crate::model::order::{
    OrderLineView, OrderStatus, OrderSummary, OrderView, ShipmentView, TimelineEntry, mask_mobile,
};
use crate::model::{Lang, Money};

/// The buyer, as the author of a change to their order.
pub fn customer(session: &Session) -> Actor<'static> {
    Actor {
        kind: "customer",
        user_id: session.user().map(|u| u.id),
    }
}

/// Another try at paying an order that is still placed and not yet expired: where to pay.
pub async fn pay_again(state: &AppState, order: &OrderRow, lang: Lang) -> Result<String, AppError> {
    if order.status != OrderStatus::Placed || order.expires_at <= now_seconds() {
        return Err(Problem::NotPayable.into());
    }
    crate::backend::payments::start(state, order.id, &order.number, order.total, lang).await
}

/// The link to an order; a guest's carries a signature that grants access without a session.
pub fn order_link(state: &AppState, lang: Lang, number: &str, guest: bool) -> String {
    let base = state.site.public_url.trim_end_matches('/');
    let path = format!("{base}/{}/orders/{number}", lang.code());
    if guest {
        format!("{path}?key={}", sign(&state.keys.order_links, number))
    } else {
        path
    }
}

/// Whether the session (or a signed link's key) may see this order.
fn may_see(state: &AppState, session: &Session, order: &OrderRow, key: Option<&str>) -> bool {
    if session
        .user()
        .is_some_and(|user| order.user_id == Some(user.id))
    {
        return true;
    }
    let own_guest_order = order.user_id.is_none()
        && order.session_hash.is_some()
        && order.session_hash == session.id_hash();
    own_guest_order || key.is_some_and(|k| verify(&state.keys.order_links, &order.number, k))
}

/// The order, if the caller may see it; `NotFound` otherwise (no hint that it exists).
pub async fn find_visible(
    state: &AppState,
    session: &Session,
    number: &str,
    key: Option<&str>,
) -> Result<OrderRow, AppError> {
    let valid = number.len() <= 20 && number.bytes().all(|b| b.is_ascii_alphanumeric());
    if !valid {
        return Err(AppError::NotFound);
    }
    let order = orders::by_number(&state.pool, number)
        .await?
        .ok_or(AppError::NotFound)?;
    if may_see(state, session, &order, key) {
        Ok(order)
    } else {
        Err(AppError::NotFound)
    }
}

pub async fn list(state: &AppState, session: &Session) -> Result<Vec<OrderSummary>, AppError> {
    let user_id = session.user().map(|u| u.id);
    let hash = session.id_hash();
    if user_id.is_none() && hash.is_none() {
        return Ok(Vec::new());
    }
    let rows = orders::list(&state.pool, user_id, hash.as_deref()).await?;
    Ok(rows
        .into_iter()
        .map(|(order, items, parcels)| OrderSummary {
            number: order.number,
            status: order.status,
            placed_at: order.placed_at,
            total: Money::cny(order.total),
            item_count: items,
            shipment_count: parcels,
        })
        .collect())
}

pub async fn view(
    state: &AppState,
    session: &Session,
    order: OrderRow,
    lang: Lang,
) -> Result<OrderView, AppError> {
    let pool = &state.pool;
    let shipments = order_details::shipments(pool, order.id, lang.code()).await?;
    let lines = order_details::lines(pool, order.id).await?;
    let events = order_details::events(pool, order.id).await?;
    let mut invoices = crate::backend::db::invoices::of_order(pool, order.id).await?;
    let reviewed = match session.user() {
        Some(user) => crate::backend::reviews::reviewed_products(pool, user.id).await?,
        None => Vec::new(),
    };
    let pick = |pair: &(String, String)| match lang {
        Lang::En => pair.0.clone(),
        Lang::Zh => pair.1.clone(),
    };
    let signed_in_owner = session.user().is_some_and(|u| order.user_id == Some(u.id));
    let shipment_views = shipments
        .iter()
        .map(|s| ShipmentView {
            id: s.id,
            shop: s.shop_name.clone(),
            shop_slug: s.shop_slug.clone(),
            status: s.status,
            dispatch: s.dispatch,
            ships_from: s.ships_from.clone(),
            method: s.method,
            days: s.days,
            shipping: Money::cny(s.shipping),
            carrier: s.carrier.clone(),
            tracking: s.tracking.clone(),
            invoice: invoices
                .iter()
                .position(|(id, _)| *id == s.id)
                .map(|at| invoices.swap_remove(at).1),
            invoiceable: crate::backend::invoices::invoiceable(s.dispatch, s.status),
            lines: lines
                .iter()
                .filter(|l| l.shipment_id == s.id)
                .map(|l| OrderLineView {
                    product_slug: l.product_slug.clone(),
                    title: pick(&l.titles),
                    option: pick(&l.options),
                    quantity: l.quantity,
                    unit_price: Money::cny(l.unit_price),
                    tax: Money::cny(l.tax),
                    reviewable: signed_in_owner
                        && s.status == OrderStatus::Delivered
                        && !reviewed.contains(&l.product_id),
                })
                .collect(),
        })
        .collect();
    let timeline = events
        .iter()
        .map(|e| TimelineEntry {
            status: e.status,
            shop: e
                .shipment_id
                .and_then(|id| shipments.iter().find(|s| s.id == id))
                .map(|s| s.shop_name.clone()),
            actor: e.actor.clone(),
            note: e.note.clone(),
            at: e.at,
        })
        .collect();
    let now = now_seconds();
    let province = province_name(&order.province, lang).unwrap_or_default();
    Ok(OrderView {
        address_line: format!(
            "{province} {} {} {} {}",
            order.city, order.district, order.street, order.postcode
        ),
        payable: order.status == OrderStatus::Placed && order.expires_at > now,
        cancellable: order.status == OrderStatus::Placed,
        number: order.number,
        status: order.status,
        placed_at: order.placed_at,
        expires_at: order.expires_at,
        shipping_method: order.shipping_method,
        goods: Money::cny(order.goods),
        shipping: Money::cny(order.shipping),
        tax: Money::cny(order.tax),
        total: Money::cny(order.total),
        recipient: order.recipient,
        mobile_masked: mask_mobile(&order.mobile),
        buyer_name: order.buyer_name,
        id_number_masked: mask_id_number(&order.buyer_id_number),
        shipments: shipment_views,
        timeline,
    })
}

/// Cancels an unpaid order and returns its stock. `note` says why (`expired`, ...).
pub async fn cancel(
    state: &AppState,
    order_id: i64,
    actor: &Actor<'_>,
    note: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = write_transaction(&state.pool, state.engine).await?;
    if !orders::transition(
        &mut tx,
        order_id,
        &[OrderStatus::Placed],
        OrderStatus::Cancelled,
    )
    .await?
    {
        return Err(Problem::NotCancellable.into());
    }
    orders::transition_shipments(
        &mut tx,
        order_id,
        &[OrderStatus::Placed],
        OrderStatus::Cancelled,
    )
    .await?;
    orders::release_stock(&mut tx, order_id).await?;
    orders::record_event(&mut tx, order_id, None, OrderStatus::Cancelled, actor, note).await?;
    tx.commit().await?;
    Ok(())
}

/// Cancels unpaid orders whose payment window has closed; returns how many.
pub async fn expire_unpaid(state: &AppState) -> Result<usize, AppError> {
    let actor = Actor {
        kind: "system",
        user_id: None,
    };
    let mut expired = 0;
    for id in orders::expired_unpaid(&state.pool, now_seconds()).await? {
        match cancel(state, id, &actor, Some("expired")).await {
            Ok(()) => expired += 1,
            // Paid or cancelled in the meantime: nothing to do.
            Err(AppError::Invalid(Problem::NotCancellable)) => {}
            Err(error) => return Err(error),
        }
    }
    Ok(expired)
}

/// The order's status from its shipments: delivered when all are, shipped when all left.
async fn settle_order_status(tx: &mut orders::Tx, order_id: i64) -> Result<(), sqlx::Error> {
    let statuses = parcels::statuses(tx, order_id).await?;
    let live: Vec<&str> = statuses
        .iter()
        .map(String::as_str)
        .filter(|s| !matches!(*s, "cancelled" | "refunded"))
        .collect();
    let target = if !live.is_empty() && live.iter().all(|s| *s == "delivered") {
        OrderStatus::Delivered
    } else if !live.is_empty() && live.iter().all(|s| matches!(*s, "shipped" | "delivered")) {
        OrderStatus::Shipped
    } else {
        return Ok(());
    };
    let from = [OrderStatus::Paid, OrderStatus::Shipped];
    if orders::transition(tx, order_id, &from, target).await? {
        let actor = Actor {
            kind: "system",
            user_id: None,
        };
        orders::record_event(tx, order_id, None, target, &actor, None).await?;
    }
    Ok(())
}

/// Marks a paid shipment shipped with its carrier and tracking number.
pub async fn ship(
    state: &AppState,
    shipment_id: i64,
    carrier: &str,
    tracking: &str,
    actor: &Actor<'_>,
) -> Result<(), AppError> {
    let mut tx = write_transaction(&state.pool, state.engine).await?;
    let order_id = shipment_transition(
        &mut tx,
        shipment_id,
        OrderStatus::Paid,
        OrderStatus::Shipped,
    )
    .await?
    .ok_or(Problem::NotShipped)?;
    parcels::set_tracking(&mut tx, shipment_id, carrier, tracking).await?;
    let note = format!("{carrier} {tracking}");
    orders::record_event(
        &mut tx,
        order_id,
        Some(shipment_id),
        OrderStatus::Shipped,
        actor,
        Some(&note),
    )
    .await?;
    settle_order_status(&mut tx, order_id).await?;
    notify::parcel_shipped(&mut tx, state, shipment_id, carrier, tracking).await?;
    tx.commit().await?;
    Ok(())
}

/// The seller cancels one parcel that has not left (placed or paid), with the reason the
/// buyer will read; its stock returns. The order is cancelled when no parcel is left.
pub async fn cancel_shipment(
    state: &AppState,
    shipment_id: i64,
    actor: &Actor<'_>,
    reason: &str,
) -> Result<(), AppError> {
    let mut tx = write_transaction(&state.pool, state.engine).await?;
    let mut order_id = None;
    for from in [OrderStatus::Placed, OrderStatus::Paid] {
        order_id = shipment_transition(&mut tx, shipment_id, from, OrderStatus::Cancelled).await?;
        if order_id.is_some() {
            break;
        }
    }
    let order_id = order_id.ok_or(Problem::NotFulfillable)?;
    orders::release_shipment_stock(&mut tx, shipment_id).await?;
    orders::record_event(
        &mut tx,
        order_id,
        Some(shipment_id),
        OrderStatus::Cancelled,
        actor,
        Some(reason),
    )
    .await?;
    let live = parcels::live_count(&mut tx, order_id).await?;
    if live == 0 {
        let from = [OrderStatus::Placed, OrderStatus::Paid];
        if orders::transition(&mut tx, order_id, &from, OrderStatus::Cancelled).await? {
            orders::record_event(
                &mut tx,
                order_id,
                None,
                OrderStatus::Cancelled,
                actor,
                Some(reason),
            )
            .await?;
        }
    } else {
        settle_order_status(&mut tx, order_id).await?;
    }
    notify::parcel_cancelled(&mut tx, state, shipment_id, reason).await?;
    tx.commit().await?;
    Ok(())
}

/// The buyer confirms a shipped parcel arrived.
pub async fn confirm_delivery(
    state: &AppState,
    order: &OrderRow,
    shipment_id: i64,
    actor: &Actor<'_>,
) -> Result<(), AppError> {
    let mut tx = write_transaction(&state.pool, state.engine).await?;
    let order_id = shipment_transition(
        &mut tx,
        shipment_id,
        OrderStatus::Shipped,
        OrderStatus::Delivered,
    )
    .await?
    .filter(|id| *id == order.id)
    .ok_or(Problem::NotShipped)?;
    orders::record_event(
        &mut tx,
        order_id,
        Some(shipment_id),
        OrderStatus::Delivered,
        actor,
        None,
    )
    .await?;
    settle_order_status(&mut tx, order_id).await?;
    tx.commit().await?;
    Ok(())
}

/// Moves one shipment; returns its order when it was in `from`.
async fn shipment_transition(
    tx: &mut orders::Tx,
    shipment_id: i64,
    from: OrderStatus,
    to: OrderStatus,
) -> Result<Option<i64>, sqlx::Error> {
    parcels::transition(tx, shipment_id, from, to).await
}

/// The order's link by number (signed when it is a guest's order), as a path on this site.
pub async fn link_for_number(
    state: &AppState,
    lang: Lang,
    number: &str,
) -> Result<String, AppError> {
    let order = orders::by_number(&state.pool, number)
        .await?
        .ok_or(AppError::NotFound)?;
    let path = format!("/{}/orders/{number}", lang.code());
    Ok(if order.user_id.is_none() {
        format!("{path}?key={}", sign(&state.keys.order_links, number))
    } else {
        path
    })
}
