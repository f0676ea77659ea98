//! Quantities in the page's language.

use leptos_i18n::I18nContext;

use crate::i18n::*;

/// A weight given in grams, as kilograms: "5.15 kg", "5.15 公斤".
pub fn kilograms(i18n: I18nContext<Locale>, grams: i64) -> String {
    let amount = format!("{:.2}", grams as f64 / 1000.0);
    t_string!(i18n, common.kilograms, amount).to_string()
}
