//! `pavilion seed --demo`: the demo catalogue, written by the team in English and Chinese.
//! The data is compiled into the binary; loading it twice changes nothing (upserts by
//! natural key: city key, slug, SKU).

mod data;

use sqlx::AnyPool;

use crate::backend::db::catalogue_seed as db;
use crate::backend::db::{Tx, now_seconds};
use data::{Catalogue, Text};

#[derive(Debug, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub cities: usize,
    pub categories: usize,
    pub shops: usize,
    pub products: usize,
    pub variants: usize,
    pub content: crate::backend::content::seed::ContentReport,
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("the demo data does not parse: {0}")]
    Data(#[from] serde_json::Error),
    #[error("the demo data refers to an unknown {kind} {key:?}")]
    Reference { kind: &'static str, key: String },
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Loads the whole demo catalogue in one transaction.
pub async fn demo(pool: &AnyPool) -> Result<SeedReport, SeedError> {
    let catalogue = Catalogue::load()?;
    let mut tx = pool.begin().await?;
    let mut report = SeedReport::default();
    let now = now_seconds();
    let revision = crate::backend::db::revisions::bump_catalogue(&mut tx).await?;
    seed_rates(&mut tx, now).await?;

    for city in &catalogue.cities {
        let province = city.province.as_deref();
        let id = db::upsert_city(&mut tx, &city.key, &city.country, province).await?;
        upsert_texts(&mut tx, CITY_TEXTS, id, &["name"], &[&city.name]).await?;
        report.cities += 1;
    }

    // Parents before children.
    let mut categories: Vec<_> = catalogue.categories.iter().enumerate().collect();
    categories.sort_by_key(|(_, c)| c.parent.is_some());
    for (position, category) in categories {
        let parent_id = match &category.parent {
            Some(parent) => Some(id_of(&mut tx, "categories", "slug", parent, "category").await?),
            None => None,
        };
        let id = db::upsert_category(
            &mut tx,
            &category.slug,
            parent_id,
            &category.tax_class,
            position,
        )
        .await?;
        let texts = [&category.name, &category.description];
        upsert_texts(
            &mut tx,
            CATEGORY_TEXTS,
            id,
            &["name", "description"],
            &texts,
        )
        .await?;
        report.categories += 1;
    }

    for shop in &catalogue.shops {
        let city_id = id_of(&mut tx, "cities", "key", &shop.city, "city").await?;
        let seeded = db::SeedShop {
            slug: &shop.slug,
            kind: &shop.kind,
            dispatch: &shop.dispatch,
            city_id,
            verified: shop.verified,
            founded: shop.founded,
            now,
        };
        let id = db::upsert_shop(&mut tx, &seeded).await?;
        let texts = [&shop.name, &shop.tagline, &shop.story];
        upsert_texts(
            &mut tx,
            SHOP_TEXTS,
            id,
            &["name", "tagline", "story"],
            &texts,
        )
        .await?;
        report.shops += 1;
    }

    for product in &catalogue.products {
        report.variants += upsert_product(&mut tx, product, revision, now).await?;
        report.products += 1;
    }

    tx.commit().await?;
    report.content = crate::backend::content::seed::demo(pool).await?;
    Ok(report)
}

/// `pavilion seed --synthetic N`: N more products for benchmarks, made from the demo
/// catalogue (new slugs and SKUs, prices moved a little). Needs the demo loaded first.
pub async fn synthetic(pool: &AnyPool, n: usize) -> Result<usize, SeedError> {
    let catalogue = Catalogue::load()?;
    let mut tx = pool.begin().await?;
    let now = now_seconds();
    let revision = crate::backend::db::revisions::bump_catalogue(&mut tx).await?;
    for i in 0..n {
        let base = &catalogue.products[i % catalogue.products.len()];
        upsert_product(&mut tx, &base.batch(i + 1), revision, now).await?;
    }
    tx.commit().await?;
    Ok(n)
}

/// Inserts or updates one product with its texts, certifications and variants;
/// returns how many variants it has.
async fn upsert_product(
    tx: &mut Tx,
    product: &data::Product,
    revision: i64,
    now: i64,
) -> Result<usize, SeedError> {
    let shop_id = id_of(tx, "shops", "slug", &product.shop, "shop").await?;
    let category_id = id_of(tx, "categories", "slug", &product.category, "category").await?;
    let city_id = id_of(tx, "cities", "key", &product.origin_city, "city").await?;
    let seeded = db::SeedProduct {
        slug: &product.slug,
        shop_id,
        category_id,
        city_id,
        hs_code: &product.hs_code,
        weight_g: product.weight_g,
        featured: product.featured,
        now,
        revision,
    };
    let id = db::upsert_product(tx, &seeded).await?;
    let texts = [&product.title, &product.summary, &product.description];
    let columns = ["title", "summary", "description"];
    upsert_texts(tx, PRODUCT_TEXTS, id, &columns, &texts).await?;
    db::set_certifications(tx, id, &product.certifications).await?;
    for (position, variant) in product.variants.iter().enumerate() {
        let seeded = db::SeedVariant {
            sku: &variant.sku,
            price_minor: variant.price_cny,
            stock: variant.stock,
            position,
            weight_g: variant.weight_g,
        };
        let variant_id = db::upsert_variant(tx, id, &seeded).await?;
        upsert_texts(
            tx,
            VARIANT_TEXTS,
            variant_id,
            &["label"],
            &[&variant.option],
        )
        .await?;
    }
    Ok(product.variants.len())
}

/// Reference exchange rates, set once (the operator changes them later).
async fn seed_rates(tx: &mut Tx, now: i64) -> Result<(), sqlx::Error> {
    if db::has_rates(tx).await? {
        return Ok(());
    }
    // Rupees and dollars per yuan, in millionths, as set on the given date.
    for (currency, per_cny_micros) in [("PKR", 39_120_000_i64), ("USD", 140_600)] {
        crate::backend::db::rates::insert_exchange(tx, currency, per_cny_micros, "2026-11-28", now)
            .await?;
    }
    Ok(())
}

async fn id_of(
    tx: &mut Tx,
    table: &str,
    column: &str,
    key: &str,
    kind: &'static str,
) -> Result<i64, SeedError> {
    db::id_of(tx, table, column, key)
        .await?
        .ok_or_else(|| SeedError::Reference {
            kind,
            key: key.to_owned(),
        })
}

/// A `*_texts` table and the column naming its owner.
const CITY_TEXTS: (&str, &str) = ("city_texts", "city_id");
const CATEGORY_TEXTS: (&str, &str) = ("category_texts", "category_id");
const SHOP_TEXTS: (&str, &str) = ("shop_texts", "shop_id");
const PRODUCT_TEXTS: (&str, &str) = ("product_texts", "product_id");
const VARIANT_TEXTS: (&str, &str) = ("variant_texts", "variant_id");

/// Writes one row per language into a `*_texts` table.
async fn upsert_texts(
    tx: &mut Tx,
    table: (&str, &str),
    owner_id: i64,
    columns: &[&str],
    texts: &[&Text],
) -> Result<(), sqlx::Error> {
    let en = texts.iter().map(|t| t.en()).collect();
    let zh = texts.iter().map(|t| t.zh()).collect();
    db::upsert_texts(tx, table, owner_id, columns, [("en", en), ("zh", zh)]).await
}
