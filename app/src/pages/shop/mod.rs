//! Buying: the cart, checkout, the sandbox wallet's pay page and orders.

mod cart;
mod checkout;
mod order;
mod orders;
mod sandbox;
mod timeline;

pub use cart::CartPage;
pub use checkout::CheckoutPage;
pub use order::OrderPage;
pub use orders::OrdersPage;
pub use sandbox::SandboxPayPage;

use leptos_i18n::I18nContext;

use crate::i18n::*;
use crate::model::order::OrderStatus;

/// An order or shipment status in the page's language.
pub fn status_name(i18n: I18nContext<Locale>, status: OrderStatus) -> String {
    match status {
        OrderStatus::Placed => t_string!(i18n, shop.status_placed),
        OrderStatus::Paid => t_string!(i18n, shop.status_paid),
        OrderStatus::Shipped => t_string!(i18n, shop.status_shipped),
        OrderStatus::Delivered => t_string!(i18n, shop.status_delivered),
        OrderStatus::Cancelled => t_string!(i18n, shop.status_cancelled),
        OrderStatus::Refunded => t_string!(i18n, shop.status_refunded),
    }
    .to_string()
}
