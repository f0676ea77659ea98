//! Published content as stored: articles and their texts, recipes, destinations, the
//! pavilions and the editors' choices for the home page. An article is published in a
//! language when it has that language's text and its publishing time (`now`) has come.

use sqlx::any::AnyRow;
use sqlx::{AnyPool, FromRow};

use crate::model::Lang;
use crate::model::content::{ArticleKind, Destination, Section};

const CARD_COLUMNS: &str = "a.id, a.slug, a.section, a.kind, a.cover, a.publish_at, t.title, \
    t.summary, t.body";

/// A published article in one language, as its card shows it.
#[derive(FromRow)]
pub struct CardRow {
    pub id: i64,
    pub slug: String,
    pub section: String,
    pub kind: String,
    pub publish_at: Option<i64>,
    pub title: String,
    pub summary: String,
    pub body: String,
}

/// Published articles of a section (or of all sections), newest first.
pub async fn cards(
    pool: &AnyPool,
    section: Option<Section>,
    lang: Lang,
    limit: i64,
    now: i64,
) -> Result<Vec<CardRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {CARD_COLUMNS} FROM articles a \
         JOIN article_texts t ON t.article_id = a.id AND t.locale = $1 \
         WHERE a.publish_at IS NOT NULL AND a.publish_at <= $2 \
         AND ($3 = '' OR a.section = $3) \
         ORDER BY a.publish_at DESC, a.id DESC LIMIT $4"
    ))
    .bind(lang.code())
    .bind(now)
    .bind(section.map_or("", Section::code))
    .bind(limit)
    .fetch_all(pool)
    .await
}

/// A published article in one language with its rendered body.
#[derive(FromRow)]
pub struct PageRow {
    #[sqlx(flatten)]
    pub card: CardRow,
    pub body_html: String,
}

pub async fn page(
    pool: &AnyPool,
    slug: &str,
    lang: Lang,
    now: i64,
) -> Result<Option<PageRow>, sqlx::Error> {
    published_by_slug(
        pool,
        &format!("{CARD_COLUMNS}, t.body_html"),
        slug,
        lang,
        now,
    )
    .await
}

/// A published article's card by slug.
pub async fn card_by_slug(
    pool: &AnyPool,
    slug: &str,
    lang: Lang,
    now: i64,
) -> Result<Option<CardRow>, sqlx::Error> {
    published_by_slug(pool, CARD_COLUMNS, slug, lang, now).await
}

/// `columns` of the article published at `slug` in `lang`, read as `R`.
async fn published_by_slug<R>(
    pool: &AnyPool,
    columns: &str,
    slug: &str,
    lang: Lang,
    now: i64,
) -> Result<Option<R>, sqlx::Error>
where
    R: for<'r> FromRow<'r, AnyRow> + Send + Unpin,
{
    sqlx::query_as(&format!(
        "SELECT {columns} FROM articles a \
         JOIN article_texts t ON t.article_id = a.id AND t.locale = $1 \
         WHERE a.slug = $2 AND a.publish_at IS NOT NULL AND a.publish_at <= $3"
    ))
    .bind(lang.code())
    .bind(slug)
    .bind(now)
    .fetch_optional(pool)
    .await
}

/// Published articles of a kind, newest first: (slug, title).
pub async fn titles_of_kind(
    pool: &AnyPool,
    kind: ArticleKind,
    lang: Lang,
    now: i64,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.slug, t.title FROM articles a \
         JOIN article_texts t ON t.article_id = a.id AND t.locale = $1 \
         WHERE a.kind = $2 AND a.publish_at IS NOT NULL AND a.publish_at <= $3 \
         ORDER BY a.publish_at DESC, a.id DESC",
    )
    .bind(lang.code())
    .bind(kind.code())
    .bind(now)
    .fetch_all(pool)
    .await
}

/// A recipe's servings and minutes of preparation and cooking.
pub async fn recipe_head(pool: &AnyPool, article_id: i64) -> Result<(i64, i64, i64), sqlx::Error> {
    sqlx::query_as("SELECT servings, prep_minutes, cook_minutes FROM recipes WHERE article_id = $1")
        .bind(article_id)
        .fetch_one(pool)
        .await
}

/// A recipe's ingredients in one language, in order: (quantity, name, product id).
pub async fn ingredients(
    pool: &AnyPool,
    article_id: i64,
    lang: Lang,
) -> Result<Vec<(String, String, Option<i64>)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT quantity, name, product_id FROM recipe_ingredients \
         WHERE article_id = $1 AND locale = $2 ORDER BY position",
    )
    .bind(article_id)
    .bind(lang.code())
    .fetch_all(pool)
    .await
}

/// A recipe's steps in one language, in order.
pub async fn steps(
    pool: &AnyPool,
    article_id: i64,
    lang: Lang,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT text FROM recipe_steps WHERE article_id = $1 AND locale = $2 ORDER BY position",
    )
    .bind(article_id)
    .bind(lang.code())
    .fetch_all(pool)
    .await
}

/// The products a published recipe's ingredients link to.
pub async fn recipe_products(
    pool: &AnyPool,
    slug: &str,
    now: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT DISTINCT i.product_id FROM recipe_ingredients i \
         JOIN articles a ON a.id = i.article_id \
         WHERE a.slug = $1 AND a.kind = 'recipe' AND i.product_id IS NOT NULL \
         AND a.publish_at IS NOT NULL AND a.publish_at <= $2",
    )
    .bind(slug)
    .bind(now)
    .fetch_all(pool)
    .await
}

#[derive(FromRow)]
struct DestinationRow {
    best_season: String,
    getting_there: String,
    visa_notes: String,
}

/// A destination's practical notes in one language.
pub async fn destination(
    pool: &AnyPool,
    article_id: i64,
    lang: Lang,
) -> Result<Option<Destination>, sqlx::Error> {
    let row: Option<DestinationRow> = sqlx::query_as(
        "SELECT best_season, getting_there, visa_notes FROM destination_texts \
         WHERE article_id = $1 AND locale = $2",
    )
    .bind(article_id)
    .bind(lang.code())
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| Destination {
        best_season: r.best_season,
        getting_there: r.getting_there,
        visa_notes: r.visa_notes,
    }))
}

/// The cities a destination article is about.
pub async fn destination_cities(pool: &AnyPool, article_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT city_id FROM destination_cities WHERE article_id = $1")
        .bind(article_id)
        .fetch_all(pool)
        .await
}

/// The products an article links to, in order.
pub async fn linked_products(pool: &AnyPool, article_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT product_id FROM article_products WHERE article_id = $1 ORDER BY position",
    )
    .bind(article_id)
    .fetch_all(pool)
    .await
}

/// A pavilion in one language, with where it stands.
#[derive(FromRow)]
pub struct PavilionRow {
    pub slug: String,
    pub lon_micro: i64,
    pub lat_micro: i64,
    pub phone: String,
    pub name: String,
    pub address: String,
    pub hours: String,
    pub offers_html: String,
}

pub async fn pavilions(pool: &AnyPool, lang: Lang) -> Result<Vec<PavilionRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.slug, p.lon_micro, p.lat_micro, p.phone, t.name, t.address, t.hours, \
                t.offers_html FROM pavilions p \
         JOIN pavilion_texts t ON t.pavilion_id = p.id AND t.locale = $1 ORDER BY p.position",
    )
    .bind(lang.code())
    .fetch_all(pool)
    .await
}

/// Every published (slug, locale), by article.
pub async fn published_locales(
    pool: &AnyPool,
    now: i64,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.slug, t.locale FROM articles a JOIN article_texts t ON t.article_id = a.id \
         WHERE a.publish_at IS NOT NULL AND a.publish_at <= $1 ORDER BY a.id, t.locale",
    )
    .bind(now)
    .fetch_all(pool)
    .await
}

/// What an article's cover is drawn from.
#[derive(FromRow)]
pub struct CoverRow {
    pub section: String,
    pub cover: String,
    /// The English title, or the first title the article has.
    pub title: String,
    /// 1 when published in some language.
    pub published: i64,
}

pub async fn cover(pool: &AnyPool, slug: &str, now: i64) -> Result<Option<CoverRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.section, a.cover, \
         COALESCE((SELECT t.title FROM article_texts t WHERE t.article_id = a.id \
                   ORDER BY CASE WHEN t.locale = 'en' THEN 0 ELSE 1 END, t.locale LIMIT 1), '') \
           AS title, \
         CAST(CASE WHEN a.publish_at IS NOT NULL AND a.publish_at <= $2 \
           AND EXISTS (SELECT 1 FROM article_texts t WHERE t.article_id = a.id) \
           THEN 1 ELSE 0 END AS BIGINT) AS published \
         FROM articles a WHERE a.slug = $1",
    )
    .bind(slug)
    .bind(now)
    .fetch_optional(pool)
    .await
}

/// An editor's choice for the home page (`home.recipe`, `home.destination`).
pub async fn setting(pool: &AnyPool, name: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT value FROM site_settings WHERE name = $1")
        .bind(name)
        .fetch_optional(pool)
        .await
}

pub async fn set_setting(pool: &AnyPool, name: &str, value: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO site_settings (name, value) VALUES ($1, $2) \
         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    )
    .bind(name)
    .bind(value)
    .execute(pool)
    .await?;
    Ok(())
}

/// Withdraws a published article: it has no publishing time any more. Returns its slug and
/// the time it had; `None` when there is no such article.
pub async fn withdraw(
    tx: &mut super::Tx,
    article_id: i64,
) -> Result<Option<(String, Option<i64>)>, sqlx::Error> {
    let found: Option<(String, Option<i64>)> =
        sqlx::query_as("SELECT slug, publish_at FROM articles WHERE id = $1")
            .bind(article_id)
            .fetch_optional(&mut **tx)
            .await?;
    if found.is_some() {
        sqlx::query("UPDATE articles SET publish_at = NULL WHERE id = $1")
            .bind(article_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(found)
}
