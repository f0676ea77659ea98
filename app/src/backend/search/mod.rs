//! Product search: tantivy with Chinese word segmentation (jieba), English stemming,
//! pinyin and typo tolerance.
//!
//! Every query searches both languages' fields, so a shopper finds a product whatever
//! language it matched in. The index is derived data: the database is the truth, and
//! `replace_all` rebuilds it from there. Writes block (commit + reload): call them from
//! `spawn_blocking` in async code. Searches are cheap and lock-free.

mod highlight;
mod query;
mod schema;
#[cfg(test)]
mod tests;
mod tokenizers;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use tantivy::collector::TopDocs;
use tantivy::columnar::Column;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyError, Term};

pub use highlight::highlight;
use query::Matching;
use schema::{Fields, add_docs, open_folder, schema};

/// One product as the index sees it. Texts are already joined by the caller.
#[derive(Clone, Debug)]
pub struct SearchDoc {
    pub id: i64,
    pub title_en: String,
    pub title_zh: String,
    /// summary, description, category, shop and city names in English
    pub text_en: String,
    /// the same in Chinese
    pub text_zh: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    pub id: i64,
    pub score: f32,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Tantivy(#[from] TantivyError),
    #[error("search index folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("search index folder {0}: {1}")]
    OpenFolder(PathBuf, tantivy::directory::error::OpenDirectoryError),
    /// The folder holds an index of an older schema. It is derived data: delete the folder
    /// and the next start rebuilds it.
    #[error("search index folder {0} holds an index with another schema; delete it to rebuild")]
    SchemaChanged(PathBuf),
}

/// The most hits one call returns, whatever `limit` asks for.
pub const MAX_LIMIT: usize = 10_000;
/// Memory for the one writer.
const WRITER_HEAP_BYTES: usize = 50_000_000;
/// Normalized queries are cut to this many characters.
const MAX_QUERY_CHARS: usize = 100;

/// Cheap to clone (Arc inside), Send + Sync; one per server process.
#[derive(Clone)]
pub struct SearchIndex {
    inner: Arc<Inner>,
}

struct Inner {
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("docs", &self.doc_count())
            .finish()
    }
}

impl SearchIndex {
    /// `Some(dir)`: an on-disk index in that folder (created if missing);  `None`: in RAM (tests).
    pub fn open(dir: Option<&Path>) -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema();
        let index = match dir {
            None => Index::create_in_ram(schema),
            Some(dir) => open_folder(dir, schema)?,
        };
        tokenizers::register(index.tokenizers());
        tokenizers::warm_up();
        // One thread: a catalogue is small, and one segment per commit keeps searches fast.
        let writer = index.writer_with_num_threads(1, WRITER_HEAP_BYTES)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            inner: Arc::new(Inner {
                reader,
                writer: Mutex::new(writer),
                fields,
            }),
        })
    }

    /// Replaces every document (a full rebuild); visible to searches when it returns.
    #[tracing::instrument(skip_all, fields(docs.count = docs.len()), err)]
    pub fn replace_all(&self, docs: Vec<SearchDoc>) -> Result<(), SearchError> {
        self.write(|writer, fields| {
            writer.delete_all_documents()?;
            add_docs(writer, fields, docs)
        })
    }

    /// Adds or replaces these documents (by id); visible when it returns.
    #[tracing::instrument(skip_all, fields(docs.count = docs.len()), err)]
    pub fn upsert(&self, docs: Vec<SearchDoc>) -> Result<(), SearchError> {
        self.write(|writer, fields| add_docs(writer, fields, docs))
    }

    /// Removes documents by id; visible when it returns.
    #[tracing::instrument(skip_all, fields(ids.count = ids.len()), err)]
    pub fn remove(&self, ids: &[i64]) -> Result<(), SearchError> {
        self.write(|writer, fields| {
            for id in ids {
                writer.delete_term(Term::from_field_i64(fields.id, *id));
            }
            Ok(())
        })
    }

    pub fn doc_count(&self) -> u64 {
        self.inner.reader.searcher().num_docs()
    }

    /// Ranked ids for a raw user query (any language, any garbage), best first, at most `limit`
    /// (and at most [`MAX_LIMIT`]). An empty or meaningless query returns an empty Vec.
    /// Products must match most of the words; if none does, any word will do.
    pub fn search(&self, raw_query: &str, limit: usize) -> Result<Vec<SearchHit>, SearchError> {
        self.run_or_loosen(raw_query, limit, Matching::Most, false)
    }

    /// As-you-type: ids of the best matches for a partial query, treating the last word as a
    /// prefix. Every word must match; if none does, any word may.
    pub fn suggest(&self, raw_query: &str, limit: usize) -> Result<Vec<SearchHit>, SearchError> {
        self.run_or_loosen(raw_query, limit, Matching::All, true)
    }

    /// Runs the query with `matching`, then, if that found nothing, with any word matching.
    fn run_or_loosen(
        &self,
        raw_query: &str,
        limit: usize,
        matching: Matching,
        prefix_last: bool,
    ) -> Result<Vec<SearchHit>, SearchError> {
        let normalized = normalize_query(raw_query);
        let hits = self.run(&normalized, limit, matching, prefix_last)?;
        // One word matches the same way, strict or not.
        if hits.is_empty() && normalized.contains(' ') {
            return self.run(&normalized, limit, Matching::Any, prefix_last);
        }
        Ok(hits)
    }

    fn run(
        &self,
        normalized: &str,
        limit: usize,
        matching: Matching,
        prefix_last: bool,
    ) -> Result<Vec<SearchHit>, SearchError> {
        let limit = limit.min(MAX_LIMIT);
        if limit == 0 {
            return Ok(Vec::new());
        }
        let searcher = self.inner.reader.searcher();
        let fields = &self.inner.fields;
        let Some(query) = query::build(fields, &searcher, normalized, matching, prefix_last) else {
            return Ok(Vec::new());
        };
        let top = searcher.search(&*query, &TopDocs::with_limit(limit).order_by_score())?;
        // One id column per segment, opened on first use.
        let mut columns: Vec<Option<Column<i64>>> = vec![None; searcher.segment_readers().len()];
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let ord = address.segment_ord as usize;
            let column = match columns.get_mut(ord) {
                Some(Some(column)) => column,
                Some(slot) => slot.insert(
                    searcher
                        .segment_reader(address.segment_ord)
                        .fast_fields()
                        .i64("id")?,
                ),
                None => continue,
            };
            if let Some(id) = column.first(address.doc_id) {
                hits.push(SearchHit { id, score });
            }
        }
        Ok(hits)
    }

    /// Runs `change` on the writer, commits and reloads the reader; on failure rolls back, so
    /// a half-done change never shows up in a later commit.
    fn write(
        &self,
        change: impl FnOnce(&IndexWriter, &Fields) -> Result<(), SearchError>,
    ) -> Result<(), SearchError> {
        let mut writer = self.lock_writer()?;
        let result = change(&writer, &self.inner.fields)
            .and_then(|()| writer.commit().map(|_| ()).map_err(SearchError::from));
        if let Err(error) = result {
            if let Err(rollback) = writer.rollback() {
                tracing::error!(error = %rollback, "search index rollback failed");
            }
            return Err(error);
        }
        self.inner.reader.reload()?;
        Ok(())
    }

    /// The writer; after a panic elsewhere left the lock poisoned, drops whatever that
    /// change left uncommitted and carries on.
    fn lock_writer(&self) -> Result<MutexGuard<'_, IndexWriter>, SearchError> {
        match self.inner.writer.lock() {
            Ok(guard) => Ok(guard),
            Err(poisoned) => {
                let mut guard = poisoned.into_inner();
                guard.rollback()?;
                self.inner.writer.clear_poison();
                Ok(guard)
            }
        }
    }
}

/// Strips control characters, collapses whitespace, caps at 100 chars (on a char boundary).
/// Full-width letters and digits, as a Chinese keyboard may type them (`ｍａｎｇｏ`), become
/// ASCII.
pub fn normalize_query(raw: &str) -> String {
    let cleaned: String = raw
        .chars()
        .filter(|c| c.is_whitespace() || !c.is_control())
        .map(fold_full_width)
        .collect();
    let collapsed = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let capped: String = collapsed.chars().take(MAX_QUERY_CHARS).collect();
    capped.trim_end().to_string()
}

/// `ａ` → `a`, `！` → `!`: the full-width forms of printable ASCII.
fn fold_full_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}
