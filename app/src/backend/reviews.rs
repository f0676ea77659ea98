//! Reviews (only by buyers whose shipment was delivered) and wishlists.

use sqlx::{AnyPool, Row};

use crate::backend::AppState;
use crate::backend::db::now_seconds;
use crate::backend::session::SessionUser;
use crate::error::{AppError, Problem};
use crate::model::review::{ProductReviews, ReviewView, parse_rating, parse_review_text};
use crate::model::{Lang, ProductCard};

/// The products a user has reviewed.
pub async fn reviewed_products(pool: &AnyPool, user_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    let rows = sqlx::query("SELECT product_id FROM reviews WHERE user_id = $1")
        .bind(user_id)
        .fetch_all(pool)
        .await?;
    rows.iter().map(|r| r.try_get("product_id")).collect()
}

async fn product_id(pool: &AnyPool, slug: &str) -> Result<i64, AppError> {
    let row = sqlx::query("SELECT id FROM products WHERE slug = $1 AND status = 'published'")
        .bind(slug)
        .fetch_optional(pool)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(row.try_get("id")?)
}

pub async fn for_product(
    state: &AppState,
    user: Option<&SessionUser>,
    slug: &str,
) -> Result<ProductReviews, AppError> {
    let pool = &state.pool;
    // Totals come from the in-memory catalogue (it follows rating changes within seconds).
    let (id, sum, count) = {
        let catalog = state.catalog.get();
        let product = catalog
            .product_by_slug
            .get(slug)
            .map(|&i| &catalog.products[i])
            .ok_or(AppError::NotFound)?;
        (product.id, product.rating_sum, product.rating_count)
    };
    let rows = sqlx::query(
        "SELECT r.rating, r.body, r.lang, r.created_at, u.display_name FROM reviews r \
         JOIN users u ON u.id = r.user_id WHERE r.product_id = $1 AND r.hidden = 0 ORDER BY r.id DESC LIMIT 50",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    let reviews = rows
        .iter()
        .map(|r| {
            Ok(ReviewView {
                author: r.try_get("display_name")?,
                rating: r.try_get("rating")?,
                body: r.try_get("body")?,
                lang: Lang::parse(&r.try_get::<String, _>("lang")?).unwrap_or_default(),
                created_at: r.try_get("created_at")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let wished = match user {
        Some(user) => {
            sqlx::query("SELECT 1 AS x FROM wishlist WHERE user_id = $1 AND product_id = $2")
                .bind(user.id)
                .bind(id)
                .fetch_optional(pool)
                .await?
                .is_some()
        }
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
    let delivered = sqlx::query(
        "SELECT 1 AS x FROM order_lines l JOIN shipments s ON s.id = l.shipment_id \
         JOIN orders o ON o.id = l.order_id \
         WHERE o.user_id = $1 AND l.product_id = $2 AND s.status = 'delivered' LIMIT 1",
    )
    .bind(user.id)
    .bind(id)
    .fetch_optional(pool)
    .await?
    .is_some();
    if !delivered {
        return Err(Problem::NotDelivered.into());
    }
    let mut tx = pool.begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO reviews (product_id, user_id, rating, body, lang, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (product_id, user_id) DO NOTHING",
    )
    .bind(id)
    .bind(user.id)
    .bind(rating)
    .bind(&body)
    .bind(lang.code())
    .bind(now_seconds())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 0 {
        return Err(Problem::AlreadyReviewed.into());
    }
    let revision: i64 = sqlx::query_scalar(
        "UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision",
    )
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE products SET rating_sum = rating_sum + $1, rating_count = rating_count + 1, \
         revision = $2 WHERE id = $3",
    )
    .bind(rating)
    .bind(revision)
    .bind(id)
    .execute(&mut *tx)
    .await?;
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
    let removed = sqlx::query("DELETE FROM wishlist WHERE user_id = $1 AND product_id = $2")
        .bind(user.id)
        .bind(id)
        .execute(pool)
        .await?
        .rows_affected();
    if removed > 0 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO wishlist (user_id, product_id, added_at) VALUES ($1, $2, $3) \
         ON CONFLICT DO NOTHING",
    )
    .bind(user.id)
    .bind(id)
    .bind(now_seconds())
    .execute(pool)
    .await?;
    Ok(true)
}

pub async fn wishlist(
    state: &AppState,
    user: &SessionUser,
    lang: Lang,
) -> Result<Vec<ProductCard>, AppError> {
    let rows =
        sqlx::query("SELECT product_id FROM wishlist WHERE user_id = $1 ORDER BY added_at DESC")
            .bind(user.id)
            .fetch_all(&state.pool)
            .await?;
    let catalog = state.catalog.get();
    Ok(rows
        .iter()
        .filter_map(|r| r.try_get::<i64, _>("product_id").ok())
        .filter_map(|id| catalog.product_by_id.get(&id))
        .map(|&i| catalog.card(&catalog.products[i], lang))
        .collect())
}
