//! What a shop's CSV export reads and its import checks and records.

use sqlx::{AnyPool, FromRow};

use super::Tx;

/// A product of the shop with both languages' texts (empty where missing).
#[derive(FromRow)]
pub struct ExportProduct {
    pub id: i64,
    pub slug: String,
    pub category: String,
    pub city: String,
    pub hs_code: String,
    pub weight_g: i64,
    pub title_en: String,
    pub title_zh: String,
    pub summary_en: String,
    pub summary_zh: String,
    pub description_en: String,
    pub description_zh: String,
}

pub async fn products(pool: &AnyPool, shop_id: i64) -> Result<Vec<ExportProduct>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.slug, c.slug AS category, ci.key AS city, p.hs_code, p.weight_g, \
                COALESCE(en.title, '') AS title_en, COALESCE(zh.title, '') AS title_zh, \
                COALESCE(en.summary, '') AS summary_en, COALESCE(zh.summary, '') AS summary_zh, \
                COALESCE(en.description, '') AS description_en, \
                COALESCE(zh.description, '') AS description_zh \
         FROM products p JOIN categories c ON c.id = p.category_id \
         JOIN cities ci ON ci.id = p.origin_city_id \
         LEFT JOIN product_texts en ON en.product_id = p.id AND en.locale = 'en' \
         LEFT JOIN product_texts zh ON zh.product_id = p.id AND zh.locale = 'zh' \
         WHERE p.shop_id = $1 ORDER BY p.id",
    )
    .bind(shop_id)
    .fetch_all(pool)
    .await
}

/// A variant of one of the shop's products, labelled in both languages.
#[derive(FromRow)]
pub struct ExportVariant {
    pub product_id: i64,
    pub sku: String,
    pub price_minor: i64,
    pub stock: i64,
    pub weight_g: Option<i64>,
    pub label_en: String,
    pub label_zh: String,
}

pub async fn variants(pool: &AnyPool, shop_id: i64) -> Result<Vec<ExportVariant>, sqlx::Error> {
    sqlx::query_as(
        "SELECT v.product_id, v.sku, v.price_minor, v.stock, v.weight_g, \
                COALESCE((SELECT label FROM variant_texts WHERE variant_id = v.id AND locale = 'en'), '') AS label_en, \
                COALESCE((SELECT label FROM variant_texts WHERE variant_id = v.id AND locale = 'zh'), '') AS label_zh \
         FROM variants v JOIN products p ON p.id = v.product_id \
         WHERE p.shop_id = $1 ORDER BY v.position, v.id",
    )
    .bind(shop_id)
    .fetch_all(pool)
    .await
}

/// Every category's slug.
pub async fn category_slugs(pool: &AnyPool) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT slug FROM categories")
        .fetch_all(pool)
        .await
}

/// Every city's key.
pub async fn city_keys(pool: &AnyPool) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT key FROM cities")
        .fetch_all(pool)
        .await
}

/// Every product's slug and shop.
pub async fn product_owners(pool: &AnyPool) -> Result<Vec<(String, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT slug, shop_id FROM products")
        .fetch_all(pool)
        .await
}

/// Every SKU and its product's slug.
pub async fn sku_products(pool: &AnyPool) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT v.sku, p.slug FROM variants v JOIN products p ON p.id = v.product_id")
        .fetch_all(pool)
        .await
}

/// The id of the shop's product with this slug.
pub async fn shop_product(
    tx: &mut Tx,
    shop_id: i64,
    slug: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM products WHERE slug = $1 AND shop_id = $2")
        .bind(slug)
        .bind(shop_id)
        .fetch_optional(&mut **tx)
        .await
}

/// The variant with this SKU and its stock.
pub async fn variant_by_sku(tx: &mut Tx, sku: &str) -> Result<Option<(i64, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT id, stock FROM variants WHERE sku = $1")
        .bind(sku)
        .fetch_optional(&mut **tx)
        .await
}

/// Adds `delta` to a variant's stock, unconditionally (the file gave the stock to reach).
pub async fn add_stock(tx: &mut Tx, variant_id: i64, delta: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE variants SET stock = stock + $1 WHERE id = $2")
        .bind(delta)
        .bind(variant_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// An import's outcome.
pub struct Import<'a> {
    pub shop_id: i64,
    pub user_id: i64,
    pub rows_read: i64,
    pub imported: i64,
    /// The problems found, as JSON.
    pub problems: &'a str,
    pub now: i64,
}

/// Records an import; returns its report's id.
pub async fn record(tx: &mut Tx, import: &Import<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO csv_imports (shop_id, user_id, rows_read, imported, problems, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(import.shop_id)
    .bind(import.user_id)
    .bind(import.rows_read)
    .bind(import.imported)
    .bind(import.problems)
    .bind(import.now)
    .fetch_one(&mut **tx)
    .await
}

/// A report of the shop's own import: rows read, products imported, problems (JSON).
pub async fn report(
    pool: &AnyPool,
    shop_id: i64,
    id: i64,
) -> Result<Option<(i64, i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT rows_read, imported, problems FROM csv_imports WHERE id = $1 AND shop_id = $2",
    )
    .bind(id)
    .bind(shop_id)
    .fetch_optional(pool)
    .await
}
