//! Writing articles: what the editors' list and form read, and their saves.

use sqlx::{AnyPool, FromRow};

use super::Tx;
use crate::model::article_draft::CheckedDraft;

/// An article in the editors' list, with its English and Chinese titles where it has them.
#[derive(FromRow)]
pub struct ListedRow {
    pub id: i64,
    pub slug: String,
    pub section: String,
    pub publish_at: Option<i64>,
    pub en: Option<String>,
    pub zh: Option<String>,
}

/// The 500 articles edited last, the latest first.
pub async fn listed(pool: &AnyPool) -> Result<Vec<ListedRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.id, a.slug, a.section, a.publish_at, \
            (SELECT t.title FROM article_texts t WHERE t.article_id = a.id AND t.locale = 'en') AS en, \
            (SELECT t.title FROM article_texts t WHERE t.article_id = a.id AND t.locale = 'zh') AS zh \
         FROM articles a ORDER BY a.updated_at DESC, a.id DESC LIMIT 500",
    )
    .fetch_all(pool)
    .await
}

/// An article's own fields: slug, section, cover keyword, publishing time.
#[derive(FromRow)]
pub struct HeadRow {
    pub slug: String,
    pub section: String,
    pub cover: String,
    pub publish_at: Option<i64>,
}

pub async fn head(pool: &AnyPool, id: i64) -> Result<Option<HeadRow>, sqlx::Error> {
    sqlx::query_as("SELECT slug, section, cover, publish_at FROM articles WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// One language of an article, with its rendered body.
#[derive(FromRow)]
pub struct TextRow {
    pub locale: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub body_html: String,
}

pub async fn texts(pool: &AnyPool, id: i64) -> Result<Vec<TextRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT locale, title, summary, body, body_html FROM article_texts WHERE article_id = $1",
    )
    .bind(id)
    .fetch_all(pool)
    .await
}

/// Saves an article's own fields. `Ok(false)` when there is no such article; a slug
/// another article has fails with a unique violation.
pub async fn update(
    tx: &mut Tx,
    id: i64,
    draft: &CheckedDraft,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE articles SET slug = $1, section = $2, cover = $3, publish_at = $4, \
         updated_at = $5 WHERE id = $6",
    )
    .bind(&draft.slug)
    .bind(draft.section.code())
    .bind(&draft.cover)
    .bind(draft.publish_at)
    .bind(now)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A new article; `None` when its slug is taken.
pub async fn insert(
    tx: &mut Tx,
    draft: &CheckedDraft,
    now: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO articles (slug, section, kind, cover, publish_at, created_at, \
         updated_at) VALUES ($1, $2, 'article', $3, $4, $5, $5) \
         ON CONFLICT (slug) DO NOTHING RETURNING id",
    )
    .bind(&draft.slug)
    .bind(draft.section.code())
    .bind(&draft.cover)
    .bind(draft.publish_at)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await
}

/// One language's text of an article, as written and as rendered.
pub struct Text<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
    pub body_html: &'a str,
}

/// Writes one language's text of an article.
pub async fn put_text(
    tx: &mut Tx,
    id: i64,
    locale: &str,
    text: &Text<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO article_texts (article_id, locale, title, summary, body, body_html) \
         VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (article_id, locale) DO UPDATE SET title = excluded.title, \
         summary = excluded.summary, body = excluded.body, body_html = excluded.body_html",
    )
    .bind(id)
    .bind(locale)
    .bind(text.title)
    .bind(text.summary)
    .bind(text.body)
    .bind(text.body_html)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Removes one language's text of an article.
pub async fn drop_text(tx: &mut Tx, id: i64, locale: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM article_texts WHERE article_id = $1 AND locale = $2")
        .bind(id)
        .bind(locale)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
