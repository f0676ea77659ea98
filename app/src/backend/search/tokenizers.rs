//! The text analyzers the index and the queries share, and pinyin.
//!
//! Jieba's dictionary is big: every Chinese analyzer here goes through `tantivy_jieba`'s one
//! global `Jieba`, loaded on first use (`warm_up` does that at open, not on a shopper's query).

use pinyin::ToPinyin;
use tantivy::tokenizer::{
    Language, LowerCaser, NgramTokenizer, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    Token, TokenFilter, TokenStream, Tokenizer, TokenizerManager,
};
use tantivy_jieba::JiebaTokenizer;

/// English, stemmed: `Mangoes` → `mango`.
pub(super) const EN_STEM: &str = "pv_en_stem";
/// English, only lowercased: for prefixes typed as you go (`mangoe` is not a stem prefix).
pub(super) const EN_PLAIN: &str = "pv_en_plain";
/// Chinese words by jieba in search mode (`北京大学` → `北京`, `大学`, `北京大学`).
pub(super) const ZH_WORDS: &str = "pv_zh_words";
/// Unigrams and bigrams, so one typed character already matches.
pub(super) const ZH_NGRAMS: &str = "pv_zh_ngrams";

/// Words longer than this (bytes) are junk, not product names.
const MAX_TOKEN_BYTES: usize = 40;

/// Registers the analyzers on an index's manager; needed on every open, as tantivy only
/// stores their names.
pub(super) fn register(manager: &TokenizerManager) {
    manager.register(EN_STEM, en_stem());
    manager.register(EN_PLAIN, en_plain());
    manager.register(ZH_WORDS, zh_words());
    manager.register(ZH_NGRAMS, zh_ngrams());
}

pub(super) fn en_stem() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::English))
        .build()
}

pub(super) fn en_plain() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .build()
}

pub(super) fn zh_words() -> TextAnalyzer {
    TextAnalyzer::builder(JiebaTokenizer::new())
        .filter(WordsOnly)
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .build()
}

pub(super) fn zh_ngrams() -> TextAnalyzer {
    // 1..=2 are valid bounds, so this cannot fail; the fallback only keeps `unwrap` away.
    match NgramTokenizer::all_ngrams(1, 2) {
        Ok(ngrams) => TextAnalyzer::builder(ngrams)
            .filter(WordsOnly)
            .filter(LowerCaser)
            .build(),
        Err(_) => zh_words(),
    }
}

/// Loads jieba's dictionary now rather than during the first search.
pub(super) fn warm_up() {
    let _ = tokens(&mut zh_words(), "芒果");
}

/// The token texts an analyzer makes of `text`.
pub(super) fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    spans(analyzer, text).into_iter().map(|t| t.text).collect()
}

/// The tokens an analyzer makes of `text`, with their byte offsets.
pub(super) fn spans(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().clone());
    }
    out
}

pub(super) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// Toneless pinyin of the Chinese characters in `word`, joined (`芒果` → `mangguo`), and each
/// syllable (`mang`, `guo`); `ü` is typed `v`. Empty when the word has no Chinese.
pub(super) fn pinyin_of(word: &str) -> (String, Vec<String>) {
    let syllables: Vec<String> = word
        .to_pinyin()
        .flatten()
        .map(|p| p.plain().replace('ü', "v"))
        .collect();
    (syllables.concat(), syllables)
}

/// The text indexed in the pinyin field: for each jieba word of `title_zh`, its joined pinyin
/// and its syllables, separated by spaces.
pub(super) fn pinyin_field_text(title_zh: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for word in tokens(&mut zh_words(), title_zh) {
        let (joined, syllables) = pinyin_of(&word);
        if joined.is_empty() {
            continue;
        }
        out.push(joined);
        if syllables.len() > 1 {
            out.extend(syllables);
        }
    }
    out.join(" ")
}

/// Drops tokens without a letter, digit or ideograph (jieba's spaces and punctuation).
/// tantivy's `AlphaNumOnlyFilter` would also drop Chinese, as it is ASCII only.
#[derive(Clone)]
struct WordsOnly;

impl TokenFilter for WordsOnly {
    type Tokenizer<T: Tokenizer> = WordsOnlyTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> WordsOnlyTokenizer<T> {
        WordsOnlyTokenizer(tokenizer)
    }
}

#[derive(Clone)]
struct WordsOnlyTokenizer<T>(T);

impl<T: Tokenizer> Tokenizer for WordsOnlyTokenizer<T> {
    type TokenStream<'a> = WordsOnlyStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        WordsOnlyStream(self.0.token_stream(text))
    }
}

struct WordsOnlyStream<S>(S);

impl<S: TokenStream> TokenStream for WordsOnlyStream<S> {
    fn advance(&mut self) -> bool {
        while self.0.advance() {
            if self.0.token().text.chars().any(char::is_alphanumeric) {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_words_drop_spaces_and_punctuation_and_are_lowercased() {
        let words = tokens(&mut zh_words(), "信德芒果，Sindhri 礼盒！");
        assert!(words.contains(&"芒果".to_string()), "{words:?}");
        assert!(words.contains(&"sindhri".to_string()), "{words:?}");
        assert!(words.iter().all(|w| w.chars().any(char::is_alphanumeric)));
    }

    #[test]
    fn english_is_stemmed_and_lowercased() {
        assert_eq!(tokens(&mut en_stem(), "Mangoes"), vec!["mango"]);
    }

    #[test]
    fn a_chinese_title_gives_joined_pinyin_and_syllables() {
        let text = pinyin_field_text("芒果");
        assert_eq!(text, "mangguo mang guo");
        assert_eq!(pinyin_of("绿").0, "lv");
        assert_eq!(pinyin_field_text("5 kg"), "");
    }
}
