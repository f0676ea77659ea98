//! Checkout input, quotes and orders as pages show them. Every amount here was computed by
//! the server; the browser only displays it.

use serde::{Deserialize, Serialize};

use crate::error::Problem;
use crate::model::address::AddressForm;
use crate::model::invoice::InvoiceView;
use crate::model::{Dispatch, Money};

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

/// How a parcel travels. From Pakistan the buyer chooses: by air, or overland through the
/// Khunjerab Pass. Inside China it goes by courier, from the shop's stock or from its
/// bonded warehouse.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ShippingMethod {
    #[default]
    Air,
    Land,
    Courier,
    Bonded,
}

impl ShippingMethod {
    pub const ALL: [ShippingMethod; 4] = [
        ShippingMethod::Air,
        ShippingMethod::Land,
        ShippingMethod::Courier,
        ShippingMethod::Bonded,
    ];
    /// The choice a buyer makes for parcels from Pakistan.
    pub const ACROSS_THE_BORDER: [ShippingMethod; 2] = [ShippingMethod::Air, ShippingMethod::Land];

    pub fn code(self) -> &'static str {
        match self {
            ShippingMethod::Air => "air",
            ShippingMethod::Land => "land",
            ShippingMethod::Courier => "courier",
            ShippingMethod::Bonded => "bonded",
        }
    }

    pub fn parse(code: &str) -> Result<ShippingMethod, Problem> {
        ShippingMethod::ALL
            .into_iter()
            .find(|m| m.code() == code)
            .ok_or(Problem::ShippingMethod)
    }

    /// The method a buyer may choose for parcels from Pakistan (air or land), from the form.
    pub fn chosen(code: &str) -> Result<ShippingMethod, Problem> {
        ShippingMethod::parse(code)
            .ok()
            .filter(|m| ShippingMethod::ACROSS_THE_BORDER.contains(m))
            .ok_or(Problem::ShippingMethod)
    }

    /// How a parcel sent `dispatch` travels, given the buyer's choice for parcels from
    /// Pakistan.
    pub fn for_parcel(dispatch: Dispatch, chosen: ShippingMethod) -> ShippingMethod {
        match dispatch {
            Dispatch::CrossBorder => chosen,
            Dispatch::Domestic => ShippingMethod::Courier,
            Dispatch::Bonded => ShippingMethod::Bonded,
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
    /// The buyer's real name and resident ID, which customs needs: asked only when the
    /// order holds goods from across the border.
    #[serde(default)]
    pub buyer_name: String,
    #[serde(default)]
    pub id_number: String,
    /// The method for parcels from Pakistan (`air`, `land`); none is needed without them.
    #[serde(default)]
    pub shipping: String,
    /// The cross-border risk notice checkbox (`on` when ticked).
    #[serde(default)]
    pub accept_risk: Option<String>,
    /// An invoice for the parcels from stock in China: `personal`, `company`, or empty for
    /// none; its heading, and a company's tax number.
    #[serde(default)]
    pub invoice_kind: String,
    #[serde(default)]
    pub invoice_title: String,
    #[serde(default)]
    pub invoice_tax_number: String,
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

/// One shop's parcel in a quote: where it leaves from, how it travels and what that costs.
/// A parcel from Pakistan is priced for the method the buyer chose (see
/// [`Quote::options`]); one from inside China for the buyer's province, or for most of the
/// country until the province is known.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentQuote {
    pub shop: String,
    pub weight_g: i64,
    pub dispatch: Dispatch,
    pub ships_from: String,
    pub method: ShippingMethod,
    pub shipping: Money,
    pub days: (i64, i64),
    pub lines: Vec<QuoteLine>,
}

/// What a shipping method costs for this cart's parcels from Pakistan, and what the order
/// then totals.
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
    /// The choice of method for parcels from Pakistan; empty when there are none.
    pub options: Vec<MethodOption>,
    /// The order total when nothing is to choose (no parcel from Pakistan).
    pub total: Money,
    /// Whether some parcel is a cross-border import: then the buyer's name and resident
    /// ID are asked, the risk notice is confirmed, and the limits count its goods.
    pub cross_border: bool,
    /// The goods of the cross-border parcels alone exceed the single-order limit.
    pub over_order_limit: bool,
    /// The province the parcels from inside China were priced for, when the buyer gave one.
    pub province: Option<String>,
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
    pub dispatch: Dispatch,
    pub ships_from: String,
    pub method: ShippingMethod,
    pub days: (i64, i64),
    pub shipping: Money,
    pub carrier: Option<String>,
    pub tracking: Option<String>,
    pub lines: Vec<OrderLineView>,
    /// The invoice asked for, when the parcel is from stock in China.
    pub invoice: Option<InvoiceView>,
    /// Whether an invoice can be asked for (or its request corrected) now.
    pub invoiceable: bool,
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
        assert_eq!(ShippingMethod::chosen("land"), Ok(ShippingMethod::Land));
        assert_eq!(
            ShippingMethod::chosen("courier"),
            Err(Problem::ShippingMethod)
        );
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
