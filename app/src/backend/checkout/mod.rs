//! Checkout: prices a cart on the server (the quote), then places the order (`place`) in one
//! transaction that reserves the stock, so two buyers never get the same last unit.

mod numbers;
mod place;

pub use numbers::OrderNumbers;
pub use place::place_order;

use sha2::{Digest, Sha256};
use std::collections::HashMap;

use crate::backend::AppState;
use crate::backend::cart::issue;
use crate::backend::crypto::random_token;
use crate::backend::db::carts::{self, CartOwner, LineRow};
use crate::error::{AppError, Problem};
use crate::model::address::province_name;
use crate::model::order::{MethodOption, Quote, QuoteLine, ShipmentQuote, ShippingMethod};
use crate::model::tax::ORDER_LIMIT_FEN;
use crate::model::{Dispatch, LandedPrice, Lang, Money, Zone};

/// How long an unpaid order holds its stock.
pub const PAYMENT_WINDOW_SECONDS: i64 = 30 * 60;

/// A shipping price list: the first weight step, and each step after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate {
    pub first_g: i64,
    pub first_fee: i64,
    pub step_g: i64,
    pub step_fee: i64,
    pub days: (i64, i64),
}

impl Rate {
    pub fn price(&self, weight_g: i64) -> i64 {
        let beyond = (weight_g - self.first_g).max(0);
        self.first_fee + self.step_fee * ((beyond + self.step_g - 1) / self.step_g.max(1))
    }
}

/// Every rate in `shipping_rates`: by method, and for parcels inside China by zone.
pub struct Rates(HashMap<(ShippingMethod, &'static str), Rate>);

impl Rates {
    pub async fn load(pool: &sqlx::AnyPool) -> Result<Rates, AppError> {
        let mut rates = HashMap::new();
        for row in crate::backend::db::shipping::rates(pool).await? {
            let method = ShippingMethod::parse(&row.method);
            let zone = ["all", "local", "standard", "remote"]
                .into_iter()
                .find(|z| *z == row.zone);
            if let (Ok(method), Some(zone)) = (method, zone) {
                let rate = Rate {
                    first_g: row.first_g,
                    first_fee: row.first_fee,
                    step_g: row.step_g,
                    step_fee: row.step_fee,
                    days: (row.days_min, row.days_max),
                };
                rates.insert((method, zone), rate);
            }
        }
        Ok(Rates(rates))
    }

    /// The rate of a parcel going by `method` from `from` to `to` (province codes; a
    /// parcel from Pakistan has one rate wherever it goes). Until the buyer's province is
    /// known, a parcel inside China is priced for most of the country.
    pub fn of(
        &self,
        method: ShippingMethod,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<Rate, Problem> {
        let zone = match method {
            ShippingMethod::Air | ShippingMethod::Land => "all",
            ShippingMethod::Courier | ShippingMethod::Bonded => match (from, to) {
                (Some(from), Some(to)) => Zone::of_trip(from, to).code(),
                _ => Zone::Standard.code(),
            },
        };
        self.0
            .get(&(method, zone))
            .copied()
            .ok_or(Problem::ShippingMethod)
    }
}

/// One shop's parcel, priced: how it travels, and each line with its tax.
pub struct Parcel<'a> {
    pub shop_id: i64,
    pub dispatch: Dispatch,
    pub method: ShippingMethod,
    pub rate: Rate,
    pub weight_g: i64,
    pub shipping: i64,
    pub lines: Vec<(&'a LineRow, i64)>,
}

impl Parcel<'_> {
    pub fn goods(&self) -> i64 {
        self.lines.iter().map(|(l, _)| l.price * l.quantity).sum()
    }
}

/// A cart priced line by line (tax per line) and parcel by parcel (one per shop).
pub struct Priced<'a> {
    pub parcels: Vec<Parcel<'a>>,
    pub goods: i64,
    pub shipping: i64,
    pub tax: i64,
    /// The goods of the cross-border parcels: what the import limits count.
    pub cross_border_goods: i64,
}

impl Priced<'_> {
    pub fn total(&self) -> i64 {
        self.goods + self.shipping + self.tax
    }

    /// Whether some parcel is a cross-border import.
    pub fn cross_border(&self) -> bool {
        self.parcels.iter().any(|p| p.dispatch.is_cross_border())
    }
}

/// Prices lines from the database's current prices; nothing from the client is used.
/// `chosen` is the method for parcels from Pakistan, `province` the buyer's (if known).
pub fn price<'a>(
    lines: &'a [LineRow],
    rates: &Rates,
    chosen: ShippingMethod,
    province: Option<&str>,
) -> Result<Priced<'a>, Problem> {
    let mut parcels: Vec<Parcel> = Vec::new();
    for line in lines {
        let tax = LandedPrice::sold(line.price, line.quantity, line.tax_class, line.dispatch)
            .import_vat
            .minor;
        match parcels.iter_mut().find(|p| p.shop_id == line.shop_id) {
            Some(parcel) => parcel.lines.push((line, tax)),
            None => {
                let method = ShippingMethod::for_parcel(line.dispatch, chosen);
                let from = line.ships_from_province.as_deref();
                parcels.push(Parcel {
                    shop_id: line.shop_id,
                    dispatch: line.dispatch,
                    method,
                    rate: rates.of(method, from, province)?,
                    weight_g: 0,
                    shipping: 0,
                    lines: vec![(line, tax)],
                })
            }
        }
    }
    for parcel in &mut parcels {
        parcel.weight_g = parcel
            .lines
            .iter()
            .map(|(l, _)| l.weight_g * l.quantity)
            .sum();
        parcel.shipping = parcel.rate.price(parcel.weight_g);
    }
    let goods = lines.iter().map(|l| l.price * l.quantity).sum();
    let tax = parcels.iter().flat_map(|p| &p.lines).map(|(_, t)| t).sum();
    let shipping = parcels.iter().map(|p| p.shipping).sum();
    let cross_border_goods = parcels
        .iter()
        .filter(|p| p.dispatch.is_cross_border())
        .map(Parcel::goods)
        .sum();
    Ok(Priced {
        parcels,
        goods,
        shipping,
        tax,
        cross_border_goods,
    })
}

/// The summary the checkout page shows: every parcel priced, with the price of each
/// method for the parcels from Pakistan. `province` prices the parcels from inside China.
pub async fn quote(
    state: &AppState,
    owner: Option<&CartOwner>,
    signed_in: bool,
    province: Option<&str>,
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
    let province = province.filter(|p| province_name(p, lang).is_some());
    let rates = Rates::load(pool).await?;
    let priced = price(&lines, &rates, ShippingMethod::Air, province)?;
    let mut options = Vec::new();
    if priced
        .parcels
        .iter()
        .any(|p| p.dispatch == Dispatch::CrossBorder)
    {
        for method in ShippingMethod::ACROSS_THE_BORDER {
            let priced = price(&lines, &rates, method, province)?;
            let days = rates.of(method, None, None)?.days;
            options.push(MethodOption {
                method,
                shipping: Money::cny(priced.shipping),
                days,
                total: Money::cny(priced.total()),
            });
        }
    }
    let shipments = priced
        .parcels
        .iter()
        .map(|parcel| ShipmentQuote {
            shop: parcel.lines[0].0.shop.clone(),
            weight_g: parcel.weight_g,
            dispatch: parcel.dispatch,
            ships_from: parcel.lines[0].0.ships_from_name.clone(),
            method: parcel.method,
            shipping: Money::cny(parcel.shipping),
            days: parcel.rate.days,
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
        total: Money::cny(priced.total()),
        cross_border: priced.cross_border(),
        over_order_limit: priced.cross_border_goods > ORDER_LIMIT_FEN,
        province: province.map(str::to_owned),
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
            dispatch: Dispatch::CrossBorder,
            ships_from: 1,
            ships_from_name: "Sialkot".into(),
            ships_from_province: None,
        }
    }

    /// A line from an importer's stock in Yiwu (Zhejiang).
    fn from_yiwu(
        variant_id: i64,
        shop_id: i64,
        price: i64,
        quantity: i64,
        weight_g: i64,
    ) -> LineRow {
        LineRow {
            dispatch: Dispatch::Domestic,
            ships_from_name: "Yiwu".into(),
            ships_from_province: Some("ZJ".into()),
            ..line(variant_id, shop_id, price, quantity, weight_g)
        }
    }

    const AIR: Rate = Rate {
        first_g: 500,
        first_fee: 3800,
        step_g: 500,
        step_fee: 1400,
        days: (5, 9),
    };

    fn rates() -> Rates {
        let rate = |first_fee, step_fee, days| Rate {
            first_g: 1000,
            first_fee,
            step_g: 1000,
            step_fee,
            days,
        };
        Rates(HashMap::from([
            ((ShippingMethod::Air, "all"), AIR),
            (
                (ShippingMethod::Land, "all"),
                Rate {
                    first_fee: 2200,
                    step_fee: 500,
                    days: (12, 20),
                    ..AIR
                },
            ),
            ((ShippingMethod::Courier, "local"), rate(800, 200, (1, 2))),
            (
                (ShippingMethod::Courier, "standard"),
                rate(1200, 500, (2, 4)),
            ),
            (
                (ShippingMethod::Courier, "remote"),
                rate(2000, 1500, (4, 7)),
            ),
        ]))
    }

    #[test]
    fn shipping_is_charged_per_started_step_after_the_first() {
        assert_eq!(AIR.price(1), 3800);
        assert_eq!(AIR.price(500), 3800);
        assert_eq!(AIR.price(501), 5200);
        assert_eq!(AIR.price(5150), 3800 + 10 * 1400);
        let courier = rates()
            .of(ShippingMethod::Courier, Some("ZJ"), Some("SH"))
            .expect("rate");
        assert_eq!(courier.price(1000), 1200);
        assert_eq!(courier.price(1001), 1700);
        assert_eq!(courier.price(3200), 1200 + 3 * 500);
    }

    #[test]
    fn a_courier_parcel_is_priced_by_the_zone_of_its_trip() {
        let rates = rates();
        let fee = |to| {
            rates
                .of(ShippingMethod::Courier, Some("ZJ"), to)
                .expect("rate")
                .price(2500)
        };
        assert_eq!(fee(Some("ZJ")), 800 + 2 * 200, "within Zhejiang");
        assert_eq!(fee(Some("SC")), 1200 + 2 * 500, "to Sichuan");
        assert_eq!(fee(Some("XJ")), 2000 + 2 * 1500, "to Xinjiang");
        assert_eq!(
            fee(None),
            fee(Some("SC")),
            "most of the country until the province is known"
        );
        assert_eq!(
            rates
                .of(ShippingMethod::Land, Some("ZJ"), Some("XJ"))
                .expect("rate")
                .price(2500),
            rates
                .of(ShippingMethod::Land, None, None)
                .expect("rate")
                .price(2500),
            "one rate from Pakistan wherever it goes"
        );
    }

    #[test]
    fn a_cart_from_two_shops_makes_two_parcels_with_tax_per_line() {
        let lines = [
            line(1, 10, 11_900, 1, 5150),
            line(2, 20, 4_500, 2, 300),
            line(3, 10, 2_990, 1, 1050),
        ];
        let priced = price(&lines, &rates(), ShippingMethod::Air, None).expect("priced");
        assert_eq!(priced.parcels.len(), 2);
        assert_eq!(priced.parcels[0].weight_g, 6200);
        assert_eq!(priced.goods, 11_900 + 9_000 + 2_990);
        // food: 6.3% per line, rounded half up
        assert_eq!(priced.tax, 750 + 567 + 188);
        assert_eq!(priced.shipping, AIR.price(6200) + AIR.price(600));
        assert_eq!(priced.total(), priced.goods + priced.tax + priced.shipping);
        assert_eq!(priced.cross_border_goods, priced.goods);
    }

    #[test]
    fn a_mixed_cart_taxes_and_counts_only_its_cross_border_parcel() {
        let lines = [
            line(1, 10, 11_900, 1, 5150),
            from_yiwu(2, 20, 260_000, 2, 2400),
        ];
        let priced = price(&lines, &rates(), ShippingMethod::Land, Some("SH")).expect("priced");
        assert!(priced.cross_border());
        let [sialkot, yiwu] = &priced.parcels[..] else {
            panic!("two parcels")
        };
        assert_eq!(sialkot.method, ShippingMethod::Land);
        assert_eq!(yiwu.method, ShippingMethod::Courier);
        assert_eq!(yiwu.shipping, 1200 + 4 * 500, "4.8 kg to Shanghai");
        assert_eq!(yiwu.lines[0].1, 0, "VAT is in a domestic price");
        assert_eq!(priced.tax, 750);
        assert_eq!(priced.goods, 11_900 + 520_000);
        assert_eq!(
            priced.cross_border_goods, 11_900,
            "the limits count Sialkot's parcel only"
        );

        let domestic_only = [from_yiwu(2, 20, 260_000, 1, 2400)];
        let priced =
            price(&domestic_only, &rates(), ShippingMethod::Air, Some("ZJ")).expect("priced");
        assert!(!priced.cross_border());
        assert_eq!((priced.tax, priced.cross_border_goods), (0, 0));
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
