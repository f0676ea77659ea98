//! The pavilion's review of products: what waits for it (texts and labels in the pending
//! tables, new variants unsold, new pictures listed on the product), the request for it,
//! and the verdict.

use sqlx::{AnyPool, FromRow};

use super::Tx;
use super::products::TextTable;
use crate::model::Lang;
use crate::model::admin::{AdminListing, ListingState};

/// How many things of the product wait for review: pending texts, pending labels, new
/// pictures.
pub async fn waiting(tx: &mut Tx, product_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM product_pending_texts WHERE product_id = $1) \
              + (SELECT COUNT(*) FROM variant_pending_labels l JOIN variants v ON v.id = l.variant_id \
                 WHERE v.product_id = $1) \
              + (SELECT COUNT(*) FROM products WHERE id = $1 AND pending_pictures <> '')",
    )
    .bind(product_id)
    .fetch_one(&mut **tx)
    .await
}

/// Asks for review since `since` (and clears the last verdict's note), or withdraws the
/// request (`None`).
pub async fn set_request(
    tx: &mut Tx,
    product_id: i64,
    since: Option<i64>,
) -> Result<(), sqlx::Error> {
    let request = match since {
        Some(now) => sqlx::query(
            "UPDATE products SET review_requested_at = $1, review_note = NULL WHERE id = $2",
        )
        .bind(now),
        None => sqlx::query("UPDATE products SET review_requested_at = NULL WHERE id = $1"),
    };
    request.bind(product_id).execute(&mut **tx).await?;
    Ok(())
}

/// Submits a product not on sale for its first review.
pub async fn request_first(tx: &mut Tx, product_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE products SET review_requested_at = $1, review_note = NULL, updated_at = $1 \
         WHERE id = $2 AND status <> 'published'",
    )
    .bind(now)
    .bind(product_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Takes a product off the storefront and out of review.
pub async fn hide(tx: &mut Tx, product_id: i64, now: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE products SET status = 'hidden', review_requested_at = NULL, updated_at = $1 \
         WHERE id = $2",
    )
    .bind(now)
    .bind(product_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The gallery indexes of the product's pictures that wait for review, as stored
/// ("0,2"); `None` when there is no such product.
pub async fn pending_pictures(tx: &mut Tx, product_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT pending_pictures FROM products WHERE id = $1")
        .bind(product_id)
        .fetch_optional(&mut **tx)
        .await
}

pub async fn set_pending_pictures(
    tx: &mut Tx,
    product_id: i64,
    list: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE products SET pending_pictures = $1 WHERE id = $2")
        .bind(list)
        .bind(product_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The pending texts replace those on sale.
pub async fn promote_texts(tx: &mut Tx, product_id: i64) -> Result<(), sqlx::Error> {
    super::products::drop_sides(tx, TextTable::Live, product_id).await?;
    sqlx::query(
        "INSERT INTO product_texts (product_id, locale, title, summary, description) \
         SELECT product_id, locale, title, summary, description FROM product_pending_texts \
         WHERE product_id = $1",
    )
    .bind(product_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The pending labels replace those on sale, and new variants go on sale.
pub async fn promote_variants(tx: &mut Tx, product_id: i64) -> Result<(), sqlx::Error> {
    for sql in [
        "DELETE FROM variant_texts WHERE variant_id IN (SELECT l.variant_id FROM variant_pending_labels l \
         JOIN variants v ON v.id = l.variant_id WHERE v.product_id = $1)",
        "INSERT INTO variant_texts (variant_id, locale, label) SELECT l.variant_id, l.locale, l.label \
         FROM variant_pending_labels l JOIN variants v ON v.id = l.variant_id WHERE v.product_id = $1",
    ] {
        sqlx::query(sql).bind(product_id).execute(&mut **tx).await?;
    }
    Ok(())
}

/// Nothing of the product waits any more: pending texts and labels are dropped and its
/// variants count as approved. Pictures are left to the caller.
pub async fn clear_pending(tx: &mut Tx, product_id: i64) -> Result<(), sqlx::Error> {
    for sql in [
        "DELETE FROM variant_pending_labels WHERE variant_id IN (SELECT id FROM variants WHERE product_id = $1)",
        "DELETE FROM product_pending_texts WHERE product_id = $1",
        "UPDATE variants SET pending = 0 WHERE product_id = $1",
    ] {
        sqlx::query(sql).bind(product_id).execute(&mut **tx).await?;
    }
    Ok(())
}

/// Whether the product's shop is verified; `None` when the shop has no such product.
pub async fn shop_verified(
    tx: &mut Tx,
    shop_id: i64,
    product_id: i64,
) -> Result<Option<bool>, sqlx::Error> {
    let verified: Option<i64> = sqlx::query_scalar(
        "SELECT s.verified FROM products p JOIN shops s ON s.id = p.shop_id \
         WHERE p.id = $1 AND p.shop_id = $2",
    )
    .bind(product_id)
    .bind(shop_id)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(verified.map(|v| v == 1))
}

/// How many variants the product has.
pub async fn variant_count(tx: &mut Tx, product_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM variants WHERE product_id = $1")
        .bind(product_id)
        .fetch_one(&mut **tx)
        .await
}

/// Whether the product waits for review.
pub async fn is_requested(tx: &mut Tx, product_id: i64) -> Result<bool, sqlx::Error> {
    let waiting: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM products WHERE id = $1 AND review_requested_at IS NOT NULL",
    )
    .bind(product_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(waiting > 0)
}

/// The approving verdict: on sale, nothing requested, no note.
pub async fn approve(tx: &mut Tx, product_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE products SET status = 'published', review_requested_at = NULL, review_note = NULL \
         WHERE id = $1",
    )
    .bind(product_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The refusing verdict: back to the shop with a note.
pub async fn send_back(tx: &mut Tx, product_id: i64, note: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE products SET review_requested_at = NULL, review_note = $1 WHERE id = $2")
        .bind(note)
        .bind(product_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A product waiting for review, with its titles (the pending ones where there are).
#[derive(FromRow)]
pub struct Waiting {
    pub id: i64,
    pub slug: String,
    pub shop: String,
    pub en: String,
    pub zh: String,
}

/// The products waiting for review, the longest waiting first.
pub async fn queue(pool: &AnyPool) -> Result<Vec<Waiting>, sqlx::Error> {
    sqlx::query_as(
        "SELECT p.id, p.slug, s.slug AS shop, \
                COALESCE(pen.title, en.title, '') AS en, COALESCE(pzh.title, zh.title, '') AS zh \
         FROM products p JOIN shops s ON s.id = p.shop_id \
         LEFT JOIN product_texts en ON en.product_id = p.id AND en.locale = 'en' \
         LEFT JOIN product_texts zh ON zh.product_id = p.id AND zh.locale = 'zh' \
         LEFT JOIN product_pending_texts pen ON pen.product_id = p.id AND pen.locale = 'en' \
         LEFT JOIN product_pending_texts pzh ON pzh.product_id = p.id AND pzh.locale = 'zh' \
         WHERE p.review_requested_at IS NOT NULL ORDER BY p.review_requested_at, p.id",
    )
    .fetch_all(pool)
    .await
}

#[derive(FromRow)]
struct ListingRow {
    id: i64,
    slug: String,
    status: String,
    review_requested_at: Option<i64>,
    review_note: Option<String>,
    updated_at: i64,
    title: String,
    shop: String,
}

/// Listings in one state whose slug, title or shop name matches the `LIKE` pattern
/// (escaped with `\`), the newest first, titled in `lang`.
pub async fn listings(
    pool: &AnyPool,
    state: ListingState,
    pattern: &str,
    lang: Lang,
    limit: i64,
) -> Result<Vec<AdminListing>, sqlx::Error> {
    let filter = match state {
        ListingState::Waiting => "p.review_requested_at IS NOT NULL",
        ListingState::Published => "p.status = 'published'",
        ListingState::Hidden => "p.status <> 'published' AND p.review_requested_at IS NULL",
    };
    let rows: Vec<ListingRow> = sqlx::query_as(&format!(
        "SELECT p.id, p.slug, p.status, p.review_requested_at, p.review_note, p.updated_at, \
                COALESCE(pt.title, t.title, p.slug) AS title, COALESCE(st.name, s.slug) AS shop \
         FROM products p JOIN shops s ON s.id = p.shop_id \
         LEFT JOIN product_texts t ON t.product_id = p.id AND t.locale = $1 \
         LEFT JOIN product_pending_texts pt ON pt.product_id = p.id AND pt.locale = $1 \
         LEFT JOIN shop_texts st ON st.shop_id = s.id AND st.locale = $1 \
         WHERE {filter} AND (LOWER(p.slug) LIKE $2 ESCAPE '\\' \
               OR LOWER(COALESCE(t.title, '')) LIKE $2 ESCAPE '\\' \
               OR LOWER(COALESCE(st.name, '')) LIKE $2 ESCAPE '\\') \
         ORDER BY p.id DESC LIMIT $3"
    ))
    .bind(lang.code())
    .bind(pattern)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AdminListing {
            state: match (r.review_requested_at.is_some(), r.status == "published") {
                (true, _) => ListingState::Waiting,
                (false, true) => ListingState::Published,
                (false, false) => ListingState::Hidden,
            },
            id: r.id,
            slug: r.slug,
            title: r.title,
            shop: r.shop,
            note: r.review_note,
            updated_at: r.updated_at,
        })
        .collect())
}

/// A product's slug.
pub async fn slug(pool: &AnyPool, product_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT slug FROM products WHERE id = $1")
        .bind(product_id)
        .fetch_optional(pool)
        .await
}

/// The slug of a product on sale; `None` when it is not on sale.
pub async fn slug_on_sale(tx: &mut Tx, product_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT slug FROM products WHERE id = $1 AND status = 'published'")
        .bind(product_id)
        .fetch_optional(&mut **tx)
        .await
}

/// Takes a product off sale with the reason its seller reads.
pub async fn take_down(tx: &mut Tx, product_id: i64, reason: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE products SET status = 'hidden', review_requested_at = NULL, review_note = $1 \
         WHERE id = $2",
    )
    .bind(reason)
    .bind(product_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
