//! A shop's products as CSV: the export a seller edits in a spreadsheet, and the import that
//! writes the whole file or nothing (or, if the seller asks, only its valid products).

use std::collections::{HashMap, HashSet};

use sqlx::{AnyPool, Row};

use super::csv::{self, CsvProblem, CsvProblemKind, Known, ProductRow, VariantRow};
use crate::backend::db::orders::Tx;
use crate::backend::db::write_transaction;
use crate::backend::db::{Engine, now_seconds};
use crate::error::AppError;
use crate::model::seller::{CheckedProduct, CheckedVariant, ImportReport, ProductSide};

/// Every product of the shop, as `csv::export` writes them.
pub async fn export(pool: &AnyPool, shop_id: i64) -> Result<String, sqlx::Error> {
    let products = sqlx::query(
        "SELECT p.id, p.slug, c.slug AS category, ci.key AS city, p.hs_code, p.weight_g, \
                COALESCE(en.title, '') AS title_en, COALESCE(zh.title, '') AS title_zh, \
                COALESCE(en.summary, '') AS summary_en, COALESCE(zh.summary, '') AS summary_zh, \
                COALESCE(en.description, '') AS description_en, COALESCE(zh.description, '') AS description_zh \
         FROM products p JOIN categories c ON c.id = p.category_id JOIN cities ci ON ci.id = p.origin_city_id \
         LEFT JOIN product_texts en ON en.product_id = p.id AND en.locale = 'en' \
         LEFT JOIN product_texts zh ON zh.product_id = p.id AND zh.locale = 'zh' \
         WHERE p.shop_id = $1 ORDER BY p.id",
    )
    .bind(shop_id)
    .fetch_all(pool)
    .await?;
    let variants = sqlx::query(
        "SELECT v.product_id, v.sku, v.price_minor, v.stock, v.weight_g, \
                COALESCE((SELECT label FROM variant_texts WHERE variant_id = v.id AND locale = 'en'), '') AS label_en, \
                COALESCE((SELECT label FROM variant_texts WHERE variant_id = v.id AND locale = 'zh'), '') AS label_zh \
         FROM variants v JOIN products p ON p.id = v.product_id WHERE p.shop_id = $1 ORDER BY v.position, v.id",
    )
    .bind(shop_id)
    .fetch_all(pool)
    .await?;
    let mut by_product: HashMap<i64, Vec<VariantRow>> = HashMap::new();
    for v in &variants {
        by_product
            .entry(v.try_get("product_id")?)
            .or_default()
            .push(VariantRow {
                sku: v.try_get("sku")?,
                label_en: v.try_get("label_en")?,
                label_zh: v.try_get("label_zh")?,
                price_minor: v.try_get("price_minor")?,
                stock: v.try_get("stock")?,
                weight_g: v.try_get("weight_g")?,
            });
    }
    let rows = products
        .iter()
        .map(|p| {
            Ok(ProductRow {
                slug: p.try_get("slug")?,
                category: p.try_get("category")?,
                origin_city: p.try_get("city")?,
                hs_code: p.try_get("hs_code")?,
                weight_g: p.try_get("weight_g")?,
                title_en: p.try_get("title_en")?,
                title_zh: p.try_get("title_zh")?,
                summary_en: p.try_get("summary_en")?,
                summary_zh: p.try_get("summary_zh")?,
                description_en: p.try_get("description_en")?,
                description_zh: p.try_get("description_zh")?,
                variants: by_product
                    .remove(&p.try_get::<i64, _>("id")?)
                    .unwrap_or_default(),
                first_row: 0,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Ok(csv::export(&rows))
}

async fn keys(pool: &AnyPool, sql: &str) -> Result<HashSet<String>, sqlx::Error> {
    Ok(sqlx::query_scalar::<_, String>(sql)
        .fetch_all(pool)
        .await?
        .into_iter()
        .collect())
}

/// Slugs and SKUs the file may not take: those of other shops' products, and SKUs that
/// belong to another of this shop's products.
async fn taken(
    pool: &AnyPool,
    shop_id: i64,
    parsed: &[ProductRow],
) -> Result<Vec<CsvProblem>, sqlx::Error> {
    let mut problems = Vec::new();
    let owners: HashMap<String, i64> = sqlx::query("SELECT slug, shop_id FROM products")
        .fetch_all(pool)
        .await?
        .iter()
        .map(|r| Ok((r.try_get("slug")?, r.try_get("shop_id")?)))
        .collect::<Result<_, sqlx::Error>>()?;
    let sku_owner: HashMap<String, String> =
        sqlx::query("SELECT v.sku, p.slug FROM variants v JOIN products p ON p.id = v.product_id")
            .fetch_all(pool)
            .await?
            .iter()
            .map(|r| Ok((r.try_get("sku")?, r.try_get("slug")?)))
            .collect::<Result<_, sqlx::Error>>()?;
    for product in parsed {
        if owners
            .get(&product.slug)
            .is_some_and(|owner| *owner != shop_id)
        {
            problems.push(CsvProblem {
                row: product.first_row,
                column: "slug".into(),
                kind: CsvProblemKind::SlugTaken,
            });
        }
        for (i, variant) in product.variants.iter().enumerate() {
            if sku_owner
                .get(&variant.sku)
                .is_some_and(|slug| *slug != product.slug)
            {
                let row = product.first_row + i;
                problems.push(CsvProblem {
                    row,
                    column: "sku".into(),
                    kind: CsvProblemKind::SkuTaken,
                });
            }
        }
    }
    Ok(problems)
}

/// Reads a file and writes its products in one transaction: all of them when the file has
/// no problem, none when it has (unless `only_valid`, when the valid products are written).
/// The report is kept so the seller can read it; returns its id.
pub async fn import(
    pool: &AnyPool,
    engine: Engine,
    shop_id: i64,
    user_id: i64,
    bytes: &[u8],
    only_valid: bool,
) -> Result<i64, AppError> {
    let categories = keys(pool, "SELECT slug FROM categories").await?;
    let cities = keys(pool, "SELECT key FROM cities").await?;
    let owned = bytes.to_vec();
    let parsed = tokio::task::spawn_blocking(move || {
        csv::parse(
            &owned,
            &Known {
                categories: &categories,
                cities: &cities,
            },
        )
    })
    .await
    .map_err(|error| AppError::internal("parsing a catalogue CSV", error))?;
    let mut problems = parsed.problems;
    let clashes = taken(pool, shop_id, &parsed.products).await?;
    let clashing: HashSet<usize> = clashes.iter().map(|p| p.row).collect();
    problems.extend(clashes);
    problems.sort_by_key(|p| p.row);
    let writable: Vec<&ProductRow> = if problems.is_empty() || only_valid {
        parsed
            .products
            .iter()
            .filter(|p| {
                !(p.first_row..p.first_row + p.variants.len()).any(|row| clashing.contains(&row))
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut tx = write_transaction(pool, engine).await?;
    let mut imported = writable.len() as i64;
    for product in &writable {
        match write(&mut tx, shop_id, user_id, product).await {
            Ok(()) => {}
            // A published product the file would leave half-translated: nothing is written.
            Err(AppError::Invalid(_)) => {
                tx.rollback().await?;
                tx = write_transaction(pool, engine).await?;
                problems.push(CsvProblem {
                    row: product.first_row,
                    column: String::new(),
                    kind: CsvProblemKind::Incomplete,
                });
                imported = 0;
                break;
            }
            Err(other) => return Err(other),
        }
    }
    if imported > 0 {
        super::bump_catalog(&mut tx).await?;
    }
    let report: i64 = sqlx::query_scalar(
        "INSERT INTO csv_imports (shop_id, user_id, rows_read, imported, problems, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(shop_id)
    .bind(user_id)
    .bind(parsed.rows as i64)
    .bind(imported)
    .bind(
        serde_json::to_string(&problems)
            .map_err(|error| AppError::internal("encoding import problems", error))?,
    )
    .bind(now_seconds())
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(report)
}

/// One product of the file: created, or updated by slug; a variant is found by SKU. Stock
/// that differs from the shop's is set, and the difference recorded as an adjustment.
async fn write(tx: &mut Tx, shop_id: i64, user_id: i64, row: &ProductRow) -> Result<(), AppError> {
    let id: Option<i64> =
        sqlx::query_scalar("SELECT id FROM products WHERE slug = $1 AND shop_id = $2")
            .bind(&row.slug)
            .bind(shop_id)
            .fetch_optional(&mut **tx)
            .await?;
    let mut variants = Vec::with_capacity(row.variants.len());
    let mut stock_changes = Vec::new();
    for v in &row.variants {
        let existing: Option<(i64, i64)> =
            sqlx::query_as("SELECT id, stock FROM variants WHERE sku = $1")
                .bind(&v.sku)
                .fetch_optional(&mut **tx)
                .await?;
        if let Some((variant_id, stock)) =
            existing.filter(|(_, stock)| id.is_some() && *stock != v.stock)
        {
            stock_changes.push((variant_id, v.stock - stock));
        }
        variants.push(CheckedVariant {
            id: existing
                .filter(|_| id.is_some())
                .map(|(variant_id, _)| variant_id),
            sku: v.sku.clone(),
            label_en: v.label_en.clone(),
            label_zh: v.label_zh.clone(),
            price_minor: v.price_minor,
            stock: v.stock,
            weight_g: v.weight_g,
        });
    }
    let product = CheckedProduct {
        slug: row.slug.clone(),
        category: row.category.clone(),
        origin_city: row.origin_city.clone(),
        hs_code: row.hs_code.clone(),
        weight_g: row.weight_g,
        en: ProductSide {
            title: row.title_en.clone(),
            summary: row.summary_en.clone(),
            description: row.description_en.clone(),
        },
        zh: ProductSide {
            title: row.title_zh.clone(),
            summary: row.summary_zh.clone(),
            description: row.description_zh.clone(),
        },
        variants,
    };
    super::products::save_in(tx, shop_id, id, &product).await?;
    for (variant_id, delta) in stock_changes {
        sqlx::query("UPDATE variants SET stock = stock + $1 WHERE id = $2")
            .bind(delta)
            .bind(variant_id)
            .execute(&mut **tx)
            .await?;
        sqlx::query(
            "INSERT INTO stock_adjustments (variant_id, delta, reason, user_id, at) VALUES ($1, $2, 'CSV import', $3, $4)",
        )
        .bind(variant_id)
        .bind(delta)
        .bind(user_id)
        .bind(now_seconds())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// A report of the shop's own imports; `NotFound` for another shop's.
pub async fn report(pool: &AnyPool, shop_id: i64, id: i64) -> Result<ImportReport, AppError> {
    let row = sqlx::query(
        "SELECT rows_read, imported, problems FROM csv_imports WHERE id = $1 AND shop_id = $2",
    )
    .bind(id)
    .bind(shop_id)
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(ImportReport {
        rows: row.try_get("rows_read")?,
        imported: row.try_get("imported")?,
        problems: serde_json::from_str(&row.try_get::<String, _>("problems")?).unwrap_or_default(),
    })
}
