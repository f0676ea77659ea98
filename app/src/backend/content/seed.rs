//! The demo content (articles, recipes, destination guides, offline pavilions), written by
//! us in English and Chinese, loaded by `pavilion seed --demo`. Running it again updates
//! what is there and duplicates nothing.

use serde::Deserialize;
use sqlx::{Any, AnyPool, Row, Transaction};

use crate::backend::content::markdown;
use crate::backend::db::now_seconds;
use crate::model::china_time;

const ARTICLES: &str = include_str!("../seed/content/articles.json");
const RECIPES: &str = include_str!("../seed/content/recipes.json");
const DESTINATIONS: &str = include_str!("../seed/content/destinations.json");
const PAVILIONS: &str = include_str!("../seed/content/pavilions.json");

#[derive(Deserialize)]
struct Texts {
    title: String,
    summary: String,
    #[serde(default)]
    body: String,
}

#[derive(Deserialize)]
struct ArticleSeed {
    slug: String,
    section: String,
    published_on: String,
    cover: String,
    #[serde(default)]
    related_products: Vec<String>,
    en: Texts,
    zh: Texts,
}

#[derive(Deserialize)]
struct IngredientSeed {
    product: Option<String>,
    quantity: String,
    quantity_zh: String,
    en: String,
    zh: String,
}

#[derive(Deserialize)]
struct RecipeTexts {
    title: String,
    summary: String,
    intro: String,
    steps: Vec<String>,
    #[serde(default)]
    tips: String,
}

#[derive(Deserialize)]
struct RecipeSeed {
    slug: String,
    published_on: String,
    servings: i64,
    prep_minutes: i64,
    cook_minutes: i64,
    cover: String,
    ingredients: Vec<IngredientSeed>,
    en: RecipeTexts,
    zh: RecipeTexts,
}

#[derive(Deserialize)]
struct DestinationTexts {
    title: String,
    summary: String,
    see: String,
    best_season: String,
    getting_there: String,
    visa_notes: String,
}

#[derive(Deserialize)]
struct DestinationSeed {
    slug: String,
    published_on: String,
    cover: String,
    product_cities: Vec<String>,
    en: DestinationTexts,
    zh: DestinationTexts,
}

#[derive(Deserialize)]
struct PavilionTexts {
    name: String,
    address: String,
    hours: String,
    offers: String,
}

#[derive(Deserialize)]
struct PavilionSeed {
    slug: String,
    lon: f64,
    lat: f64,
    phone: String,
    en: PavilionTexts,
    zh: PavilionTexts,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct ContentReport {
    pub articles: usize,
    pub recipes: usize,
    pub destinations: usize,
    pub pavilions: usize,
}

fn parse<T: for<'de> Deserialize<'de>>(json: &str, what: &str) -> Result<Vec<T>, sqlx::Error> {
    serde_json::from_str(json).map_err(|e| sqlx::Error::Protocol(format!("{what}: {e}")))
}

/// Noon, China time, on a `YYYY-MM-DD` date.
fn publish_at(date: &str) -> i64 {
    let parts: Vec<i64> = date.split('-').filter_map(|p| p.parse().ok()).collect();
    match parts[..] {
        [year, month, day] => china_time::seconds_at(year, month, day, 12, 0),
        _ => 0,
    }
}

pub async fn demo(pool: &AnyPool) -> Result<ContentReport, sqlx::Error> {
    let articles: Vec<ArticleSeed> = parse(ARTICLES, "articles.json")?;
    let recipes: Vec<RecipeSeed> = parse(RECIPES, "recipes.json")?;
    let destinations: Vec<DestinationSeed> = parse(DESTINATIONS, "destinations.json")?;
    let pavilions: Vec<PavilionSeed> = parse(PAVILIONS, "pavilions.json")?;
    let mut tx = pool.begin().await?;
    for a in &articles {
        let id = upsert_article(
            &mut tx,
            &a.slug,
            &a.section,
            "article",
            &a.cover,
            &a.published_on,
        )
        .await?;
        for (locale, t) in [("en", &a.en), ("zh", &a.zh)] {
            put_text(&mut tx, id, locale, &t.title, &t.summary, &t.body).await?;
        }
        put_products(&mut tx, id, &a.related_products).await?;
    }
    for r in &recipes {
        let id = upsert_article(
            &mut tx,
            &r.slug,
            "cuisine",
            "recipe",
            &r.cover,
            &r.published_on,
        )
        .await?;
        sqlx::query("DELETE FROM recipes WHERE article_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO recipes (article_id, servings, prep_minutes, cook_minutes) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(r.servings)
        .bind(r.prep_minutes)
        .bind(r.cook_minutes)
        .execute(&mut *tx)
        .await?;
        for table in ["recipe_ingredients", "recipe_steps"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE article_id = $1"))
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        for (locale, t) in [("en", &r.en), ("zh", &r.zh)] {
            let body = if t.tips.is_empty() {
                t.intro.clone()
            } else {
                format!("{}\n\n{}", t.intro, t.tips)
            };
            put_text(&mut tx, id, locale, &t.title, &t.summary, &body).await?;
            for (position, step) in t.steps.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO recipe_steps (article_id, locale, position, text) \
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(id)
                .bind(locale)
                .bind(position as i64)
                .bind(step)
                .execute(&mut *tx)
                .await?;
            }
        }
        for (position, ingredient) in r.ingredients.iter().enumerate() {
            let product = match &ingredient.product {
                Some(slug) => product_id(&mut tx, slug).await?,
                None => None,
            };
            for (locale, quantity, name) in [
                ("en", &ingredient.quantity, &ingredient.en),
                ("zh", &ingredient.quantity_zh, &ingredient.zh),
            ] {
                sqlx::query(
                    "INSERT INTO recipe_ingredients \
                     (article_id, position, locale, quantity, name, product_id) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(id)
                .bind(position as i64)
                .bind(locale)
                .bind(quantity)
                .bind(name)
                .bind(product)
                .execute(&mut *tx)
                .await?;
            }
        }
        let linked: Vec<String> = r
            .ingredients
            .iter()
            .filter_map(|i| i.product.clone())
            .collect();
        put_products(&mut tx, id, &linked).await?;
    }
    for d in &destinations {
        let id = upsert_article(
            &mut tx,
            &d.slug,
            "tourism",
            "destination",
            &d.cover,
            &d.published_on,
        )
        .await?;
        sqlx::query("DELETE FROM destination_texts WHERE article_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        for (locale, t) in [("en", &d.en), ("zh", &d.zh)] {
            put_text(&mut tx, id, locale, &t.title, &t.summary, &t.see).await?;
            sqlx::query(
                "INSERT INTO destination_texts \
                 (article_id, locale, best_season, getting_there, visa_notes) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(locale)
            .bind(&t.best_season)
            .bind(&t.getting_there)
            .bind(&t.visa_notes)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("DELETE FROM destination_cities WHERE article_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        for key in &d.product_cities {
            sqlx::query(
                "INSERT INTO destination_cities (article_id, city_id) \
                 SELECT $1, id FROM cities WHERE key = $2",
            )
            .bind(id)
            .bind(key)
            .execute(&mut *tx)
            .await?;
        }
    }
    for (position, p) in pavilions.iter().enumerate() {
        seed_pavilion(&mut tx, position as i64, p).await?;
    }
    for (name, value) in [
        ("home.recipe", "sindhi-chicken-biryani"),
        ("home.destination", "hunza"),
    ] {
        sqlx::query(
            "INSERT INTO site_settings (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(name)
        .bind(value)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(ContentReport {
        articles: articles.len(),
        recipes: recipes.len(),
        destinations: destinations.len(),
        pavilions: pavilions.len(),
    })
}

async fn upsert_article(
    tx: &mut Transaction<'static, Any>,
    slug: &str,
    section: &str,
    kind: &str,
    cover: &str,
    published_on: &str,
) -> Result<i64, sqlx::Error> {
    let now = now_seconds();
    let row = sqlx::query(
        "INSERT INTO articles (slug, section, kind, cover, publish_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) \
         ON CONFLICT (slug) DO UPDATE SET section = excluded.section, kind = excluded.kind, \
         cover = excluded.cover, publish_at = excluded.publish_at, updated_at = excluded.updated_at \
         RETURNING id",
    )
    .bind(slug)
    .bind(section)
    .bind(kind)
    .bind(cover)
    .bind(publish_at(published_on))
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    row.try_get("id")
}

/// Writes one language's text of an article, with its sanitised HTML.
pub async fn put_text(
    tx: &mut Transaction<'static, Any>,
    id: i64,
    locale: &str,
    title: &str,
    summary: &str,
    body: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO article_texts (article_id, locale, title, summary, body, body_html) \
         VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (article_id, locale) DO UPDATE SET title = excluded.title, \
         summary = excluded.summary, body = excluded.body, body_html = excluded.body_html",
    )
    .bind(id)
    .bind(locale)
    .bind(title)
    .bind(summary)
    .bind(body)
    .bind(markdown::render(body))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn product_id(
    tx: &mut Transaction<'static, Any>,
    slug: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let row = sqlx::query("SELECT id FROM products WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|r| r.try_get("id")).transpose()
}

async fn put_products(
    tx: &mut Transaction<'static, Any>,
    id: i64,
    slugs: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM article_products WHERE article_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    for (position, slug) in slugs.iter().enumerate() {
        sqlx::query(
            "INSERT INTO article_products (article_id, product_id, position) \
             SELECT $1, id, $2 FROM products WHERE slug = $3 ON CONFLICT DO NOTHING",
        )
        .bind(id)
        .bind(position as i64)
        .bind(slug)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

async fn seed_pavilion(
    tx: &mut Transaction<'static, Any>,
    position: i64,
    p: &PavilionSeed,
) -> Result<(), sqlx::Error> {
    let row = sqlx::query(
        "INSERT INTO pavilions (slug, lon_micro, lat_micro, phone, position) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (slug) DO UPDATE SET \
         lon_micro = excluded.lon_micro, lat_micro = excluded.lat_micro, \
         phone = excluded.phone, position = excluded.position RETURNING id",
    )
    .bind(&p.slug)
    .bind((p.lon * 1e6).round() as i64)
    .bind((p.lat * 1e6).round() as i64)
    .bind(&p.phone)
    .bind(position)
    .fetch_one(&mut **tx)
    .await?;
    let id: i64 = row.try_get("id")?;
    for (locale, t) in [("en", &p.en), ("zh", &p.zh)] {
        sqlx::query(
            "INSERT INTO pavilion_texts (pavilion_id, locale, name, address, hours, offers_html) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (pavilion_id, locale) DO UPDATE SET \
             name = excluded.name, address = excluded.address, hours = excluded.hours, \
             offers_html = excluded.offers_html",
        )
        .bind(id)
        .bind(locale)
        .bind(&t.name)
        .bind(&t.address)
        .bind(&t.hours)
        .bind(markdown::render(&t.offers))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_published_at_noon_china_time() {
        // 2026-11-30 12:00 +08:00 = 04:00 UTC
        assert_eq!(publish_at("2026-11-30"), 1_796_011_200);
        assert_eq!(publish_at("not a date"), 0);
    }

    #[test]
    fn the_demo_content_parses_and_is_complete() {
        let articles: Vec<ArticleSeed> = parse(ARTICLES, "articles").expect("articles");
        let recipes: Vec<RecipeSeed> = parse(RECIPES, "recipes").expect("recipes");
        let destinations: Vec<DestinationSeed> = parse(DESTINATIONS, "dest").expect("dest");
        let pavilions: Vec<PavilionSeed> = parse(PAVILIONS, "pavilions").expect("pavilions");
        assert!(articles.len() + recipes.len() + destinations.len() >= 30);
        assert!(recipes.len() >= 8 && destinations.len() >= 8);
        assert_eq!(pavilions.len(), 5);
        for r in &recipes {
            assert_eq!(r.en.steps.len(), r.zh.steps.len(), "{}", r.slug);
        }
    }
}
