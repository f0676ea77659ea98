//! Seller applications and shops: approve or reject an application, suspend a shop (its
//! products leave the catalogue at once) or lift the suspension.

use serde_json::json;
use sqlx::any::AnyRow;
use sqlx::{AnyPool, Row};

use super::Desk;
use super::audit::{self, Change, Operator};
use crate::backend::db::Engine;
use crate::backend::db::write_transaction;
use crate::backend::notify;
use crate::backend::seller::{applications, bump_catalog};
use crate::error::AppError;
use crate::model::admin::{AdminApplication, AdminShop, ApplicationDocument, PAGE_ROWS};
use crate::model::{Dispatch, Lang};

/// Applications in one status (`pending`, `approved`, `rejected`), oldest pending first,
/// newest decided first.
pub async fn applications(
    pool: &AnyPool,
    status: &str,
    lang: Lang,
) -> Result<Vec<AdminApplication>, sqlx::Error> {
    let order = if status == "pending" { "ASC" } else { "DESC" };
    let rows = sqlx::query(&format!(
        "SELECT a.id, a.status, a.kind, a.legal_name, a.shop_name, a.registration_number, \
                a.contact_name, a.contact_phone, a.categories, a.reason, a.created_at, u.email, \
                COALESCE(ct.name, c.key) AS city, s.id AS shop_id, s.slug AS shop_slug, \
                s.suspended, s.suspended_reason \
         FROM shop_applications a JOIN users u ON u.id = a.user_id \
         JOIN cities c ON c.id = a.city_id \
         LEFT JOIN city_texts ct ON ct.city_id = c.id AND ct.locale = $2 \
         LEFT JOIN shops s ON s.id = a.shop_id \
         WHERE a.status = $1 ORDER BY a.id {order} LIMIT $3"
    ))
    .bind(status)
    .bind(lang.code())
    .bind(PAGE_ROWS)
    .fetch_all(pool)
    .await?;
    let mut list = Vec::with_capacity(rows.len());
    for row in &rows {
        let mut application = application(row)?;
        application.documents = documents(pool, application.id).await?;
        list.push(application);
    }
    Ok(list)
}

fn application(r: &AnyRow) -> Result<AdminApplication, sqlx::Error> {
    let shop_id: Option<i64> = r.try_get("shop_id")?;
    let shop = match shop_id {
        Some(id) => Some(AdminShop {
            id,
            slug: r.try_get("shop_slug")?,
            suspended: r.try_get::<i64, _>("suspended")? == 1,
            suspended_reason: r.try_get("suspended_reason")?,
        }),
        None => None,
    };
    Ok(AdminApplication {
        id: r.try_get("id")?,
        status: r.try_get("status")?,
        kind: r.try_get("kind")?,
        legal_name: r.try_get("legal_name")?,
        shop_name: r.try_get("shop_name")?,
        registration_number: r.try_get("registration_number")?,
        city: r.try_get("city")?,
        contact_name: r.try_get("contact_name")?,
        contact_phone: r.try_get("contact_phone")?,
        email: r.try_get("email")?,
        categories: r.try_get("categories")?,
        reason: r.try_get("reason")?,
        created_at: r.try_get("created_at")?,
        documents: Vec::new(),
        shop,
    })
}

async fn documents(pool: &AnyPool, id: i64) -> Result<Vec<ApplicationDocument>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, content_type, size_bytes FROM application_documents \
         WHERE application_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ApplicationDocument {
                id: r.try_get("id")?,
                content_type: r.try_get("content_type")?,
                size_bytes: r.try_get("size_bytes")?,
            })
        })
        .collect()
}

/// Where an application's document is kept, and its type, for the console's download.
pub async fn document_file(
    pool: &AnyPool,
    id: i64,
) -> Result<Option<(String, String)>, sqlx::Error> {
    let row =
        sqlx::query("SELECT stored_name, content_type FROM application_documents WHERE id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?;
    row.map(|r| Ok((r.try_get("stored_name")?, r.try_get("content_type")?)))
        .transpose()
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
    let before = sqlx::query("SELECT slug, suspended, suspended_reason FROM shops WHERE id = $1")
        .bind(shop_id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
    let slug: String = before.try_get("slug")?;
    let was_suspended = before.try_get::<i64, _>("suspended")? == 1;
    let old_reason: Option<String> = before.try_get("suspended_reason")?;
    sqlx::query("UPDATE shops SET suspended = $1, suspended_reason = $2 WHERE id = $3")
        .bind(i64::from(suspend))
        .bind(suspend.then_some(reason))
        .bind(shop_id)
        .execute(&mut *tx)
        .await?;
    bump_catalog(&mut tx).await?;
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
