//! The seller's pages: shop applications, the bilingual product editor, fulfilment, stock
//! and analytics. Validation here runs on both sides.

mod application;
mod csv_import;
mod fulfilment;
mod product;
mod team;
#[cfg(test)]
mod tests;

pub use application::*;
pub use csv_import::*;
pub use fulfilment::*;
pub use product::*;
pub use team::*;

use crate::error::Problem;

pub const NAME_MAX_CHARS: usize = 120;
pub const TITLE_MAX_CHARS: usize = 120;
pub const SUMMARY_MAX_CHARS: usize = 300;
pub const DESCRIPTION_MAX_CHARS: usize = 5_000;
pub const LABEL_MAX_CHARS: usize = 60;
pub const REASON_MAX_CHARS: usize = 300;

/// A reason someone else will read (a rejection, a cancellation, a take-down): trimmed,
/// not empty, at most `REASON_MAX_CHARS` characters.
pub fn check_reason(value: &str) -> Result<&str, Problem> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > REASON_MAX_CHARS {
        return Err(Problem::Reason);
    }
    Ok(value)
}
/// The most variants a product has.
pub const MAX_VARIANTS: usize = 12;
