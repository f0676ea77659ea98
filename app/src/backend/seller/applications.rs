//! Applications to open a shop: submitted by a signed-in person, with documents, decided by
//! the operator. Approval makes the verified shop and its owner in one transaction.

use sqlx::{AnyPool, Row};

use crate::backend::db::write_transaction;
use crate::backend::db::{Engine, now_seconds};
use crate::error::{AppError, Problem};
use crate::model::Dispatch;
use crate::model::registration::ShopKind;
use crate::model::seller::{Application, ApplicationStatus, ApplicationView, DocumentView};

/// The most documents an application carries.
pub const MAX_DOCUMENTS: i64 = 6;

/// Records an application; one open or approved application per person.
pub async fn submit(
    pool: &AnyPool,
    engine: Engine,
    user_id: i64,
    application: &Application,
) -> Result<i64, AppError> {
    let mut tx = write_transaction(pool, engine).await?;
    let open: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM shop_applications WHERE user_id = $1 AND status <> 'rejected'",
    )
    .bind(user_id)
    .fetch_one(&mut *tx)
    .await?;
    if open > 0 {
        return Err(Problem::AlreadyApplied.into());
    }
    let city: Option<i64> = sqlx::query_scalar("SELECT id FROM cities WHERE key = $1")
        .bind(&application.city)
        .fetch_optional(&mut *tx)
        .await?;
    let city = city.ok_or(Problem::City)?;
    for slug in &application.categories {
        let known: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM categories WHERE slug = $1 AND parent_id IS NULL",
        )
        .bind(slug)
        .fetch_one(&mut *tx)
        .await?;
        if known == 0 {
            return Err(Problem::ShopCategories.into());
        }
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO shop_applications (user_id, kind, legal_name, shop_name, registration_number, \
         city_id, contact_name, contact_phone, categories, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(user_id)
    .bind(application.kind.code())
    .bind(&application.legal_name)
    .bind(&application.shop_name)
    .bind(&application.registration_number)
    .bind(city)
    .bind(&application.contact_name)
    .bind(&application.contact_phone)
    .bind(application.categories.join(","))
    .bind(now_seconds())
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The person's latest application, as they see it.
pub async fn latest(
    pool: &AnyPool,
    user_id: i64,
    lang: crate::model::Lang,
) -> Result<Option<ApplicationView>, sqlx::Error> {
    let row = sqlx::query(
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
    let id: i64 = row.try_get("id")?;
    let documents = sqlx::query(
        "SELECT id, content_type, size_bytes FROM application_documents \
         WHERE application_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(pool)
    .await?
    .iter()
    .map(|d| {
        Ok(DocumentView {
            id: d.try_get("id")?,
            content_type: d.try_get("content_type")?,
            size_bytes: d.try_get("size_bytes")?,
        })
    })
    .collect::<Result<_, sqlx::Error>>()?;
    Ok(Some(ApplicationView {
        id,
        kind: ShopKind::parse(row.try_get("kind")?).unwrap_or(ShopKind::Exporter),
        legal_name: row.try_get("legal_name")?,
        shop_name: row.try_get("shop_name")?,
        registration_number: row.try_get("registration_number")?,
        city: row.try_get("city")?,
        status: ApplicationStatus::parse(row.try_get("status")?),
        reason: row.try_get("reason")?,
        documents,
    }))
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

/// The person's pending application that may still take a document.
pub async fn open_for_documents(pool: &AnyPool, user_id: i64) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT a.id FROM shop_applications a WHERE a.user_id = $1 AND a.status = 'pending' \
         AND (SELECT COUNT(*) FROM application_documents d WHERE d.application_id = a.id) < $2 \
         ORDER BY a.id DESC LIMIT 1",
    )
    .bind(user_id)
    .bind(MAX_DOCUMENTS)
    .fetch_optional(pool)
    .await
}

pub async fn add_document(
    pool: &AnyPool,
    application_id: i64,
    stored_name: &str,
    content_type: &str,
    size_bytes: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO application_documents (application_id, stored_name, content_type, size_bytes, uploaded_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(application_id)
    .bind(stored_name)
    .bind(content_type)
    .bind(size_bytes)
    .bind(now_seconds())
    .execute(pool)
    .await?;
    Ok(())
}

/// One line per pending application, for the operator's command line.
pub async fn pending(pool: &AnyPool) -> Result<Vec<String>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT a.id, a.kind, a.legal_name, a.shop_name, a.registration_number, u.email, \
                (SELECT COUNT(*) FROM application_documents d WHERE d.application_id = a.id) AS documents \
         FROM shop_applications a JOIN users u ON u.id = a.user_id \
         WHERE a.status = 'pending' ORDER BY a.id",
    )
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{} document(s)",
                r.try_get::<i64, _>("id")?,
                r.try_get::<String, _>("kind")?,
                r.try_get::<String, _>("legal_name")?,
                r.try_get::<String, _>("shop_name")?,
                r.try_get::<String, _>("registration_number")?,
                r.try_get::<String, _>("email")?,
                r.try_get::<i64, _>("documents")?,
            ))
        })
        .collect()
}

/// A shop slug from its name: ASCII letters and digits, hyphenated; a name without any
/// (a Chinese one) gets `shop-{id}`.
pub fn shop_slug(name: &str, id: i64) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.len() < 3 {
        format!("shop-{id}")
    } else {
        slug.chars().take(60).collect()
    }
}

/// Approves a pending application: the verified shop, its texts in both languages (the
/// seller edits them later), the applicant as owner and seller. `dispatch` is how the shop
/// may ship (an importer from stock or from a bonded warehouse); `None` takes the usual
/// for its kind. Returns the shop's slug.
pub async fn approve(
    pool: &AnyPool,
    engine: Engine,
    id: i64,
    dispatch: Option<Dispatch>,
) -> Result<String, AppError> {
    let mut tx = write_transaction(pool, engine).await?;
    let row = sqlx::query(
        "SELECT user_id, kind, shop_name, city_id FROM shop_applications \
         WHERE id = $1 AND status = 'pending'",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    let (user_id, name): (i64, String) = (row.try_get("user_id")?, row.try_get("shop_name")?);
    let kind: String = row.try_get("kind")?;
    let usual = match kind.as_str() {
        "importer" => Dispatch::Domestic,
        _ => Dispatch::CrossBorder,
    };
    let dispatch = dispatch.unwrap_or(usual).allowed_for(&kind)?;
    let mut slug = shop_slug(&name, id);
    let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM shops WHERE slug = $1")
        .bind(&slug)
        .fetch_one(&mut *tx)
        .await?;
    if taken > 0 {
        slug = format!("{slug}-{id}");
    }
    let now = now_seconds();
    let shop_id: i64 = sqlx::query_scalar(
        "INSERT INTO shops (slug, kind, dispatch, city_id, verified, created_at) \
         VALUES ($1, $2, $3, $4, 1, $5) RETURNING id",
    )
    .bind(&slug)
    .bind(&kind)
    .bind(dispatch.code())
    .bind(row.try_get::<i64, _>("city_id")?)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    for locale in ["en", "zh"] {
        sqlx::query("INSERT INTO shop_texts (shop_id, locale, name) VALUES ($1, $2, $3)")
            .bind(shop_id)
            .bind(locale)
            .bind(&name)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(
        "INSERT INTO shop_members (shop_id, user_id, role, added_at) VALUES ($1, $2, 'owner', $3)",
    )
    .bind(shop_id)
    .bind(user_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE users SET role = 'seller' WHERE id = $1 AND role = 'customer'")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE shop_applications SET status = 'approved', shop_id = $1, decided_at = $2, \
         dispatch = $3 WHERE id = $4",
    )
    .bind(shop_id)
    .bind(now)
    .bind(dispatch.code())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    super::bump_catalog(&mut tx).await?;
    tx.commit().await?;
    Ok(slug)
}

/// Rejects a pending application with the reason the applicant will read.
pub async fn reject(pool: &AnyPool, id: i64, reason: &str) -> Result<(), AppError> {
    let reason = crate::model::seller::check_reason(reason)?;
    let done = sqlx::query(
        "UPDATE shop_applications SET status = 'rejected', reason = $1, decided_at = $2 \
         WHERE id = $3 AND status = 'pending'",
    )
    .bind(reason)
    .bind(now_seconds())
    .bind(id)
    .execute(pool)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::shop_slug;

    #[test]
    fn a_shop_slug_keeps_ascii_words_and_falls_back_to_the_id() {
        assert_eq!(shop_slug("Sialkot Stitch & Co.", 4), "sialkot-stitch-co");
        assert_eq!(shop_slug("巴基斯坦好物", 7), "shop-7");
        assert_eq!(shop_slug("  A1  ", 9), "shop-9");
    }
}
