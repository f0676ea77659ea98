//! Buyers' reviews of products (with the product's rating totals) and their wishlists.

use sqlx::{AnyPool, FromRow};

use super::Tx;
use crate::model::Lang;
use crate::model::admin::AdminReview;
use crate::model::review::ReviewView;

/// The products a user has reviewed.
pub async fn reviewed_by(pool: &AnyPool, user_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT product_id FROM reviews WHERE user_id = $1")
        .bind(user_id)
        .fetch_all(pool)
        .await
}

/// The id of the product on sale with this slug.
pub async fn product_on_sale(pool: &AnyPool, slug: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM products WHERE slug = $1 AND status = 'published'")
        .bind(slug)
        .fetch_optional(pool)
        .await
}

#[derive(FromRow)]
struct ReviewRow {
    display_name: String,
    rating: i64,
    body: String,
    lang: String,
    created_at: i64,
}

/// The product's latest 50 reviews that are not hidden, the newest first.
pub async fn shown(pool: &AnyPool, product_id: i64) -> Result<Vec<ReviewView>, sqlx::Error> {
    let rows: Vec<ReviewRow> = sqlx::query_as(
        "SELECT r.rating, r.body, r.lang, r.created_at, u.display_name FROM reviews r \
         JOIN users u ON u.id = r.user_id WHERE r.product_id = $1 AND r.hidden = 0 \
         ORDER BY r.id DESC LIMIT 50",
    )
    .bind(product_id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| ReviewView {
            author: r.display_name,
            rating: r.rating,
            body: r.body,
            lang: Lang::parse(&r.lang).unwrap_or_default(),
            created_at: r.created_at,
        })
        .collect())
}

/// Whether one of the user's parcels holding the product was delivered.
pub async fn delivered_to(
    pool: &AnyPool,
    user_id: i64,
    product_id: i64,
) -> Result<bool, sqlx::Error> {
    let found = sqlx::query(
        "SELECT 1 AS x FROM order_lines l JOIN shipments s ON s.id = l.shipment_id \
         JOIN orders o ON o.id = l.order_id \
         WHERE o.user_id = $1 AND l.product_id = $2 AND s.status = 'delivered' LIMIT 1",
    )
    .bind(user_id)
    .bind(product_id)
    .fetch_optional(pool)
    .await?;
    Ok(found.is_some())
}

/// A review to save.
pub struct NewReview<'a> {
    pub product_id: i64,
    pub user_id: i64,
    pub rating: i64,
    pub body: &'a str,
    pub lang: Lang,
    pub now: i64,
}

/// Saves the review unless the user reviewed the product before; returns whether it did.
pub async fn insert(tx: &mut Tx, review: &NewReview<'_>) -> Result<bool, sqlx::Error> {
    let inserted = sqlx::query(
        "INSERT INTO reviews (product_id, user_id, rating, body, lang, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (product_id, user_id) DO NOTHING",
    )
    .bind(review.product_id)
    .bind(review.user_id)
    .bind(review.rating)
    .bind(review.body)
    .bind(review.lang.code())
    .bind(review.now)
    .execute(&mut **tx)
    .await?;
    Ok(inserted.rows_affected() > 0)
}

/// Adds one rating to the product's totals, as changed in catalogue revision `revision`.
pub async fn add_rating(
    tx: &mut Tx,
    product_id: i64,
    rating: i64,
    revision: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE products SET rating_sum = rating_sum + $1, rating_count = rating_count + 1, \
         revision = $2 WHERE id = $3",
    )
    .bind(rating)
    .bind(revision)
    .bind(product_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Whether the product is on the user's wishlist.
pub async fn wished(pool: &AnyPool, user_id: i64, product_id: i64) -> Result<bool, sqlx::Error> {
    let found = sqlx::query("SELECT 1 AS x FROM wishlist WHERE user_id = $1 AND product_id = $2")
        .bind(user_id)
        .bind(product_id)
        .fetch_optional(pool)
        .await?;
    Ok(found.is_some())
}

/// Takes the product off the user's wishlist; false when it was not there.
pub async fn unwish(pool: &AnyPool, user_id: i64, product_id: i64) -> Result<bool, sqlx::Error> {
    let removed = sqlx::query("DELETE FROM wishlist WHERE user_id = $1 AND product_id = $2")
        .bind(user_id)
        .bind(product_id)
        .execute(pool)
        .await?;
    Ok(removed.rows_affected() > 0)
}

/// Puts the product on the user's wishlist (once).
pub async fn wish(
    pool: &AnyPool,
    user_id: i64,
    product_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO wishlist (user_id, product_id, added_at) VALUES ($1, $2, $3) \
         ON CONFLICT DO NOTHING",
    )
    .bind(user_id)
    .bind(product_id)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}

/// The products on the user's wishlist, the latest added first.
pub async fn wishlist(pool: &AnyPool, user_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT product_id FROM wishlist WHERE user_id = $1 ORDER BY added_at DESC")
        .bind(user_id)
        .fetch_all(pool)
        .await
}

#[derive(FromRow)]
struct ModeratedRow {
    id: i64,
    rating: i64,
    body: String,
    hidden: i64,
    created_at: i64,
    slug: String,
    display_name: String,
    title: String,
}

/// The newest `limit` reviews, the hidden ones too, with the product's title in `lang`.
pub async fn newest(
    pool: &AnyPool,
    lang: Lang,
    limit: i64,
) -> Result<Vec<AdminReview>, sqlx::Error> {
    let rows: Vec<ModeratedRow> = sqlx::query_as(
        "SELECT r.id, r.rating, r.body, r.hidden, r.created_at, p.slug, u.display_name, \
                COALESCE(t.title, p.slug) AS title \
         FROM reviews r JOIN products p ON p.id = r.product_id JOIN users u ON u.id = r.user_id \
         LEFT JOIN product_texts t ON t.product_id = p.id AND t.locale = $1 \
         ORDER BY r.id DESC LIMIT $2",
    )
    .bind(lang.code())
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AdminReview {
            id: r.id,
            product_slug: r.slug,
            product_title: r.title,
            author: r.display_name,
            rating: r.rating,
            body: r.body,
            hidden: r.hidden == 1,
            created_at: r.created_at,
        })
        .collect())
}

/// What moderating a review needs to know of it.
#[derive(FromRow)]
pub struct Moderated {
    pub product_id: i64,
    pub rating: i64,
    pub hidden: i64,
    pub slug: String,
}

pub async fn moderated(tx: &mut Tx, review_id: i64) -> Result<Option<Moderated>, sqlx::Error> {
    sqlx::query_as(
        "SELECT r.product_id, r.rating, r.hidden, p.slug FROM reviews r \
         JOIN products p ON p.id = r.product_id WHERE r.id = $1",
    )
    .bind(review_id)
    .fetch_optional(&mut **tx)
    .await
}

/// Hides or shows a review and moves its product's rating totals with it, as changed in
/// catalogue revision `revision`.
pub async fn set_hidden(
    tx: &mut Tx,
    review_id: i64,
    review: &Moderated,
    hide: bool,
    revision: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE reviews SET hidden = $1 WHERE id = $2")
        .bind(i64::from(hide))
        .bind(review_id)
        .execute(&mut **tx)
        .await?;
    let sign: i64 = if hide { -1 } else { 1 };
    sqlx::query(
        "UPDATE products SET rating_sum = rating_sum + $1, rating_count = rating_count + $2, \
         revision = $3 WHERE id = $4",
    )
    .bind(sign * review.rating)
    .bind(sign)
    .bind(revision)
    .bind(review.product_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
