//! Reading published content. An article is published in a language when it has that
//! language's text and its publishing time has come.

use sqlx::AnyPool;

use crate::backend::AppState;
use crate::backend::content::map::{MapPoint, PointKind, schematic_map};
use crate::backend::content::markdown::reading_minutes;
use crate::backend::db::articles::{self as db, CardRow};
use crate::backend::db::now_seconds;
use crate::error::AppError;
use crate::model::content::{
    ArticleCard, ArticleKind, ArticlePage, HomeStories, Ingredient, Pavilion, PavilionsPage,
    Recipe, Section,
};
use crate::model::{Lang, ProductCard};

fn card(row: CardRow, lang: Lang) -> (i64, ArticleCard) {
    let card = ArticleCard {
        cover: format!("/media/articles/{}.svg", row.slug),
        section: Section::parse(&row.section).unwrap_or(Section::Culture),
        kind: ArticleKind::parse(&row.kind),
        title: row.title,
        summary: row.summary,
        published_on: crate::model::china_time::date(row.publish_at.unwrap_or(0)),
        reading_minutes: reading_minutes(&row.body, lang == Lang::Zh),
        slug: row.slug,
    };
    (row.id, card)
}

/// Published articles of a section (or of all sections), newest first.
pub async fn list(
    pool: &AnyPool,
    section: Option<Section>,
    lang: Lang,
    limit: i64,
) -> Result<Vec<ArticleCard>, sqlx::Error> {
    let rows = db::cards(pool, section, lang, limit, now_seconds()).await?;
    Ok(rows.into_iter().map(|r| card(r, lang).1).collect())
}

/// A published article in a language, with its recipe or guide and what it links to.
pub async fn article(state: &AppState, slug: &str, lang: Lang) -> Result<ArticlePage, AppError> {
    let pool = &state.pool;
    let row = db::page(pool, slug, lang, now_seconds())
        .await?
        .ok_or(AppError::NotFound)?;
    let body_html = row.body_html;
    let (id, card) = card(row.card, lang);
    let recipe = match card.kind {
        ArticleKind::Recipe => Some(recipe(state, id, lang).await?),
        _ => None,
    };
    let destination = match card.kind {
        ArticleKind::Destination => db::destination(pool, id, lang).await?,
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
    let (servings, prep_minutes, cook_minutes) = db::recipe_head(pool, id).await?;
    let rows = db::ingredients(pool, id, lang).await?;
    let catalogue = state.catalogue.get();
    let ingredients = rows
        .into_iter()
        .map(|(quantity, name, product_id)| {
            let product = product_id
                .and_then(|pid| catalogue.product_by_id.get(&pid))
                .map(|&i| {
                    let p = &catalogue.products[i];
                    (p.slug.clone(), p.title.get(lang).to_owned(), p.in_stock)
                });
            Ingredient {
                quantity,
                name,
                product,
            }
        })
        .collect();
    Ok(Recipe {
        servings,
        prep_minutes,
        cook_minutes,
        ingredients,
        steps: db::steps(pool, id, lang).await?,
    })
}

/// The products an article links to; for a destination, the goods of its region.
async fn products(
    state: &AppState,
    id: i64,
    kind: ArticleKind,
    lang: Lang,
) -> Result<Vec<ProductCard>, sqlx::Error> {
    let catalogue = state.catalogue.get();
    if kind == ArticleKind::Destination {
        let cities = db::destination_cities(&state.pool, id).await?;
        return Ok(catalogue
            .products
            .iter()
            .filter(|p| cities.contains(&catalogue.cities[p.city].id))
            .take(8)
            .map(|p| catalogue.card(p, lang))
            .collect());
    }
    let ids = db::linked_products(&state.pool, id).await?;
    Ok(ids
        .iter()
        .filter_map(|pid| catalogue.product_by_id.get(pid))
        .map(|&i| catalogue.card(&catalogue.products[i], lang))
        .collect())
}

/// The products a recipe's "add every ingredient" button puts in the cart: the first
/// variant in stock of each linked product that is on sale.
pub async fn recipe_skus(state: &AppState, slug: &str) -> Result<Vec<String>, AppError> {
    let ids = db::recipe_products(&state.pool, slug, now_seconds()).await?;
    if ids.is_empty() {
        return Err(AppError::NotFound);
    }
    let catalogue = state.catalogue.get();
    Ok(ids
        .iter()
        .filter_map(|pid| catalogue.product_by_id.get(pid))
        .filter_map(|&i| catalogue.products[i].variants.iter().find(|v| v.stock > 0))
        .map(|v| v.sku.clone())
        .collect())
}

pub async fn pavilions(
    pool: &AnyPool,
    lang: Lang,
    map_title: &str,
    map_desc: &str,
) -> Result<PavilionsPage, sqlx::Error> {
    let rows = db::pavilions(pool, lang).await?;
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
    for r in rows {
        points.push(MapPoint {
            label: r.name.clone(),
            lon: r.lon_micro as f64 / 1e6,
            lat: r.lat_micro as f64 / 1e6,
            // The map is one picture (`role="img"`): links inside it would be nested controls.
            href: None,
            kind: PointKind::Pavilion,
        });
        pavilions.push(Pavilion {
            slug: r.slug,
            name: r.name,
            address: r.address,
            hours: r.hours,
            phone: r.phone,
            offers_html: r.offers_html,
        });
    }
    Ok(PavilionsPage {
        map_svg: schematic_map(&points, map_title, map_desc),
        pavilions,
    })
}

/// Every published article with the languages it is published in, for the sitemap.
pub async fn sitemap_entries(pool: &AnyPool) -> Result<Vec<(String, Vec<String>)>, sqlx::Error> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for (slug, locale) in db::published_locales(pool, now_seconds()).await? {
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
    let row = db::cover(pool, slug, now_seconds()).await?;
    Ok(row.map(|r| CoverSource {
        section: r.section,
        keyword: r.cover,
        title: r.title,
        published: r.published == 1,
    }))
}

/// An editor's choice for the home page (`home.recipe`, `home.destination`).
pub async fn setting(pool: &AnyPool, name: &str) -> Result<Option<String>, sqlx::Error> {
    db::setting(pool, name).await
}

pub async fn set_setting(pool: &AnyPool, name: &str, value: &str) -> Result<(), sqlx::Error> {
    db::set_setting(pool, name, value).await
}

/// A published article's card by slug.
async fn card_by_slug(
    pool: &AnyPool,
    slug: &str,
    lang: Lang,
) -> Result<Option<ArticleCard>, sqlx::Error> {
    let row = db::card_by_slug(pool, slug, lang, now_seconds()).await?;
    Ok(row.map(|r| card(r, lang).1))
}

/// Published articles of a kind, newest first: (slug, title), without their bodies.
async fn choices(
    pool: &AnyPool,
    kind: ArticleKind,
    lang: Lang,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    db::titles_of_kind(pool, kind, lang, now_seconds()).await
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
