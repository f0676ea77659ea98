//! Placing an order: one transaction that locks the cart, reserves the stock in one global
//! order and writes the order, keyed by the attempt's idempotency key so a resubmitted form
//! returns the same order; a race lost in the database is tried again.

use super::{PAYMENT_WINDOW_SECONDS, Priced, Rates, fingerprint, price};
use crate::backend::AppState;
use crate::backend::cart::issue;
use crate::backend::db::carts::{self, CartOwner, LineRow};
use crate::backend::db::orders::{self, Actor, NewLine, NewOrder, NewShipment, OrderRow};
use crate::backend::db::{now_seconds, write_transaction};
use crate::backend::session::Session;
use crate::backend::{mail, payments};
use crate::error::{AppError, Problem};
use crate::model::account::Email;
use crate::model::address::{ResidentId, parse_buyer_name};
use crate::model::cart::LineIssue;
use crate::model::invoice::InvoiceRequest;
use crate::model::order::{
    CheckoutForm, OrderStatus, PlacedOrder, ShippingMethod, parse_idempotency_key,
};
use crate::model::tax::{ORDER_LIMIT_FEN, YEARLY_LIMIT_FEN};
use crate::model::{Currency, Dispatch, Lang, Money};

/// The checked checkout form. What customs needs, and the method for parcels from
/// Pakistan, are checked too, but only refuse the order when the cart holds such parcels
/// (which the transaction finds out).
struct Checked {
    email: String,
    address: crate::model::address::Address,
    key: String,
    customs: Result<Customs, Problem>,
    method: Result<ShippingMethod, Problem>,
    /// The invoice asked for the parcels from stock in China (refused only with some).
    invoice: Result<Option<InvoiceRequest>, Problem>,
}

/// The buyer as customs knows them, who also confirmed the cross-border notice.
struct Customs {
    buyer_name: String,
    id_number: ResidentId,
}

/// `today` is China's calendar day, `YYYYMMDD`.
fn check(
    form: &CheckoutForm,
    account_email: Option<&str>,
    today: &str,
) -> Result<Checked, Problem> {
    let key = parse_idempotency_key(form.idempotency_key.trim())?.to_owned();
    let email = match account_email {
        Some(email) => email.to_owned(),
        None => Email::parse(&form.email)?.as_str().to_owned(),
    };
    let address = form.address.parse()?;
    Ok(Checked {
        email,
        address,
        key,
        customs: customs(form, today),
        method: ShippingMethod::chosen(form.shipping.trim()),
        invoice: InvoiceRequest::from_form(
            &form.invoice_kind,
            &form.invoice_title,
            &form.invoice_tax_number,
        ),
    })
}

fn customs(form: &CheckoutForm, today: &str) -> Result<Customs, Problem> {
    let buyer_name = parse_buyer_name(&form.buyer_name)?;
    let id_number = ResidentId::parse(&form.id_number)?;
    id_number.check_age(today)?;
    // Only the box's own value is consent: not "off", "0" or anything else a client sends.
    if form.accept_risk.as_deref() != Some("on") {
        return Err(Problem::RiskNotAccepted);
    }
    Ok(Customs {
        buyer_name,
        id_number,
    })
}

/// How many times a checkout that lost a race in the database (a deadlock, a serialization
/// failure, an order number drawn twice) is tried again before the buyer hears of it.
const ATTEMPTS: u32 = 5;

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
    let today = crate::model::china_time::date(now_seconds()).replace('-', "");
    let checked = check(&form, user.as_ref().map(|u| u.email.as_str()), &today)?;
    let owner = crate::backend::cart::owner(session).ok_or(Problem::CartEmpty)?;
    let pool = &state.pool;
    let cart_id = carts::find(pool, &owner).await?.ok_or(Problem::CartEmpty)?;
    let rates = Rates::load(pool).await?;
    let order = Checkout {
        session,
        checked: &checked,
        owner: &owner,
        cart_id,
        rates: &rates,
        lang,
    };
    let mut attempt = 1;
    loop {
        match order.attempt(state).await {
            Ok(placed) => return Ok(placed),
            Err(Attempt::Refused(error)) => return Err(error),
            Err(Attempt::Retry(why)) if attempt < ATTEMPTS => {
                tracing::warn!(attempt, why, "checkout tried again");
                attempt += 1;
            }
            Err(Attempt::Retry(why)) => return Err(AppError::internal("placing an order", why)),
        }
    }
}

/// Why one attempt at placing an order did not: a refusal the buyer reads, or a race lost
/// in the database that a new attempt wins.
enum Attempt {
    Refused(AppError),
    Retry(&'static str),
}

impl From<sqlx::Error> for Attempt {
    fn from(error: sqlx::Error) -> Self {
        if crate::backend::db::is_retryable(&error) {
            Attempt::Retry("a deadlock or a serialization failure")
        } else {
            Attempt::Refused(error.into())
        }
    }
}

impl From<AppError> for Attempt {
    fn from(error: AppError) -> Self {
        Attempt::Refused(error)
    }
}

impl From<Problem> for Attempt {
    fn from(problem: Problem) -> Self {
        Attempt::Refused(problem.into())
    }
}

/// A checked checkout form for one cart, placed by one or more attempts.
struct Checkout<'a> {
    session: &'a Session,
    checked: &'a Checked,
    owner: &'a CartOwner,
    cart_id: i64,
    rates: &'a Rates,
    lang: Lang,
}

impl Checkout<'_> {
    /// One transaction: the cart locked, its lines priced, the stock reserved in one global
    /// order (by variant), the order written and the cart emptied.
    async fn attempt(&self, state: &AppState) -> Result<PlacedOrder, Attempt> {
        let Checkout {
            session,
            checked,
            owner,
            cart_id,
            rates,
            lang,
        } = *self;
        let user = session.user();
        let session_hash = session.id_hash();
        let pool = &state.pool;
        // Nothing below may take a second pool connection while the transaction holds one.
        let mut tx = write_transaction(pool, state.engine).await?;
        // Two tabs checking out one cart at once: the second waits here, then finds it empty.
        carts::lock(&mut tx, state.engine, cart_id).await?;
        let lines = carts::lines(&mut *tx, cart_id, lang).await?;
        if let Some(existing) = orders::by_idempotency_key(&mut *tx, &checked.key).await? {
            tx.rollback().await?;
            return Ok(resume(state, &existing, owner, &lines, lang).await?);
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
        // Customs, the limits and the choice of method concern only the parcels that cross
        // the border (and the choice only those from Pakistan).
        let crossing = lines.iter().any(|l| l.dispatch.is_cross_border());
        let customs = match crossing {
            true => Some(checked.customs.as_ref().map_err(|problem| *problem)?),
            false => None,
        };
        let method = if lines.iter().any(|l| l.dispatch == Dispatch::CrossBorder) {
            checked.method?
        } else if crossing {
            ShippingMethod::Bonded
        } else {
            ShippingMethod::Courier
        };
        // An invoice is for goods sold from stock in China.
        let invoice = match lines.iter().any(|l| l.dispatch == Dispatch::Domestic) {
            true => checked.invoice.clone()?,
            false => None,
        };
        let priced = price(&lines, rates, method, Some(&checked.address.province))?;
        if priced.cross_border_goods > ORDER_LIMIT_FEN {
            return Err(Problem::OrderLimit.into());
        }
        let now = now_seconds();
        if let Some(customs) = customs {
            let since = crate::model::china_time::year_start(now);
            let bought =
                orders::goods_bought_since(&mut tx, customs.id_number.as_str(), since).await?;
            if bought + priced.cross_border_goods > YEARLY_LIMIT_FEN {
                return Err(Problem::YearlyLimit.into());
            }
        }
        // Stock rows are locked in one global order, by variant, so two carts holding the same
        // variants in opposite orders never wait for each other.
        let mut reserving: Vec<&LineRow> = lines.iter().collect();
        reserving.sort_by_key(|line| line.variant_id);
        for line in reserving {
            if !orders::reserve_stock(&mut tx, line.variant_id, line.quantity).await? {
                return Err(Problem::OutOfStock.into());
            }
        }
        let catalogue = state.catalogue.get();
        let rate_of = |currency: Currency| {
            catalogue
                .rates
                .iter()
                .find(|r| r.currency == currency)
                .map(|r| r.per_cny_micros)
        };
        let number = state.order_numbers.next(now);
        let fingerprint = fingerprint(&lines);
        let new_order = NewOrder {
            number: &number,
            user_id: user.as_ref().map(|u| u.id),
            session_hash: session_hash.as_deref(),
            email: &checked.email,
            lang: lang.code(),
            idempotency_key: &checked.key,
            cart_fingerprint: &fingerprint,
            shipping_method: method,
            goods: priced.goods,
            cross_border_goods: priced.cross_border_goods,
            shipping: priced.shipping,
            tax: priced.tax,
            total: priced.total(),
            address: &checked.address,
            buyer_name: customs.map_or("", |c| c.buyer_name.as_str()),
            buyer_id_number: customs.map_or("", |c| c.id_number.as_str()),
            pkr_per_cny_micros: rate_of(Currency::Pkr),
            usd_per_cny_micros: rate_of(Currency::Usd),
            placed_at: now,
            expires_at: now + PAYMENT_WINDOW_SECONDS,
        };
        let Some(order_id) = orders::insert(&mut tx, &new_order).await? else {
            tx.rollback().await?;
            // Another submission with this key won the race: answer with its order. Without
            // one, the order number was drawn twice: try again with another.
            return match orders::by_idempotency_key(pool, &checked.key).await? {
                Some(existing) => Ok(resume(state, &existing, owner, &[], lang).await?),
                None => Err(Attempt::Retry("the order number was taken")),
            };
        };
        write_parcels(&mut tx, order_id, &priced, invoice.as_ref(), now).await?;
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
}

/// The shipments and lines of a new order.
async fn write_parcels(
    tx: &mut orders::Tx,
    order_id: i64,
    priced: &Priced<'_>,
    invoice: Option<&InvoiceRequest>,
    now: i64,
) -> Result<(), AppError> {
    for parcel in &priced.parcels {
        let shipment_id = orders::insert_shipment(
            tx,
            &NewShipment {
                order_id,
                shop_id: parcel.shop_id,
                dispatch: parcel.dispatch,
                method: parcel.method,
                ships_from: parcel.lines[0].0.ships_from,
                days: parcel.rate.days,
                weight_g: parcel.weight_g,
                shipping: parcel.shipping,
            },
        )
        .await?;
        if let Some(invoice) = invoice.filter(|_| parcel.dispatch == Dispatch::Domestic) {
            crate::backend::db::invoices::request(&mut **tx, shipment_id, invoice, now).await?;
        }
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
    let mut texts = (String::new(), String::new(), String::new(), String::new());
    for (locale, title, label) in
        crate::backend::db::variants::variant_texts(tx, variant_id).await?
    {
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
