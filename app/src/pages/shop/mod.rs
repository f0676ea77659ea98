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

/// A time as `2026-11-30 14:05` (China time: the shoppers are there).
pub fn china_time(seconds: i64) -> String {
    let local = seconds + 8 * 3600;
    let days = local.div_euclid(86_400);
    let rest = local.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        rest / 3600,
        rest % 3600 / 60
    )
}

/// Days since 1970-01-01 to (year, month, day), after Howard Hinnant's algorithm.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::china_time;

    #[test]
    fn times_are_shown_in_china_time() {
        assert_eq!(china_time(0), "1970-01-01 08:00");
        assert_eq!(china_time(1_796_040_000), "2026-11-30 20:00");
        assert_eq!(china_time(1_709_164_800), "2024-02-29 08:00");
    }
}
