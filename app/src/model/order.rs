//! Checkout input, quotes and orders as pages show them. Every amount here was computed by
//! the server; the browser only displays it.

use serde::{Deserialize, Serialize};

use crate::error::Problem;
use crate::model::Money;
use crate::model::address::AddressForm;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrderStatus {
    Placed,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
    Refunded,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 6] = [
        OrderStatus::Placed,
        OrderStatus::Paid,
        OrderStatus::Shipped,
        OrderStatus::Delivered,
        OrderStatus::Cancelled,
        OrderStatus::Refunded,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrderStatus::Placed => "placed",
            OrderStatus::Paid => "paid",
            OrderStatus::Shipped => "shipped",
            OrderStatus::Delivered => "delivered",
            OrderStatus::Cancelled => "cancelled",
            OrderStatus::Refunded => "refunded",
        }
    }

    pub fn parse(code: &str) -> Option<OrderStatus> {
        OrderStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// How goods travel from Pakistan: by air, or overland through the Khunjerab Pass.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ShippingMethod {
    #[default]
    Air,
    Land,
}

impl ShippingMethod {
    pub const ALL: [ShippingMethod; 2] = [ShippingMethod::Air, ShippingMethod::Land];

    pub fn code(self) -> &'static str {
        match self {
            ShippingMethod::Air => "air",
            ShippingMethod::Land => "land",
        }
    }

    pub fn parse(code: &str) -> Result<ShippingMethod, Problem> {
        match code {
            "air" => Ok(ShippingMethod::Air),
            "land" => Ok(ShippingMethod::Land),
            _ => Err(Problem::ShippingMethod),
        }
    }
}

/// What the checkout form sends. Prices and totals are deliberately absent: the server
/// computes them from the cart.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckoutForm {
    /// Only asked of guests; a signed-in buyer's account email is used.
    #[serde(default)]
    pub email: String,
    pub address: AddressForm,
    pub buyer_name: String,
    pub id_number: String,
    pub shipping: String,
    /// The cross-border risk notice checkbox (`on` when ticked).
    #[serde(default)]
    pub accept_risk: Option<String>,
    /// One per checkout attempt: resubmitting it returns the same order.
    pub idempotency_key: String,
}

/// An idempotency key: 16 to 64 characters of `[A-Za-z0-9_-]`.
pub fn parse_idempotency_key(key: &str) -> Result<&str, Problem> {
    let ok = (16..=64).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(key)
    } else {
        Err(Problem::IdempotencyConflict)
    }
}

/// One shop's parcel in a quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentQuote {
    pub shop: String,
    pub weight_g: i64,
    pub lines: Vec<QuoteLine>,
}

/// What a shipping method costs for this cart, and what the order then totals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodOption {
    pub method: ShippingMethod,
    pub shipping: Money,
    pub days: (i64, i64),
    pub total: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteLine {
    pub title: String,
    pub option: String,
    pub quantity: i64,
    pub unit_price: Money,
    pub tax: Money,
}

/// The checkout summary, before the order exists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub shipments: Vec<ShipmentQuote>,
    pub goods: Money,
    pub tax: Money,
    pub options: Vec<MethodOption>,
    pub over_order_limit: bool,
    /// Guests must enter an email; a signed-in buyer's account email is used.
    pub needs_email: bool,
    /// Whether the pavilion can take payment now; checkout refuses when it cannot.
    pub payment_available: bool,
    /// A fresh idempotency key for this checkout attempt.
    pub attempt_key: String,
}

/// What placing an order returns: where to pay.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacedOrder {
    pub number: String,
    pub pay_url: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderSummary {
    pub number: String,
    pub status: OrderStatus,
    pub placed_at: i64,
    pub total: Money,
    pub item_count: i64,
    pub shipment_count: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub status: OrderStatus,
    /// The shop whose shipment changed, or `None` for the whole order.
    pub shop: Option<String>,
    /// `customer`, `seller`, `admin`, `payment` or `system`.
    pub actor: String,
    pub note: Option<String>,
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLineView {
    pub product_slug: String,
    pub title: String,
    pub option: String,
    pub quantity: i64,
    pub unit_price: Money,
    pub tax: Money,
    /// Whether the buyer may review this product now (delivered, not yet reviewed).
    pub reviewable: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentView {
    pub id: i64,
    pub shop: String,
    pub shop_slug: String,
    pub status: OrderStatus,
    pub shipping: Money,
    pub carrier: Option<String>,
    pub tracking: Option<String>,
    pub lines: Vec<OrderLineView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub number: String,
    pub status: OrderStatus,
    pub placed_at: i64,
    pub expires_at: i64,
    pub shipping_method: ShippingMethod,
    pub goods: Money,
    pub shipping: Money,
    pub tax: Money,
    pub total: Money,
    pub recipient: String,
    pub mobile_masked: String,
    pub address_line: String,
    pub buyer_name: String,
    pub id_number_masked: String,
    pub shipments: Vec<ShipmentView>,
    pub timeline: Vec<TimelineEntry>,
    /// Whether the buyer can still pay (placed, not expired).
    pub payable: bool,
    pub cancellable: bool,
}

/// Shows the first three and last four digits of a mobile number.
pub fn mask_mobile(mobile: &str) -> String {
    if mobile.len() == 11 {
        format!("{}****{}", &mobile[..3], &mobile[7..])
    } else {
        "*".repeat(mobile.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_methods_round_trip_through_their_codes() {
        for status in OrderStatus::ALL {
            assert_eq!(OrderStatus::parse(status.code()), Some(status));
        }
        for method in ShippingMethod::ALL {
            assert_eq!(ShippingMethod::parse(method.code()), Ok(method));
        }
        assert_eq!(ShippingMethod::parse("sea"), Err(Problem::ShippingMethod));
    }

    #[test]
    fn an_idempotency_key_is_sixteen_to_sixty_four_safe_characters() {
        assert!(parse_idempotency_key("0123456789abcdef").is_ok());
        assert!(parse_idempotency_key("short").is_err());
        assert!(parse_idempotency_key("0123456789abcdef'; DROP TABLE orders").is_err());
        assert!(parse_idempotency_key(&"k".repeat(65)).is_err());
    }

    #[test]
    fn a_mobile_number_is_masked_in_the_middle() {
        assert_eq!(mask_mobile("13800138000"), "138****8000");
    }
}
