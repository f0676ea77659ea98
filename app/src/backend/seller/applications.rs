//! Applications to open a shop: submitted by a signed-in person, with documents, decided by
//! the operator. Approval makes the verified shop and its owner in one transaction.

use sqlx::AnyPool;

use crate::backend::db::applications::{self as db, NewDocument};
use crate::backend::db::shops::{self, NewShop};
use crate::backend::db::{Engine, accounts, catalogue, now_seconds, write_transaction};
use crate::error::{AppError, Problem};
use crate::model::Dispatch;
use crate::model::seller::{Application, ApplicationView};

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
    if db::has_open(&mut tx, user_id).await? {
        return Err(Problem::AlreadyApplied.into());
    }
    let city = catalogue::city_id(&mut tx, &application.city)
        .await?
        .ok_or(Problem::City)?;
    for slug in &application.categories {
        if !catalogue::is_top_category(&mut tx, slug).await? {
            return Err(Problem::ShopCategories.into());
        }
    }
    let id = db::insert(&mut tx, user_id, application, city, now_seconds()).await?;
    tx.commit().await?;
    Ok(id)
}

/// The person's latest application, as they see it.
pub async fn latest(
    pool: &AnyPool,
    user_id: i64,
    lang: crate::model::Lang,
) -> Result<Option<ApplicationView>, sqlx::Error> {
    db::latest(pool, user_id, lang).await
}

/// Whether the person has ever applied for a shop.
pub async fn has_applied(pool: &AnyPool, user_id: i64) -> Result<bool, sqlx::Error> {
    db::has_applied(pool, user_id).await
}

/// The person's pending application that may still take a document.
pub async fn open_for_documents(pool: &AnyPool, user_id: i64) -> Result<Option<i64>, sqlx::Error> {
    db::open_for_documents(pool, user_id, MAX_DOCUMENTS).await
}

pub async fn add_document(
    pool: &AnyPool,
    application_id: i64,
    stored_name: &str,
    content_type: &str,
    size_bytes: i64,
) -> Result<(), sqlx::Error> {
    let document = NewDocument {
        application_id,
        stored_name,
        content_type,
        size_bytes,
        now: now_seconds(),
    };
    db::add_document(pool, &document).await
}

/// One line per pending application, for the operator's command line.
pub async fn pending(pool: &AnyPool) -> Result<Vec<String>, sqlx::Error> {
    Ok(db::pending(pool)
        .await?
        .into_iter()
        .map(|a| {
            format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{} document(s)",
                a.id,
                a.kind,
                a.legal_name,
                a.shop_name,
                a.registration_number,
                a.email,
                a.documents
            )
        })
        .collect())
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
    let application = db::to_approve(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let kind = application.kind.as_str();
    let usual = match kind {
        "importer" => Dispatch::Domestic,
        _ => Dispatch::CrossBorder,
    };
    let dispatch = dispatch.unwrap_or(usual).allowed_for(kind)?;
    let mut slug = shop_slug(&application.shop_name, id);
    if shops::slug_taken(&mut tx, &slug).await? {
        slug = format!("{slug}-{id}");
    }
    let now = now_seconds();
    let shop = NewShop {
        slug: &slug,
        kind,
        dispatch: dispatch.code(),
        city_id: application.city_id,
        name: &application.shop_name,
        owner_id: application.user_id,
        now,
    };
    let shop_id = shops::open(&mut tx, &shop).await?;
    accounts::promote_to_seller(&mut tx, application.user_id).await?;
    db::mark_approved(&mut tx, id, shop_id, dispatch.code(), now).await?;
    crate::backend::db::revisions::bump_catalogue(&mut tx).await?;
    tx.commit().await?;
    Ok(slug)
}

/// Rejects a pending application with the reason the applicant will read.
pub async fn reject(pool: &AnyPool, id: i64, reason: &str) -> Result<(), AppError> {
    let reason = crate::model::seller::check_reason(reason)?;
    if !db::reject(pool, id, reason, now_seconds()).await? {
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
