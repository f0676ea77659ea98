//! Checkout: prices a cart on the server (the quote), then places the order (`place`) in one
//! transaction that reserves the stock, so two buyers never get the same last unit.

mod numbers;
mod place;

pub use numbers::OrderNumbers;
pub use place::place_order;

use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::backend::AppState;
use crate::backend::cart::issue;
use crate::backend::crypto::random_token;
use crate::backend::db::carts::{self, CartOwner, LineRow};
use crate::error::{AppError, Problem};
use crate::model::order::{MethodOption, Quote, QuoteLine, ShipmentQuote, ShippingMethod};
use crate::model::tax::ORDER_LIMIT_FEN;
use crate::model::{LandedPrice, Lang, Money};

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
}
