//! As-you-type suggestions, and what a raw query is cut down to.

use super::*;

#[test]
fn suggest_treats_the_last_word_as_a_prefix() {
    let index = index();
    assert_eq!(top_suggestion(&index, "mang"), Some(MANGO));
    assert_eq!(top_suggestion(&index, "sindhri man"), Some(MANGO));
    assert_eq!(top_suggestion(&index, "Himalayan pi"), Some(SALT));
    assert_eq!(top_suggestion(&index, "bas"), Some(RICE));
}

#[test]
fn suggest_matches_chinese_from_the_first_character() {
    let index = index();
    assert_eq!(top_suggestion(&index, "芒"), Some(MANGO));
    assert_eq!(top_suggestion(&index, "喜马"), Some(SALT));
    assert_eq!(top_suggestion(&index, "巴斯马"), Some(RICE));
    assert_eq!(top_suggestion(&index, "mangg"), Some(MANGO));
}

#[test]
fn suggest_needs_every_word_unless_nothing_has_them_all() {
    let index = index();
    let both = index.suggest("karachi vin", 10).expect("suggest");
    assert_eq!(ids(&both), vec![VINEGAR]);
    let any = index.suggest("karachi zzzz", 10).expect("suggest");
    assert_eq!(any.len(), 2, "{any:?}");
}

#[test]
fn normalize_query_cleans_and_caps() {
    assert_eq!(normalize_query("  mango \t\n juice\u{0} "), "mango juice");
    assert_eq!(normalize_query("a\u{7}b"), "ab");
    let long = "芒".repeat(300);
    assert_eq!(normalize_query(&long).chars().count(), 100);
    assert_eq!(
        normalize_query(&format!("{} x", "a".repeat(99))),
        "a".repeat(99)
    );
}

#[test]
fn full_width_letters_are_read_as_ascii() {
    assert_eq!(normalize_query("ｍａｎｇｏ\u{3000}５ｋｇ"), "mango 5kg");
    assert_eq!(top(&index(), "Ｍａｎｇｏ"), Some(MANGO));
}
