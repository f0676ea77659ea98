//! Who a notification goes to, in which language, and what it names.

use sqlx::{AnyPool, FromRow};

use super::Tx;

/// The applicant of a shop application, and where it stands.
#[derive(FromRow)]
pub struct Applicant {
    pub shop_name: String,
    pub status: String,
    pub reason: Option<String>,
    pub email: String,
    pub lang: String,
}

pub async fn applicant(
    pool: &AnyPool,
    application_id: i64,
) -> Result<Option<Applicant>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.shop_name, a.status, a.reason, u.email, u.lang FROM shop_applications a \
         JOIN users u ON u.id = a.user_id WHERE a.id = $1",
    )
    .bind(application_id)
    .fetch_optional(pool)
    .await
}

/// An owner of a product's shop, with the product's title in the owner's language.
#[derive(FromRow)]
pub struct ProductOwner {
    pub email: String,
    pub lang: String,
    pub slug: String,
    pub title: String,
}

pub async fn product_owners(
    pool: &AnyPool,
    product_id: i64,
) -> Result<Vec<ProductOwner>, sqlx::Error> {
    sqlx::query_as(
        "SELECT u.email, u.lang, p.slug, \
                COALESCE((SELECT t.title FROM product_texts t \
                          WHERE t.product_id = p.id AND t.locale = u.lang), p.slug) AS title \
         FROM products p JOIN shop_members m ON m.shop_id = p.shop_id AND m.role = 'owner' \
         JOIN users u ON u.id = m.user_id WHERE p.id = $1",
    )
    .bind(product_id)
    .fetch_all(pool)
    .await
}

/// The buyer of an order: address, language, order number, and whether a guest bought it
/// (`user_id` empty).
#[derive(FromRow)]
pub struct OrderBuyer {
    pub email: String,
    pub lang: String,
    pub number: String,
    pub user_id: Option<i64>,
}

pub async fn order_buyer(tx: &mut Tx, order_id: i64) -> Result<Option<OrderBuyer>, sqlx::Error> {
    sqlx::query_as("SELECT email, lang, number, user_id FROM orders WHERE id = $1")
        .bind(order_id)
        .fetch_optional(&mut **tx)
        .await
}

/// The buyer of a parcel's order, with the parcel's shop named in the buyer's language.
#[derive(FromRow)]
pub struct ParcelBuyer {
    pub email: String,
    pub lang: String,
    pub number: String,
    pub user_id: Option<i64>,
    pub shop: String,
}

pub async fn parcel_buyer(
    tx: &mut Tx,
    shipment_id: i64,
) -> Result<Option<ParcelBuyer>, sqlx::Error> {
    sqlx::query_as(
        "SELECT o.email, o.lang, o.number, o.user_id, \
                COALESCE((SELECT t.name FROM shop_texts t \
                          WHERE t.shop_id = s.shop_id AND t.locale = o.lang), '') AS shop \
         FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.id = $1",
    )
    .bind(shipment_id)
    .fetch_optional(&mut **tx)
    .await
}
