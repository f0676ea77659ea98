//! What the operator's console shows: the dashboard, the queues it works through and the
//! audit log. Times are Unix seconds; money is in fen.

use serde::{Deserialize, Serialize};

use crate::model::account::Role;
use crate::model::money::parse_decimal;
use crate::model::order::OrderStatus;

/// Today's figures (China time) and what waits for a decision.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminDashboard {
    pub orders_today: i64,
    pub revenue_today_fen: i64,
    pub pending_applications: i64,
    pub pending_listings: i64,
    /// Payments that arrived for cancelled orders and must be paid back.
    pub refunds_due: i64,
    pub suspended_shops: i64,
}

/// A document of an application, as the applicant and the console list it.
pub use crate::model::seller::DocumentView as ApplicationDocument;

/// A seller application, with the shop it opened once approved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminApplication {
    pub id: i64,
    pub status: String,
    pub kind: String,
    pub legal_name: String,
    pub shop_name: String,
    pub registration_number: String,
    pub city: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub email: String,
    pub categories: String,
    pub reason: Option<String>,
    pub created_at: i64,
    pub documents: Vec<ApplicationDocument>,
    pub shop: Option<AdminShop>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminShop {
    pub id: i64,
    pub slug: String,
    pub suspended: bool,
    pub suspended_reason: Option<String>,
}

/// Where a listing stands in moderation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ListingState {
    /// Submitted by the seller, waiting for a decision.
    Waiting,
    /// On sale.
    Published,
    /// Taken down or never published.
    Hidden,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminListing {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub shop: String,
    pub state: ListingState,
    pub note: Option<String>,
    pub updated_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminUser {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub locked: bool,
    pub must_reset: bool,
    pub created_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminOrder {
    pub id: i64,
    pub number: String,
    pub email: String,
    pub status: OrderStatus,
    pub total_fen: i64,
    pub placed_at: i64,
    /// A payment came in after the order was cancelled.
    pub refund_due: bool,
    pub refunded_fen: Option<i64>,
}

impl AdminOrder {
    /// Money was taken and has not been paid back.
    pub fn refundable(&self) -> bool {
        self.refunded_fen.is_none()
            && (matches!(
                self.status,
                OrderStatus::Paid | OrderStatus::Shipped | OrderStatus::Delivered
            ) || self.refund_due)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatedRate {
    pub currency: String,
    /// Units of the currency per 1 CNY, in millionths; for the commission, basis points.
    pub value: i64,
    pub set_on: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatesView {
    /// Newest first.
    pub exchange: Vec<DatedRate>,
    pub commission: Vec<DatedRate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminReview {
    pub id: i64,
    pub product_slug: String,
    pub product_title: String,
    pub author: String,
    pub rating: i64,
    pub body: String,
    pub hidden: bool,
    pub created_at: i64,
}

/// One privileged action, as the audit log keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub target: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub address: String,
}

/// How many rows a console list shows at most.
pub const PAGE_ROWS: i64 = 100;

/// Exchange rates are typed as decimals ("39.8125" PKR per CNY) and kept in millionths.
pub fn parse_rate(text: &str) -> Option<i64> {
    parse_decimal(text, 6, 6).filter(|&micros| micros > 0)
}

/// Millionths as a decimal with no trailing zeros: 39812500 → "39.8125".
pub fn rate_text(micros: i64) -> String {
    let whole = micros / 1_000_000;
    let fraction = micros % 1_000_000;
    if fraction == 0 {
        return whole.to_string();
    }
    let digits = format!("{fraction:06}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

/// Basis points as a percentage: 800 → "8%", 125 → "1.25%".
pub fn percent_text(basis_points: i64) -> String {
    let whole = basis_points / 100;
    let fraction = basis_points % 100;
    if fraction == 0 {
        format!("{whole}%")
    } else {
        format!(
            "{whole}.{}%",
            format!("{fraction:02}").trim_end_matches('0')
        )
    }
}

/// A percentage as typed ("8", "7.5") in basis points.
pub fn parse_percent(text: &str) -> Option<i64> {
    parse_decimal(text.trim().trim_end_matches('%'), 2, 2).filter(|&points| points <= 5_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_read_as_decimals_and_kept_in_millionths() {
        assert_eq!(parse_rate("39.8125"), Some(39_812_500));
        assert_eq!(parse_rate(" 0.1389 "), Some(138_900));
        assert_eq!(parse_rate("40"), Some(40_000_000));
        for bad in ["", "0", "-1", "1,5", "abc", "1.2345678", ".5", "1e3"] {
            assert_eq!(parse_rate(bad), None, "{bad:?}");
        }
        assert_eq!(rate_text(39_812_500), "39.8125");
        assert_eq!(rate_text(40_000_000), "40");
        assert_eq!(rate_text(138_900), "0.1389");
    }

    #[test]
    fn the_commission_is_typed_as_a_percentage() {
        assert_eq!(parse_percent("8"), Some(800));
        assert_eq!(parse_percent("7.5%"), Some(750));
        assert_eq!(parse_percent("0"), Some(0));
        assert_eq!(parse_percent("51"), None);
        assert_eq!(parse_percent("1.234"), None);
        assert_eq!(parse_percent("x"), None);
        assert_eq!(percent_text(800), "8%");
        assert_eq!(percent_text(750), "7.5%");
        assert_eq!(percent_text(125), "1.25%");
    }

    #[test]
    fn only_money_taken_and_not_returned_is_refundable() {
        let mut order = AdminOrder {
            id: 1,
            number: "P1".into(),
            email: "a@b.c".into(),
            status: OrderStatus::Paid,
            total_fen: 100,
            placed_at: 0,
            refund_due: false,
            refunded_fen: None,
        };
        assert!(order.refundable());
        order.status = OrderStatus::Placed;
        assert!(!order.refundable());
        order.status = OrderStatus::Cancelled;
        order.refund_due = true;
        assert!(order.refundable());
        order.refunded_fen = Some(100);
        assert!(!order.refundable());
    }
}
