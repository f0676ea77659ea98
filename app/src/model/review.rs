//! Reviews by buyers whose shipment was delivered.

use serde::{Deserialize, Serialize};

use crate::error::Problem;
use crate::model::Lang;

pub const REVIEW_MAX_CHARS: usize = 2000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    pub author: String,
    pub rating: i64,
    pub body: String,
    /// The language the review was written in (reviews are not translated).
    pub lang: Lang,
    pub created_at: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductReviews {
    pub average: Option<f32>,
    pub count: i64,
    pub reviews: Vec<ReviewView>,
    /// Whether the signed-in person has this product on their wishlist.
    pub wished: bool,
}

pub fn parse_rating(rating: i64) -> Result<i64, Problem> {
    if (1..=5).contains(&rating) {
        Ok(rating)
    } else {
        Err(Problem::Rating)
    }
}

pub fn parse_review_text(input: &str) -> Result<String, Problem> {
    let body = input.trim();
    let chars = body.chars().count();
    if chars == 0 || chars > REVIEW_MAX_CHARS {
        Err(Problem::ReviewText)
    } else {
        Ok(body.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rating_is_one_to_five_stars() {
        assert_eq!(parse_rating(5), Ok(5));
        for bad in [0, 6, -3] {
            assert_eq!(parse_rating(bad), Err(Problem::Rating));
        }
    }

    #[test]
    fn a_review_needs_some_text_and_not_too_much() {
        assert_eq!(parse_review_text("  很香！ "), Ok("很香！".to_owned()));
        assert_eq!(parse_review_text("   "), Err(Problem::ReviewText));
        assert_eq!(
            parse_review_text(&"好".repeat(2001)),
            Err(Problem::ReviewText)
        );
    }
}
