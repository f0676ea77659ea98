//! The cart as pages show it: every line re-checked against the catalogue's current price
//! and stock each time it is read.

use serde::{Deserialize, Serialize};

use crate::error::Problem;
use crate::model::Money;

/// Most of one variant a line may hold.
pub const QUANTITY_MAX: i64 = 99;

/// A line quantity between 1 and `QUANTITY_MAX`.
pub fn parse_quantity(quantity: i64) -> Result<i64, Problem> {
    if (1..=QUANTITY_MAX).contains(&quantity) {
        Ok(quantity)
    } else {
        Err(Problem::Quantity)
    }
}

/// Why a line cannot be bought as it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineIssue {
    /// The product was taken off sale.
    Unavailable,
    SoldOut,
    /// Fewer left than the line asks for.
    OnlyLeft(i64),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLine {
    pub sku: String,
    pub product_slug: String,
    pub title: String,
    pub option: String,
    pub shop: String,
    pub unit_price: Money,
    /// The unit price when the line was added, when it has changed since.
    pub was: Option<Money>,
    pub quantity: i64,
    pub line_total: Money,
    pub issue: Option<LineIssue>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartView {
    pub lines: Vec<CartLine>,
    /// Goods that can be bought now (lines without an issue).
    pub goods: Money,
    pub item_count: i64,
    /// Whether some goods cross the border (taxed at checkout); goods in stock in China
    /// have VAT in their price.
    pub cross_border: bool,
}

impl CartView {
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    pub fn has_issues(&self) -> bool {
        self.lines.iter().any(|line| line.issue.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quantity_must_be_between_one_and_ninety_nine() {
        assert_eq!(parse_quantity(1), Ok(1));
        assert_eq!(parse_quantity(99), Ok(99));
        for bad in [0, -1, 100, i64::MAX, i64::MIN] {
            assert_eq!(parse_quantity(bad), Err(Problem::Quantity), "{bad}");
        }
    }
}
