//! Seller applications and shops: approve or reject an application, suspend a shop (its
//! products leave the catalogue at once) or lift the suspension.

use serde_json::json;
use sqlx::AnyPool;

use super::Desk;
use super::audit::{self, Change, Operator};
use crate::backend::db::revisions::bump_catalogue;
use crate::backend::db::{Engine, shops, write_transaction};
use crate::backend::notify;
use crate::backend::seller::applications;
use crate::error::AppError;
use crate::model::admin::{AdminApplication, PAGE_ROWS};
use crate::model::{Dispatch, Lang};

/// Applications in one status (`pending`, `approved`, `rejected`), oldest pending first,
/// newest decided first.
pub async fn applications(
    pool: &AnyPool,
    status: &str,
    lang: Lang,
) -> Result<Vec<AdminApplication>, sqlx::Error> {
    crate::backend::db::applications::for_console(pool, status, lang, PAGE_ROWS).await
}

/// Where an application's document is kept, and its type, for the console's download.
pub async fn document_file(
    pool: &AnyPool,
    id: i64,
) -> Result<Option<(String, String)>, sqlx::Error> {
    crate::backend::db::applications::document_file(pool, id).await
}

/// Approves a pending application (the verified shop opens); returns the shop's slug.
/// `dispatch` is how an importer may ship (see `applications::approve`).
pub async fn approve(
    desk: &Desk<'_>,
    who: &Operator,
    id: i64,
    dispatch: Option<Dispatch>,
) -> Result<String, AppError> {
    let slug = applications::approve(desk.pool, desk.engine, id, dispatch).await?;
    let change = Change {
        action: "application.approve",
        target: format!("application:{id}"),
        before: Some(json!({ "status": "pending" })),
        after: Some(
            json!({ "status": "approved", "shop": slug, "dispatch": dispatch.map(Dispatch::code) }),
        ),
    };
    audit::record_after(desk.pool, who, change).await;
    let told = notify::application_decided(desk.pool, desk.public_url, id).await;
    notify::log_failure(told, "application approved");
    Ok(slug)
}

/// Rejects a pending application with the reason the applicant reads.
pub async fn reject(
    desk: &Desk<'_>,
    who: &Operator,
    id: i64,
    reason: &str,
) -> Result<(), AppError> {
    applications::reject(desk.pool, id, reason).await?;
    let change = Change {
        action: "application.reject",
        target: format!("application:{id}"),
        before: Some(json!({ "status": "pending" })),
        after: Some(json!({ "status": "rejected", "reason": reason.trim() })),
    };
    audit::record_after(desk.pool, who, change).await;
    let told = notify::application_decided(desk.pool, desk.public_url, id).await;
    notify::log_failure(told, "application rejected");
    Ok(())
}

/// Suspends a shop (with a reason) or lifts the suspension. The catalogue revision moves,
/// so every app server drops (or brings back) the shop's products within seconds; carts
/// and checkout refuse them at once.
pub async fn set_suspended(
    pool: &AnyPool,
    engine: Engine,
    who: &Operator,
    shop_id: i64,
    suspend: bool,
    reason: &str,
) -> Result<(), AppError> {
    let reason = if suspend {
        crate::model::seller::check_reason(reason)?
    } else {
        reason.trim()
    };
    let mut tx = write_transaction(pool, engine).await?;
    let before = shops::suspension(&mut tx, shop_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (slug, old_reason) = (before.slug, before.suspended_reason);
    let was_suspended = before.suspended == 1;
    shops::set_suspended(&mut tx, shop_id, suspend.then_some(reason)).await?;
    bump_catalogue(&mut tx).await?;
    let change = Change {
        action: if suspend {
            "shop.suspend"
        } else {
            "shop.reinstate"
        },
        target: format!("shop:{slug}"),
        before: Some(json!({ "suspended": was_suspended, "reason": old_reason })),
        after: Some(json!({ "suspended": suspend, "reason": suspend.then_some(reason) })),
    };
    audit::record(&mut *tx, who, change).await?;
    tx.commit().await?;
    Ok(())
}
