//! Reading published content. An article is published in a language when it has that
//! language's text and its publishing time has come.

use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

use crate::backend::AppState;
use crate::backend::content::map::{MapPoint, PointKind, schematic_map};
use crate::backend::content::markdown::reading_minutes;
use crate::backend::db::now_seconds;
use crate::error::AppError;
use crate::model::content::{
    ArticleCard, ArticleKind, ArticlePage, Destination, HomeStories, Ingredient, Pavilion,
    PavilionsPage, Recipe, Section,
};
use crate::model::{Lang, ProductCard};

const CARD_COLUMNS: &str = "a.id, a.slug, a.section, a.kind, a.cover, a.publish_at, t.title, \
    t.summary, t.body";

fn card(row: &AnyRow, lang: Lang) -> Result<(i64, ArticleCard), sqlx::Error> {
    let section: String = row.try_get("section")?;
    let kind: String = row.try_get("kind")?;
    let body: String = row.try_get("body")?;
    let slug: String = row.try_get("slug")?;
    Ok((
        row.try_get("id")?,
        ArticleCard {
            cover: format!("/media/articles/{slug}.svg"),
            slug,
            section: Section::parse(&section).unwrap_or(Section::Culture),
            kind: ArticleKind::parse(&kind),
            title: row.try_get("title")?,
            summary: row.try_get("summary")?,
            published_on: crate::model::china_time::date(
                row.try_get::<Option<i64>, _>("publish_at")?.unwrap_or(0),
            ),
            reading_minutes: reading_minutes(&body, lang == Lang::Zh),
        },
    ))
}

/// Published articles of a section (or of all sections), newest first.
pub async fn list(
    pool: &AnyPool,
    section: Option<Section>,
    lang: Lang,
    limit: i64,
) -> Result<Vec<ArticleCard>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT {CARD_COLUMNS} FROM articles a \
         JOIN article_texts t ON t.article_id = a.id AND t.locale = $1 \
         WHERE a.publish_at IS NOT NULL AND a.publish_at <= $2 \
         AND ($3 = '' OR a.section = $3) \
         ORDER BY a.publish_at DESC, a.id DESC LIMIT $4"
    ))
    .bind(lang.code())
    .bind(now_seconds())
    .bind(section.map_or("", Section::code))
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.iter().map(|r| card(r, lang).map(|(_, c)| c)).collect()
}

/// A published article in a language, with its recipe or guide and what it links to.
pub async fn article(state: &AppState, slug: &str, lang: Lang) -> Result<ArticlePage, AppError> {
    let pool = &state.pool;
    let row = sqlx::query(&format!(
        "SELECT {CARD_COLUMNS}, t.body_html FROM articles a \
         JOIN article_texts t ON t.article_id = a.id AND t.locale = $1 \
         WHERE a.slug = $2 AND a.publish_at IS NOT NULL AND a.publish_at <= $3"
    ))
    .bind(lang.code())
    .bind(slug)
    .bind(now_seconds())
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let (id, card) = card(&row, lang)?;
    let body_html: String = row.try_get("body_html")?;
    let recipe = match card.kind {
        ArticleKind::Recipe => Some(recipe(state, id, lang).await?),
        _ => None,
    };
    let destination = match card.kind {
        ArticleKind::Destination => destination(pool, id, lang).await?,
        _ => None,
    };
    let related = list(pool, Some(card.section), lang, 4)
        .await?
        .into_iter()
        .filter(|c| c.slug != card.slug)
        .take(3)
        .collect();
    let products = products(state, id, card.kind, lang).await?;
    Ok(ArticlePage {
        card,
        body_html,
        recipe,
        destination,
        related,
        products,
    })
}

async fn recipe(state: &AppState, id: i64, lang: Lang) -> Result<Recipe, AppError> {
    let pool = &state.pool;
    let head = sqlx::query(
        "SELECT servings, prep_minutes, cook_minutes FROM recipes WHERE article_id = $1",
    )
    .bind(id)
    .fetch_one(pool)
    .await?;
    let rows = sqlx::query(
        "SELECT quantity, name, product_id FROM recipe_ingredients \
         WHERE article_id = $1 AND locale = $2 ORDER BY position",
    )
    .bind(id)
    .bind(lang.code())
    .fetch_all(pool)
    .await?;
    let catalog = state.catalog.get();
    let ingredients = rows
        .iter()
        .map(|r| {
            let product = r
                .try_get::<Option<i64>, _>("product_id")?
                .and_then(|pid| catalog.product_by_id.get(&pid))
                .map(|&i| {
                    let p = &catalog.products[i];
                    (p.slug.clone(), p.title.get(lang).to_owned(), p.in_stock)
                });
            Ok(Ingredient {
                quantity: r.try_get("quantity")?,
                name: r.try_get("name")?,
                product,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let steps = sqlx::query(
        "SELECT text FROM recipe_steps WHERE article_id = $1 AND locale = $2 ORDER BY position",
    )
    .bind(id)
    .bind(lang.code())
    .fetch_all(pool)
    .await?
    .iter()
    .map(|r| r.try_get("text"))
    .collect::<Result<Vec<String>, _>>()?;
    Ok(Recipe {
        servings: head.try_get("servings")?,
        prep_minutes: head.try_get("prep_minutes")?,
        cook_minutes: head.try_get("cook_minutes")?,
        ingredients,
        steps,
    })
}

async fn destination(
    pool: &AnyPool,
    id: i64,
    lang: Lang,
) -> Result<Option<Destination>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT best_season, getting_there, visa_notes FROM destination_texts \
         WHERE article_id = $1 AND locale = $2",
    )
    .bind(id)
    .bind(lang.code())
    .fetch_optional(pool)
    .await?;
    row.map(|r| {
        Ok(Destination {
            best_season: r.try_get("best_season")?,
            getting_there: r.try_get("getting_there")?,
            visa_notes: r.try_get("visa_notes")?,
        })
    })
    .transpose()
}

/// The products an article links to; for a destination, the goods of its region.
async fn products(
    state: &AppState,
    id: i64,
    kind: ArticleKind,
    lang: Lang,
) -> Result<Vec<ProductCard>, sqlx::Error> {
    let catalog = state.catalog.get();
    if kind == ArticleKind::Destination {
        let rows = sqlx::query("SELECT city_id FROM destination_cities WHERE article_id = $1")
            .bind(id)
            .fetch_all(&state.pool)
            .await?;
        let cities: Vec<i64> = rows
            .iter()
            .filter_map(|r| r.try_get("city_id").ok())
            .collect();
        return Ok(catalog
            .products
            .iter()
            .filter(|p| cities.contains(&catalog.cities[p.city].id))
            .take(8)
            .map(|p| catalog.card(p, lang))
            .collect());
    }
    let rows = sqlx::query(
        "SELECT product_id FROM article_products WHERE article_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&state.pool)
    .await?;
    Ok(rows
        .iter()
        .filter_map(|r| r.try_get::<i64, _>("product_id").ok())
        .filter_map(|pid| catalog.product_by_id.get(&pid))
        .map(|&i| catalog.card(&catalog.products[i], lang))
        .collect())
}

/// The products a recipe's "add every ingredient" button puts in the cart: the first
/// variant in stock of each linked product that is on sale.
pub async fn recipe_skus(state: &AppState, slug: &str) -> Result<Vec<String>, AppError> {
    let rows = sqlx::query(
        "SELECT DISTINCT i.product_id FROM recipe_ingredients i \
         JOIN articles a ON a.id = i.article_id \
         WHERE a.slug = $1 AND a.kind = 'recipe' AND i.product_id IS NOT NULL \
         AND a.publish_at IS NOT NULL AND a.publish_at <= $2",
    )
    .bind(slug)
    .bind(now_seconds())
    .fetch_all(&state.pool)
    .await?;
    if rows.is_empty() {
        return Err(AppError::NotFound);
    }
    let catalog = state.catalog.get();
    Ok(rows
        .iter()
        .filter_map(|r| r.try_get::<i64, _>("product_id").ok())
        .filter_map(|pid| catalog.product_by_id.get(&pid))
        .filter_map(|&i| catalog.products[i].variants.iter().find(|v| v.stock > 0))
        .map(|v| v.sku.clone())
        .collect())
}

pub async fn pavilions(
    pool: &AnyPool,
    lang: Lang,
    map_title: &str,
    map_desc: &str,
) -> Result<PavilionsPage, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT p.slug, p.lon_micro, p.lat_micro, p.phone, t.name, t.address, t.hours, \
                t.offers_html FROM pavilions p \
         JOIN pavilion_texts t ON t.pavilion_id = p.id AND t.locale = $1 ORDER BY p.position",
    )
    .bind(lang.code())
    .fetch_all(pool)
    .await?;
    let mut points = vec![MapPoint {
        label: match lang {
            Lang::En => "Islamabad".to_owned(),
            Lang::Zh => "伊斯兰堡".to_owned(),
        },
        lon: 73.05,
        lat: 33.68,
        href: None,
        kind: PointKind::Origin,
    }];
    let mut pavilions = Vec::new();
    for r in &rows {
        let slug: String = r.try_get("slug")?;
        let name: String = r.try_get("name")?;
        points.push(MapPoint {
            label: name.clone(),
            lon: r.try_get::<i64, _>("lon_micro")? as f64 / 1e6,
            lat: r.try_get::<i64, _>("lat_micro")? as f64 / 1e6,
            // The map is one picture (`role="img"`): links inside it would be nested controls.
            href: None,
            kind: PointKind::Pavilion,
        });
        pavilions.push(Pavilion {
            slug,
            name,
            address: r.try_get("address")?,
            hours: r.try_get("hours")?,
            phone: r.try_get("phone")?,
            offers_html: r.try_get("offers_html")?,
        });
    }
    Ok(PavilionsPage {
        map_svg: schematic_map(&points, map_title, map_desc),
        pavilions,
    })
}

/// Every published article with the languages it is published in, for the sitemap.
pub async fn sitemap_entries(pool: &AnyPool) -> Result<Vec<(String, Vec<String>)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT a.slug, t.locale FROM articles a JOIN article_texts t ON t.article_id = a.id \
         WHERE a.publish_at IS NOT NULL AND a.publish_at <= $1 ORDER BY a.id, t.locale",
    )
    .bind(now_seconds())
    .fetch_all(pool)
    .await?;
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for r in &rows {
        let slug: String = r.try_get("slug")?;
        let locale: String = r.try_get("locale")?;
        match out.last_mut() {
            Some((last, locales)) if *last == slug => locales.push(locale),
            _ => out.push((slug, vec![locale])),
        }
    }
    Ok(out)
}

/// What an article's cover is drawn from, and whether anyone may see it.
pub struct CoverSource {
    pub section: String,
    /// What the picture shows.
    pub keyword: String,
    /// The English title, or the first title the article has.
    pub title: String,
    /// Published in some language: its time has come and it has a text.
    pub published: bool,
}

pub async fn cover_of(pool: &AnyPool, slug: &str) -> Result<Option<CoverSource>, sqlx::Error> {
    let row = sqlx::query(
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
    .bind(now_seconds())
    .fetch_optional(pool)
    .await?;
    row.map(|r| {
        Ok(CoverSource {
            section: r.try_get("section")?,
            keyword: r.try_get("cover")?,
            title: r.try_get("title")?,
            published: r.try_get::<i64, _>("published")? == 1,
        })
    })
    .transpose()
}

/// An editor's choice for the home page (`home.recipe`, `home.destination`).
pub async fn setting(pool: &AnyPool, name: &str) -> Result<Option<String>, sqlx::Error> {
    let row = sqlx::query("SELECT value FROM site_settings WHERE name = $1")
        .bind(name)
        .fetch_optional(pool)
        .await?;
    row.map(|r| r.try_get("value")).transpose()
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

/// A published article's card by slug.
async fn card_by_slug(
    pool: &AnyPool,
    slug: &str,
    lang: Lang,
) -> Result<Option<ArticleCard>, sqlx::Error> {
    let row = sqlx::query(&format!(
        "SELECT {CARD_COLUMNS} FROM articles a \
         JOIN article_texts t ON t.article_id = a.id AND t.locale = $1 \
         WHERE a.slug = $2 AND a.publish_at IS NOT NULL AND a.publish_at <= $3"
    ))
    .bind(lang.code())
    .bind(slug)
    .bind(now_seconds())
    .fetch_optional(pool)
    .await?;
    row.map(|r| card(&r, lang).map(|(_, c)| c)).transpose()
}

/// Published articles of a kind, newest first: (slug, title), without their bodies.
async fn choices(
    pool: &AnyPool,
    kind: ArticleKind,
    lang: Lang,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT a.slug, t.title FROM articles a \
         JOIN article_texts t ON t.article_id = a.id AND t.locale = $1 \
         WHERE a.kind = $2 AND a.publish_at IS NOT NULL AND a.publish_at <= $3 \
         ORDER BY a.publish_at DESC, a.id DESC",
    )
    .bind(lang.code())
    .bind(kind.code())
    .bind(now_seconds())
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("slug")?, r.try_get("title")?)))
        .collect()
}

/// The editor's choice of `setting`, else the newest article of `kind`.
async fn featured(
    pool: &AnyPool,
    setting_name: &str,
    kind: ArticleKind,
    lang: Lang,
) -> Result<Option<ArticleCard>, sqlx::Error> {
    if let Some(slug) = setting(pool, setting_name).await?
        && let Some(card) = card_by_slug(pool, &slug, lang).await?
    {
        return Ok(Some(card));
    }
    match choices(pool, kind, lang).await?.first() {
        Some((slug, _)) => card_by_slug(pool, slug, lang).await,
        None => Ok(None),
    }
}

/// The home page's stories: the chosen recipe and destination, and the latest exchanges.
pub async fn home_stories(pool: &AnyPool, lang: Lang) -> Result<HomeStories, sqlx::Error> {
    Ok(HomeStories {
        recipe: featured(pool, "home.recipe", ArticleKind::Recipe, lang).await?,
        destination: featured(pool, "home.destination", ArticleKind::Destination, lang).await?,
        exchange: list(pool, Some(Section::Exchange), lang, 3).await?,
        recipes: choices(pool, ArticleKind::Recipe, lang).await?,
        destinations: choices(pool, ArticleKind::Destination, lang).await?,
    })
}
