//! The pavilion's review of a shop's products: submitting a product, the verdict, and edits
//! of a product already on sale. Such an edit of the words (texts, variant labels, a new
//! variant) or of the pictures waits for review while the approved version stays on sale:
//! the texts and labels in pending tables, a new variant unsold, a new picture under the
//! product's `pending/` media folder. Prices and stock are not reviewed: they change at once.

use sqlx::AnyPool;

use super::products::{complete, texts};
use crate::backend::db::product_review as db;
use crate::backend::db::products::{self as rows, TextTable};
use crate::backend::db::revisions::bump_catalogue;
use crate::backend::db::variants;
use crate::backend::db::{Engine, Tx, now_seconds, write_transaction};
use crate::error::{AppError, Problem};
use crate::model::seller::{CheckedVariant, ProductSide};

/// The texts of a pending edit, if one waits.
pub async fn pending_texts(
    tx: &mut Tx,
    product_id: i64,
) -> Result<Option<(ProductSide, ProductSide)>, sqlx::Error> {
    rows::sides_in(tx, TextTable::Pending, product_id).await
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
        return rows::write_sides(tx, TextTable::Pending, product_id, edited).await;
    }
    rows::drop_sides(tx, TextTable::Pending, product_id).await
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
        return variants::write_labels(tx, TextTable::Pending, variant_id, edited).await;
    }
    variants::drop_labels(tx, TextTable::Pending, variant_id).await
}

/// Asks for review of what waits, or withdraws the request when nothing waits any more.
pub async fn request_review(tx: &mut Tx, product_id: i64) -> Result<(), sqlx::Error> {
    let waiting = db::waiting(tx, product_id).await?;
    db::set_request(tx, product_id, (waiting > 0).then(now_seconds)).await
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
    let current = db::pending_pictures(&mut tx, product_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut indexes = parse_pictures(&current);
    if !indexes.contains(&index) {
        indexes.push(index);
        indexes.sort_unstable();
    }
    db::set_pending_pictures(&mut tx, product_id, &picture_list(&indexes)).await?;
    request_review(&mut tx, product_id).await?;
    tx.commit().await?;
    Ok(())
}

/// The pictures of a product that wait for review.
pub async fn pending_pictures(tx: &mut Tx, product_id: i64) -> Result<Vec<u8>, sqlx::Error> {
    let list = db::pending_pictures(tx, product_id).await?;
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
        db::promote_texts(tx, product_id).await?;
    }
    db::promote_variants(tx, product_id).await?;
    db::clear_pending(tx, product_id).await?;
    let pictures = pending_pictures(tx, product_id).await?;
    db::set_pending_pictures(tx, product_id, "").await?;
    Ok(pictures)
}

/// A product that is not on sale is edited directly: whatever waited from its time on sale
/// is superseded by the save (the editor showed the seller the pending version).
pub async fn discard_edit(tx: &mut Tx, product_id: i64) -> Result<(), sqlx::Error> {
    db::clear_pending(tx, product_id).await
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
    let verified = db::shop_verified(&mut tx, shop_id, product_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if publish {
        if !verified {
            return Err(Problem::ShopNotVerified.into());
        }
        let (en, zh) = texts(&mut tx, product_id).await?;
        let variants = db::variant_count(&mut tx, product_id).await?;
        if !complete(&en) || !complete(&zh) {
            return Err(Problem::Incomplete.into());
        }
        if variants == 0 {
            return Err(Problem::NoVariants.into());
        }
        db::request_first(&mut tx, product_id, now_seconds()).await?;
        tx.commit().await?;
        return Ok(());
    }
    db::hide(&mut tx, product_id, now_seconds()).await?;
    let revision = bump_catalogue(&mut tx).await?;
    rows::set_revision(&mut tx, product_id, revision).await?;
    tx.commit().await?;
    Ok(())
}

/// One line per product waiting for review, for the operator's command line.
pub async fn pending_reviews(pool: &AnyPool) -> Result<Vec<String>, sqlx::Error> {
    Ok(db::queue(pool)
        .await?
        .into_iter()
        .map(|p| format!("{}\t{}\t{}\t{}\t{}", p.id, p.slug, p.shop, p.en, p.zh))
        .collect())
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
    if !db::is_requested(&mut tx, product_id).await? {
        return Err(AppError::NotFound);
    }
    let mut pictures = Vec::new();
    if approve {
        pictures = apply_edit(&mut tx, product_id).await?;
        let (en, zh) = texts(&mut tx, product_id).await?;
        if !complete(&en) || !complete(&zh) {
            return Err(Problem::Incomplete.into());
        }
        db::approve(&mut tx, product_id).await?;
        let revision = bump_catalogue(&mut tx).await?;
        rows::set_revision(&mut tx, product_id, revision).await?;
    } else {
        let note = crate::model::seller::check_reason(note)?;
        db::send_back(&mut tx, product_id, note).await?;
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
