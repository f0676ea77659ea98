//! Reads the published catalogue from the database into a snapshot.

use sqlx::AnyPool;
use std::collections::HashMap;

use super::snapshot::{Catalogue, Category, City, Product, Rate, Shop, Texts, Variant};
use crate::backend::db::{Tx, catalogue, read_snapshot};
use crate::model::order::ShippingMethod;
use crate::model::{Currency, Dispatch, TaxClass};

/// `(owner id, locale, text columns…)` rows of a `*_texts` table, grouped by owner.
async fn texts(
    tx: &mut Tx,
    table: &str,
    owner: &str,
    columns: &[&str],
) -> Result<HashMap<i64, Vec<Texts>>, sqlx::Error> {
    let mut out: HashMap<i64, Vec<Texts>> = HashMap::new();
    for row in catalogue::texts(tx, table, owner, columns).await? {
        let entry = out
            .entry(row.owner)
            .or_insert_with(|| vec![Texts::default(); columns.len()]);
        for (slot, text) in entry.iter_mut().zip(row.texts) {
            slot.set(&row.locale, text);
        }
    }
    Ok(out)
}

fn take(texts: &mut HashMap<i64, Vec<Texts>>, id: i64, n: usize) -> Vec<Texts> {
    texts
        .remove(&id)
        .unwrap_or_else(|| vec![Texts::default(); n])
}

/// Loads every published product and what it refers to, all read at one moment: the
/// snapshot is exactly the catalogue of its revision.
pub async fn load(pool: &AnyPool) -> Result<Catalogue, sqlx::Error> {
    let mut snapshot = read_snapshot(pool).await?;
    let catalogue = load_from(&mut snapshot).await?;
    snapshot.rollback().await?;
    Ok(catalogue)
}

async fn load_from(tx: &mut Tx) -> Result<Catalogue, sqlx::Error> {
    let revision = crate::backend::db::revisions::catalogue(&mut **tx).await?;

    let mut city_texts = texts(tx, "city_texts", "city_id", &["name"]).await?;
    let city_rows = catalogue::cities(tx).await?;
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
        tx,
        "category_texts",
        "category_id",
        &["name", "description"],
    )
    .await?;
    let category_rows = catalogue::categories(tx).await?;
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
        tx,
        "shop_texts",
        "shop_id",
        &["name", "tagline", "story", "policies"],
    )
    .await?;
    let shops: Vec<Shop> = catalogue::open_shops(tx)
        .await?
        .into_iter()
        .map(|row| {
            let [name, tagline, story, policies] =
                <[Texts; 4]>::try_from(take(&mut shop_texts, row.id, 4)).unwrap_or_default();
            Shop {
                id: row.id,
                slug: row.slug,
                kind: row.kind,
                dispatch: Dispatch::parse(&row.dispatch).unwrap_or_default(),
                city: city_index.get(&row.city_id).copied().unwrap_or_default(),
                verified: row.verified == 1,
                founded: row.founded,
                name,
                tagline,
                story,
                policies,
                has_logo: row.has_logo == 1,
                has_banner: row.has_banner == 1,
            }
        })
        .collect();
    let shop_index: HashMap<i64, usize> =
        shops.iter().enumerate().map(|(i, s)| (s.id, i)).collect();

    let mut variants = load_variants(tx).await?;
    let mut certifications: HashMap<i64, Vec<String>> = HashMap::new();
    let cert_rows = catalogue::certifications(tx).await?;
    for (id, cert) in cert_rows {
        certifications.entry(id).or_default().push(cert);
    }

    let mut product_texts = texts(
        tx,
        "product_texts",
        "product_id",
        &["title", "summary", "description"],
    )
    .await?;
    let product_rows = catalogue::products_on_sale(tx).await?;
    let mut products = Vec::with_capacity(product_rows.len());
    for row in product_rows {
        let (id, shop_id, category_id, city_id) =
            (row.id, row.shop_id, row.category_id, row.origin_city_id);
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
            slug: row.slug,
            shop,
            category,
            category_path,
            city,
            hs_code: row.hs_code,
            weight_g: row.weight_g,
            certifications: certifications.remove(&id).unwrap_or_default(),
            featured: row.featured == 1,
            created_at: row.created_at,
            updated_at: row.updated_at,
            revision: row.revision,
            rating_sum: row.rating_sum,
            rating_count: row.rating_count,
            drawn_art: row.drawn_art == 1,
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

    let rates = load_rates(tx).await?;
    let delivery_days = load_delivery_days(tx).await?;
    let mut catalogue = Catalogue {
        revision,
        cities,
        categories,
        shops,
        products,
        rates,
        delivery_days,
        ..Catalogue::default()
    };
    catalogue.product_by_slug = catalogue
        .products
        .iter()
        .enumerate()
        .map(|(i, p)| (p.slug.clone(), i))
        .collect();
    catalogue.product_by_id = catalogue
        .products
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i))
        .collect();
    catalogue.category_by_slug = catalogue
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| (c.slug.clone(), i))
        .collect();
    catalogue.category_counts = vec![0; catalogue.categories.len()];
    catalogue.shop_counts = vec![0; catalogue.shops.len()];
    for product in &catalogue.products {
        for &c in &product.category_path {
            catalogue.category_counts[c] += 1;
        }
        catalogue.shop_counts[product.shop] += 1;
    }
    catalogue.shop_by_slug = catalogue
        .shops
        .iter()
        .enumerate()
        .map(|(i, s)| (s.slug.clone(), i))
        .collect();
    Ok(catalogue)
}

async fn load_variants(tx: &mut Tx) -> Result<HashMap<i64, Vec<Variant>>, sqlx::Error> {
    let mut labels = texts(tx, "variant_texts", "variant_id", &["label"]).await?;
    let mut out: HashMap<i64, Vec<Variant>> = HashMap::new();
    for row in catalogue::variants_on_sale(tx).await? {
        let [label] = <[Texts; 1]>::try_from(take(&mut labels, row.id, 1)).unwrap_or_default();
        out.entry(row.product_id).or_default().push(Variant {
            sku: row.sku,
            label,
            price_minor: row.price_minor,
            stock: row.stock,
            weight_g: row.weight_g,
        });
    }
    Ok(out)
}

/// How long each shipping method takes, by zone.
async fn load_delivery_days(
    tx: &mut Tx,
) -> Result<HashMap<(ShippingMethod, String), (i64, i64)>, sqlx::Error> {
    Ok(crate::backend::db::shipping::rates(&mut **tx)
        .await?
        .into_iter()
        .filter_map(|r| {
            let method = ShippingMethod::parse(&r.method).ok()?;
            Some(((method, r.zone), (r.days_min, r.days_max)))
        })
        .collect())
}

/// The newest rate of each currency.
async fn load_rates(tx: &mut Tx) -> Result<Vec<Rate>, sqlx::Error> {
    let rows = catalogue::latest_rates(tx).await?;
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
