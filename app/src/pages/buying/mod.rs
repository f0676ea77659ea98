//! Buying: the cart, checkout, the sandbox wallet's pay page and orders.

mod cart;
mod checkout;
mod invoice;
mod order;
mod orders;
mod sandbox;
mod timeline;

pub use cart::CartPage;
pub use checkout::CheckoutPage;
pub use invoice::kind_name as invoice_kind_name;
pub use order::OrderPage;
pub use orders::OrdersPage;
pub use sandbox::SandboxPayPage;

use leptos_i18n::I18nContext;

use crate::i18n::*;
use crate::model::Dispatch;
use crate::model::order::{OrderStatus, ShippingMethod};

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

/// How a parcel travels, in the page language.
pub fn method_name(i18n: leptos_i18n::I18nContext<Locale>, method: ShippingMethod) -> String {
    match method {
        ShippingMethod::Air => t_string!(i18n, shop.method_air),
        ShippingMethod::Land => t_string!(i18n, shop.method_land),
        ShippingMethod::Courier => t_string!(i18n, shop.method_courier),
        ShippingMethod::Bonded => t_string!(i18n, shop.method_bonded),
    }
    .to_string()
}

/// Where a parcel leaves from, in the page language: "国内现货 · 义乌发货".
pub fn ships_from_text(
    i18n: leptos_i18n::I18nContext<Locale>,
    dispatch: Dispatch,
    city: &str,
) -> String {
    let city = city.to_owned();
    match dispatch {
        Dispatch::CrossBorder => t_string!(i18n, catalogue.dispatch_cross_border, city),
        Dispatch::Domestic => t_string!(i18n, catalogue.dispatch_domestic, city),
        Dispatch::Bonded => t_string!(i18n, catalogue.dispatch_bonded, city),
    }
    .to_string()
}
