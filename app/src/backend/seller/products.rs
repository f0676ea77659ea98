//! A shop's products in the editor: both languages, which side of each text is missing or
//! out of date, variants, and publishing only when both languages are complete.

use std::collections::HashMap;

use sqlx::{AnyPool, Row};

use super::review;
use crate::backend::db::orders::Tx;
use crate::backend::db::write_transaction;
use crate::backend::db::{Engine, now_seconds};
use crate::error::{AppError, Problem};
use crate::model::Lang;
use crate::model::seller::{
    CheckedProduct, FieldState, ProductDraft, ProductEditor, ProductSide, ProductStatus,
    SellerProductRow, SideStates, VariantDraft, price_text,
};

pub use super::review::{decide_review, pending_reviews, set_published};

const FIELDS: [&str; 3] = ["title", "summary", "description"];

pub async fn list(
    pool: &AnyPool,
    shop_id: i64,
    lang: Lang,
) -> Result<Vec<SellerProductRow>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT p.id, p.slug, CASE WHEN p.review_requested_at IS NOT NULL AND p.status <> 'published' THEN 'review' ELSE p.status END AS status, \
                COALESCE(NULLIF(t.title, ''), NULLIF(o.title, ''), p.slug) AS title, \
                (SELECT COALESCE(SUM(stock), 0) FROM variants v WHERE v.product_id = p.id) AS stock, \
                (SELECT COUNT(*) FROM variants v WHERE v.product_id = p.id) AS variants, \
                (SELECT COALESCE(MIN(price_minor), 0) FROM variants v WHERE v.product_id = p.id) AS min_price, \
                (SELECT COUNT(*) FROM product_texts x WHERE x.product_id = p.id \
                  AND x.title <> '' AND x.summary <> '' AND x.description <> '') AS complete \
         FROM products p \
         LEFT JOIN product_texts t ON t.product_id = p.id AND t.locale = $2 \
         LEFT JOIN product_texts o ON o.product_id = p.id AND o.locale <> $2 \
         WHERE p.shop_id = $1 ORDER BY p.updated_at DESC, p.id DESC",
    )
    .bind(shop_id)
    .bind(lang.code())
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(SellerProductRow {
                id: r.try_get("id")?,
                slug: r.try_get("slug")?,
                title: r.try_get("title")?,
                status: ProductStatus::parse(r.try_get("status")?),
                stock: r.try_get("stock")?,
                variants: r.try_get("variants")?,
                min_price: r.try_get("min_price")?,
                incomplete: r.try_get::<i64, _>("complete")? < 2,
            })
        })
        .collect()
}

/// The slug of one of the shop's products, and whether it is on sale.
pub async fn slug_of(
    pool: &AnyPool,
    shop_id: i64,
    product_id: i64,
) -> Result<Option<(String, bool)>, sqlx::Error> {
    let row = sqlx::query("SELECT slug, status FROM products WHERE id = $1 AND shop_id = $2")
        .bind(product_id)
        .bind(shop_id)
        .fetch_optional(pool)
        .await?;
    row.map(|r| {
        Ok((
            r.try_get("slug")?,
            r.try_get::<String, _>("status")? == "published",
        ))
    })
    .transpose()
}

/// The field states of both sides from their texts and edit counters.
fn states(
    en: &ProductSide,
    zh: &ProductSide,
    edits: &HashMap<(String, String), i64>,
) -> (SideStates, SideStates) {
    let edit = |locale: &str, field: &str| {
        edits
            .get(&(locale.to_owned(), field.to_owned()))
            .copied()
            .unwrap_or(0)
    };
    let state = |mine: &str, theirs: &str, text: &str, field: &str| {
        if text.is_empty() {
            FieldState::Missing
        } else if edit(theirs, field) > edit(mine, field) {
            FieldState::Stale
        } else {
            FieldState::Ok
        }
    };
    let side = |mine: &str, theirs: &str, s: &ProductSide| SideStates {
        title: state(mine, theirs, &s.title, "title"),
        summary: state(mine, theirs, &s.summary, "summary"),
        description: state(mine, theirs, &s.description, "description"),
    };
    (side("en", "zh", en), side("zh", "en", zh))
}

fn field<'a>(side: &'a ProductSide, name: &str) -> &'a str {
    match name {
        "title" => &side.title,
        "summary" => &side.summary,
        _ => &side.description,
    }
}

/// The texts on sale (or of a product not on sale yet).
pub(super) async fn texts(
    tx: &mut Tx,
    product_id: i64,
) -> Result<(ProductSide, ProductSide), sqlx::Error> {
    Ok(sides_in(tx, TextTable::Live, product_id)
        .await?
        .unwrap_or_default())
}

/// Where a product's texts and its variants' labels are kept: on sale, or waiting for review.
#[derive(Clone, Copy)]
pub(super) enum TextTable {
    Live,
    Pending,
}

impl TextTable {
    fn name(self) -> &'static str {
        match self {
            TextTable::Live => "product_texts",
            TextTable::Pending => "product_pending_texts",
        }
    }

    fn labels(self) -> &'static str {
        match self {
            TextTable::Live => "variant_texts",
            TextTable::Pending => "variant_pending_labels",
        }
    }
}

/// Replaces both labels of a variant in one table.
pub(super) async fn write_labels(
    tx: &mut Tx,
    table: TextTable,
    variant_id: i64,
    (en, zh): (&str, &str),
) -> Result<(), sqlx::Error> {
    sqlx::query(&format!(
        "DELETE FROM {} WHERE variant_id = $1",
        table.labels()
    ))
    .bind(variant_id)
    .execute(&mut **tx)
    .await?;
    for (locale, label) in [("en", en), ("zh", zh)] {
        sqlx::query(&format!(
            "INSERT INTO {} (variant_id, locale, label) VALUES ($1, $2, $3)",
            table.labels()
        ))
        .bind(variant_id)
        .bind(locale)
        .bind(label)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Both sides of a product from one table; `None` when it holds none.
pub(super) async fn sides_in(
    tx: &mut Tx,
    table: TextTable,
    product_id: i64,
) -> Result<Option<(ProductSide, ProductSide)>, sqlx::Error> {
    let rows = sqlx::query(&format!(
        "SELECT locale, title, summary, description FROM {} WHERE product_id = $1",
        table.name()
    ))
    .bind(product_id)
    .fetch_all(&mut **tx)
    .await?;
    if rows.is_empty() {
        return Ok(None);
    }
    let (mut en, mut zh) = (ProductSide::default(), ProductSide::default());
    for row in rows {
        let side = ProductSide {
            title: row.try_get("title")?,
            summary: row.try_get("summary")?,
            description: row.try_get("description")?,
        };
        match row.try_get::<String, _>("locale")?.as_str() {
            "zh" => zh = side,
            _ => en = side,
        }
    }
    Ok(Some((en, zh)))
}

/// Replaces both sides of a product in one table.
pub(super) async fn write_sides(
    tx: &mut Tx,
    table: TextTable,
    product_id: i64,
    (en, zh): (&ProductSide, &ProductSide),
) -> Result<(), sqlx::Error> {
    sqlx::query(&format!(
        "DELETE FROM {} WHERE product_id = $1",
        table.name()
    ))
    .bind(product_id)
    .execute(&mut **tx)
    .await?;
    for (locale, side) in [("en", en), ("zh", zh)] {
        sqlx::query(&format!(
            "INSERT INTO {} (product_id, locale, title, summary, description) VALUES ($1, $2, $3, $4, $5)",
            table.name()
        ))
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

async fn edits(
    executor: &mut Tx,
    product_id: i64,
) -> Result<HashMap<(String, String), i64>, sqlx::Error> {
    let rows =
        sqlx::query("SELECT locale, field, edit FROM product_text_edits WHERE product_id = $1")
            .bind(product_id)
            .fetch_all(&mut **executor)
            .await?;
    rows.iter()
        .map(|r| {
            Ok((
                (r.try_get("locale")?, r.try_get("field")?),
                r.try_get("edit")?,
            ))
        })
        .collect()
}

/// The shop's product in the editor; `NotFound` for another shop's.
pub async fn load(
    pool: &AnyPool,
    data_dir: &std::path::Path,
    shop_id: i64,
    product_id: i64,
) -> Result<ProductEditor, AppError> {
    let mut tx = pool.begin().await?;
    let row = sqlx::query(
        "SELECT p.slug, CASE WHEN p.review_requested_at IS NOT NULL AND p.status <> 'published' THEN 'review' ELSE p.status END AS status, p.review_note, p.hs_code, p.weight_g, p.drawn_art, c.slug AS category, ci.key AS city \
         FROM products p JOIN categories c ON c.id = p.category_id JOIN cities ci ON ci.id = p.origin_city_id \
         WHERE p.id = $1 AND p.shop_id = $2",
    )
    .bind(product_id)
    .bind(shop_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    // The seller sees their own latest words, also while they wait for review.
    let pending = review::pending_texts(&mut tx, product_id).await?;
    let edit_waiting = pending.is_some();
    let (en, zh) = match pending {
        Some(edit) => edit,
        None => texts(&mut tx, product_id).await?,
    };
    let pictures_waiting = review::pending_pictures(&mut tx, product_id).await?;
    let edits = edits(&mut tx, product_id).await?;
    let mut edit_waiting_variants = false;
    let label = |locale: &str| {
        format!(
            "COALESCE((SELECT label FROM variant_pending_labels WHERE variant_id = v.id AND locale = '{locale}'), \
                      (SELECT label FROM variant_texts WHERE variant_id = v.id AND locale = '{locale}'), '') AS label_{locale}"
        )
    };
    let variants = sqlx::query(&format!(
        "SELECT v.id, v.sku, v.price_minor, v.stock, v.weight_g, v.pending, \
                (SELECT COUNT(*) FROM variant_pending_labels WHERE variant_id = v.id) AS labels_waiting, \
                {}, {} FROM variants v WHERE v.product_id = $1 ORDER BY v.position, v.id",
        label("en"),
        label("zh")
    ))
    .bind(product_id)
    .fetch_all(&mut *tx)
    .await?
    .iter()
    .map(|v| {
        edit_waiting_variants |= v.try_get::<i64, _>("pending")? == 1
            || v.try_get::<i64, _>("labels_waiting")? > 0;
        Ok(VariantDraft {
            id: Some(v.try_get("id")?),
            sku: v.try_get("sku")?,
            label_en: v.try_get("label_en")?,
            label_zh: v.try_get("label_zh")?,
            price: price_text(v.try_get("price_minor")?),
            stock: Some(v.try_get("stock")?),
            weight_g: v
                .try_get::<Option<i64>, _>("weight_g")?
                .map(|w| w.to_string())
                .unwrap_or_default(),
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()?;
    tx.rollback().await?;
    let (en_states, zh_states) = states(&en, &zh, &edits);
    let slug: String = row.try_get("slug")?;
    let status = ProductStatus::parse(row.try_get("status")?);
    let drawn = row.try_get::<i64, _>("drawn_art")? == 1 && status == ProductStatus::Published;
    Ok(ProductEditor {
        pictures: crate::backend::media::own_pictures(data_dir, &slug, drawn),
        draft: ProductDraft {
            id: Some(product_id),
            slug,
            category: row.try_get("category")?,
            origin_city: row.try_get("city")?,
            hs_code: row.try_get("hs_code")?,
            weight_g: row.try_get::<i64, _>("weight_g")?.to_string(),
            en,
            zh,
            variants,
        },
        status,
        review_note: row.try_get("review_note")?,
        en: en_states,
        zh: zh_states,
        edit_waiting: edit_waiting || edit_waiting_variants,
        pictures_waiting,
    })
}

async fn id_of(tx: &mut Tx, sql: &str, key: &str, problem: Problem) -> Result<i64, AppError> {
    let id: Option<i64> = sqlx::query_scalar(sql)
        .bind(key)
        .fetch_optional(&mut **tx)
        .await?;
    id.ok_or_else(|| problem.into())
}

/// Creates (`id` None) or updates the shop's product. A published product stays published
/// only while both languages are complete; saving one that is not is refused.
pub async fn save(
    pool: &AnyPool,
    engine: Engine,
    shop_id: i64,
    id: Option<i64>,
    product: &CheckedProduct,
) -> Result<i64, AppError> {
    let mut tx = write_transaction(pool, engine).await?;
    let id = save_in(&mut tx, shop_id, id, product).await?;
    tx.commit().await?;
    Ok(id)
}

/// `save` inside the caller's transaction (a CSV import writes every product in one).
pub async fn save_in(
    tx: &mut Tx,
    shop_id: i64,
    id: Option<i64>,
    product: &CheckedProduct,
) -> Result<i64, AppError> {
    let category = id_of(
        tx,
        "SELECT id FROM categories WHERE slug = $1",
        &product.category,
        Problem::Category,
    )
    .await?;
    let city = id_of(
        tx,
        "SELECT id FROM cities WHERE key = $1",
        &product.origin_city,
        Problem::City,
    )
    .await?;
    let now = now_seconds();
    let (product_id, status, before) = match id {
        Some(id) => {
            let status: Option<String> =
                sqlx::query_scalar("SELECT status FROM products WHERE id = $1 AND shop_id = $2")
                    .bind(id)
                    .bind(shop_id)
                    .fetch_optional(&mut **tx)
                    .await?;
            let status = ProductStatus::parse(&status.ok_or(AppError::NotFound)?);
            let live = texts(tx, id).await?;
            let working = review::pending_texts(tx, id)
                .await?
                .unwrap_or_else(|| live.clone());
            let before = Before { live, working };
            sqlx::query(
                "UPDATE products SET category_id = $1, origin_city_id = $2, hs_code = $3, weight_g = $4, \
                 updated_at = $5 WHERE id = $6",
            )
            .bind(category)
            .bind(city)
            .bind(&product.hs_code)
            .bind(product.weight_g)
            .bind(now)
            .bind(id)
            .execute(&mut **tx)
            .await?;
            (id, status, before)
        }
        None => {
            let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM products WHERE slug = $1")
                .bind(&product.slug)
                .fetch_one(&mut **tx)
                .await?;
            if taken > 0 {
                return Err(Problem::SlugTaken.into());
            }
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO products (slug, shop_id, category_id, origin_city_id, hs_code, weight_g, \
                 status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $7) RETURNING id",
            )
            .bind(&product.slug)
            .bind(shop_id)
            .bind(category)
            .bind(city)
            .bind(&product.hs_code)
            .bind(product.weight_g)
            .bind(now)
            .fetch_one(&mut **tx)
            .await?;
            let empty = (ProductSide::default(), ProductSide::default());
            let before = Before {
                live: empty.clone(),
                working: empty,
            };
            (id, ProductStatus::Draft, before)
        }
    };
    count_edits(tx, product_id, product, &before.working).await?;
    if status == ProductStatus::Published {
        // On sale: the words wait for review, the approved ones stay on sale.
        if !complete(&product.en) || !complete(&product.zh) {
            return Err(Problem::Incomplete.into());
        }
        review::propose_texts(tx, product_id, (&product.en, &product.zh), &before.live).await?;
        write_variants(tx, product_id, product, true).await?;
        review::request_review(tx, product_id).await?;
        let revision = super::bump_catalog(tx).await?;
        set_revision(tx, product_id, revision).await?;
    } else {
        write_sides(tx, TextTable::Live, product_id, (&product.en, &product.zh)).await?;
        write_variants(tx, product_id, product, false).await?;
        review::discard_edit(tx, product_id).await?;
    }
    Ok(product_id)
}

/// A product's texts before a save: what is on sale, and what its seller last saved (an
/// edit waiting for review, else the same).
struct Before {
    live: (ProductSide, ProductSide),
    working: (ProductSide, ProductSide),
}

pub(super) fn complete(side: &ProductSide) -> bool {
    FIELDS.iter().all(|f| !field(side, f).is_empty())
}

pub(super) async fn set_revision(
    tx: &mut Tx,
    product_id: i64,
    revision: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE products SET revision = $1 WHERE id = $2")
        .bind(revision)
        .bind(product_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Counts an edit for every field whose text changed since the seller's last save, so the
/// other language's field can be marked out of date.
async fn count_edits(
    tx: &mut Tx,
    product_id: i64,
    product: &CheckedProduct,
    before: &(ProductSide, ProductSide),
) -> Result<(), sqlx::Error> {
    let edit: i64 =
        sqlx::query_scalar("UPDATE products SET edits = edits + 1 WHERE id = $1 RETURNING edits")
            .bind(product_id)
            .fetch_one(&mut **tx)
            .await?;
    for (locale, side, old) in [
        ("en", &product.en, &before.0),
        ("zh", &product.zh, &before.1),
    ] {
        for name in FIELDS.iter().filter(|f| field(side, f) != field(old, f)) {
            sqlx::query("DELETE FROM product_text_edits WHERE product_id = $1 AND locale = $2 AND field = $3")
                .bind(product_id)
                .bind(locale)
                .bind(*name)
                .execute(&mut **tx)
                .await?;
            sqlx::query("INSERT INTO product_text_edits (product_id, locale, field, edit) VALUES ($1, $2, $3, $4)")
                .bind(product_id)
                .bind(locale)
                .bind(*name)
                .bind(edit)
                .execute(&mut **tx)
                .await?;
        }
    }
    Ok(())
}

/// Updates the product's variants and adds new ones; a variant is never deleted (orders
/// point at it), and the stock of an existing one changes only by adjustment. On a product
/// on sale (`on_sale`), prices change at once but labels wait for review, and a new variant
/// is not sold until its edit is approved.
async fn write_variants(
    tx: &mut Tx,
    product_id: i64,
    product: &CheckedProduct,
    on_sale: bool,
) -> Result<(), AppError> {
    for (position, variant) in product.variants.iter().enumerate() {
        let taken: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM variants WHERE sku = $1 AND id <> $2")
                .bind(&variant.sku)
                .bind(variant.id.unwrap_or(-1))
                .fetch_one(&mut **tx)
                .await?;
        if taken > 0 {
            return Err(Problem::SkuTaken.into());
        }
        let variant_id: i64 = match variant.id {
            Some(id) => {
                let updated = sqlx::query(
                    "UPDATE variants SET sku = $1, price_minor = $2, position = $3, weight_g = $6 \
                     WHERE id = $4 AND product_id = $5",
                )
                .bind(&variant.sku)
                .bind(variant.price_minor)
                .bind(position as i64)
                .bind(id)
                .bind(product_id)
                .bind(variant.weight_g)
                .execute(&mut **tx)
                .await?;
                if updated.rows_affected() == 0 {
                    return Err(AppError::NotFound);
                }
                id
            }
            None => {
                sqlx::query_scalar(
                    "INSERT INTO variants (product_id, sku, price_minor, stock, position, pending, weight_g) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                )
                .bind(product_id)
                .bind(&variant.sku)
                .bind(variant.price_minor)
                .bind(variant.stock)
                .bind(position as i64)
                .bind(i64::from(on_sale))
                .bind(variant.weight_g)
                .fetch_one(&mut **tx)
                .await?
            }
        };
        if on_sale {
            let live = match variant.id {
                Some(_) => Some(review::live_labels(tx, variant_id).await?),
                None => None,
            };
            review::propose_labels(tx, variant_id, variant, live).await?;
            continue;
        }
        let labels = (variant.label_en.as_str(), variant.label_zh.as_str());
        write_labels(tx, TextTable::Live, variant_id, labels).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(title: &str) -> ProductSide {
        ProductSide {
            title: title.into(),
            summary: "s".into(),
            description: String::new(),
        }
    }

    #[test]
    fn an_empty_field_is_missing_and_the_side_edited_earlier_is_stale() {
        let mut edits = HashMap::new();
        edits.insert(("en".to_owned(), "title".to_owned()), 3);
        edits.insert(("zh".to_owned(), "title".to_owned()), 2);
        edits.insert(("en".to_owned(), "summary".to_owned()), 1);
        edits.insert(("zh".to_owned(), "summary".to_owned()), 4);
        let (en, zh) = states(&side("Mango"), &side("芒果"), &edits);
        assert_eq!(en.title, FieldState::Ok);
        assert_eq!(zh.title, FieldState::Stale);
        assert_eq!(en.summary, FieldState::Stale);
        assert_eq!(zh.summary, FieldState::Ok);
        assert_eq!(en.description, FieldState::Missing);
        assert!(zh.missing_any());
    }
}
