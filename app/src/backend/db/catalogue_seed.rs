//! Loading the demo catalogue: every row upserted by its natural key (city key, slug,
//! SKU), so loading twice changes nothing.

use super::Tx;

/// The id of the row of `table` whose `column` is `key` (names are the loader's own).
pub async fn id_of(
    tx: &mut Tx,
    table: &str,
    column: &str,
    key: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE {column} = $1"))
        .bind(key)
        .fetch_optional(&mut **tx)
        .await
}

/// Writes one row per language (English, Chinese) into a `*_texts` table: for each
/// language, one value per column.
pub async fn upsert_texts(
    tx: &mut Tx,
    (table, owner): (&str, &str),
    owner_id: i64,
    columns: &[&str],
    by_locale: [(&str, Vec<&str>); 2],
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
    for (locale, values) in by_locale {
        let mut query = sqlx::query(&sql).bind(owner_id).bind(locale);
        for value in values {
            query = query.bind(value.to_owned());
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

pub async fn upsert_city(
    tx: &mut Tx,
    key: &str,
    country: &str,
    province: Option<&str>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO cities (key, country, province) VALUES ($1, $2, $3) \
         ON CONFLICT (key) DO UPDATE SET country = excluded.country, \
         province = excluded.province RETURNING id",
    )
    .bind(key)
    .bind(country)
    .bind(province)
    .fetch_one(&mut **tx)
    .await
}

pub async fn upsert_category(
    tx: &mut Tx,
    slug: &str,
    parent_id: Option<i64>,
    tax_class: &str,
    position: usize,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO categories (slug, parent_id, tax_class, position) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (slug) DO UPDATE SET parent_id = excluded.parent_id, \
         tax_class = excluded.tax_class, position = excluded.position RETURNING id",
    )
    .bind(slug)
    .bind(parent_id)
    .bind(tax_class)
    .bind(position as i64)
    .fetch_one(&mut **tx)
    .await
}

/// A demo shop's own fields.
pub struct SeedShop<'a> {
    pub slug: &'a str,
    pub kind: &'a str,
    pub dispatch: &'a str,
    pub city_id: i64,
    pub verified: bool,
    pub founded: Option<i64>,
    pub now: i64,
}

pub async fn upsert_shop(tx: &mut Tx, shop: &SeedShop<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO shops (slug, kind, dispatch, city_id, verified, founded, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (slug) DO UPDATE SET kind = excluded.kind, dispatch = excluded.dispatch, \
         city_id = excluded.city_id, verified = excluded.verified, \
         founded = excluded.founded RETURNING id",
    )
    .bind(shop.slug)
    .bind(shop.kind)
    .bind(shop.dispatch)
    .bind(shop.city_id)
    .bind(i64::from(shop.verified))
    .bind(shop.founded)
    .bind(shop.now)
    .fetch_one(&mut **tx)
    .await
}

/// A demo product's own fields; it goes on sale with drawn pictures.
pub struct SeedProduct<'a> {
    pub slug: &'a str,
    pub shop_id: i64,
    pub category_id: i64,
    pub city_id: i64,
    pub hs_code: &'a str,
    pub weight_g: i64,
    pub featured: bool,
    pub now: i64,
    pub revision: i64,
}

pub async fn upsert_product(tx: &mut Tx, product: &SeedProduct<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO products (slug, shop_id, category_id, origin_city_id, hs_code, weight_g, \
            featured, status, created_at, updated_at, revision, drawn_art) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'published', $8, $8, $9, 1) \
         ON CONFLICT (slug) DO UPDATE SET shop_id = excluded.shop_id, drawn_art = 1, \
            category_id = excluded.category_id, origin_city_id = excluded.origin_city_id, \
            hs_code = excluded.hs_code, weight_g = excluded.weight_g, \
            featured = excluded.featured, updated_at = excluded.updated_at, \
            revision = excluded.revision RETURNING id",
    )
    .bind(product.slug)
    .bind(product.shop_id)
    .bind(product.category_id)
    .bind(product.city_id)
    .bind(product.hs_code)
    .bind(product.weight_g)
    .bind(i64::from(product.featured))
    .bind(product.now)
    .bind(product.revision)
    .fetch_one(&mut **tx)
    .await
}

/// Replaces a product's certifications.
pub async fn set_certifications(
    tx: &mut Tx,
    product_id: i64,
    certifications: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM product_certifications WHERE product_id = $1")
        .bind(product_id)
        .execute(&mut **tx)
        .await?;
    for certification in certifications {
        sqlx::query(
            "INSERT INTO product_certifications (product_id, certification) VALUES ($1, $2)",
        )
        .bind(product_id)
        .bind(certification)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// A demo variant, priced in yuan fen.
pub struct SeedVariant<'a> {
    pub sku: &'a str,
    pub price_minor: i64,
    pub stock: i64,
    pub position: usize,
    pub weight_g: Option<i64>,
}

pub async fn upsert_variant(
    tx: &mut Tx,
    product_id: i64,
    variant: &SeedVariant<'_>,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO variants (product_id, sku, price_minor, currency, stock, position, weight_g) \
         VALUES ($1, $2, $3, 'CNY', $4, $5, $6) \
         ON CONFLICT (sku) DO UPDATE SET product_id = excluded.product_id, \
            price_minor = excluded.price_minor, stock = excluded.stock, \
            position = excluded.position, weight_g = excluded.weight_g RETURNING id",
    )
    .bind(product_id)
    .bind(variant.sku)
    .bind(variant.price_minor)
    .bind(variant.stock)
    .bind(variant.position as i64)
    .bind(variant.weight_g)
    .fetch_one(&mut **tx)
    .await
}

/// Whether any exchange rate was ever set.
pub async fn has_rates(tx: &mut Tx) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM exchange_rates")
        .fetch_one(&mut **tx)
        .await?;
    Ok(count > 0)
}
