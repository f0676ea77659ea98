//! The catalogue as stored: cities, categories, shops, products on sale, their variants,
//! texts and certifications, and the exchange rates it prices with.

use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

use super::Tx;

/// The id of the category with this slug.
pub async fn category_id(tx: &mut Tx, slug: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM categories WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&mut **tx)
        .await
}

/// Whether a top-level category has this slug.
pub async fn is_top_category(tx: &mut Tx, slug: &str) -> Result<bool, sqlx::Error> {
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM categories WHERE slug = $1 AND parent_id IS NULL")
            .bind(slug)
            .fetch_one(&mut **tx)
            .await?;
    Ok(count > 0)
}

/// The id of the city with this key.
pub async fn city_id(tx: &mut Tx, key: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM cities WHERE key = $1")
        .bind(key)
        .fetch_optional(&mut **tx)
        .await
}

/// A row of a `*_texts` table: its owner, its locale and its text columns in the order asked.
pub struct TextRow {
    pub owner: i64,
    pub locale: String,
    pub texts: Vec<String>,
}

/// The text columns vary by table, so they are read by position after the owner and locale.
impl FromRow<'_, AnyRow> for TextRow {
    fn from_row(row: &AnyRow) -> Result<Self, sqlx::Error> {
        Ok(TextRow {
            owner: row.try_get(0)?,
            locale: row.try_get(1)?,
            texts: (2..row.columns().len())
                .map(|i| row.try_get(i))
                .collect::<Result<_, _>>()?,
        })
    }
}

/// The rows of a `*_texts` table, with the `columns` asked for.
pub async fn texts(
    tx: &mut Tx,
    table: &str,
    owner: &str,
    columns: &[&str],
) -> Result<Vec<TextRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {owner}, locale, {} FROM {table}",
        columns.join(", ")
    );
    sqlx::query_as(&sql).fetch_all(&mut **tx).await
}

/// Cities: id, key, province code.
pub async fn cities(tx: &mut Tx) -> Result<Vec<(i64, String, Option<String>)>, sqlx::Error> {
    sqlx::query_as("SELECT id, key, province FROM cities ORDER BY id")
        .fetch_all(&mut **tx)
        .await
}

/// Categories in their order: id, slug, parent, tax class.
pub async fn categories(
    tx: &mut Tx,
) -> Result<Vec<(i64, String, Option<i64>, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, slug, parent_id, tax_class FROM categories ORDER BY position, id")
        .fetch_all(&mut **tx)
        .await
}

/// A shop that is not suspended.
#[derive(FromRow)]
pub struct ShopRow {
    pub id: i64,
    pub slug: String,
    pub kind: String,
    pub dispatch: String,
    pub city_id: i64,
    pub verified: i64,
    pub founded: Option<i64>,
    pub has_logo: i64,
    pub has_banner: i64,
}

pub async fn open_shops(tx: &mut Tx) -> Result<Vec<ShopRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, slug, kind, dispatch, city_id, verified, founded, has_logo, has_banner \
         FROM shops WHERE suspended = 0 ORDER BY id",
    )
    .fetch_all(&mut **tx)
    .await
}

/// Every product's certifications: (product id, certification).
pub async fn certifications(tx: &mut Tx) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT product_id, certification FROM product_certifications ORDER BY certification",
    )
    .fetch_all(&mut **tx)
    .await
}

/// A product on sale in a shop that is not suspended.
#[derive(FromRow)]
pub struct ProductRow {
    pub id: i64,
    pub slug: String,
    pub shop_id: i64,
    pub category_id: i64,
    pub origin_city_id: i64,
    pub hs_code: String,
    pub weight_g: i64,
    pub featured: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub revision: i64,
    pub rating_sum: i64,
    pub rating_count: i64,
    pub drawn_art: i64,
}

pub async fn products_on_sale(tx: &mut Tx) -> Result<Vec<ProductRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, slug, shop_id, category_id, origin_city_id, hs_code, weight_g, featured, \
            created_at, updated_at, revision, rating_sum, rating_count, drawn_art \
         FROM products WHERE status = 'published' \
           AND shop_id NOT IN (SELECT id FROM shops WHERE suspended = 1) ORDER BY id",
    )
    .fetch_all(&mut **tx)
    .await
}

/// A variant on sale, with its product's weight when it has none of its own.
#[derive(FromRow)]
pub struct VariantRow {
    pub id: i64,
    pub product_id: i64,
    pub sku: String,
    pub price_minor: i64,
    pub stock: i64,
    pub weight_g: i64,
}

/// The variants on sale, by product in their order.
pub async fn variants_on_sale(tx: &mut Tx) -> Result<Vec<VariantRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT v.id, v.product_id, v.sku, v.price_minor, v.stock, \
                COALESCE(v.weight_g, p.weight_g) AS weight_g \
         FROM variants v JOIN products p ON p.id = v.product_id WHERE v.pending = 0 \
         ORDER BY v.product_id, v.position, v.id",
    )
    .fetch_all(&mut **tx)
    .await
}

/// The newest rate of each currency: (currency, millionths per yuan, day set).
pub async fn latest_rates(tx: &mut Tx) -> Result<Vec<(String, i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT r.currency, r.per_cny_micros, r.set_on FROM exchange_rates r \
         WHERE r.id = (SELECT MAX(id) FROM exchange_rates x WHERE x.currency = r.currency) \
         ORDER BY r.currency DESC",
    )
    .fetch_all(&mut **tx)
    .await
}
