//! Glossaries: the pavilion's shared one (seeded) and each shop's own.

use sqlx::AnyPool;

use crate::backend::db::glossary;

use crate::error::{AppError, Problem};
use crate::model::Lang;
use crate::model::seller::GlossaryTerm;

/// The most terms a shop keeps.
const SHOP_TERMS_MAX: i64 = 500;

/// The shared terms and the shop's, the shop's first; the shared terms' notes in `lang`.
pub async fn terms(
    pool: &AnyPool,
    shop_id: i64,
    lang: Lang,
) -> Result<Vec<GlossaryTerm>, sqlx::Error> {
    glossary::terms(pool, shop_id, lang).await
}

pub async fn add(
    pool: &AnyPool,
    shop_id: i64,
    en: &str,
    zh: &str,
    note: &str,
) -> Result<(), AppError> {
    let (en, zh, note) = (en.trim(), zh.trim(), note.trim());
    let fits = |s: &str, max: usize| !s.is_empty() && s.chars().count() <= max;
    if !fits(en, 80) || !fits(zh, 80) || note.chars().count() > 200 {
        return Err(Problem::ProductText.into());
    }
    if glossary::shop_terms(pool, shop_id).await? >= SHOP_TERMS_MAX {
        return Err(Problem::ProductText.into());
    }
    glossary::add(pool, shop_id, en, zh, note).await?;
    Ok(())
}

#[derive(serde::Deserialize)]
struct SeedTerm {
    en: String,
    zh: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    note_zh: String,
}

/// Loads the shared glossary once (when it is empty), and gives a glossary loaded before
/// the notes were translated its Chinese notes.
pub async fn seed_shared(pool: &AnyPool) -> Result<usize, AppError> {
    let (present, untranslated) = glossary::shared_state(pool).await?;
    if present > 0 && untranslated == 0 {
        return Ok(0);
    }
    let terms: Vec<SeedTerm> = serde_json::from_str(include_str!("../seed/content/glossary.json"))
        .map_err(|error| AppError::internal("parsing the shared glossary", error))?;
    let mut tx = pool.begin().await?;
    for term in &terms {
        let shared = (
            term.en.as_str(),
            term.zh.as_str(),
            term.note.as_str(),
            term.note_zh.as_str(),
        );
        if present == 0 {
            glossary::add_shared(&mut tx, shared).await?;
        } else {
            glossary::translate_shared_note(&mut tx, shared).await?;
        }
    }
    tx.commit().await?;
    Ok(terms.len())
}
