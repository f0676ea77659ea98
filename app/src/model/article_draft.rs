//! The article editor's form: both languages side by side, checked on both sides.

use serde::{Deserialize, Serialize};

use crate::error::Problem;
use crate::model::content::Section;

pub const TITLE_MAX_CHARS: usize = 120;
pub const SUMMARY_MAX_CHARS: usize = 400;
pub const BODY_MAX_CHARS: usize = 60_000;

/// One language of an article in the editor.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSide {
    pub title: String,
    #[serde(default)]
    pub summary: String,
    pub body: String,
    /// The saved text rendered and sanitised (shown as the preview; ignored when saving).
    #[serde(default)]
    pub preview_html: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDraft {
    #[serde(default)]
    pub id: Option<i64>,
    pub slug: String,
    pub section: String,
    #[serde(default)]
    pub cover: String,
    /// `YYYY-MM-DDTHH:MM` in China time; empty keeps the article a draft.
    #[serde(default)]
    pub publish_at: Option<String>,
    pub en: DraftSide,
    pub zh: DraftSide,
}

/// Where one language of an article stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LangState {
    Missing,
    Draft,
    Scheduled,
    Published,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditorRow {
    pub id: i64,
    pub slug: String,
    pub section: Section,
    pub title: String,
    pub en: LangState,
    pub zh: LangState,
    pub publish_at: Option<i64>,
}

/// A checked draft: each language either complete or absent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedDraft {
    pub slug: String,
    pub section: Section,
    pub cover: String,
    pub publish_at: Option<i64>,
    pub en: Option<(String, String, String)>,
    pub zh: Option<(String, String, String)>,
}

/// `YYYY-MM-DDTHH:MM` (or with `:SS`) in China time.
pub fn parse_local_time(text: &str) -> Result<i64, Problem> {
    let (date, time) = text.trim().split_once('T').ok_or(Problem::PublishAt)?;
    let numbers = |s: &str, sep: char| -> Vec<i64> {
        s.split(sep).map(|p| p.parse().unwrap_or(-1)).collect()
    };
    let d = numbers(date, '-');
    let t = numbers(time, ':');
    let (&[year, month, day], &[hour, minute, ..]) = (&d[..], &t[..]) else {
        return Err(Problem::PublishAt);
    };
    let valid = (2000..=2100).contains(&year)
        && (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && (0..=23).contains(&hour)
        && (0..=59).contains(&minute);
    if valid {
        Ok(super::china_time::seconds_at(
            year, month, day, hour, minute,
        ))
    } else {
        Err(Problem::PublishAt)
    }
}

fn side(side: &DraftSide) -> Result<Option<(String, String, String)>, Problem> {
    let title = side.title.trim();
    let summary = side.summary.trim();
    let body = side.body.trim();
    if title.is_empty() && body.is_empty() && summary.is_empty() {
        return Ok(None);
    }
    if title.is_empty() || title.chars().count() > TITLE_MAX_CHARS {
        return Err(Problem::ArticleTitle);
    }
    if body.is_empty() || body.chars().count() > BODY_MAX_CHARS {
        return Err(Problem::ArticleBody);
    }
    if summary.chars().count() > SUMMARY_MAX_CHARS {
        return Err(Problem::ArticleTitle);
    }
    Ok(Some((
        title.to_owned(),
        summary.to_owned(),
        body.to_owned(),
    )))
}

pub fn parse_draft(draft: &ArticleDraft) -> Result<CheckedDraft, Problem> {
    let slug = draft.slug.trim();
    let slug_ok = (3..=80).contains(&slug.len())
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    if !slug_ok {
        return Err(Problem::Slug);
    }
    let section = Section::parse(draft.section.trim()).ok_or(Problem::ArticleSection)?;
    let publish_at = match draft.publish_at.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(parse_local_time(text)?),
    };
    let (en, zh) = (side(&draft.en)?, side(&draft.zh)?);
    if en.is_none() && zh.is_none() {
        return Err(Problem::ArticleBody);
    }
    Ok(CheckedDraft {
        slug: slug.to_owned(),
        section,
        cover: draft.cover.trim().chars().take(80).collect(),
        publish_at,
        en,
        zh,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ArticleDraft {
        ArticleDraft {
            slug: "kalash-spring-festival".into(),
            section: "culture".into(),
            publish_at: Some("2026-12-01T09:30".into()),
            en: DraftSide {
                title: "Spring in the Kalash valleys".into(),
                body: "## Joshi\n\nMilk, flowers and dancing.".into(),
                ..DraftSide::default()
            },
            ..ArticleDraft::default()
        }
    }

    #[test]
    fn a_language_without_text_stays_unpublished_and_half_a_language_is_refused() {
        let checked = parse_draft(&draft()).expect("valid");
        assert!(checked.en.is_some());
        assert!(
            checked.zh.is_none(),
            "no Chinese text: not published in Chinese"
        );
        let mut half = draft();
        half.zh.title = "卡拉什人的春天".into();
        assert_eq!(parse_draft(&half), Err(Problem::ArticleBody));
        let mut empty = draft();
        empty.en = DraftSide::default();
        assert_eq!(parse_draft(&empty), Err(Problem::ArticleBody));
    }

    #[test]
    fn slugs_sections_and_times_are_checked() {
        let mut bad = draft();
        bad.slug = "Bad Slug".into();
        assert_eq!(parse_draft(&bad), Err(Problem::Slug));
        let mut bad = draft();
        bad.section = "politics".into();
        assert_eq!(parse_draft(&bad), Err(Problem::ArticleSection));
        let mut bad = draft();
        bad.publish_at = Some("tomorrow".into());
        assert_eq!(parse_draft(&bad), Err(Problem::PublishAt));
        let mut draft_only = draft();
        draft_only.publish_at = Some(String::new());
        assert_eq!(parse_draft(&draft_only).expect("valid").publish_at, None);
    }

    #[test]
    fn a_publishing_time_is_read_in_china_time() {
        // 2026-12-01 09:30 +08:00 = 01:30 UTC
        assert_eq!(parse_local_time("2026-12-01T09:30"), Ok(1_796_088_600));
        assert_eq!(parse_local_time("2026-12-01T09:30:00"), Ok(1_796_088_600));
    }
}
