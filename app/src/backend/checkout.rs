//! Checkout: prices a cart on the server, then places the order in one transaction that
//! reserves the stock, so two buyers never get the same last unit, and that is keyed by the
//! attempt's idempotency key, so a resubmitted form returns the same order.

use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::backend::AppState;
use crate::backend::cart::issue;
use crate::backend::crypto::random_token;
use crate::backend::db::carts::{self, CartOwner, LineRow};
use crate::backend::db::orders::{self, Actor, NewLine, NewOrder, OrderRow};
use crate::backend::db::{Engine, now_seconds};
use crate::backend::session::Session;
use crate::backend::{mail, payments};
use crate::error::{AppError, Problem};
use crate::model::account::Email;
use crate::model::address::{ResidentId, parse_buyer_name};
use crate::model::cart::LineIssue;
use crate::model::order::{
    CheckoutForm, MethodOption, OrderStatus, PlacedOrder, Quote, QuoteLine, ShipmentQuote,
    ShippingMethod, parse_idempotency_key,
};
use crate::model::tax::{ORDER_LIMIT_FEN, YEARLY_LIMIT_FEN};
use crate::model::{Currency, LandedPrice, Lang, Money};

/// How long an unpaid order holds its stock.
pub const PAYMENT_WINDOW_SECONDS: i64 = 30 * 60;

/// A shipping method's price list: per parcel, the first half kilo and each one after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate {
    pub first_half_kg: i64,
    pub extra_half_kg: i64,
    pub days: (i64, i64),
}

impl Rate {
    pub fn price(&self, weight_g: i64) -> i64 {
        let halves = ((weight_g.max(1) + 499) / 500).max(1);
        self.first_half_kg + self.extra_half_kg * (halves - 1)
    }
}

pub async fn rate(pool: &sqlx::AnyPool, method: ShippingMethod) -> Result<Rate, AppError> {
    let row = sqlx::query(
        "SELECT first_half_kg, extra_half_kg, days_min, days_max FROM shipping_rates \
         WHERE method = $1",
    )
    .bind(method.code())
    .fetch_optional(pool)
    .await?
    .ok_or(Problem::ShippingMethod)?;
    Ok(Rate {
        first_half_kg: row.try_get("first_half_kg")?,
        extra_half_kg: row.try_get("extra_half_kg")?,
        days: (row.try_get("days_min")?, row.try_get("days_max")?),
    })
}

/// One shop's parcel, priced.
pub struct Parcel<'a> {
    pub shop_id: i64,
    pub weight_g: i64,
    pub shipping: i64,
    pub lines: Vec<(&'a LineRow, i64)>,
}

/// A cart priced line by line (tax per line) and parcel by parcel (one per shop).
pub struct Priced<'a> {
    pub parcels: Vec<Parcel<'a>>,
    pub goods: i64,
    pub shipping: i64,
    pub tax: i64,
}

impl Priced<'_> {
    pub fn total(&self) -> i64 {
        self.goods + self.shipping + self.tax
    }
}

/// Prices lines from the database's current prices; nothing from the client is used.
pub fn price(lines: &[LineRow], rate: Rate) -> Priced<'_> {
    let mut parcels: Vec<Parcel> = Vec::new();
    for line in lines {
        let tax = LandedPrice::of(line.price, line.quantity, line.tax_class)
            .import_vat
            .minor;
        match parcels.iter_mut().find(|p| p.shop_id == line.shop_id) {
            Some(parcel) => parcel.lines.push((line, tax)),
            None => parcels.push(Parcel {
                shop_id: line.shop_id,
                weight_g: 0,
                shipping: 0,
                lines: vec![(line, tax)],
            }),
        }
    }
    for parcel in &mut parcels {
        parcel.weight_g = parcel
            .lines
            .iter()
            .map(|(l, _)| l.weight_g * l.quantity)
            .sum();
        parcel.shipping = rate.price(parcel.weight_g);
    }
    let goods = lines.iter().map(|l| l.price * l.quantity).sum();
    let tax = parcels.iter().flat_map(|p| &p.lines).map(|(_, t)| t).sum();
    let shipping = parcels.iter().map(|p| p.shipping).sum();
    Priced {
        parcels,
        goods,
        shipping,
        tax,
    }
}

/// The summary the checkout page shows, with the price of every shipping method.
pub async fn quote(
    state: &AppState,
    owner: Option<&CartOwner>,
    signed_in: bool,
    lang: Lang,
) -> Result<Quote, AppError> {
    let pool = &state.pool;
    let cart = match owner {
        Some(owner) => carts::find(pool, owner).await?,
        None => None,
    };
    let lines = match cart {
        Some(cart) => carts::lines(pool, cart, lang).await?,
        None => Vec::new(),
    };
    let lines: Vec<LineRow> = lines.into_iter().filter(|l| issue(l).is_none()).collect();
    if lines.is_empty() {
        return Err(Problem::CartEmpty.into());
    }
    let mut options = Vec::new();
    for method in ShippingMethod::ALL {
        let rate = rate(pool, method).await?;
        let priced = price(&lines, rate);
        options.push(MethodOption {
            method,
            shipping: Money::cny(priced.shipping),
            days: rate.days,
            total: Money::cny(priced.total()),
        });
    }
    let priced = price(&lines, rate(pool, ShippingMethod::Air).await?);
    let shipments = priced
        .parcels
        .iter()
        .map(|parcel| ShipmentQuote {
            shop: parcel.lines[0].0.shop.clone(),
            weight_g: parcel.weight_g,
            lines: parcel
                .lines
                .iter()
                .map(|(line, tax)| QuoteLine {
                    title: line.title.clone(),
                    option: line.option.clone(),
                    quantity: line.quantity,
                    unit_price: Money::cny(line.price),
                    tax: Money::cny(*tax),
                })
                .collect(),
        })
        .collect();
    Ok(Quote {
        shipments,
        goods: Money::cny(priced.goods),
        tax: Money::cny(priced.tax),
        options,
        over_order_limit: priced.goods > ORDER_LIMIT_FEN,
        needs_email: !signed_in,
        payment_available: state.payments.is_some(),
        attempt_key: random_token(18),
    })
}

/// What the cart held, in a stable form: the same lines give the same fingerprint.
pub fn fingerprint(lines: &[LineRow]) -> String {
    let mut items: Vec<(i64, i64)> = lines.iter().map(|l| (l.variant_id, l.quantity)).collect();
    items.sort_unstable();
    let text: Vec<String> = items.iter().map(|(v, q)| format!("{v}x{q}")).collect();
    hex::encode(Sha256::digest(text.join(",").as_bytes()))
}

/// The checked checkout form.
struct Checked {
    email: String,
    address: crate::model::address::Address,
    buyer_name: String,
    id_number: ResidentId,
    method: ShippingMethod,
    key: String,
}

fn check(form: &CheckoutForm, account_email: Option<&str>) -> Result<Checked, Problem> {
    let key = parse_idempotency_key(form.idempotency_key.trim())?.to_owned();
    let email = match account_email {
        Some(email) => email.to_owned(),
        None => Email::parse(&form.email)?.as_str().to_owned(),
    };
    let address = form.address.parse()?;
    let buyer_name = parse_buyer_name(&form.buyer_name)?;
    let id_number = ResidentId::parse(&form.id_number)?;
    let method = ShippingMethod::parse(form.shipping.trim())?;
    if form.accept_risk.as_deref().is_none_or(str::is_empty) {
        return Err(Problem::RiskNotAccepted);
    }
    Ok(Checked {
        email,
        address,
        buyer_name,
        id_number,
        method,
        key,
    })
}

/// A new order number: `PV` + date + six random characters (no 0/O, 1/I).
fn order_number(now: i64) -> String {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let date = time::OffsetDateTime::from_unix_timestamp(now)
        .map(|t| {
            format!(
                "{:02}{:02}{:02}",
                t.year() % 100,
                u8::from(t.month()),
                t.day()
            )
        })
        .unwrap_or_default();
    let suffix: String = random_token(8)
        .bytes()
        .take(6)
        .map(|b| ALPHABET[usize::from(b) % ALPHABET.len()] as char)
        .collect();
    format!("PV{date}{suffix}")
}

/// The first second of the calendar year (China time, UTC+8) that `now` falls in.
fn start_of_year(now: i64) -> i64 {
    let offset = time::UtcOffset::from_hms(8, 0, 0).unwrap_or(time::UtcOffset::UTC);
    time::OffsetDateTime::from_unix_timestamp(now)
        .map(|t| t.to_offset(offset))
        .ok()
        .and_then(|t| t.replace_ordinal(1).ok())
        .map(|t| t.replace_time(time::Time::MIDNIGHT).unix_timestamp())
        .unwrap_or(0)
}

/// Places the order for the session's cart and returns where to pay.
pub async fn place_order(
    state: &AppState,
    session: &Session,
    form: CheckoutForm,
    lang: Lang,
) -> Result<PlacedOrder, AppError> {
    if state.payments.is_none() {
        return Err(Problem::PaymentUnavailable.into());
    }
    let user = session.user();
    let checked = check(&form, user.as_ref().map(|u| u.email.as_str()))?;
    let owner = crate::backend::cart::owner(session).ok_or(Problem::CartEmpty)?;
    let session_hash = session.id_hash();
    let pool = &state.pool;
    let cart_id = carts::find(pool, &owner).await?.ok_or(Problem::CartEmpty)?;
    let rate = rate(pool, checked.method).await?;

    // Nothing below may take a second pool connection while the transaction holds one.
    let mut tx = match state.engine {
        // Take SQLite's write lock up front, so concurrent checkouts queue instead of failing.
        Engine::Sqlite => pool.begin_with("BEGIN IMMEDIATE").await?,
        Engine::Postgres => pool.begin().await?,
    };
    let lines = carts::lines(&mut *tx, cart_id, lang).await?;
    if let Some(existing) = orders::by_idempotency_key(&mut *tx, &checked.key).await? {
        tx.rollback().await?;
        return resume(state, &existing, &owner, &lines, lang).await;
    }
    if lines.is_empty() {
        return Err(Problem::CartEmpty.into());
    }
    if let Some(problem) = lines.iter().find_map(issue) {
        return Err(match problem {
            LineIssue::Unavailable => Problem::Unavailable,
            LineIssue::SoldOut | LineIssue::OnlyLeft(_) => Problem::OutOfStock,
        }
        .into());
    }
    let priced = price(&lines, rate);
    if priced.goods > ORDER_LIMIT_FEN {
        return Err(Problem::OrderLimit.into());
    }
    let now = now_seconds();
    let bought =
        orders::goods_bought_since(&mut tx, checked.id_number.as_str(), start_of_year(now)).await?;
    if bought + priced.goods > YEARLY_LIMIT_FEN {
        return Err(Problem::YearlyLimit.into());
    }
    for line in &lines {
        if !orders::reserve_stock(&mut tx, line.variant_id, line.quantity).await? {
            return Err(Problem::OutOfStock.into());
        }
    }
    let catalog = state.catalog.get();
    let rate_of = |currency: Currency| {
        catalog
            .rates
            .iter()
            .find(|r| r.currency == currency)
            .map(|r| r.per_cny_micros)
    };
    let number = order_number(now);
    let fingerprint = fingerprint(&lines);
    let new_order = NewOrder {
        number: &number,
        user_id: user.as_ref().map(|u| u.id),
        session_hash: session_hash.as_deref(),
        email: &checked.email,
        lang: lang.code(),
        idempotency_key: &checked.key,
        cart_fingerprint: &fingerprint,
        shipping_method: checked.method,
        goods: priced.goods,
        shipping: priced.shipping,
        tax: priced.tax,
        total: priced.total(),
        address: &checked.address,
        buyer_name: &checked.buyer_name,
        buyer_id_number: checked.id_number.as_str(),
        pkr_per_cny_micros: rate_of(Currency::Pkr),
        usd_per_cny_micros: rate_of(Currency::Usd),
        placed_at: now,
        expires_at: now + PAYMENT_WINDOW_SECONDS,
    };
    let Some(order_id) = orders::insert(&mut tx, &new_order).await? else {
        // Another submission with this key won the race: answer with its order.
        tx.rollback().await?;
        let existing = orders::by_idempotency_key(pool, &checked.key)
            .await?
            .ok_or_else(|| {
                AppError::internal("reading the order that won a race", "it is missing")
            })?;
        return resume(state, &existing, &owner, &[], lang).await;
    };
    write_parcels(&mut tx, order_id, &priced).await?;
    let actor = Actor {
        kind: "customer",
        user_id: user.as_ref().map(|u| u.id),
    };
    orders::record_event(&mut tx, order_id, None, OrderStatus::Placed, &actor, None).await?;
    carts::clear(&mut *tx, cart_id).await?;
    let link = crate::backend::orders::order_link(state, lang, &number, user.is_none());
    let total = Money::cny(priced.total()).to_string();
    mail::enqueue(
        &mut *tx,
        &mail::order_placed(&checked.email, lang, &number, &total, &link),
    )
    .await?;
    tx.commit().await?;
    tracing::info!(order.number = %number, order.total = priced.total(), "order placed");
    metrics::counter!("pavilion_orders_placed_total").increment(1);
    metrics::counter!("pavilion_order_value_fen_total").increment(priced.total().max(0) as u64);
    let pay_url = payments::start(state, order_id, &number, priced.total(), lang).await?;
    Ok(PlacedOrder { number, pay_url })
}

/// The shipments and lines of a new order.
async fn write_parcels(
    tx: &mut orders::Tx,
    order_id: i64,
    priced: &Priced<'_>,
) -> Result<(), AppError> {
    for parcel in &priced.parcels {
        let shipment_id = orders::insert_shipment(
            tx,
            order_id,
            parcel.shop_id,
            parcel.weight_g,
            parcel.shipping,
        )
        .await?;
        for (line, tax) in &parcel.lines {
            let texts = line_texts(tx, line.variant_id).await?;
            orders::insert_line(
                tx,
                &NewLine {
                    order_id,
                    shipment_id,
                    variant_id: line.variant_id,
                    product_id: line.product_id,
                    product_slug: &line.product_slug,
                    sku: &line.sku,
                    titles: (&texts.0, &texts.1),
                    options: (&texts.2, &texts.3),
                    unit_price: line.price,
                    quantity: line.quantity,
                    tax: *tax,
                },
            )
            .await?;
        }
    }
    Ok(())
}

/// A variant's title and option in English and Chinese, for the order's snapshot.
async fn line_texts(
    tx: &mut orders::Tx,
    variant_id: i64,
) -> Result<(String, String, String, String), sqlx::Error> {
    let rows = sqlx::query(
        "SELECT pt.locale, pt.title, vt.label FROM variants v \
         JOIN product_texts pt ON pt.product_id = v.product_id \
         JOIN variant_texts vt ON vt.variant_id = v.id AND vt.locale = pt.locale \
         WHERE v.id = $1",
    )
    .bind(variant_id)
    .fetch_all(&mut **tx)
    .await?;
    let mut texts = (String::new(), String::new(), String::new(), String::new());
    for row in rows {
        let locale: String = row.try_get("locale")?;
        let (title, label): (String, String) = (row.try_get("title")?, row.try_get("label")?);
        match locale.as_str() {
            "en" => (texts.0, texts.2) = (title, label),
            _ => (texts.1, texts.3) = (title, label),
        }
    }
    Ok(texts)
}

/// A resubmitted checkout: the same owner and the same cart (or the cart that order
/// consumed) get the existing order back; anything else is refused.
async fn resume(
    state: &AppState,
    existing: &OrderRow,
    owner: &CartOwner,
    lines: &[LineRow],
    lang: Lang,
) -> Result<PlacedOrder, AppError> {
    let same_owner = match owner {
        CartOwner::User(id) => existing.user_id == Some(*id),
        CartOwner::Guest(hash) => {
            existing.user_id.is_none() && existing.session_hash.as_deref() == Some(hash)
        }
    };
    let same_cart = lines.is_empty() || fingerprint(lines) == existing.cart_fingerprint;
    if !same_owner || !same_cart {
        return Err(Problem::IdempotencyConflict.into());
    }
    let pay_url = if existing.status == OrderStatus::Placed {
        payments::start(state, existing.id, &existing.number, existing.total, lang).await?
    } else {
        crate::backend::orders::link_for_number(state, lang, &existing.number).await?
    };
    Ok(PlacedOrder {
        number: existing.number.clone(),
        pay_url,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TaxClass;

    fn line(variant_id: i64, shop_id: i64, price: i64, quantity: i64, weight_g: i64) -> LineRow {
        LineRow {
            variant_id,
            product_id: variant_id,
            shop_id,
            sku: format!("SKU-{variant_id}"),
            product_slug: format!("p-{variant_id}"),
            title: "t".into(),
            option: "o".into(),
            shop: format!("shop {shop_id}"),
            quantity,
            price_seen: price,
            price,
            stock: 100,
            weight_g,
            tax_class: TaxClass::Food,
            published: true,
        }
    }

    const AIR: Rate = Rate {
        first_half_kg: 3800,
        extra_half_kg: 1400,
        days: (5, 9),
    };

    #[test]
    fn shipping_is_charged_per_started_half_kilo() {
        assert_eq!(AIR.price(1), 3800);
        assert_eq!(AIR.price(500), 3800);
        assert_eq!(AIR.price(501), 5200);
        assert_eq!(AIR.price(5150), 3800 + 10 * 1400);
    }

    #[test]
    fn a_cart_from_two_shops_makes_two_parcels_with_tax_per_line() {
        let lines = [
            line(1, 10, 11_900, 1, 5150),
            line(2, 20, 4_500, 2, 300),
            line(3, 10, 2_990, 1, 1050),
        ];
        let priced = price(&lines, AIR);
        assert_eq!(priced.parcels.len(), 2);
        assert_eq!(priced.parcels[0].weight_g, 6200);
        assert_eq!(priced.goods, 11_900 + 9_000 + 2_990);
        // food: 6.3% per line, rounded half up
        assert_eq!(priced.tax, 750 + 567 + 188);
        assert_eq!(priced.shipping, AIR.price(6200) + AIR.price(600));
        assert_eq!(priced.total(), priced.goods + priced.tax + priced.shipping);
    }

    #[test]
    fn the_fingerprint_ignores_line_order_but_not_quantities() {
        let a = [line(1, 1, 100, 1, 10), line(2, 1, 100, 2, 10)];
        let b = [line(2, 1, 100, 2, 10), line(1, 1, 100, 1, 10)];
        let c = [line(2, 1, 100, 3, 10), line(1, 1, 100, 1, 10)];
        assert_eq!(fingerprint(&a), fingerprint(&b));
        assert_ne!(fingerprint(&a), fingerprint(&c));
    }

    #[test]
    fn order_numbers_carry_the_date_and_six_unambiguous_characters() {
        let number = order_number(1_796_000_000);
        assert!(number.starts_with("PV26"), "{number}");
        assert_eq!(number.len(), 2 + 6 + 6);
        assert!(!number[8..].contains(['0', 'O', '1', 'I']));
    }

    #[test]
    fn the_yearly_limit_counts_from_new_year_in_china() {
        // 2026-11-30 12:00 UTC → 2026-01-01 00:00 +08:00 = 2025-12-31 16:00 UTC
        assert_eq!(start_of_year(1_796_040_000), 1_767_196_800);
    }
}
