//! Money as an integer number of minor units and a currency: never a float.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Currency {
    Cny,
    Pkr,
    Usd,
}

impl Currency {
    pub fn code(self) -> &'static str {
        match self {
            Currency::Cny => "CNY",
            Currency::Pkr => "PKR",
            Currency::Usd => "USD",
        }
    }

    pub fn parse(code: &str) -> Option<Currency> {
        match code {
            "CNY" => Some(Currency::Cny),
            "PKR" => Some(Currency::Pkr),
            "USD" => Some(Currency::Usd),
            _ => None,
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            Currency::Cny => "¥",
            Currency::Pkr => "Rs ",
            Currency::Usd => "$",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// Minor units: fen for CNY, paisa for PKR, cents for USD.
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn cny(minor: i64) -> Money {
        Money {
            minor,
            currency: Currency::Cny,
        }
    }
}

impl fmt::Display for Money {
    /// `¥1,268.00`: the symbol, thousands separated, always two decimals.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.minor < 0 { "-" } else { "" };
        let abs = self.minor.unsigned_abs();
        let units = (abs / 100).to_string();
        let mut grouped = String::with_capacity(units.len() + units.len() / 3);
        for (i, digit) in units.chars().enumerate() {
            if i > 0 && (units.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        write!(
            f,
            "{sign}{}{grouped}.{:02}",
            self.currency.symbol(),
            abs % 100
        )
    }
}

/// A decimal typed by a person ("39.8125") as an integer scaled by `10^decimals`: at most
/// `max_whole` digits before the point and `decimals` after it, no sign, no exponent.
pub fn parse_decimal(text: &str, max_whole: usize, decimals: usize) -> Option<i64> {
    let text = text.trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || whole.len() > max_whole
        || fraction.len() > decimals
        || !digits(whole)
        || !digits(fraction)
    {
        return None;
    }
    let scale = 10_i64.checked_pow(u32::try_from(decimals).ok()?)?;
    let fraction = if decimals == 0 {
        0
    } else {
        format!("{fraction:0<decimals$}").parse::<i64>().ok()?
    };
    whole
        .parse::<i64>()
        .ok()?
        .checked_mul(scale)?
        .checked_add(fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_shown_with_symbol_separators_and_two_decimals() {
        assert_eq!(Money::cny(16800).to_string(), "¥168.00");
        assert_eq!(Money::cny(126_805).to_string(), "¥1,268.05");
        assert_eq!(Money::cny(5).to_string(), "¥0.05");
        assert_eq!(Money::cny(-250).to_string(), "-¥2.50");
        assert_eq!(Money::cny(100_000_000).to_string(), "¥1,000,000.00");
    }

    #[test]
    fn currency_codes_round_trip() {
        for c in [Currency::Cny, Currency::Pkr, Currency::Usd] {
            assert_eq!(Currency::parse(c.code()), Some(c));
        }
        assert_eq!(Currency::parse("EUR"), None);
    }
}
