//! Applications to open a shop and their documents.

use sqlx::{AnyPool, FromRow};

use super::Tx;
use crate::model::Lang;
use crate::model::admin::{AdminApplication, AdminShop};
use crate::model::registration::ShopKind;
use crate::model::seller::{Application, ApplicationStatus, ApplicationView, DocumentView};

/// Whether the person has an application that is pending or approved.
pub async fn has_open(tx: &mut Tx, user_id: i64) -> Result<bool, sqlx::Error> {
    let open: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM shop_applications WHERE user_id = $1 AND status <> 'rejected'",
    )
    .bind(user_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(open > 0)
}

/// Records an application from the city with id `city_id`; returns its id.
pub async fn insert(
    tx: &mut Tx,
    user_id: i64,
    application: &Application,
    city_id: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO shop_applications (user_id, kind, legal_name, shop_name, registration_number, \
         city_id, contact_name, contact_phone, categories, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(user_id)
    .bind(application.kind.code())
    .bind(&application.legal_name)
    .bind(&application.shop_name)
    .bind(&application.registration_number)
    .bind(city_id)
    .bind(&application.contact_name)
    .bind(&application.contact_phone)
    .bind(application.categories.join(","))
    .bind(now)
    .fetch_one(&mut **tx)
    .await
}

#[derive(FromRow)]
struct OwnRow {
    id: i64,
    kind: String,
    legal_name: String,
    shop_name: String,
    registration_number: String,
    status: String,
    reason: Option<String>,
    city: String,
}

/// The person's latest application, as they see it, with the city named in `lang`.
pub async fn latest(
    pool: &AnyPool,
    user_id: i64,
    lang: Lang,
) -> Result<Option<ApplicationView>, sqlx::Error> {
    let row: Option<OwnRow> = sqlx::query_as(
        "SELECT a.id, a.kind, a.legal_name, a.shop_name, a.registration_number, a.status, a.reason, \
                COALESCE(t.name, c.key) AS city \
         FROM shop_applications a JOIN cities c ON c.id = a.city_id \
         LEFT JOIN city_texts t ON t.city_id = c.id AND t.locale = $2 \
         WHERE a.user_id = $1 ORDER BY a.id DESC LIMIT 1",
    )
    .bind(user_id)
    .bind(lang.code())
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(ApplicationView {
        documents: documents(pool, row.id).await?,
        id: row.id,
        kind: ShopKind::parse(&row.kind).unwrap_or(ShopKind::Exporter),
        legal_name: row.legal_name,
        shop_name: row.shop_name,
        registration_number: row.registration_number,
        city: row.city,
        status: ApplicationStatus::parse(&row.status),
        reason: row.reason,
    }))
}

/// An application's documents, in the order they came.
pub async fn documents(
    pool: &AnyPool,
    application_id: i64,
) -> Result<Vec<DocumentView>, sqlx::Error> {
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT id, content_type, size_bytes FROM application_documents \
         WHERE application_id = $1 ORDER BY id",
    )
    .bind(application_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, content_type, size_bytes)| DocumentView {
            id,
            content_type,
            size_bytes,
        })
        .collect())
}

/// Whether the person has ever applied for a shop.
pub async fn has_applied(pool: &AnyPool, user_id: i64) -> Result<bool, sqlx::Error> {
    let id: Option<i64> =
        sqlx::query_scalar("SELECT id FROM shop_applications WHERE user_id = $1 LIMIT 1")
            .bind(user_id)
            .fetch_optional(pool)
            .await?;
    Ok(id.is_some())
}

/// The person's pending application with fewer than `max_documents` documents.
pub async fn open_for_documents(
    pool: &AnyPool,
    user_id: i64,
    max_documents: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT a.id FROM shop_applications a WHERE a.user_id = $1 AND a.status = 'pending' \
         AND (SELECT COUNT(*) FROM application_documents d WHERE d.application_id = a.id) < $2 \
         ORDER BY a.id DESC LIMIT 1",
    )
    .bind(user_id)
    .bind(max_documents)
    .fetch_optional(pool)
    .await
}

/// A document stored under `stored_name`.
pub struct NewDocument<'a> {
    pub application_id: i64,
    pub stored_name: &'a str,
    pub content_type: &'a str,
    pub size_bytes: i64,
    pub now: i64,
}

pub async fn add_document(pool: &AnyPool, document: &NewDocument<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO application_documents (application_id, stored_name, content_type, size_bytes, uploaded_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(document.application_id)
    .bind(document.stored_name)
    .bind(document.content_type)
    .bind(document.size_bytes)
    .bind(document.now)
    .execute(pool)
    .await?;
    Ok(())
}

/// Where a document is kept, and its type.
pub async fn document_file(
    pool: &AnyPool,
    document_id: i64,
) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT stored_name, content_type FROM application_documents WHERE id = $1")
        .bind(document_id)
        .fetch_optional(pool)
        .await
}

/// A pending application as the operator's command line lists it.
#[derive(FromRow)]
pub struct PendingLine {
    pub id: i64,
    pub kind: String,
    pub legal_name: String,
    pub shop_name: String,
    pub registration_number: String,
    pub email: String,
    pub documents: i64,
}

/// The pending applications, the oldest first.
pub async fn pending(pool: &AnyPool) -> Result<Vec<PendingLine>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.id, a.kind, a.legal_name, a.shop_name, a.registration_number, u.email, \
                (SELECT COUNT(*) FROM application_documents d WHERE d.application_id = a.id) AS documents \
         FROM shop_applications a JOIN users u ON u.id = a.user_id \
         WHERE a.status = 'pending' ORDER BY a.id",
    )
    .fetch_all(pool)
    .await
}

/// What approving a pending application needs.
#[derive(FromRow)]
pub struct ToApprove {
    pub user_id: i64,
    pub kind: String,
    pub shop_name: String,
    pub city_id: i64,
}

/// A pending application; `None` when there is none with this id.
pub async fn to_approve(tx: &mut Tx, id: i64) -> Result<Option<ToApprove>, sqlx::Error> {
    sqlx::query_as(
        "SELECT user_id, kind, shop_name, city_id FROM shop_applications \
         WHERE id = $1 AND status = 'pending'",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await
}

/// Records the approval: the shop it opened and how that shop ships.
pub async fn mark_approved(
    tx: &mut Tx,
    id: i64,
    shop_id: i64,
    dispatch: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE shop_applications SET status = 'approved', shop_id = $1, decided_at = $2, \
         dispatch = $3 WHERE id = $4",
    )
    .bind(shop_id)
    .bind(now)
    .bind(dispatch)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Rejects a pending application with a reason; false when none is pending with this id.
pub async fn reject(pool: &AnyPool, id: i64, reason: &str, now: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE shop_applications SET status = 'rejected', reason = $1, decided_at = $2 \
         WHERE id = $3 AND status = 'pending'",
    )
    .bind(reason)
    .bind(now)
    .bind(id)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() > 0)
}

#[derive(FromRow)]
struct ConsoleRow {
    id: i64,
    status: String,
    kind: String,
    legal_name: String,
    shop_name: String,
    registration_number: String,
    contact_name: String,
    contact_phone: String,
    categories: String,
    reason: Option<String>,
    created_at: i64,
    email: String,
    city: String,
    shop_id: Option<i64>,
    shop_slug: Option<String>,
    suspended: Option<i64>,
    suspended_reason: Option<String>,
}

/// Applications in one status for the operator's console (oldest first when pending,
/// newest first when decided), with their documents and the shop an approval opened.
pub async fn for_console(
    pool: &AnyPool,
    status: &str,
    lang: Lang,
    limit: i64,
) -> Result<Vec<AdminApplication>, sqlx::Error> {
    let order = if status == "pending" { "ASC" } else { "DESC" };
    let rows: Vec<ConsoleRow> = sqlx::query_as(&format!(
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
    .bind(limit)
    .fetch_all(pool)
    .await?;
    let mut list = Vec::with_capacity(rows.len());
    for r in rows {
        let shop = match (r.shop_id, r.shop_slug) {
            (Some(id), Some(slug)) => Some(AdminShop {
                id,
                slug,
                suspended: r.suspended == Some(1),
                suspended_reason: r.suspended_reason,
            }),
            _ => None,
        };
        list.push(AdminApplication {
            documents: documents(pool, r.id).await?,
            id: r.id,
            status: r.status,
            kind: r.kind,
            legal_name: r.legal_name,
            shop_name: r.shop_name,
            registration_number: r.registration_number,
            city: r.city,
            contact_name: r.contact_name,
            contact_phone: r.contact_phone,
            email: r.email,
            categories: r.categories,
            reason: r.reason,
            created_at: r.created_at,
            shop,
        });
    }
    Ok(list)
}
