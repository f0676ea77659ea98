//! A shop's products as a CSV file: the export a seller edits in a spreadsheet, and the import
//! that writes the whole file or nothing (or, if the seller asks, only its valid products). The
//! file format itself, without the database, is `csv_format`.

use std::collections::{HashMap, HashSet};

use sqlx::AnyPool;

use super::csv_format::{self, CsvProblem, CsvProblemKind, Known, ProductRow, VariantRow};
use crate::backend::db::csv_files as files;
use crate::backend::db::{Engine, Tx, now_seconds, stock, write_transaction};
use crate::error::AppError;
use crate::model::seller::{CheckedProduct, CheckedVariant, ImportReport, ProductSide};

/// Every product of the shop, as `csv_format::export` writes them.
pub async fn export(pool: &AnyPool, shop_id: i64) -> Result<String, sqlx::Error> {
    let products = files::products(pool, shop_id).await?;
    let mut by_product: HashMap<i64, Vec<VariantRow>> = HashMap::new();
    for v in files::variants(pool, shop_id).await? {
        by_product
            .entry(v.product_id)
            .or_default()
            .push(VariantRow {
                sku: v.sku,
                label_en: v.label_en,
                label_zh: v.label_zh,
                price_minor: v.price_minor,
                stock: v.stock,
                weight_g: v.weight_g,
            });
    }
    let rows: Vec<ProductRow> = products
        .into_iter()
        .map(|p| ProductRow {
            variants: by_product.remove(&p.id).unwrap_or_default(),
            slug: p.slug,
            category: p.category,
            origin_city: p.city,
            hs_code: p.hs_code,
            weight_g: p.weight_g,
            title_en: p.title_en,
            title_zh: p.title_zh,
            summary_en: p.summary_en,
            summary_zh: p.summary_zh,
            description_en: p.description_en,
            description_zh: p.description_zh,
            first_row: 0,
        })
        .collect();
    Ok(csv_format::export(&rows))
}

/// Slugs and SKUs the file may not take: those of other shops' products, and SKUs that
/// belong to another of this shop's products.
async fn taken(
    pool: &AnyPool,
    shop_id: i64,
    parsed: &[ProductRow],
) -> Result<Vec<CsvProblem>, sqlx::Error> {
    let mut problems = Vec::new();
    let owners: HashMap<String, i64> = files::product_owners(pool).await?.into_iter().collect();
    let sku_owner: HashMap<String, String> = files::sku_products(pool).await?.into_iter().collect();
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
    let categories: HashSet<String> = files::category_slugs(pool).await?.into_iter().collect();
    let cities: HashSet<String> = files::city_keys(pool).await?.into_iter().collect();
    let owned = bytes.to_vec();
    let parsed = tokio::task::spawn_blocking(move || {
        csv_format::parse(
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
        crate::backend::db::revisions::bump_catalogue(&mut tx).await?;
    }
    let problems = serde_json::to_string(&problems)
        .map_err(|error| AppError::internal("encoding import problems", error))?;
    let import = files::Import {
        shop_id,
        user_id,
        rows_read: parsed.rows as i64,
        imported,
        problems: &problems,
        now: now_seconds(),
    };
    let report = files::record(&mut tx, &import).await?;
    tx.commit().await?;
    Ok(report)
}

/// One product of the file: created, or updated by slug; a variant is found by SKU. Stock
/// that differs from the shop's is set, and the difference recorded as an adjustment.
async fn write(tx: &mut Tx, shop_id: i64, user_id: i64, row: &ProductRow) -> Result<(), AppError> {
    let id = files::shop_product(tx, shop_id, &row.slug).await?;
    let mut variants = Vec::with_capacity(row.variants.len());
    let mut stock_changes = Vec::new();
    for v in &row.variants {
        let existing = files::variant_by_sku(tx, &v.sku).await?;
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
        files::add_stock(tx, variant_id, delta).await?;
        let adjustment = stock::Adjustment {
            variant_id,
            delta,
            reason: "CSV import",
            user_id,
            at: now_seconds(),
        };
        stock::record(tx, &adjustment).await?;
    }
    Ok(())
}

/// A report of the shop's own imports; `NotFound` for another shop's.
pub async fn report(pool: &AnyPool, shop_id: i64, id: i64) -> Result<ImportReport, AppError> {
    let (rows, imported, problems) = files::report(pool, shop_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(ImportReport {
        rows,
        imported,
        problems: serde_json::from_str(&problems).unwrap_or_default(),
    })
}
