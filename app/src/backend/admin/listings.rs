//! Listing moderation: products waiting for review, approve or send back with a note, and
//! take down a product on sale (the seller reads why in the editor).

use serde_json::json;
use sqlx::AnyPool;

use super::Desk;
use super::audit::{self, Change, Operator};
use super::like_pattern;
use crate::backend::db::product_review as review;
use crate::backend::db::revisions::bump_catalogue;
use crate::backend::db::write_transaction;
use crate::backend::notify::{self, ListingDecision};
use crate::backend::seller::products;
use crate::error::AppError;
use crate::model::Lang;
use crate::model::admin::{AdminListing, ListingState, PAGE_ROWS};

/// Listings in one state whose slug, title or shop contains `query`.
pub async fn list(
    pool: &AnyPool,
    state: ListingState,
    query: &str,
    lang: Lang,
) -> Result<Vec<AdminListing>, sqlx::Error> {
    review::listings(pool, state, &like_pattern(query), lang, PAGE_ROWS).await
}

async fn slug(pool: &AnyPool, id: i64) -> Result<String, AppError> {
    review::slug(pool, id).await?.ok_or(AppError::NotFound)
}

/// Approves a waiting listing (it goes on sale, with its new pictures moved in place under
/// `data_dir`) or sends it back with a note.
pub async fn decide(
    desk: &Desk<'_>,
    who: &Operator,
    id: i64,
    approve: bool,
    note: &str,
) -> Result<(), AppError> {
    let slug = slug(desk.pool, id).await?;
    let pictures = products::decide_review(desk.pool, desk.engine, id, approve, note).await?;
    if let Err(error) = crate::backend::media::publish_pending(desk.data_dir, &slug, &pictures) {
        tracing::error!(%error, product.slug = slug, "cannot put approved pictures in place");
    }
    let after = if approve {
        json!({ "state": "published" })
    } else {
        json!({ "state": "sent back", "note": note.trim() })
    };
    let change = Change {
        action: if approve {
            "listing.approve"
        } else {
            "listing.reject"
        },
        target: format!("product:{slug}"),
        before: Some(json!({ "state": "waiting" })),
        after: Some(after),
    };
    audit::record_after(desk.pool, who, change).await;
    let decision = if approve {
        ListingDecision::Approved
    } else {
        ListingDecision::SentBack { note }
    };
    let told = notify::listing_decided(desk.pool, desk.public_url, id, decision).await;
    notify::log_failure(told, "listing reviewed");
    Ok(())
}

/// Takes a product off sale with the reason its seller reads; it comes back only through
/// review again.
pub async fn take_down(
    desk: &Desk<'_>,
    who: &Operator,
    id: i64,
    reason: &str,
) -> Result<(), AppError> {
    let reason = crate::model::seller::check_reason(reason)?;
    let mut tx = write_transaction(desk.pool, desk.engine).await?;
    let slug = review::slug_on_sale(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    review::take_down(&mut tx, id, reason).await?;
    bump_catalogue(&mut tx).await?;
    let change = Change {
        action: "listing.take_down",
        target: format!("product:{slug}"),
        before: Some(json!({ "state": "published" })),
        after: Some(json!({ "state": "taken down", "reason": reason })),
    };
    audit::record(&mut *tx, who, change).await?;
    tx.commit().await?;
    let decision = ListingDecision::TakenDown { reason };
    let told = notify::listing_decided(desk.pool, desk.public_url, id, decision).await;
    notify::log_failure(told, "listing taken down");
    Ok(())
}
