//! Reviews (only by buyers whose shipment was delivered) and wishlists.

use sqlx::AnyPool;

use crate::backend::AppState;
use crate::backend::db::now_seconds;
use crate::backend::db::reviews::{self as db, NewReview};
use crate::backend::db::revisions::bump_catalogue;
use crate::backend::session::SessionUser;
use crate::error::{AppError, Problem};
use crate::model::review::{ProductReviews, parse_rating, parse_review_text};
use crate::model::{Lang, ProductCard};

/// The products a user has reviewed.
pub async fn reviewed_products(pool: &AnyPool, user_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    db::reviewed_by(pool, user_id).await
}

async fn product_id(pool: &AnyPool, slug: &str) -> Result<i64, AppError> {
    db::product_on_sale(pool, slug)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn for_product(
    state: &AppState,
    user: Option<&SessionUser>,
    slug: &str,
) -> Result<ProductReviews, AppError> {
    let pool = &state.pool;
    // Totals come from the in-memory catalogue (it follows rating changes within seconds).
    let (id, sum, count) = {
        let catalogue = state.catalogue.get();
        let product = catalogue
            .product_by_slug
            .get(slug)
            .map(|&i| &catalogue.products[i])
            .ok_or(AppError::NotFound)?;
        (product.id, product.rating_sum, product.rating_count)
    };
    let reviews = db::shown(pool, id).await?;
    let wished = match user {
        Some(user) => db::wished(pool, user.id, id).await?,
        None => false,
    };
    Ok(ProductReviews {
        average: (count > 0).then(|| sum as f32 / count as f32),
        count,
        reviews,
        wished,
    })
}

/// Saves a review when the user received the product and has not reviewed it yet; the
/// product's rating totals move with it.
pub async fn post(
    state: &AppState,
    user: &SessionUser,
    slug: &str,
    rating: i64,
    body: &str,
    lang: Lang,
) -> Result<(), AppError> {
    let rating = parse_rating(rating)?;
    let body = parse_review_text(body)?;
    let pool = &state.pool;
    let id = product_id(pool, slug).await?;
    if !db::delivered_to(pool, user.id, id).await? {
        return Err(Problem::NotDelivered.into());
    }
    let review = NewReview {
        product_id: id,
        user_id: user.id,
        rating,
        body: &body,
        lang,
        now: now_seconds(),
    };
    let mut tx = pool.begin().await?;
    if !db::insert(&mut tx, &review).await? {
        return Err(Problem::AlreadyReviewed.into());
    }
    let revision = bump_catalogue(&mut tx).await?;
    db::add_rating(&mut tx, id, rating, revision).await?;
    tx.commit().await?;
    Ok(())
}

/// Adds the product to the wishlist, or removes it when already there; returns whether it
/// is on the list now.
pub async fn toggle_wish(
    state: &AppState,
    user: &SessionUser,
    slug: &str,
) -> Result<bool, AppError> {
    let pool = &state.pool;
    let id = product_id(pool, slug).await?;
    if db::unwish(pool, user.id, id).await? {
        return Ok(false);
    }
    db::wish(pool, user.id, id, now_seconds()).await?;
    Ok(true)
}

pub async fn wishlist(
    state: &AppState,
    user: &SessionUser,
    lang: Lang,
) -> Result<Vec<ProductCard>, AppError> {
    let ids = db::wishlist(&state.pool, user.id).await?;
    let catalogue = state.catalogue.get();
    Ok(ids
        .iter()
        .filter_map(|id| catalogue.product_by_id.get(id))
        .map(|&i| catalogue.card(&catalogue.products[i], lang))
        .collect())
}
