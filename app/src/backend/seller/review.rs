//! The pavilion's review of a shop's products: submitting a product, the verdict, and edits
//! of a product already on sale. Such an edit of the words (texts, variant labels, a new
//! variant) or of the pictures waits for review while the approved version stays on sale:
//! the texts and labels in pending tables, a new variant unsold, a new picture under the
//! product's `pending/` media folder. Prices and stock are not reviewed: they change at once.

use sqlx::{AnyPool, Row};

use super::products::{
    TextTable, complete, set_revision, sides_in, texts, write_labels, write_sides,
};
use crate::backend::db::orders::Tx;
use crate::backend::db::write_transaction;
use crate::backend::db::{Engine, now_seconds};
use crate::error::{AppError, Problem};
use crate::model::seller::{CheckedVariant, ProductSide};

/// The texts of a pending edit, if one waits.
pub async fn pending_texts(
    tx: &mut Tx,
    product_id: i64,
) -> Result<Option<(ProductSide, ProductSide)>, sqlx::Error> {
    sides_in(tx, TextTable::Pending, product_id).await
}

/// Keeps the edited texts of a product on sale for review, or drops the pending ones when
/// the edit came back to what is on sale.
pub async fn propose_texts(
    tx: &mut Tx,
    product_id: i64,
    edited: (&ProductSide, &ProductSide),
    live: &(ProductSide, ProductSide),
) -> Result<(), sqlx::Error> {
    if *edited.0 != live.0 || *edited.1 != live.1 {
        return write_sides(tx, TextTable::Pending, product_id, edited).await;
    }
    sqlx::query("DELETE FROM product_pending_texts WHERE product_id = $1")
        .bind(product_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Keeps a variant's edited labels for review (or drops pending ones equal to the live
/// labels). A new variant (`live` None) has only pending labels.
pub async fn propose_labels(
    tx: &mut Tx,
    variant_id: i64,
    variant: &CheckedVariant,
    live: Option<(String, String)>,
) -> Result<(), sqlx::Error> {
    let edited = (variant.label_en.as_str(), variant.label_zh.as_str());
    if live.as_ref().map(|(en, zh)| (en.as_str(), zh.as_str())) != Some(edited) {
        return write_labels(tx, TextTable::Pending, variant_id, edited).await;
    }
    sqlx::query("DELETE FROM variant_pending_labels WHERE variant_id = $1")
        .bind(variant_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A variant's live labels (English, Chinese).
pub async fn live_labels(tx: &mut Tx, variant_id: i64) -> Result<(String, String), sqlx::Error> {
    let rows = sqlx::query("SELECT locale, label FROM variant_texts WHERE variant_id = $1")
        .bind(variant_id)
        .fetch_all(&mut **tx)
        .await?;
    let mut labels = (String::new(), String::new());
    for row in rows {
        match row.try_get::<String, _>("locale")?.as_str() {
            "zh" => labels.1 = row.try_get("label")?,
            _ => labels.0 = row.try_get("label")?,
        }
    }
    Ok(labels)
}

/// Asks for review of what waits, or withdraws the request when nothing waits any more.
pub async fn request_review(tx: &mut Tx, product_id: i64) -> Result<(), sqlx::Error> {
    let waiting: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM product_pending_texts WHERE product_id = $1) \
              + (SELECT COUNT(*) FROM variant_pending_labels l JOIN variants v ON v.id = l.variant_id \
                 WHERE v.product_id = $1) \
              + (SELECT COUNT(*) FROM products WHERE id = $1 AND pending_pictures <> '')",
    )
    .bind(product_id)
    .fetch_one(&mut **tx)
    .await?;
    let request = if waiting > 0 {
        sqlx::query(
            "UPDATE products SET review_requested_at = $1, review_note = NULL WHERE id = $2",
        )
        .bind(now_seconds())
    } else {
        sqlx::query("UPDATE products SET review_requested_at = NULL WHERE id = $1")
    };
    request.bind(product_id).execute(&mut **tx).await?;
    Ok(())
}

/// A new picture of a product on sale waits for review; the caller has stored it under
/// `pending/`.
pub async fn propose_picture(
    pool: &AnyPool,
    engine: Engine,
    product_id: i64,
    index: u8,
) -> Result<(), AppError> {
    let mut tx = write_transaction(pool, engine).await?;
    let current: String = sqlx::query_scalar("SELECT pending_pictures FROM products WHERE id = $1")
        .bind(product_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut indexes = parse_pictures(&current);
    if !indexes.contains(&index) {
        indexes.push(index);
        indexes.sort_unstable();
    }
    sqlx::query("UPDATE products SET pending_pictures = $1 WHERE id = $2")
        .bind(picture_list(&indexes))
        .bind(product_id)
        .execute(&mut *tx)
        .await?;
    request_review(&mut tx, product_id).await?;
    tx.commit().await?;
    Ok(())
}

/// The pictures of a product that wait for review.
pub async fn pending_pictures(tx: &mut Tx, product_id: i64) -> Result<Vec<u8>, sqlx::Error> {
    let list: Option<String> =
        sqlx::query_scalar("SELECT pending_pictures FROM products WHERE id = $1")
            .bind(product_id)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(parse_pictures(&list.unwrap_or_default()))
}

fn parse_pictures(list: &str) -> Vec<u8> {
    list.split(',').filter_map(|i| i.parse().ok()).collect()
}

fn picture_list(indexes: &[u8]) -> String {
    let texts: Vec<String> = indexes.iter().map(u8::to_string).collect();
    texts.join(",")
}

/// The edit becomes what is on sale: pending texts and labels replace the live ones and new
/// variants go on sale. Returns the pictures to move out of `pending/`.
async fn apply_edit(tx: &mut Tx, product_id: i64) -> Result<Vec<u8>, sqlx::Error> {
    if pending_texts(tx, product_id).await?.is_some() {
        sqlx::query("DELETE FROM product_texts WHERE product_id = $1")
            .bind(product_id)
            .execute(&mut **tx)
            .await?;
        sqlx::query(
            "INSERT INTO product_texts (product_id, locale, title, summary, description) \
             SELECT product_id, locale, title, summary, description FROM product_pending_texts \
             WHERE product_id = $1",
        )
        .bind(product_id)
        .execute(&mut **tx)
        .await?;
    }
    for sql in [
        "DELETE FROM variant_texts WHERE variant_id IN (SELECT l.variant_id FROM variant_pending_labels l \
         JOIN variants v ON v.id = l.variant_id WHERE v.product_id = $1)",
        "INSERT INTO variant_texts (variant_id, locale, label) SELECT l.variant_id, l.locale, l.label \
         FROM variant_pending_labels l JOIN variants v ON v.id = l.variant_id WHERE v.product_id = $1",
        "DELETE FROM variant_pending_labels WHERE variant_id IN (SELECT id FROM variants WHERE product_id = $1)",
        "DELETE FROM product_pending_texts WHERE product_id = $1",
        "UPDATE variants SET pending = 0 WHERE product_id = $1",
    ] {
        sqlx::query(sql).bind(product_id).execute(&mut **tx).await?;
    }
    let pictures = pending_pictures(tx, product_id).await?;
    sqlx::query("UPDATE products SET pending_pictures = '' WHERE id = $1")
        .bind(product_id)
        .execute(&mut **tx)
        .await?;
    Ok(pictures)
}

/// A product that is not on sale is edited directly: whatever waited from its time on sale
/// is superseded by the save (the editor showed the seller the pending version).
pub async fn discard_edit(tx: &mut Tx, product_id: i64) -> Result<(), sqlx::Error> {
    for sql in [
        "DELETE FROM variant_pending_labels WHERE variant_id IN (SELECT id FROM variants WHERE product_id = $1)",
        "DELETE FROM product_pending_texts WHERE product_id = $1",
        "UPDATE variants SET pending = 0 WHERE product_id = $1",
    ] {
        sqlx::query(sql).bind(product_id).execute(&mut **tx).await?;
    }
    Ok(())
}

/// Submits the shop's product for the pavilion's review (the shop verified, both languages
/// complete, at least one variant); `publish = false` takes it off the storefront.
pub async fn set_published(
    pool: &AnyPool,
    engine: Engine,
    shop_id: i64,
    product_id: i64,
    publish: bool,
) -> Result<(), AppError> {
    let mut tx = write_transaction(pool, engine).await?;
    let verified: Option<i64> = sqlx::query_scalar(
        "SELECT s.verified FROM products p JOIN shops s ON s.id = p.shop_id WHERE p.id = $1 AND p.shop_id = $2",
    )
    .bind(product_id)
    .bind(shop_id)
    .fetch_optional(&mut *tx)
    .await?;
    let verified = verified.ok_or(AppError::NotFound)? == 1;
    if publish {
        if !verified {
            return Err(Problem::ShopNotVerified.into());
        }
        let (en, zh) = texts(&mut tx, product_id).await?;
        let variants: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM variants WHERE product_id = $1")
                .bind(product_id)
                .fetch_one(&mut *tx)
                .await?;
        if !complete(&en) || !complete(&zh) {
            return Err(Problem::Incomplete.into());
        }
        if variants == 0 {
            return Err(Problem::NoVariants.into());
        }
        sqlx::query(
            "UPDATE products SET review_requested_at = $1, review_note = NULL, updated_at = $1 \
             WHERE id = $2 AND status <> 'published'",
        )
        .bind(now_seconds())
        .bind(product_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        return Ok(());
    }
    sqlx::query("UPDATE products SET status = 'hidden', review_requested_at = NULL, updated_at = $1 WHERE id = $2")
        .bind(now_seconds())
        .bind(product_id)
        .execute(&mut *tx)
        .await?;
    let revision = super::bump_catalog(&mut tx).await?;
    set_revision(&mut tx, product_id, revision).await?;
    tx.commit().await?;
    Ok(())
}

/// One line per product waiting for review, for the operator's command line.
pub async fn pending_reviews(pool: &AnyPool) -> Result<Vec<String>, sqlx::Error> {
    let rows = sqlx::query(
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
    .await?;
    rows.iter()
        .map(|r| {
            Ok(format!(
                "{}\t{}\t{}\t{}\t{}",
                r.try_get::<i64, _>("id")?,
                r.try_get::<String, _>("slug")?,
                r.try_get::<String, _>("shop")?,
                r.try_get::<String, _>("en")?,
                r.try_get::<String, _>("zh")?,
            ))
        })
        .collect()
}

/// The pavilion's verdict on a product waiting for review: on sale (with any edit of it
/// applied), or back to its shop with a note, the version on sale staying on sale. A
/// product whose texts lost a language meanwhile is not put on sale. Returns the pictures
/// the caller moves out of `pending/` (`backend::media::publish_pending`).
pub async fn decide_review(
    pool: &AnyPool,
    engine: Engine,
    product_id: i64,
    approve: bool,
    note: &str,
) -> Result<Vec<u8>, AppError> {
    let mut tx = write_transaction(pool, engine).await?;
    let waiting: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM products WHERE id = $1 AND review_requested_at IS NOT NULL",
    )
    .bind(product_id)
    .fetch_one(&mut *tx)
    .await?;
    if waiting == 0 {
        return Err(AppError::NotFound);
    }
    let mut pictures = Vec::new();
    if approve {
        pictures = apply_edit(&mut tx, product_id).await?;
        let (en, zh) = texts(&mut tx, product_id).await?;
        if !complete(&en) || !complete(&zh) {
            return Err(Problem::Incomplete.into());
        }
        sqlx::query(
            "UPDATE products SET status = 'published', review_requested_at = NULL, review_note = NULL WHERE id = $1",
        )
        .bind(product_id)
        .execute(&mut *tx)
        .await?;
        let revision = super::bump_catalog(&mut tx).await?;
        set_revision(&mut tx, product_id, revision).await?;
    } else {
        let note = crate::model::seller::check_reason(note)?;
        sqlx::query(
            "UPDATE products SET review_requested_at = NULL, review_note = $1 WHERE id = $2",
        )
        .bind(note)
        .bind(product_id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(pictures)
}

#[cfg(test)]
mod tests {
    use super::{parse_pictures, picture_list};

    #[test]
    fn the_waiting_pictures_are_a_list_of_gallery_indexes() {
        assert_eq!(parse_pictures(""), Vec::<u8>::new());
        assert_eq!(parse_pictures("0,2"), vec![0, 2]);
        assert_eq!(picture_list(&[1, 2]), "1,2");
        assert_eq!(picture_list(&[]), "");
    }
}
