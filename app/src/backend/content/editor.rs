//! Writing articles: editors see every article with the state of each language, and save
//! both languages side by side. A language is published only when its title and body
//! exist and the publishing time has come.

use sqlx::{AnyPool, Row};

use crate::backend::content::seed::put_text;
use crate::backend::db::now_seconds;
use crate::error::{AppError, Problem};
use crate::model::content::Section;
use crate::model::editor::{ArticleDraft, EditorRow, LangState, parse_draft};

/// The state of one language of an article.
fn lang_state(has_text: bool, publish_at: Option<i64>, now: i64) -> LangState {
    match (has_text, publish_at) {
        (false, _) => LangState::Missing,
        (true, None) => LangState::Draft,
        (true, Some(at)) if at > now => LangState::Scheduled,
        (true, Some(_)) => LangState::Published,
    }
}

pub async fn list(pool: &AnyPool) -> Result<Vec<EditorRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT a.id, a.slug, a.section, a.publish_at, \
            (SELECT t.title FROM article_texts t WHERE t.article_id = a.id AND t.locale = 'en') AS en, \
            (SELECT t.title FROM article_texts t WHERE t.article_id = a.id AND t.locale = 'zh') AS zh \
         FROM articles a ORDER BY a.updated_at DESC, a.id DESC LIMIT 500",
    )
    .fetch_all(pool)
    .await?;
    let now = now_seconds();
    rows.iter()
        .map(|r| {
            let publish_at: Option<i64> = r.try_get("publish_at")?;
            let en: Option<String> = r.try_get("en")?;
            let zh: Option<String> = r.try_get("zh")?;
            let section: String = r.try_get("section")?;
            Ok(EditorRow {
                id: r.try_get("id")?,
                slug: r.try_get("slug")?,
                section: Section::parse(&section).unwrap_or(Section::Culture),
                en: lang_state(en.is_some(), publish_at, now),
                zh: lang_state(zh.is_some(), publish_at, now),
                title: en.or(zh).unwrap_or_default(),
                publish_at,
            })
        })
        .collect()
}

/// An article as the editor form shows it.
pub async fn load(pool: &AnyPool, id: i64) -> Result<ArticleDraft, AppError> {
    let head = sqlx::query("SELECT slug, section, cover, publish_at FROM articles WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut draft = ArticleDraft {
        id: Some(id),
        slug: head.try_get("slug")?,
        section: head.try_get("section")?,
        cover: head.try_get("cover")?,
        publish_at: head
            .try_get::<Option<i64>, _>("publish_at")?
            .map(crate::model::china_time::local_input),
        ..ArticleDraft::default()
    };
    let texts = sqlx::query(
        "SELECT locale, title, summary, body, body_html FROM article_texts WHERE article_id = $1",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    for t in texts {
        let locale: String = t.try_get("locale")?;
        let side = if locale == "en" {
            &mut draft.en
        } else {
            &mut draft.zh
        };
        side.title = t.try_get("title")?;
        side.summary = t.try_get("summary")?;
        side.body = t.try_get("body")?;
        side.preview_html = t.try_get("body_html")?;
    }
    Ok(draft)
}

/// Creates or updates an article with both languages; returns its id.
pub async fn save(pool: &AnyPool, draft: &ArticleDraft) -> Result<i64, AppError> {
    let checked = parse_draft(draft)?;
    let now = now_seconds();
    let mut tx = pool.begin().await?;
    let id = match draft.id {
        Some(id) => {
            let done = sqlx::query(
                "UPDATE articles SET slug = $1, section = $2, cover = $3, publish_at = $4, \
                 updated_at = $5 WHERE id = $6",
            )
            .bind(&checked.slug)
            .bind(checked.section.code())
            .bind(&checked.cover)
            .bind(checked.publish_at)
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await;
            match done {
                Ok(done) if done.rows_affected() == 1 => id,
                Ok(_) => return Err(AppError::NotFound),
                Err(e) if crate::backend::db::orders::is_unique_violation(&e) => {
                    return Err(Problem::SlugTaken.into());
                }
                Err(e) => return Err(e.into()),
            }
        }
        None => {
            let inserted = sqlx::query(
                "INSERT INTO articles (slug, section, kind, cover, publish_at, created_at, \
                 updated_at) VALUES ($1, $2, 'article', $3, $4, $5, $5) \
                 ON CONFLICT (slug) DO NOTHING RETURNING id",
            )
            .bind(&checked.slug)
            .bind(checked.section.code())
            .bind(&checked.cover)
            .bind(checked.publish_at)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?;
            inserted
                .map(|r| r.try_get::<i64, _>("id"))
                .transpose()?
                .ok_or(Problem::SlugTaken)?
        }
    };
    for (locale, side) in [("en", &checked.en), ("zh", &checked.zh)] {
        match side {
            Some((title, summary, body)) => {
                put_text(&mut tx, id, locale, title, summary, body).await?
            }
            None => {
                sqlx::query("DELETE FROM article_texts WHERE article_id = $1 AND locale = $2")
                    .bind(id)
                    .bind(locale)
                    .execute(&mut *tx)
                    .await?;
            }
        }
    }
    tx.commit().await?;
    Ok(id)
}
