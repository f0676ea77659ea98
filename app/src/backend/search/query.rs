//! Turns a normalized user query into a tantivy query, built term by term from the same
//! analyzers the index uses. User text never reaches tantivy's `QueryParser`, so `AND`, `(`,
//! `"`, `:`, `*` and friends are just characters that tokenize to nothing or to a word.

use std::collections::HashSet;

use tantivy::query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use super::schema::Fields;
use super::tokenizers::{en_plain, en_stem, is_cjk, tokens, zh_words};

/// A title match counts this many times a match in the rest of the text.
const TITLE: f32 = 3.0;
const BODY: f32 = 1.0;
const PINYIN: f32 = 2.0;
/// Prefixes of the word being typed (suggest only).
const PREFIX: f32 = 1.5;
/// Bigrams of the Chinese title: a net for words jieba cut differently in query and title.
const NGRAM: f32 = 0.5;
/// A one-typo match is worth this fraction of the exact one. Fuzzy queries score a constant
/// (their boost) and an exact match also matches its own fuzzy query, so exact always wins.
/// Titles always forgive a typo; the (much larger) rest of the text only for a word it does
/// not contain, which is when the word is likely misspelt. That keeps a query of correct
/// words cheap.
const FUZZY: f32 = 0.4;
/// Typos are only forgiven in words this long (in characters): `rice` ≠ `ride`.
const FUZZY_MIN_CHARS: usize = 4;

/// Bounds on the work one query can cause, whatever is typed.
const MAX_WORDS: usize = 10;
const MAX_TERMS_PER_WORD: usize = 8;
const MAX_BIGRAMS_PER_WORD: usize = 12;
const MAX_PINYIN_BYTES: usize = 40;

/// How many of the typed words a product must match.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Matching {
    /// All of one or two words, three quarters (rounded down) of three or more: a stray `the` or
    /// `from` does not sink a long query.
    Most,
    /// Every word: as you type, each word narrows.
    All,
    /// Any word: the fallback when the stricter query finds nothing.
    Any,
}

/// The query for `normalized`, or `None` when nothing in it can match anything.
/// With `prefix_last`, the last word also matches as the start of a word.
pub(super) fn build(
    fields: &Fields,
    searcher: &Searcher,
    normalized: &str,
    matching: Matching,
    prefix_last: bool,
) -> Option<Box<dyn Query>> {
    let words: Vec<&str> = normalized.split_whitespace().take(MAX_WORDS).collect();
    let last = words.len().saturating_sub(1);
    let mut seen = HashSet::new();
    let mut groups: Vec<Vec<Box<dyn Query>>> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let mut group = Clauses::new(fields, searcher, &mut seen);
        group.word(word, prefix_last && i == last);
        groups.push(group.out);
    }
    groups.retain(|g| !g.is_empty());
    // `mang guo` typed with spaces is still the word `mangguo`: an alternative to the words.
    let mut joined = Clauses::new(fields, searcher, &mut seen);
    if words.len() > 1 {
        joined.pinyin(&words.concat().to_lowercase(), false);
    }
    let mut alternatives = joined.out;
    let count = groups.len();
    let words_query: Box<dyn Query> = match matching {
        _ if count == 0 => return union_or_none(alternatives),
        Matching::Any => union(groups.into_iter().flatten().collect()),
        Matching::All => Box::new(BooleanQuery::new(
            groups
                .into_iter()
                .map(|g| (Occur::Must, union(g)))
                .collect(),
        )),
        Matching::Most => Box::new(BooleanQuery::with_minimum_required_clauses(
            groups
                .into_iter()
                .map(|g| (Occur::Should, union(g)))
                .collect(),
            if count <= 2 { count } else { count * 3 / 4 },
        )),
    };
    alternatives.push(words_query);
    union_or_none(alternatives)
}

fn union_or_none(mut queries: Vec<Box<dyn Query>>) -> Option<Box<dyn Query>> {
    match queries.len() {
        0 => None,
        1 => queries.pop(),
        _ => Some(union(queries)),
    }
}

fn union(queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        queries.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Exact,
    Fuzzy,
    Prefix,
}

/// The clauses of one typed word; `seen` drops repeats across the whole query.
struct Clauses<'a> {
    fields: &'a Fields,
    searcher: &'a Searcher,
    seen: &'a mut HashSet<(Field, String, Kind)>,
    out: Vec<Box<dyn Query>>,
}

impl<'a> Clauses<'a> {
    fn new(
        fields: &'a Fields,
        searcher: &'a Searcher,
        seen: &'a mut HashSet<(Field, String, Kind)>,
    ) -> Self {
        Clauses {
            fields,
            searcher,
            seen,
            out: Vec::new(),
        }
    }

    fn word(&mut self, word: &str, prefix: bool) {
        let f = *self.fields;
        for stem in tokens(&mut en_stem(), word)
            .into_iter()
            .take(MAX_TERMS_PER_WORD)
        {
            self.add(f.title_en, &stem, Kind::Exact, TITLE);
            self.add(f.text_en, &stem, Kind::Exact, BODY);
            if stem.chars().count() >= FUZZY_MIN_CHARS {
                self.add(f.title_en, &stem, Kind::Fuzzy, TITLE * FUZZY);
                if !self.known(f.text_en, &stem) {
                    self.add(f.text_en, &stem, Kind::Fuzzy, BODY * FUZZY);
                }
            }
        }
        for zh in tokens(&mut zh_words(), word)
            .into_iter()
            .take(MAX_TERMS_PER_WORD)
        {
            self.add(f.title_zh, &zh, Kind::Exact, TITLE);
            self.add(f.text_zh, &zh, Kind::Exact, BODY);
        }
        self.pinyin(&word.to_lowercase(), prefix);
        self.ngrams(word, prefix);
        if prefix && let Some(plain) = tokens(&mut en_plain(), word).pop() {
            self.add(f.title_en_plain, &plain, Kind::Prefix, PREFIX);
        }
    }

    /// A word typed in pinyin (ASCII letters only) against the pinyin of Chinese titles.
    fn pinyin(&mut self, word: &str, prefix: bool) {
        if word.is_empty()
            || word.len() > MAX_PINYIN_BYTES
            || !word.chars().all(|c| c.is_ascii_alphabetic())
        {
            return;
        }
        let field = self.fields.title_pinyin;
        self.add(field, word, Kind::Exact, PINYIN);
        if prefix {
            self.add(field, word, Kind::Prefix, PREFIX);
        }
    }

    /// Bigrams of the Chinese runs in `word`. When typing, the trailing run must hold all
    /// its bigrams (about: contain the run), and a lone character matches as a unigram.
    fn ngrams(&mut self, word: &str, prefix: bool) {
        let field = self.fields.title_ngram;
        let chars: Vec<char> = word.chars().collect();
        if !prefix {
            for bigram in bigrams(&chars) {
                self.add(field, &bigram, Kind::Exact, NGRAM);
            }
            return;
        }
        let typed = chars.iter().rev().take_while(|c| is_cjk(**c)).count();
        let run = &chars[chars.len() - typed..];
        let grams = match run {
            [] => return,
            [one] => vec![one.to_string()],
            _ => bigrams(run),
        };
        if !self
            .seen
            .insert((field, run.iter().collect(), Kind::Prefix))
        {
            return;
        }
        let all: Vec<(Occur, Box<dyn Query>)> = grams
            .iter()
            .map(|gram| {
                let term = Term::from_field_text(field, gram);
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                (Occur::Must, query)
            })
            .collect();
        let all = Box::new(BooleanQuery::new(all));
        self.out.push(Box::new(BoostQuery::new(all, PREFIX)));
    }

    /// Whether some document has exactly this term in this field.
    fn known(&self, field: Field, text: &str) -> bool {
        let term = Term::from_field_text(field, text);
        self.searcher.doc_freq(&term).is_ok_and(|n| n > 0)
    }

    fn add(&mut self, field: Field, text: &str, kind: Kind, boost: f32) {
        if text.is_empty() || !self.seen.insert((field, text.to_string(), kind)) {
            return;
        }
        let term = Term::from_field_text(field, text);
        let query: Box<dyn Query> = match kind {
            Kind::Exact => Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
            Kind::Fuzzy => Box::new(FuzzyTermQuery::new(term, 1, true)),
            Kind::Prefix => Box::new(FuzzyTermQuery::new_prefix(term, 0, true)),
        };
        self.out.push(Box::new(BoostQuery::new(query, boost)));
    }
}

/// Pairs of neighbouring Chinese characters.
fn bigrams(chars: &[char]) -> Vec<String> {
    chars
        .windows(2)
        .filter(|pair| pair.iter().all(|c| is_cjk(*c)))
        .map(|pair| pair.iter().collect())
        .take(MAX_BIGRAMS_PER_WORD)
        .collect()
}
