//! Variants as their sellers edit them: SKU, price, weight and labels (on sale or waiting
//! for review).

use sqlx::FromRow;

use super::Tx;
use super::products::TextTable;
use crate::model::seller::{CheckedVariant, VariantDraft, price_text};

#[derive(FromRow)]
struct VariantRow {
    id: i64,
    sku: String,
    price_minor: i64,
    stock: i64,
    weight_g: Option<i64>,
    pending: i64,
    labels_waiting: i64,
    label_en: String,
    label_zh: String,
}

/// The product's variants for the editor, with the labels the seller last saved (waiting
/// for review or on sale), and whether any of them waits for review.
pub async fn editor_variants(
    tx: &mut Tx,
    product_id: i64,
) -> Result<(Vec<VariantDraft>, bool), sqlx::Error> {
    let label = |locale: &str| {
        format!(
            "COALESCE((SELECT label FROM variant_pending_labels WHERE variant_id = v.id AND locale = '{locale}'), \
                      (SELECT label FROM variant_texts WHERE variant_id = v.id AND locale = '{locale}'), '') \
             AS label_{locale}"
        )
    };
    let sql = format!(
        "SELECT v.id, v.sku, v.price_minor, v.stock, v.weight_g, v.pending, \
                (SELECT COUNT(*) FROM variant_pending_labels WHERE variant_id = v.id) AS labels_waiting, \
                {}, {} FROM variants v WHERE v.product_id = $1 ORDER BY v.position, v.id",
        label("en"),
        label("zh")
    );
    let rows: Vec<VariantRow> = sqlx::query_as(&sql)
        .bind(product_id)
        .fetch_all(&mut **tx)
        .await?;
    let waiting = rows.iter().any(|v| v.pending == 1 || v.labels_waiting > 0);
    let variants = rows
        .into_iter()
        .map(|v| VariantDraft {
            id: Some(v.id),
            sku: v.sku,
            label_en: v.label_en,
            label_zh: v.label_zh,
            price: price_text(v.price_minor),
            stock: Some(v.stock),
            weight_g: v.weight_g.map(|w| w.to_string()).unwrap_or_default(),
        })
        .collect();
    Ok((variants, waiting))
}

/// Replaces both labels (English, Chinese) of a variant in one table.
pub async fn write_labels(
    tx: &mut Tx,
    table: TextTable,
    variant_id: i64,
    (en, zh): (&str, &str),
) -> Result<(), sqlx::Error> {
    drop_labels(tx, table, variant_id).await?;
    let sql = format!(
        "INSERT INTO {} (variant_id, locale, label) VALUES ($1, $2, $3)",
        table.labels()
    );
    for (locale, label) in [("en", en), ("zh", zh)] {
        sqlx::query(&sql)
            .bind(variant_id)
            .bind(locale)
            .bind(label)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Removes a variant's labels from one table.
pub async fn drop_labels(
    tx: &mut Tx,
    table: TextTable,
    variant_id: i64,
) -> Result<(), sqlx::Error> {
    let sql = format!("DELETE FROM {} WHERE variant_id = $1", table.labels());
    sqlx::query(&sql)
        .bind(variant_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A variant's labels on sale (English, Chinese).
pub async fn live_labels(tx: &mut Tx, variant_id: i64) -> Result<(String, String), sqlx::Error> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT locale, label FROM variant_texts WHERE variant_id = $1")
            .bind(variant_id)
            .fetch_all(&mut **tx)
            .await?;
    let mut labels = (String::new(), String::new());
    for (locale, label) in rows {
        match locale.as_str() {
            "zh" => labels.1 = label,
            _ => labels.0 = label,
        }
    }
    Ok(labels)
}

/// Whether another variant than `except` has this SKU.
pub async fn sku_taken(tx: &mut Tx, sku: &str, except: Option<i64>) -> Result<bool, sqlx::Error> {
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM variants WHERE sku = $1 AND id <> $2")
            .bind(sku)
            .bind(except.unwrap_or(-1))
            .fetch_one(&mut **tx)
            .await?;
    Ok(count > 0)
}

/// Saves an existing variant's SKU, price, place and weight (its stock changes only by
/// adjustment); false when the product has no such variant.
pub async fn update_variant(
    tx: &mut Tx,
    product_id: i64,
    variant_id: i64,
    variant: &CheckedVariant,
    position: usize,
) -> Result<bool, sqlx::Error> {
    let updated = sqlx::query(
        "UPDATE variants SET sku = $1, price_minor = $2, position = $3, weight_g = $4 \
         WHERE id = $5 AND product_id = $6",
    )
    .bind(&variant.sku)
    .bind(variant.price_minor)
    .bind(position as i64)
    .bind(variant.weight_g)
    .bind(variant_id)
    .bind(product_id)
    .execute(&mut **tx)
    .await?;
    Ok(updated.rows_affected() > 0)
}

/// A new variant; `pending` ones are not sold until the pavilion approves them.
pub async fn insert_variant(
    tx: &mut Tx,
    product_id: i64,
    variant: &CheckedVariant,
    position: usize,
    pending: bool,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO variants (product_id, sku, price_minor, stock, position, pending, weight_g) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(product_id)
    .bind(&variant.sku)
    .bind(variant.price_minor)
    .bind(variant.stock)
    .bind(position as i64)
    .bind(i64::from(pending))
    .bind(variant.weight_g)
    .fetch_one(&mut **tx)
    .await
}

/// A variant's product title and label in each language: (locale, title, label).
pub async fn variant_texts(
    tx: &mut Tx,
    variant_id: i64,
) -> Result<Vec<(String, String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT pt.locale, pt.title, vt.label FROM variants v \
         JOIN product_texts pt ON pt.product_id = v.product_id \
         JOIN variant_texts vt ON vt.variant_id = v.id AND vt.locale = pt.locale \
         WHERE v.id = $1",
    )
    .bind(variant_id)
    .fetch_all(&mut **tx)
    .await
}
