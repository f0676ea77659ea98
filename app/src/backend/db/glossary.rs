//! Glossaries: the pavilion's shared one and each shop's own.

use sqlx::AnyPool;

use super::Tx;
use crate::model::Lang;
use crate::model::seller::GlossaryTerm;

/// The shared terms and the shop's, the shop's first; the shared terms' notes in `lang`.
pub async fn terms(
    pool: &AnyPool,
    shop_id: i64,
    lang: Lang,
) -> Result<Vec<GlossaryTerm>, sqlx::Error> {
    let rows: Vec<(String, String, String, Option<i64>)> = sqlx::query_as(
        "SELECT en, zh, CASE WHEN $2 = 'zh' AND note_zh <> '' THEN note_zh ELSE note END AS note, \
                shop_id \
         FROM glossary_terms WHERE shop_id = $1 OR shop_id IS NULL \
         ORDER BY CASE WHEN shop_id IS NULL THEN 1 ELSE 0 END, en",
    )
    .bind(shop_id)
    .bind(lang.code())
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(en, zh, note, shop)| GlossaryTerm {
            en,
            zh,
            note,
            shared: shop.is_none(),
        })
        .collect())
}

/// How many terms the shop keeps.
pub async fn shop_terms(pool: &AnyPool, shop_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM glossary_terms WHERE shop_id = $1")
        .bind(shop_id)
        .fetch_one(pool)
        .await
}

/// A shop's term.
pub async fn add(
    pool: &AnyPool,
    shop_id: i64,
    en: &str,
    zh: &str,
    note: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO glossary_terms (shop_id, en, zh, note) VALUES ($1, $2, $3, $4)")
        .bind(shop_id)
        .bind(en)
        .bind(zh)
        .bind(note)
        .execute(pool)
        .await?;
    Ok(())
}

/// How many shared terms there are, and how many of them have an English note without its
/// Chinese one.
pub async fn shared_state(pool: &AnyPool) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT), \
                CAST(COALESCE(SUM(CASE WHEN note <> '' AND note_zh = '' THEN 1 ELSE 0 END), 0) AS BIGINT) \
         FROM glossary_terms WHERE shop_id IS NULL",
    )
    .fetch_one(pool)
    .await
}

/// A shared term: (English, Chinese, English note, Chinese note).
pub type SharedTerm<'a> = (&'a str, &'a str, &'a str, &'a str);

pub async fn add_shared(
    tx: &mut Tx,
    (en, zh, note, note_zh): SharedTerm<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO glossary_terms (shop_id, en, zh, note, note_zh) VALUES (NULL, $1, $2, $3, $4)",
    )
    .bind(en)
    .bind(zh)
    .bind(note)
    .bind(note_zh)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Gives a shared term loaded before the notes were translated its Chinese note.
pub async fn translate_shared_note(
    tx: &mut Tx,
    (en, zh, note, note_zh): SharedTerm<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE glossary_terms SET note_zh = $4 \
         WHERE shop_id IS NULL AND en = $1 AND zh = $2 AND note = $3 AND note_zh = ''",
    )
    .bind(en)
    .bind(zh)
    .bind(note)
    .bind(note_zh)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
