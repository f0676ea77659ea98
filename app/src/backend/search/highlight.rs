//! Which parts of a text match a query, for `<mark>` on a results page.
//!
//! The segments are plain text: the page escapes them as it renders them, so a query or a
//! product text holding `<b>` is shown, never interpreted.

use std::collections::HashSet;

use super::normalize_query;
use super::tokenizers::{en_stem, is_cjk, pinyin_of, spans, tokens, zh_words};

/// Chinese function words too common to be worth marking.
const ZH_STOP: &[&str] = &["的", "了", "和", "与", "及", "或", "是", "在", "之", "也"];
/// Latin query words shorter than this are not marked (`<b>` would mark every lone b).
const MIN_LATIN_CHARS: usize = 2;

/// Splits `text` into segments, marking those that match the query (case-insensitive;
/// Chinese matched by jieba words or by the Chinese words whose pinyin the query spells),
/// so the page can wrap them in <mark> without any HTML injection. Concatenating the
/// segments' strings gives back `text` exactly.
pub fn highlight(raw_query: &str, text: &str) -> Vec<(String, bool)> {
    let query = normalize_query(raw_query);
    let mut marked = vec![false; text.len()];
    if !query.is_empty() && !text.is_empty() {
        mark_english(&query, text, &mut marked);
        mark_chinese(&query, text, &mut marked);
        mark_pinyin(&query, text, &mut marked);
    }
    segments(text, &marked)
}

/// Words whose stem is a query word's stem: `mango` marks `Mangoes`.
fn mark_english(query: &str, text: &str, marked: &mut [bool]) {
    let wanted: HashSet<String> = tokens(&mut en_stem(), query)
        .into_iter()
        .filter(|stem| stem.chars().count() >= MIN_LATIN_CHARS)
        .collect();
    if wanted.is_empty() {
        return;
    }
    for token in spans(&mut en_stem(), text) {
        if wanted.contains(&token.text) {
            mark(marked, token.offset_from, token.offset_to);
        }
    }
}

/// Every occurrence of the query's Chinese words (jieba, search mode), wherever jieba would
/// cut the text: `芒果` is marked inside `信德芒果礼盒`.
fn mark_chinese(query: &str, text: &str, marked: &mut [bool]) {
    for word in tokens(&mut zh_words(), query) {
        if !word.chars().all(is_cjk) || ZH_STOP.contains(&word.as_str()) {
            continue;
        }
        for (at, found) in text.match_indices(word.as_str()) {
            mark(marked, at, at + found.len());
        }
    }
}

/// Chinese words of two or more characters whose toneless pinyin the query spells, as one
/// word or in syllables: `mangguo` and `mang guo` mark `芒果`.
fn mark_pinyin(query: &str, text: &str, marked: &mut [bool]) {
    let words: Vec<String> = query
        .split(' ')
        .filter(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_lowercase)
        .collect();
    let mut wanted: HashSet<String> = words.iter().filter(|w| w.len() >= 2).cloned().collect();
    if words.len() > 1 {
        wanted.insert(words.concat());
    }
    if wanted.is_empty() || !text.chars().any(is_cjk) {
        return;
    }
    for token in spans(&mut zh_words(), text) {
        if token.text.chars().filter(|c| is_cjk(*c)).count() < 2 {
            continue;
        }
        if wanted.contains(&pinyin_of(&token.text).0) {
            mark(marked, token.offset_from, token.offset_to);
        }
    }
}

fn mark(marked: &mut [bool], from: usize, to: usize) {
    if let Some(range) = marked.get_mut(from..to) {
        range.fill(true);
    }
}

/// Runs of equally marked characters.
fn segments(text: &str, marked: &[bool]) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for (at, c) in text.char_indices() {
        let is_marked = marked.get(at).copied().unwrap_or(false);
        if let Some((run, run_marked)) = out.last_mut()
            && *run_marked == is_marked
        {
            run.push(c);
        } else {
            out.push((c.to_string(), is_marked));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked_parts(query: &str, text: &str) -> Vec<String> {
        let segments = highlight(query, text);
        let joined: String = segments.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(joined, text, "segments must give back the text");
        segments
            .into_iter()
            .filter(|(_, m)| *m)
            .map(|(s, _)| s)
            .collect()
    }

    #[test]
    fn an_english_word_is_marked_whatever_its_case() {
        assert_eq!(
            highlight("mango", "Sindhri Mango, 5 kg"),
            vec![
                ("Sindhri ".to_string(), false),
                ("Mango".to_string(), true),
                (", 5 kg".to_string(), false),
            ]
        );
    }

    #[test]
    fn an_english_word_is_marked_in_another_form() {
        assert_eq!(marked_parts("mango", "Fresh mangoes"), vec!["mangoes"]);
    }

    #[test]
    fn a_chinese_word_is_marked_inside_a_longer_run() {
        assert_eq!(marked_parts("芒果", "信德芒果礼盒"), vec!["芒果"]);
    }

    #[test]
    fn chinese_words_are_marked_by_the_pinyin_the_query_spells() {
        assert_eq!(marked_parts("mangguo", "信德芒果礼盒"), vec!["芒果"]);
        assert_eq!(marked_parts("mang guo", "信德芒果礼盒"), vec!["芒果"]);
    }

    #[test]
    fn markup_in_the_query_or_text_is_left_as_plain_text() {
        assert_eq!(
            highlight("<b>", "a <b> c"),
            vec![("a <b> c".to_string(), false)]
        );
        assert_eq!(
            marked_parts("<script>", "x <script>alert(1)</script>"),
            vec!["script", "script"]
        );
    }

    #[test]
    fn an_empty_query_or_text_marks_nothing() {
        assert_eq!(highlight("", "Mango"), vec![("Mango".to_string(), false)]);
        assert_eq!(
            highlight("  \u{0} ", "Mango"),
            vec![("Mango".to_string(), false)]
        );
        assert!(highlight("mango", "").is_empty());
    }

    #[test]
    fn garbage_queries_never_break_the_text() {
        let long = "芒果 mango ".repeat(1000);
        for query in ["\"((AND", "🥭🥭", "*~^:", long.as_str()] {
            marked_parts(query, "Sindhri Mango 信德芒果 🥭 <i>x</i>");
        }
    }
}
