//! A shop's products as their sellers edit them and the pavilion reviews them: both
//! languages' texts (on sale, or waiting for review), variants and their labels, the edit
//! counters that tell which language is out of date, and the review state. The storefront
//! reads products from the in-memory catalogue (`backend::catalogue`), not from here.

use std::collections::HashMap;

use sqlx::{AnyPool, FromRow};

use super::Tx;
use crate::model::Lang;
use crate::model::seller::{CheckedProduct, ProductSide, ProductStatus, SellerProductRow};

/// Where a product's texts and its variants' labels are kept: on sale, or waiting for review.
#[derive(Clone, Copy)]
pub enum TextTable {
    Live,
    Pending,
}

impl TextTable {
    fn texts(self) -> &'static str {
        match self {
            TextTable::Live => "product_texts",
            TextTable::Pending => "product_pending_texts",
        }
    }

    pub(super) fn labels(self) -> &'static str {
        match self {
            TextTable::Live => "variant_texts",
            TextTable::Pending => "variant_pending_labels",
        }
    }
}

/// A product's status as its seller sees it: one waiting for its first review is `review`.
const SELLER_STATUS: &str = "CASE WHEN p.review_requested_at IS NOT NULL AND p.status <> 'published' \
                             THEN 'review' ELSE p.status END AS status";

#[derive(FromRow)]
struct ListRow {
    id: i64,
    slug: String,
    status: String,
    title: String,
    stock: i64,
    variants: i64,
    min_price: i64,
    complete: i64,
}

/// The shop's products, the latest edited first, titled in `lang` where it has a title.
pub async fn list(
    pool: &AnyPool,
    shop_id: i64,
    lang: Lang,
) -> Result<Vec<SellerProductRow>, sqlx::Error> {
    let sql = format!(
        "SELECT p.id, p.slug, {SELLER_STATUS}, \
                COALESCE(NULLIF(t.title, ''), NULLIF(o.title, ''), p.slug) AS title, \
                (SELECT COALESCE(SUM(stock), 0) FROM variants v WHERE v.product_id = p.id) AS stock, \
                (SELECT COUNT(*) FROM variants v WHERE v.product_id = p.id) AS variants, \
                (SELECT COALESCE(MIN(price_minor), 0) FROM variants v WHERE v.product_id = p.id) AS min_price, \
                (SELECT COUNT(*) FROM product_texts x WHERE x.product_id = p.id \
                  AND x.title <> '' AND x.summary <> '' AND x.description <> '') AS complete \
         FROM products p \
         LEFT JOIN product_texts t ON t.product_id = p.id AND t.locale = $2 \
         LEFT JOIN product_texts o ON o.product_id = p.id AND o.locale <> $2 \
         WHERE p.shop_id = $1 ORDER BY p.updated_at DESC, p.id DESC"
    );
    let rows: Vec<ListRow> = sqlx::query_as(&sql)
        .bind(shop_id)
        .bind(lang.code())
        .fetch_all(pool)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| SellerProductRow {
            id: r.id,
            slug: r.slug,
            title: r.title,
            status: ProductStatus::parse(&r.status),
            stock: r.stock,
            variants: r.variants,
            min_price: r.min_price,
            incomplete: r.complete < 2,
        })
        .collect())
}

/// The slug of one of the shop's products, and whether it is on sale.
pub async fn slug_of(
    pool: &AnyPool,
    shop_id: i64,
    product_id: i64,
) -> Result<Option<(String, bool)>, sqlx::Error> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT slug, status FROM products WHERE id = $1 AND shop_id = $2")
            .bind(product_id)
            .bind(shop_id)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(slug, status)| (slug, status == "published")))
}

/// What the editor shows of a product beside its texts and variants.
#[derive(FromRow)]
pub struct EditorRow {
    pub slug: String,
    pub status: String,
    pub review_note: Option<String>,
    pub hs_code: String,
    pub weight_g: i64,
    pub drawn_art: i64,
    pub category: String,
    pub city: String,
}

/// The shop's product for the editor; `None` for another shop's.
pub async fn editor_row(
    tx: &mut Tx,
    shop_id: i64,
    product_id: i64,
) -> Result<Option<EditorRow>, sqlx::Error> {
    let sql = format!(
        "SELECT p.slug, {SELLER_STATUS}, p.review_note, p.hs_code, p.weight_g, p.drawn_art, \
                c.slug AS category, ci.key AS city \
         FROM products p JOIN categories c ON c.id = p.category_id \
         JOIN cities ci ON ci.id = p.origin_city_id \
         WHERE p.id = $1 AND p.shop_id = $2"
    );
    sqlx::query_as(&sql)
        .bind(product_id)
        .bind(shop_id)
        .fetch_optional(&mut **tx)
        .await
}

#[derive(FromRow)]
struct SideRow {
    locale: String,
    title: String,
    summary: String,
    description: String,
}

/// Both sides (English, Chinese) of a product from one table; `None` when it holds none.
pub async fn sides_in(
    tx: &mut Tx,
    table: TextTable,
    product_id: i64,
) -> Result<Option<(ProductSide, ProductSide)>, sqlx::Error> {
    let sql = format!(
        "SELECT locale, title, summary, description FROM {} WHERE product_id = $1",
        table.texts()
    );
    let rows: Vec<SideRow> = sqlx::query_as(&sql)
        .bind(product_id)
        .fetch_all(&mut **tx)
        .await?;
    if rows.is_empty() {
        return Ok(None);
    }
    let (mut en, mut zh) = (ProductSide::default(), ProductSide::default());
    for row in rows {
        let side = ProductSide {
            title: row.title,
            summary: row.summary,
            description: row.description,
        };
        match row.locale.as_str() {
            "zh" => zh = side,
            _ => en = side,
        }
    }
    Ok(Some((en, zh)))
}

/// Replaces both sides of a product in one table.
pub async fn write_sides(
    tx: &mut Tx,
    table: TextTable,
    product_id: i64,
    (en, zh): (&ProductSide, &ProductSide),
) -> Result<(), sqlx::Error> {
    drop_sides(tx, table, product_id).await?;
    let sql = format!(
        "INSERT INTO {} (product_id, locale, title, summary, description) VALUES ($1, $2, $3, $4, $5)",
        table.texts()
    );
    for (locale, side) in [("en", en), ("zh", zh)] {
        sqlx::query(&sql)
            .bind(product_id)
            .bind(locale)
            .bind(&side.title)
            .bind(&side.summary)
            .bind(&side.description)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Removes a product's texts from one table.
pub async fn drop_sides(tx: &mut Tx, table: TextTable, product_id: i64) -> Result<(), sqlx::Error> {
    let sql = format!("DELETE FROM {} WHERE product_id = $1", table.texts());
    sqlx::query(&sql)
        .bind(product_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The edit counter of each (locale, field) of a product's texts.
pub async fn edits(
    tx: &mut Tx,
    product_id: i64,
) -> Result<HashMap<(String, String), i64>, sqlx::Error> {
    let rows: Vec<(String, String, i64)> =
        sqlx::query_as("SELECT locale, field, edit FROM product_text_edits WHERE product_id = $1")
            .bind(product_id)
            .fetch_all(&mut **tx)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(locale, field, edit)| ((locale, field), edit))
        .collect())
}

/// Counts one more save of the product; returns the new count.
pub async fn next_edit(tx: &mut Tx, product_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("UPDATE products SET edits = edits + 1 WHERE id = $1 RETURNING edits")
        .bind(product_id)
        .fetch_one(&mut **tx)
        .await
}

/// Records that the save numbered `edit` changed one field of one language.
pub async fn mark_edited(
    tx: &mut Tx,
    product_id: i64,
    locale: &str,
    field: &str,
    edit: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM product_text_edits WHERE product_id = $1 AND locale = $2 AND field = $3",
    )
    .bind(product_id)
    .bind(locale)
    .bind(field)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "INSERT INTO product_text_edits (product_id, locale, field, edit) VALUES ($1, $2, $3, $4)",
    )
    .bind(product_id)
    .bind(locale)
    .bind(field)
    .bind(edit)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The stored status of one of the shop's products; `None` for another shop's.
pub async fn status_in_shop(
    tx: &mut Tx,
    shop_id: i64,
    product_id: i64,
) -> Result<Option<ProductStatus>, sqlx::Error> {
    let status: Option<String> =
        sqlx::query_scalar("SELECT status FROM products WHERE id = $1 AND shop_id = $2")
            .bind(product_id)
            .bind(shop_id)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(status.as_deref().map(ProductStatus::parse))
}

/// Whether any product has this slug.
pub async fn slug_taken(tx: &mut Tx, slug: &str) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM products WHERE slug = $1")
        .bind(slug)
        .fetch_one(&mut **tx)
        .await?;
    Ok(count > 0)
}

/// Where a product belongs: its category's and its city of origin's ids.
#[derive(Clone, Copy)]
pub struct Placing {
    pub category: i64,
    pub city: i64,
}

/// A new draft product of the shop; returns its id.
pub async fn insert(
    tx: &mut Tx,
    shop_id: i64,
    placing: Placing,
    product: &CheckedProduct,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO products (slug, shop_id, category_id, origin_city_id, hs_code, weight_g, \
         status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $7) RETURNING id",
    )
    .bind(&product.slug)
    .bind(shop_id)
    .bind(placing.category)
    .bind(placing.city)
    .bind(&product.hs_code)
    .bind(product.weight_g)
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

/// Saves what the product's row holds of an edit (its texts and variants are saved apart).
pub async fn update(
    tx: &mut Tx,
    product_id: i64,
    placing: Placing,
    product: &CheckedProduct,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE products SET category_id = $1, origin_city_id = $2, hs_code = $3, weight_g = $4, \
         updated_at = $5 WHERE id = $6",
    )
    .bind(placing.category)
    .bind(placing.city)
    .bind(&product.hs_code)
    .bind(product.weight_g)
    .bind(now)
    .bind(product_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Marks the product as changed in catalogue revision `revision`.
pub async fn set_revision(tx: &mut Tx, product_id: i64, revision: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE products SET revision = $1 WHERE id = $2")
        .bind(revision)
        .bind(product_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
