//! The demo content (articles, recipes, destination guides, offline pavilions), written by
//! us in English and Chinese, loaded by `pavilion seed --demo`. Running it again updates
//! what is there and duplicates nothing.

use serde::Deserialize;
use sqlx::AnyPool;

use crate::backend::content::markdown;
use crate::backend::db::content_seed as db;
use crate::backend::db::{Tx, article_writes, now_seconds};
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
        let times = (r.servings, r.prep_minutes, r.cook_minutes);
        db::reset_recipe(&mut tx, id, times).await?;
        for (locale, t) in [("en", &r.en), ("zh", &r.zh)] {
            let body = if t.tips.is_empty() {
                t.intro.clone()
            } else {
                format!("{}\n\n{}", t.intro, t.tips)
            };
            put_text(&mut tx, id, locale, &t.title, &t.summary, &body).await?;
            for (position, step) in t.steps.iter().enumerate() {
                db::add_step(&mut tx, id, locale, position, step).await?;
            }
        }
        for (position, ingredient) in r.ingredients.iter().enumerate() {
            let product = match &ingredient.product {
                Some(slug) => db::product_id(&mut tx, slug).await?,
                None => None,
            };
            for (locale, quantity, name) in [
                ("en", &ingredient.quantity, &ingredient.en),
                ("zh", &ingredient.quantity_zh, &ingredient.zh),
            ] {
                let ingredient = db::Ingredient {
                    position,
                    locale,
                    quantity,
                    name,
                    product_id: product,
                };
                db::add_ingredient(&mut tx, id, &ingredient).await?;
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
        db::reset_destination(&mut tx, id).await?;
        for (locale, t) in [("en", &d.en), ("zh", &d.zh)] {
            put_text(&mut tx, id, locale, &t.title, &t.summary, &t.see).await?;
            let notes = db::DestinationNotes {
                best_season: &t.best_season,
                getting_there: &t.getting_there,
                visa_notes: &t.visa_notes,
            };
            db::add_destination_notes(&mut tx, id, locale, &notes).await?;
        }
        for key in &d.product_cities {
            db::add_destination_city(&mut tx, id, key).await?;
        }
    }
    for (position, p) in pavilions.iter().enumerate() {
        seed_pavilion(&mut tx, position as i64, p).await?;
    }
    for (name, value) in [
        ("home.recipe", "sindhi-chicken-biryani"),
        ("home.destination", "hunza"),
    ] {
        db::default_setting(&mut tx, name, value).await?;
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
    tx: &mut Tx,
    slug: &str,
    section: &str,
    kind: &str,
    cover: &str,
    published_on: &str,
) -> Result<i64, sqlx::Error> {
    let article = db::SeedArticle {
        slug,
        section,
        kind,
        cover,
        publish_at: publish_at(published_on),
        now: now_seconds(),
    };
    db::upsert_article(tx, &article).await
}

/// Writes one language's text of an article, with its sanitised HTML.
pub async fn put_text(
    tx: &mut Tx,
    id: i64,
    locale: &str,
    title: &str,
    summary: &str,
    body: &str,
) -> Result<(), sqlx::Error> {
    let body_html = markdown::render(body);
    let text = article_writes::Text {
        title,
        summary,
        body,
        body_html: &body_html,
    };
    article_writes::put_text(tx, id, locale, &text).await
}

async fn put_products(tx: &mut Tx, id: i64, slugs: &[String]) -> Result<(), sqlx::Error> {
    db::link_products(tx, id, slugs).await
}

async fn seed_pavilion(tx: &mut Tx, position: i64, p: &PavilionSeed) -> Result<(), sqlx::Error> {
    let place = ((p.lon * 1e6).round() as i64, (p.lat * 1e6).round() as i64);
    let id = db::upsert_pavilion(tx, &p.slug, place, &p.phone, position).await?;
    for (locale, t) in [("en", &p.en), ("zh", &p.zh)] {
        let offers_html = markdown::render(&t.offers);
        let text = db::PavilionText {
            name: &t.name,
            address: &t.address,
            hours: &t.hours,
            offers_html: &offers_html,
        };
        db::put_pavilion_text(tx, id, locale, &text).await?;
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
