//! Cells: formulas a spreadsheet would run, whole numbers, prices in yuan.

use std::ops::RangeInclusive;

use super::{CsvProblemKind, PRICE_MINOR};

/// Whether a spreadsheet could take `value` for a formula: it starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return, and is not a plain number ("-5" and "+1.5" are numbers,
/// "-1+1+cmd|' /C calc'!A0" is not).
pub(super) fn is_formula(value: &str) -> bool {
    value.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(value)
}

/// An optional sign, digits, and optionally a point and more digits.
pub(super) fn is_plain_number(value: &str) -> bool {
    let unsigned = value.strip_prefix(['+', '-']).unwrap_or(value);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    is_digits(whole) && is_digits(fraction)
}

/// Whether export writes `value` behind a quote. Besides formulas that includes values that
/// already start with quotes before a formula ("'=x"), which would otherwise lose their quote on
/// import.
pub(super) fn needs_quote(value: &str) -> bool {
    is_formula(value.trim_start_matches('\''))
}

/// A text cell's value: a quote that escapes a formula is dropped; an unescaped formula is refused.
pub(super) fn unescape(cell: &str) -> Result<&str, CsvProblemKind> {
    match cell.strip_prefix('\'') {
        Some(value) if needs_quote(value) => Ok(value),
        _ if is_formula(cell) => Err(CsvProblemKind::Formula),
        _ => Ok(cell),
    }
}

pub(super) fn is_digits(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())
}

/// A whole number in `range`: "-5" is a number out of range, "+5" or "5.0" is not a number.
pub(super) fn integer(cell: &str, range: RangeInclusive<i64>) -> Result<i64, CsvProblemKind> {
    if !is_digits(cell.strip_prefix('-').unwrap_or(cell)) {
        return Err(CsvProblemKind::NotANumber);
    }
    cell.parse()
        .ok() // only overflow is left to fail
        .filter(|n| range.contains(n))
        .ok_or(CsvProblemKind::OutOfRange)
}

/// Yuan with at most two decimals ("12", "12.5", "12.50") as fen.
pub(super) fn price_minor(cell: &str) -> Result<i64, CsvProblemKind> {
    use CsvProblemKind::{NotANumber, OutOfRange};

    let (negative, unsigned) = match cell.strip_prefix('-') {
        Some(unsigned) => (true, unsigned),
        None => (false, cell),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) if is_digits(fraction) && fraction.len() <= 2 => (whole, fraction),
        Some(_) => return Err(NotANumber),
        None => (unsigned, ""),
    };
    if !is_digits(whole) {
        return Err(NotANumber);
    }
    if negative {
        return Err(OutOfRange);
    }
    // "5" is 50 fen, "05" is 5.
    let fen = fraction
        .bytes()
        .chain([b'0', b'0'])
        .take(2)
        .fold(0, |fen, digit| fen * 10 + i64::from(digit - b'0'));
    whole
        .parse::<i64>()
        .ok()
        .and_then(|yuan| yuan.checked_mul(100)?.checked_add(fen))
        .filter(|minor| PRICE_MINOR.contains(minor))
        .ok_or(OutOfRange)
}
