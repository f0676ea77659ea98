//! Glossaries: the pavilion's shared one (seeded) and each shop's own.

use sqlx::{AnyPool, Row};

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
    let rows = sqlx::query(
        "SELECT en, zh, CASE WHEN $2 = 'zh' AND note_zh <> '' THEN note_zh ELSE note END AS note, \
                shop_id \
         FROM glossary_terms WHERE shop_id = $1 OR shop_id IS NULL \
         ORDER BY CASE WHEN shop_id IS NULL THEN 1 ELSE 0 END, en",
    )
    .bind(shop_id)
    .bind(lang.code())
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(GlossaryTerm {
                en: r.try_get("en")?,
                zh: r.try_get("zh")?,
                note: r.try_get("note")?,
                shared: r.try_get::<Option<i64>, _>("shop_id")?.is_none(),
            })
        })
        .collect()
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
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM glossary_terms WHERE shop_id = $1")
        .bind(shop_id)
        .fetch_one(pool)
        .await?;
    if count >= SHOP_TERMS_MAX {
        return Err(Problem::ProductText.into());
    }
    sqlx::query("INSERT INTO glossary_terms (shop_id, en, zh, note) VALUES ($1, $2, $3, $4)")
        .bind(shop_id)
        .bind(en)
        .bind(zh)
        .bind(note)
        .execute(pool)
        .await?;
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
    let (present, untranslated): (i64, i64) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT), \
                CAST(COALESCE(SUM(CASE WHEN note <> '' AND note_zh = '' THEN 1 ELSE 0 END), 0) AS BIGINT) \
         FROM glossary_terms WHERE shop_id IS NULL",
    )
    .fetch_one(pool)
    .await?;
    if present > 0 && untranslated == 0 {
        return Ok(0);
    }
    let terms: Vec<SeedTerm> = serde_json::from_str(include_str!("../seed/content/glossary.json"))
        .map_err(|error| AppError::internal("parsing the shared glossary", error))?;
    let mut tx = pool.begin().await?;
    for term in &terms {
        let sql = if present == 0 {
            "INSERT INTO glossary_terms (shop_id, en, zh, note, note_zh) VALUES (NULL, $1, $2, $3, $4)"
        } else {
            "UPDATE glossary_terms SET note_zh = $4 \
             WHERE shop_id IS NULL AND en = $1 AND zh = $2 AND note = $3 AND note_zh = ''"
        };
        sqlx::query(sql)
            .bind(&term.en)
            .bind(&term.zh)
            .bind(&term.note)
            .bind(&term.note_zh)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(terms.len())
}
