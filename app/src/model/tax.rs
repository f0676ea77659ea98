//! China's cross-border e-commerce retail import tax, as a shopper sees it on a product:
//! tariff 0 within the limits; import VAT (and consumption tax, none of our goods carry
//! it) at 70% of the statutory amount; 5,000 CNY per order and 26,000 CNY per person
//! per year.

use serde::{Deserialize, Serialize};

use super::Money;

/// Single-transaction limit, in fen.
pub const ORDER_LIMIT_FEN: i64 = 500_000;
/// Yearly limit per person, in fen.
pub const YEARLY_LIMIT_FEN: i64 = 2_600_000;

/// The VAT band of a category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TaxClass {
    /// Farm produce and food: 9% VAT.
    Food,
    /// Everything else: 13% VAT.
    General,
}

impl TaxClass {
    pub fn parse(code: &str) -> Option<TaxClass> {
        match code {
            "food" => Some(TaxClass::Food),
            "general" => Some(TaxClass::General),
            _ => None,
        }
    }

    /// Statutory VAT in basis points (1/100 of a percent).
    pub fn statutory_vat_bp(self) -> i64 {
        match self {
            TaxClass::Food => 900,
            TaxClass::General => 1300,
        }
    }

    /// What cross-border retail pays: 70% of the statutory rate.
    pub fn effective_vat_bp(self) -> i64 {
        self.statutory_vat_bp() * 7 / 10
    }
}

/// One line of the landed price, every amount in CNY.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LandedPrice {
    pub goods: Money,
    pub tariff: Money,
    pub import_vat: Money,
    pub consumption_tax: Money,
    pub total: Money,
    pub statutory_vat_bp: i64,
    pub effective_vat_bp: i64,
    /// The goods alone exceed the single-order limit.
    pub over_order_limit: bool,
}

/// `amount × bp / 10 000`, rounded half up to the fen.
fn apply_bp(amount: i64, bp: i64) -> i64 {
    (amount * bp + 5_000).div_euclid(10_000)
}

impl LandedPrice {
    pub fn of(unit_price_fen: i64, quantity: i64, class: TaxClass) -> LandedPrice {
        let goods = unit_price_fen.saturating_mul(quantity.max(0));
        let vat = apply_bp(goods, class.effective_vat_bp());
        LandedPrice {
            goods: Money::cny(goods),
            tariff: Money::cny(0),
            import_vat: Money::cny(vat),
            consumption_tax: Money::cny(0),
            total: Money::cny(goods + vat),
            statutory_vat_bp: class.statutory_vat_bp(),
            effective_vat_bp: class.effective_vat_bp(),
            over_order_limit: goods > ORDER_LIMIT_FEN,
        }
    }
}

impl LandedPrice {
    /// What a buyer pays for goods sold as `dispatch` says: a cross-border import is taxed
    /// at checkout ([`LandedPrice::of`]); a domestic sale has VAT in its price already, so
    /// nothing is added and no import limit applies.
    pub fn sold(
        unit_price_fen: i64,
        quantity: i64,
        class: TaxClass,
        dispatch: super::Dispatch,
    ) -> LandedPrice {
        if dispatch.is_cross_border() {
            return LandedPrice::of(unit_price_fen, quantity, class);
        }
        let goods = Money::cny(unit_price_fen.saturating_mul(quantity.max(0)));
        LandedPrice {
            goods,
            tariff: Money::cny(0),
            import_vat: Money::cny(0),
            consumption_tax: Money::cny(0),
            total: goods,
            statutory_vat_bp: class.statutory_vat_bp(),
            effective_vat_bp: 0,
            over_order_limit: false,
        }
    }
}

/// `9.1%` from 910 basis points.
pub fn percent(bp: i64) -> String {
    let whole = bp / 100;
    let rest = bp % 100;
    match rest {
        0 => format!("{whole}%"),
        r if r % 10 == 0 => format!("{whole}.{}%", r / 10),
        r => format!("{whole}.{r:02}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_domestic_sale_adds_no_tax_and_knows_no_limit() {
        use crate::model::Dispatch;
        let domestic = LandedPrice::sold(600_000, 1, TaxClass::General, Dispatch::Domestic);
        assert_eq!(domestic.total, Money::cny(600_000));
        assert_eq!(domestic.import_vat, Money::cny(0));
        assert!(!domestic.over_order_limit);
        let bonded = LandedPrice::sold(600_000, 1, TaxClass::General, Dispatch::Bonded);
        assert_eq!(bonded, LandedPrice::of(600_000, 1, TaxClass::General));
        assert!(bonded.over_order_limit);
    }

    #[test]
    fn general_goods_pay_seventy_percent_of_thirteen_percent_vat() {
        let landed = LandedPrice::of(10_000, 1, TaxClass::General);
        assert_eq!(landed.effective_vat_bp, 910);
        assert_eq!(landed.import_vat, Money::cny(910));
        assert_eq!(landed.tariff, Money::cny(0));
        assert_eq!(landed.total, Money::cny(10_910));
    }

    #[test]
    fn food_pays_seventy_percent_of_nine_percent_vat() {
        let landed = LandedPrice::of(16_800, 1, TaxClass::Food);
        assert_eq!(landed.effective_vat_bp, 630);
        // 168.00 × 6.3% = 10.584 → 10.58
        assert_eq!(landed.import_vat, Money::cny(1_058));
        assert_eq!(landed.total, Money::cny(17_858));
    }

    #[test]
    fn tax_is_rounded_half_up_to_the_fen() {
        // 0.50 × 9.1% = 0.0455 → 0.05
        assert_eq!(
            LandedPrice::of(50, 1, TaxClass::General).import_vat,
            Money::cny(5)
        );
        // 0.10 × 6.3% = 0.0063 → 0.01
        assert_eq!(
            LandedPrice::of(10, 1, TaxClass::Food).import_vat,
            Money::cny(1)
        );
        assert_eq!(
            LandedPrice::of(7, 1, TaxClass::Food).import_vat,
            Money::cny(0)
        );
    }

    #[test]
    fn the_single_order_limit_is_five_thousand_yuan() {
        assert!(!LandedPrice::of(250_000, 2, TaxClass::General).over_order_limit);
        assert!(LandedPrice::of(250_001, 2, TaxClass::General).over_order_limit);
        assert_eq!(YEARLY_LIMIT_FEN, 26_000 * 100);
    }

    #[test]
    fn percentages_read_naturally() {
        assert_eq!(percent(910), "9.1%");
        assert_eq!(percent(630), "6.3%");
        assert_eq!(percent(1300), "13%");
        assert_eq!(percent(1234), "12.34%");
    }

    #[test]
    fn a_negative_quantity_costs_nothing() {
        assert_eq!(
            LandedPrice::of(10_000, -3, TaxClass::General).total,
            Money::cny(0)
        );
    }
}
