//! What a query finds, and in which order.

use super::*;

#[test]
fn a_chinese_word_finds_the_product() {
    let index = index();
    assert_eq!(top(&index, "芒果"), Some(MANGO));
    assert_eq!(top(&index, "玫瑰盐"), Some(SALT));
    assert_eq!(top(&index, "足球"), Some(FOOTBALL));
}

#[test]
fn english_words_find_the_product_in_any_form() {
    let index = index();
    assert_eq!(top(&index, "mango"), Some(MANGO));
    assert_eq!(top(&index, "Mangoes"), Some(MANGO));
    assert_eq!(top(&index, "FOOTBALLS"), Some(FOOTBALL));
}

#[test]
fn a_query_in_either_language_finds_a_product_described_in_only_one() {
    let index = SearchIndex::open(None).expect("open");
    index
        .replace_all(vec![
            doc(10, "Peshawari Chappal", "", "Leather sandals", ""),
            doc(11, "", "白沙瓦凉鞋", "", "手工真皮凉鞋"),
        ])
        .expect("index");
    assert_eq!(
        ids(&index.search("leather 凉鞋", 10).expect("search")).len(),
        2
    );
    assert_eq!(top(&index, "sandals"), Some(10));
    assert_eq!(top(&index, "凉鞋"), Some(11));
}

#[test]
fn a_mixed_language_query_ranks_the_product_matching_both_first() {
    assert_eq!(top(&index(), "basmati 大米"), Some(RICE));
}

#[test]
fn pinyin_finds_the_chinese_title() {
    let index = index();
    assert_eq!(top(&index, "mangguo"), Some(MANGO));
    assert_eq!(top(&index, "mang guo"), Some(MANGO));
    assert_eq!(top(&index, "MangGuo"), Some(MANGO));
    assert_eq!(top(&index, "zuqiu"), Some(FOOTBALL));
}

#[test]
fn one_typo_in_an_english_word_is_forgiven() {
    let index = index();
    assert_eq!(top(&index, "mnago"), Some(MANGO));
    assert_eq!(top(&index, "footbal"), Some(FOOTBALL));
    assert_eq!(top(&index, "fotball"), Some(FOOTBALL));
    assert_eq!(top(&index, "basmti"), Some(RICE));
}

#[test]
fn a_typo_in_a_word_only_the_description_has_is_forgiven() {
    assert_eq!(top(&index(), "hyderbad"), Some(MANGO));
}

#[test]
fn typos_are_not_forgiven_in_short_words_nor_twice() {
    let index = index();
    assert!(index.search("kg", 10).expect("search").len() >= 2);
    assert!(index.search("rce", 10).expect("search").is_empty());
    assert!(index.search("mnagp", 10).expect("search").is_empty());
}

#[test]
fn an_exact_match_scores_above_a_one_typo_match() {
    let hits = index().search("salt", 10).expect("search");
    assert_eq!(
        ids(&hits),
        vec![SALT, VINEGAR],
        "malt is one typo from salt"
    );
    assert!(hits[0].score > hits[1].score);
}

#[test]
fn a_match_in_the_title_ranks_above_a_match_in_the_text() {
    let hits = index().search("rice", 10).expect("search");
    assert_eq!(ids(&hits), vec![RICE, MASALA]);
}

#[test]
fn every_word_must_match_unless_no_product_has_them_all() {
    let index = index();
    assert_eq!(
        ids(&index.search("pink salt", 10).expect("search")),
        vec![SALT]
    );
    let loose = ids(&index.search("pink vinegar", 10).expect("search"));
    assert_eq!(loose.len(), 2, "{loose:?}");
    assert!(loose.contains(&SALT) && loose.contains(&VINEGAR));
}

#[test]
fn a_long_query_needs_three_quarters_of_its_words() {
    let index = index();
    let hits = index
        .search("Karachi pantry malt zzzz", 10)
        .expect("search");
    assert_eq!(ids(&hits), vec![VINEGAR]);
}

#[test]
fn garbage_queries_return_nothing_and_no_error() {
    let index = index();
    let long = "x".repeat(10_000);
    let queries = [
        "",
        "   \t\n ",
        "\u{0}\u{7}\u{1b}[31m",
        "\"\"\"",
        "( ) : * ~ ^ \" ' [ ] { } - + ! / \\",
        "🥭🧂⚽",
        long.as_str(),
    ];
    for query in queries {
        assert_eq!(
            index.search(query, 10).expect("search"),
            vec![],
            "{query:?}"
        );
        assert_eq!(
            index.suggest(query, 10).expect("suggest"),
            vec![],
            "{query:?}"
        );
    }
}

#[test]
fn query_syntax_is_just_text() {
    let index = index();
    for query in [
        "AND OR NOT ( ) : * ~ ^",
        "title_en:mango",
        "\"mango",
        "mango~2^10",
        "mango AND (",
        "🥭 mango",
    ] {
        index.search(query, 10).expect("search");
        index.suggest(query, 10).expect("suggest");
    }
    assert_eq!(top(&index, "title_en:mango"), Some(MANGO));
    assert_eq!(top(&index, "\"mango"), Some(MANGO));
}

#[test]
fn a_huge_query_is_cut_and_still_searched() {
    let query = "mango ".repeat(2_000) + &"芒果".repeat(2_000);
    assert_eq!(top(&index(), &query), Some(MANGO));
}

#[test]
fn a_limit_of_zero_returns_nothing() {
    assert!(index().search("mango", 0).expect("search").is_empty());
}
