//! Writing articles: editors see every article with the state of each language, and save
//! both languages side by side. A language is published only when its title and body
//! exist and the publishing time has come.

use sqlx::AnyPool;

use crate::backend::content::seed::put_text;
use crate::backend::db::article_writes as db;
use crate::backend::db::now_seconds;
use crate::error::{AppError, Problem};
use crate::model::article_draft::{ArticleDraft, EditorRow, LangState, parse_draft};
use crate::model::content::Section;

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
    let rows = db::listed(pool).await?;
    let now = now_seconds();
    Ok(rows
        .into_iter()
        .map(|r| EditorRow {
            id: r.id,
            slug: r.slug,
            section: Section::parse(&r.section).unwrap_or(Section::Culture),
            en: lang_state(r.en.is_some(), r.publish_at, now),
            zh: lang_state(r.zh.is_some(), r.publish_at, now),
            title: r.en.or(r.zh).unwrap_or_default(),
            publish_at: r.publish_at,
        })
        .collect())
}

/// An article as the editor form shows it.
pub async fn load(pool: &AnyPool, id: i64) -> Result<ArticleDraft, AppError> {
    let head = db::head(pool, id).await?.ok_or(AppError::NotFound)?;
    let mut draft = ArticleDraft {
        id: Some(id),
        slug: head.slug,
        section: head.section,
        cover: head.cover,
        publish_at: head.publish_at.map(crate::model::china_time::local_input),
        ..ArticleDraft::default()
    };
    for t in db::texts(pool, id).await? {
        let side = if t.locale == "en" {
            &mut draft.en
        } else {
            &mut draft.zh
        };
        side.title = t.title;
        side.summary = t.summary;
        side.body = t.body;
        side.preview_html = t.body_html;
    }
    Ok(draft)
}

/// Creates or updates an article with both languages; returns its id.
pub async fn save(pool: &AnyPool, draft: &ArticleDraft) -> Result<i64, AppError> {
    let checked = parse_draft(draft)?;
    let now = now_seconds();
    let mut tx = pool.begin().await?;
    let id = match draft.id {
        Some(id) => match db::update(&mut tx, id, &checked, now).await {
            Ok(true) => id,
            Ok(false) => return Err(AppError::NotFound),
            Err(e) if crate::backend::db::orders::is_unique_violation(&e) => {
                return Err(Problem::SlugTaken.into());
            }
            Err(e) => return Err(e.into()),
        },
        None => db::insert(&mut tx, &checked, now)
            .await?
            .ok_or(Problem::SlugTaken)?,
    };
    for (locale, side) in [("en", &checked.en), ("zh", &checked.zh)] {
        match side {
            Some((title, summary, body)) => {
                put_text(&mut tx, id, locale, title, summary, body).await?
            }
            None => {
                db::drop_text(&mut tx, id, locale).await?;
            }
        }
    }
    tx.commit().await?;
    Ok(id)
}
