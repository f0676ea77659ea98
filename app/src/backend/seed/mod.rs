//! `pavilion seed --demo`: the demo catalogue, written by the team in English and Chinese.
//! The data is compiled into the binary; loading it twice changes nothing (upserts by
//! natural key: city key, slug, SKU).

mod data;

use sqlx::{Any, AnyPool, Transaction};

use crate::backend::db::now_seconds;
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
    let revision = bump_revision(&mut tx).await?;
    seed_rates(&mut tx, now).await?;

    for city in &catalogue.cities {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO cities (key, country, province) VALUES ($1, $2, $3) \
             ON CONFLICT (key) DO UPDATE SET country = excluded.country, \
             province = excluded.province RETURNING id",
        )
        .bind(&city.key)
        .bind(&city.country)
        .bind(&city.province)
        .fetch_one(&mut *tx)
        .await?;
        upsert_texts(
            &mut tx,
            "city_texts",
            "city_id",
            id,
            &["name"],
            &[&city.name],
        )
        .await?;
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
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO categories (slug, parent_id, tax_class, position) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (slug) DO UPDATE SET parent_id = excluded.parent_id, \
             tax_class = excluded.tax_class, position = excluded.position RETURNING id",
        )
        .bind(&category.slug)
        .bind(parent_id)
        .bind(&category.tax_class)
        .bind(position as i64)
        .fetch_one(&mut *tx)
        .await?;
        upsert_texts(
            &mut tx,
            "category_texts",
            "category_id",
            id,
            &["name", "description"],
            &[&category.name, &category.description],
        )
        .await?;
        report.categories += 1;
    }

    for shop in &catalogue.shops {
        let city_id = id_of(&mut tx, "cities", "key", &shop.city, "city").await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO shops (slug, kind, dispatch, city_id, verified, founded, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (slug) DO UPDATE SET kind = excluded.kind, dispatch = excluded.dispatch, \
             city_id = excluded.city_id, verified = excluded.verified, \
             founded = excluded.founded RETURNING id",
        )
        .bind(&shop.slug)
        .bind(&shop.kind)
        .bind(&shop.dispatch)
        .bind(city_id)
        .bind(i64::from(shop.verified))
        .bind(shop.founded)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        upsert_texts(
            &mut tx,
            "shop_texts",
            "shop_id",
            id,
            &["name", "tagline", "story"],
            &[&shop.name, &shop.tagline, &shop.story],
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
    let revision = bump_revision(&mut tx).await?;
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
    tx: &mut Transaction<'static, Any>,
    product: &data::Product,
    revision: i64,
    now: i64,
) -> Result<usize, SeedError> {
    let shop_id = id_of(tx, "shops", "slug", &product.shop, "shop").await?;
    let category_id = id_of(tx, "categories", "slug", &product.category, "category").await?;
    let city_id = id_of(tx, "cities", "key", &product.origin_city, "city").await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO products (slug, shop_id, category_id, origin_city_id, hs_code, weight_g, \
            featured, status, created_at, updated_at, revision, drawn_art) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'published', $8, $8, $9, 1) \
         ON CONFLICT (slug) DO UPDATE SET shop_id = excluded.shop_id, drawn_art = 1, \
            category_id = excluded.category_id, origin_city_id = excluded.origin_city_id, \
            hs_code = excluded.hs_code, weight_g = excluded.weight_g, \
            featured = excluded.featured, updated_at = excluded.updated_at, \
            revision = excluded.revision RETURNING id",
    )
    .bind(&product.slug)
    .bind(shop_id)
    .bind(category_id)
    .bind(city_id)
    .bind(&product.hs_code)
    .bind(product.weight_g)
    .bind(i64::from(product.featured))
    .bind(now)
    .bind(revision)
    .fetch_one(&mut **tx)
    .await?;
    upsert_texts(
        tx,
        "product_texts",
        "product_id",
        id,
        &["title", "summary", "description"],
        &[&product.title, &product.summary, &product.description],
    )
    .await?;
    sqlx::query("DELETE FROM product_certifications WHERE product_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    for certification in &product.certifications {
        sqlx::query(
            "INSERT INTO product_certifications (product_id, certification) VALUES ($1, $2)",
        )
        .bind(id)
        .bind(certification)
        .execute(&mut **tx)
        .await?;
    }
    for (position, variant) in product.variants.iter().enumerate() {
        let variant_id: i64 = sqlx::query_scalar(
            "INSERT INTO variants (product_id, sku, price_minor, currency, stock, position, weight_g) \
             VALUES ($1, $2, $3, 'CNY', $4, $5, $6) \
             ON CONFLICT (sku) DO UPDATE SET product_id = excluded.product_id, \
                price_minor = excluded.price_minor, stock = excluded.stock, \
                position = excluded.position, weight_g = excluded.weight_g RETURNING id",
        )
        .bind(id)
        .bind(&variant.sku)
        .bind(variant.price_cny)
        .bind(variant.stock)
        .bind(position as i64)
        .bind(variant.weight_g)
        .fetch_one(&mut **tx)
        .await?;
        upsert_texts(
            tx,
            "variant_texts",
            "variant_id",
            variant_id,
            &["label"],
            &[&variant.option],
        )
        .await?;
    }
    Ok(product.variants.len())
}

/// Moves the catalogue revision on, so every app server reloads; returns the new one.
async fn bump_revision(tx: &mut Transaction<'static, Any>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision",
    )
    .fetch_one(&mut **tx)
    .await
}

/// Reference exchange rates, set once (the operator changes them later).
async fn seed_rates(tx: &mut Transaction<'static, Any>, now: i64) -> Result<(), sqlx::Error> {
    let count: i64 = sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM exchange_rates")
        .fetch_one(&mut **tx)
        .await?;
    if count > 0 {
        return Ok(());
    }
    // Rupees and dollars per yuan, in millionths, as set on the given date.
    for (currency, per_cny_micros) in [("PKR", 39_120_000_i64), ("USD", 140_600)] {
        sqlx::query(
            "INSERT INTO exchange_rates (currency, per_cny_micros, set_on, created_at) \
             VALUES ($1, $2, '2026-11-28', $3)",
        )
        .bind(currency)
        .bind(per_cny_micros)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

async fn id_of(
    tx: &mut Transaction<'static, Any>,
    table: &str,
    column: &str,
    key: &str,
    kind: &'static str,
) -> Result<i64, SeedError> {
    sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE {column} = $1"))
        .bind(key)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| SeedError::Reference {
            kind,
            key: key.to_owned(),
        })
}

/// Writes one row per locale into a `*_texts` table.
async fn upsert_texts(
    tx: &mut Transaction<'static, Any>,
    table: &str,
    owner: &str,
    owner_id: i64,
    columns: &[&str],
    texts: &[&Text],
) -> Result<(), sqlx::Error> {
    let names = columns.join(", ");
    let placeholders: Vec<String> = (0..columns.len()).map(|i| format!("${}", i + 3)).collect();
    let updates: Vec<String> = columns
        .iter()
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    let sql = format!(
        "INSERT INTO {table} ({owner}, locale, {names}) VALUES ($1, $2, {}) \
         ON CONFLICT ({owner}, locale) DO UPDATE SET {}",
        placeholders.join(", "),
        updates.join(", ")
    );
    for (locale, pick) in [("en", Text::en as fn(&Text) -> &str), ("zh", Text::zh)] {
        let mut query = sqlx::query(&sql).bind(owner_id).bind(locale);
        for text in texts {
            query = query.bind(pick(text).to_owned());
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}
