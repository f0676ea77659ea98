//! The index layout: fields, how each is analyzed, and how a product becomes a document.

use std::path::Path;

use tantivy::directory::MmapDirectory;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{Index, IndexWriter, TantivyDocument, TantivyError, Term};

use super::{SearchDoc, SearchError, tokenizers};

/// The index's fields. Titles are indexed several ways; nothing is stored but the id (a
/// fast field): the database holds the products.
#[derive(Clone, Copy, Debug)]
pub(super) struct Fields {
    pub id: Field,
    pub title_en: Field,
    pub title_en_plain: Field,
    pub text_en: Field,
    pub title_zh: Field,
    pub text_zh: Field,
    pub title_pinyin: Field,
    pub title_ngram: Field,
}

pub(super) fn open_folder(dir: &Path, schema: Schema) -> Result<Index, SearchError> {
    std::fs::create_dir_all(dir).map_err(|source| SearchError::Folder {
        path: dir.to_path_buf(),
        source,
    })?;
    let directory =
        MmapDirectory::open(dir).map_err(|e| SearchError::OpenFolder(dir.to_path_buf(), e))?;
    Index::open_or_create(directory, schema).map_err(|e| match e {
        TantivyError::SchemaError(_) => SearchError::SchemaChanged(dir.to_path_buf()),
        other => SearchError::from(other),
    })
}

pub(super) fn schema() -> (Schema, Fields) {
    let text = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqs),
        )
    };
    let mut builder = Schema::builder();
    let fields = Fields {
        id: builder.add_i64_field("id", INDEXED | FAST),
        title_en: builder.add_text_field("title_en", text(tokenizers::EN_STEM)),
        title_en_plain: builder.add_text_field("title_en_plain", text(tokenizers::EN_PLAIN)),
        text_en: builder.add_text_field("text_en", text(tokenizers::EN_STEM)),
        title_zh: builder.add_text_field("title_zh", text(tokenizers::ZH_WORDS)),
        text_zh: builder.add_text_field("text_zh", text(tokenizers::ZH_WORDS)),
        title_pinyin: builder.add_text_field("title_pinyin", text(tokenizers::EN_PLAIN)),
        title_ngram: builder.add_text_field("title_ngram", text(tokenizers::ZH_NGRAMS)),
    };
    (builder.build(), fields)
}

/// Deletes then adds each doc, in order, so the last copy of a repeated id wins.
pub(super) fn add_docs(
    writer: &IndexWriter,
    fields: &Fields,
    docs: Vec<SearchDoc>,
) -> Result<(), SearchError> {
    for doc in docs {
        writer.delete_term(Term::from_field_i64(fields.id, doc.id));
        let mut out = TantivyDocument::default();
        out.add_i64(fields.id, doc.id);
        out.add_text(fields.title_en, &doc.title_en);
        out.add_text(fields.title_en_plain, &doc.title_en);
        out.add_text(fields.text_en, &doc.text_en);
        out.add_text(
            fields.title_pinyin,
            tokenizers::pinyin_field_text(&doc.title_zh),
        );
        out.add_text(fields.title_ngram, &doc.title_zh);
        out.add_text(fields.title_zh, doc.title_zh);
        out.add_text(fields.text_zh, doc.text_zh);
        writer.add_document(out)?;
    }
    Ok(())
}
