//! Order numbers: `PV` + date + eight random characters (no 0/O, 1/I). The 32 letters are
//! 5 bits each, so 40 random bits make eight letters, each as likely as any other: 32⁸
//! numbers a day, where 50,000 orders collide about once in three years (and a collision is
//! tried again, see `place_order`).

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, PoisonError};

/// Where a checkout takes its order number from: a fresh random one, unless numbers were
/// queued with `queue_next` (the tests force a collision that way; nothing else does).
#[derive(Clone, Default)]
pub struct OrderNumbers {
    queued: Arc<Mutex<VecDeque<String>>>,
}

impl OrderNumbers {
    /// Hands these numbers out, in order, before any random one.
    pub fn queue_next(&self, numbers: impl IntoIterator<Item = String>) {
        self.queued
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend(numbers);
    }

    pub(super) fn next(&self, now: i64) -> String {
        let queued = self
            .queued
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop_front();
        queued.unwrap_or_else(|| random(now))
    }
}

fn random(now: i64) -> String {
    const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let date = time::OffsetDateTime::from_unix_timestamp(now)
        .map(|t| {
            format!(
                "{:02}{:02}{:02}",
                t.year() % 100,
                u8::from(t.month()),
                t.day()
            )
        })
        .unwrap_or_default();
    let bits: u64 = rand::random();
    let suffix: String = (0..8)
        .map(|i| ALPHABET[((bits >> (5 * i)) & 31) as usize] as char)
        .collect();
    format!("PV{date}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_numbers_carry_the_date_and_eight_unambiguous_characters() {
        let number = random(1_796_000_000);
        assert!(number.starts_with("PV26"), "{number}");
        assert_eq!(number.len(), 2 + 6 + 8);
        assert!(!number[8..].contains(['0', 'O', '1', 'I']));
    }

    #[test]
    fn every_letter_of_an_order_number_is_as_likely_as_any_other() {
        let mut counts = std::collections::HashMap::new();
        let draws = 4_000;
        for _ in 0..draws {
            for letter in random(1_796_000_000)[8..].chars() {
                *counts.entry(letter).or_insert(0) += 1;
            }
        }
        assert_eq!(counts.len(), 32, "all 32 letters appear: {counts:?}");
        // 1,000 expected each; a fair draw stays far within ±25 %.
        let expected = draws * 8 / 32;
        for (letter, count) in counts {
            assert!(
                (expected * 3 / 4..=expected * 5 / 4).contains(&count),
                "{letter}: {count}"
            );
        }
    }

    #[test]
    fn queued_numbers_come_first_then_random_ones() {
        let numbers = OrderNumbers::default();
        numbers.queue_next(["PV261206AAAAAAAA".to_owned(), "PV261206AAAAAAAA".to_owned()]);
        assert_eq!(numbers.next(1_796_000_000), "PV261206AAAAAAAA");
        assert_eq!(numbers.next(1_796_000_000), "PV261206AAAAAAAA");
        assert_ne!(numbers.next(1_796_000_000), "PV261206AAAAAAAA");
    }
}
