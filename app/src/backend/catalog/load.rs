//! Reads the published catalogue from the database into a snapshot.

use sqlx::{AnyPool, Row};
use std::collections::HashMap;

use super::snapshot::{Catalog, Category, City, Product, Rate, Shop, Texts, Variant};
use crate::model::order::ShippingMethod;
use crate::model::{Currency, Dispatch, TaxClass};

/// `(owner id, locale, text columns…)` rows of a `*_texts` table, grouped by owner.
async fn texts(
    pool: &AnyPool,
    table: &str,
    owner: &str,
    columns: &[&str],
) -> Result<HashMap<i64, Vec<Texts>>, sqlx::Error> {
    let sql = format!(
        "SELECT {owner}, locale, {} FROM {table}",
        columns.join(", ")
    );
    let rows = sqlx::query(&sql).fetch_all(pool).await?;
    let mut out: HashMap<i64, Vec<Texts>> = HashMap::new();
    for row in rows {
        let id: i64 = row.try_get(0)?;
        let locale: String = row.try_get(1)?;
        let entry = out
            .entry(id)
            .or_insert_with(|| vec![Texts::default(); columns.len()]);
        for (i, slot) in entry.iter_mut().enumerate() {
            slot.set(&locale, row.try_get(i + 2)?);
        }
    }
    Ok(out)
}

fn take(texts: &mut HashMap<i64, Vec<Texts>>, id: i64, n: usize) -> Vec<Texts> {
    texts
        .remove(&id)
        .unwrap_or_else(|| vec![Texts::default(); n])
}

type ProductRow = (
    i64,
    String,
    i64,
    i64,
    i64,
    String,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
);

/// Loads every published product and what it refers to.
pub async fn load(pool: &AnyPool) -> Result<Catalog, sqlx::Error> {
    let revision = crate::backend::db::revisions::catalogue(pool).await?;

    let mut city_texts = texts(pool, "city_texts", "city_id", &["name"]).await?;
    let city_rows: Vec<(i64, String, Option<String>)> =
        sqlx::query_as("SELECT id, key, province FROM cities ORDER BY id")
            .fetch_all(pool)
            .await?;
    let cities: Vec<City> = city_rows
        .into_iter()
        .map(|(id, key, province)| {
            let [name] = <[Texts; 1]>::try_from(take(&mut city_texts, id, 1)).unwrap_or_default();
            City {
                id,
                key,
                name,
                province,
            }
        })
        .collect();
    let city_index: HashMap<i64, usize> =
        cities.iter().enumerate().map(|(i, c)| (c.id, i)).collect();

    let mut category_texts = texts(
        pool,
        "category_texts",
        "category_id",
        &["name", "description"],
    )
    .await?;
    let category_rows: Vec<(i64, String, Option<i64>, String)> = sqlx::query_as(
        "SELECT id, slug, parent_id, tax_class FROM categories ORDER BY position, id",
    )
    .fetch_all(pool)
    .await?;
    let category_index: HashMap<i64, usize> = category_rows
        .iter()
        .enumerate()
        .map(|(i, row)| (row.0, i))
        .collect();
    let categories: Vec<Category> = category_rows
        .into_iter()
        .map(|(id, slug, parent, tax_class)| {
            let [name, description] =
                <[Texts; 2]>::try_from(take(&mut category_texts, id, 2)).unwrap_or_default();
            Category {
                id,
                slug,
                parent: parent.and_then(|p| category_index.get(&p).copied()),
                tax_class: TaxClass::parse(&tax_class).unwrap_or(TaxClass::General),
                name,
                description,
            }
        })
        .collect();

    let mut shop_texts = texts(
        pool,
        "shop_texts",
        "shop_id",
        &["name", "tagline", "story", "policies"],
    )
    .await?;
    type ShopRow = (i64, String, String, String, i64, i64, Option<i64>, i64, i64);
    let shop_rows: Vec<ShopRow> = sqlx::query_as(
        "SELECT id, slug, kind, dispatch, city_id, verified, founded, has_logo, has_banner \
             FROM shops WHERE suspended = 0 ORDER BY id",
    )
    .fetch_all(pool)
    .await?;
    let shops: Vec<Shop> = shop_rows
        .into_iter()
        .map(
            |(id, slug, kind, dispatch, city_id, verified, founded, has_logo, has_banner)| {
                let [name, tagline, story, policies] =
                    <[Texts; 4]>::try_from(take(&mut shop_texts, id, 4)).unwrap_or_default();
                Shop {
                    id,
                    slug,
                    kind,
                    dispatch: Dispatch::parse(&dispatch).unwrap_or_default(),
                    city: city_index.get(&city_id).copied().unwrap_or_default(),
                    verified: verified == 1,
                    founded,
                    name,
                    tagline,
                    story,
                    policies,
                    has_logo: has_logo == 1,
                    has_banner: has_banner == 1,
                }
            },
        )
        .collect();
    let shop_index: HashMap<i64, usize> =
        shops.iter().enumerate().map(|(i, s)| (s.id, i)).collect();

    let mut variants = load_variants(pool).await?;
    let mut certifications: HashMap<i64, Vec<String>> = HashMap::new();
    let cert_rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT product_id, certification FROM product_certifications ORDER BY certification",
    )
    .fetch_all(pool)
    .await?;
    for (id, cert) in cert_rows {
        certifications.entry(id).or_default().push(cert);
    }

    let mut product_texts = texts(
        pool,
        "product_texts",
        "product_id",
        &["title", "summary", "description"],
    )
    .await?;
    let product_rows: Vec<ProductRow> = sqlx::query_as(
        "SELECT id, slug, shop_id, category_id, origin_city_id, hs_code, weight_g, featured, \
            created_at, updated_at, revision, rating_sum, rating_count, drawn_art \
         FROM products WHERE status = 'published' \
           AND shop_id NOT IN (SELECT id FROM shops WHERE suspended = 1) ORDER BY id",
    )
    .fetch_all(pool)
    .await?;
    let mut products = Vec::with_capacity(product_rows.len());
    for row in product_rows {
        let (id, slug, shop_id, category_id, city_id, hs_code, weight_g, featured) =
            (row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7);
        let (Some(&shop), Some(&category), Some(&city)) = (
            shop_index.get(&shop_id),
            category_index.get(&category_id),
            city_index.get(&city_id),
        ) else {
            continue;
        };
        let variants = variants.remove(&id).unwrap_or_default();
        if variants.is_empty() {
            continue;
        }
        let [title, summary, description] =
            <[Texts; 3]>::try_from(take(&mut product_texts, id, 3)).unwrap_or_default();
        let mut category_path = vec![category];
        while let Some(parent) = categories[*category_path.last().unwrap_or(&category)].parent {
            if category_path.contains(&parent) {
                break;
            }
            category_path.push(parent);
        }
        products.push(Product {
            id,
            slug,
            shop,
            category,
            category_path,
            city,
            hs_code,
            weight_g,
            certifications: certifications.remove(&id).unwrap_or_default(),
            featured: featured == 1,
            created_at: row.8,
            updated_at: row.9,
            revision: row.10,
            rating_sum: row.11,
            rating_count: row.12,
            drawn_art: row.13 == 1,
            title,
            summary,
            description,
            min_price: variants
                .iter()
                .map(|v| v.price_minor)
                .min()
                .unwrap_or_default(),
            in_stock: variants.iter().any(|v| v.stock > 0),
            variants,
        });
    }

    let rates = load_rates(pool).await?;
    let delivery_days = load_delivery_days(pool).await?;
    let mut catalog = Catalog {
        revision,
        cities,
        categories,
        shops,
        products,
        rates,
        delivery_days,
        ..Catalog::default()
    };
    catalog.product_by_slug = catalog
        .products
        .iter()
        .enumerate()
        .map(|(i, p)| (p.slug.clone(), i))
        .collect();
    catalog.product_by_id = catalog
        .products
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i))
        .collect();
    catalog.category_by_slug = catalog
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| (c.slug.clone(), i))
        .collect();
    catalog.category_counts = vec![0; catalog.categories.len()];
    for product in &catalog.products {
        for &c in &product.category_path {
            catalog.category_counts[c] += 1;
        }
    }
    catalog.shop_by_slug = catalog
        .shops
        .iter()
        .enumerate()
        .map(|(i, s)| (s.slug.clone(), i))
        .collect();
    Ok(catalog)
}

async fn load_variants(pool: &AnyPool) -> Result<HashMap<i64, Vec<Variant>>, sqlx::Error> {
    let mut labels = texts(pool, "variant_texts", "variant_id", &["label"]).await?;
    let rows: Vec<(i64, i64, String, i64, i64, i64)> = sqlx::query_as(
        "SELECT v.id, v.product_id, v.sku, v.price_minor, v.stock, \
                COALESCE(v.weight_g, p.weight_g) \
         FROM variants v JOIN products p ON p.id = v.product_id WHERE v.pending = 0 \
         ORDER BY v.product_id, v.position, v.id",
    )
    .fetch_all(pool)
    .await?;
    let mut out: HashMap<i64, Vec<Variant>> = HashMap::new();
    for (id, product_id, sku, price_minor, stock, weight_g) in rows {
        let [label] = <[Texts; 1]>::try_from(take(&mut labels, id, 1)).unwrap_or_default();
        out.entry(product_id).or_default().push(Variant {
            sku,
            label,
            price_minor,
            stock,
            weight_g,
        });
    }
    Ok(out)
}

/// The newest rate of each currency.
/// How long each shipping method takes, by zone.
async fn load_delivery_days(
    pool: &AnyPool,
) -> Result<HashMap<(ShippingMethod, String), (i64, i64)>, sqlx::Error> {
    let rows: Vec<(String, String, i64, i64)> =
        sqlx::query_as("SELECT method, zone, days_min, days_max FROM shipping_rates")
            .fetch_all(pool)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(method, zone, min, max)| {
            Some(((ShippingMethod::parse(&method).ok()?, zone), (min, max)))
        })
        .collect())
}

async fn load_rates(pool: &AnyPool) -> Result<Vec<Rate>, sqlx::Error> {
    let rows: Vec<(String, i64, String)> = sqlx::query_as(
        "SELECT r.currency, r.per_cny_micros, r.set_on FROM exchange_rates r \
         WHERE r.id = (SELECT MAX(id) FROM exchange_rates x WHERE x.currency = r.currency) \
         ORDER BY r.currency DESC",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(currency, per_cny_micros, set_on)| {
            Some(Rate {
                currency: Currency::parse(&currency)?,
                per_cny_micros,
                set_on,
            })
        })
        .collect())
}
