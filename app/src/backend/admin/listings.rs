//! Listing moderation: products waiting for review, approve or send back with a note, and
//! take down a product on sale (the seller reads why in the editor).

use serde_json::json;
use sqlx::{AnyPool, Row};

use super::Desk;
use super::audit::{self, Change, Operator};
use super::like_pattern;
use crate::backend::db::write_transaction;
use crate::backend::notify::{self, ListingDecision};
use crate::backend::seller::{bump_catalog, products};
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
    let filter = match state {
        ListingState::Waiting => "p.review_requested_at IS NOT NULL",
        ListingState::Published => "p.status = 'published'",
        ListingState::Hidden => "p.status <> 'published' AND p.review_requested_at IS NULL",
    };
    let rows = sqlx::query(&format!(
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
    .bind(like_pattern(query))
    .bind(PAGE_ROWS)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            let waiting = r
                .try_get::<Option<i64>, _>("review_requested_at")?
                .is_some();
            let published = r.try_get::<String, _>("status")? == "published";
            Ok(AdminListing {
                id: r.try_get("id")?,
                slug: r.try_get("slug")?,
                title: r.try_get("title")?,
                shop: r.try_get("shop")?,
                state: match (waiting, published) {
                    (true, _) => ListingState::Waiting,
                    (false, true) => ListingState::Published,
                    (false, false) => ListingState::Hidden,
                },
                note: r.try_get("review_note")?,
                updated_at: r.try_get("updated_at")?,
            })
        })
        .collect()
}

async fn slug(pool: &AnyPool, id: i64) -> Result<String, AppError> {
    sqlx::query_scalar("SELECT slug FROM products WHERE id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await?
        .ok_or(AppError::NotFound)
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
    let slug: String =
        sqlx::query_scalar("SELECT slug FROM products WHERE id = $1 AND status = 'published'")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(AppError::NotFound)?;
    sqlx::query(
        "UPDATE products SET status = 'hidden', review_requested_at = NULL, review_note = $1 \
         WHERE id = $2",
    )
    .bind(reason)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    bump_catalog(&mut tx).await?;
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
