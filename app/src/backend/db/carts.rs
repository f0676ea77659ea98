//! Carts and their lines. A cart belongs to a signed-in user or to a guest session.

use sqlx::{AnyPool, FromRow};

use crate::backend::db::orders::Tx;
use crate::backend::db::{Engine, now_seconds};
use crate::model::{Dispatch, Lang, TaxClass};

/// Holds the cart for the rest of a checkout's transaction, so a second checkout of the same
/// cart (another tab, another key) waits, then finds it empty. SQLite needs no row lock:
/// its `BEGIN IMMEDIATE` lets one writer in at a time.
pub async fn lock(tx: &mut Tx, engine: Engine, cart_id: i64) -> Result<(), sqlx::Error> {
    if engine == Engine::Postgres {
        sqlx::query("SELECT id FROM carts WHERE id = $1 FOR UPDATE")
            .bind(cart_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Whose cart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CartOwner {
    User(i64),
    Guest(String),
}

impl CartOwner {
    fn column(&self) -> &'static str {
        match self {
            CartOwner::User(_) => "user_id",
            CartOwner::Guest(_) => "session_hash",
        }
    }
}

/// Binds the owner's key (a user id or a session hash) as the query's next parameter, on
/// any kind of query (rows, typed rows, one value).
macro_rules! bind_owner {
    ($query:expr, $owner:expr) => {
        match $owner {
            CartOwner::User(id) => $query.bind(*id),
            CartOwner::Guest(hash) => $query.bind(hash.as_str()),
        }
    };
}

pub async fn find(pool: &AnyPool, owner: &CartOwner) -> Result<Option<i64>, sqlx::Error> {
    let sql = format!("SELECT id FROM carts WHERE {} = $1", owner.column());
    bind_owner!(sqlx::query_scalar(&sql), owner)
        .fetch_optional(pool)
        .await
}

/// The owner's cart, created when missing.
pub async fn find_or_create(pool: &AnyPool, owner: &CartOwner) -> Result<i64, sqlx::Error> {
    if let Some(id) = find(pool, owner).await? {
        return Ok(id);
    }
    let sql = format!(
        "INSERT INTO carts ({}, updated_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        owner.column()
    );
    bind_owner!(sqlx::query(&sql), owner)
        .bind(now_seconds())
        .execute(pool)
        .await?;
    find(pool, owner).await?.ok_or(sqlx::Error::RowNotFound)
}

#[derive(FromRow)]
struct VariantColumns {
    id: i64,
    price_minor: i64,
    stock: i64,
    status: String,
}

/// A variant as the cart needs it.
pub struct VariantRow {
    pub id: i64,
    pub price: i64,
    pub stock: i64,
    pub published: bool,
}

pub async fn variant_by_sku(pool: &AnyPool, sku: &str) -> Result<Option<VariantRow>, sqlx::Error> {
    let row: Option<VariantColumns> = sqlx::query_as(
        "SELECT v.id, v.price_minor, v.stock, \
                CASE WHEN s.suspended = 1 THEN 'suspended' WHEN v.pending = 1 THEN 'in review' ELSE p.status END AS status \
         FROM variants v \
         JOIN products p ON p.id = v.product_id JOIN shops s ON s.id = p.shop_id \
         WHERE v.sku = $1",
    )
    .bind(sku)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| VariantRow {
        id: r.id,
        price: r.price_minor,
        stock: r.stock,
        published: r.status == "published",
    }))
}

pub async fn line_quantity(
    pool: &AnyPool,
    cart_id: i64,
    variant_id: i64,
) -> Result<i64, sqlx::Error> {
    let quantity: Option<i64> = sqlx::query_scalar(
        "SELECT quantity FROM cart_lines WHERE cart_id = $1 AND variant_id = $2",
    )
    .bind(cart_id)
    .bind(variant_id)
    .fetch_optional(pool)
    .await?;
    Ok(quantity.unwrap_or(0))
}

/// Sets a line's quantity (adding the line if needed) and remembers the price seen.
pub async fn put_line(
    pool: &AnyPool,
    cart_id: i64,
    variant_id: i64,
    quantity: i64,
    price: i64,
) -> Result<(), sqlx::Error> {
    let now = now_seconds();
    sqlx::query(
        "INSERT INTO cart_lines (cart_id, variant_id, quantity, price_seen, added_at) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = excluded.quantity, \
         price_seen = excluded.price_seen",
    )
    .bind(cart_id)
    .bind(variant_id)
    .bind(quantity)
    .bind(price)
    .bind(now)
    .execute(pool)
    .await?;
    sqlx::query("UPDATE carts SET updated_at = $1 WHERE id = $2")
        .bind(now)
        .bind(cart_id)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn remove_line(pool: &AnyPool, cart_id: i64, variant_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM cart_lines WHERE cart_id = $1 AND variant_id = $2")
        .bind(cart_id)
        .bind(variant_id)
        .execute(pool)
        .await?;
    Ok(())
}

/// A cart line joined with today's variant, product and texts in one language.
pub struct LineRow {
    pub variant_id: i64,
    pub product_id: i64,
    pub shop_id: i64,
    pub sku: String,
    pub product_slug: String,
    pub title: String,
    pub option: String,
    pub shop: String,
    pub quantity: i64,
    pub price_seen: i64,
    pub price: i64,
    pub stock: i64,
    pub weight_g: i64,
    pub tax_class: TaxClass,
    pub published: bool,
    /// How the shop ships: across the border, from stock in China, or from a bonded
    /// warehouse.
    pub dispatch: Dispatch,
    /// The city the parcel leaves from (the shop's), its name and, in China, its province.
    pub ships_from: i64,
    pub ships_from_name: String,
    pub ships_from_province: Option<String>,
}

#[derive(FromRow)]
struct LineColumns {
    variant_id: i64,
    quantity: i64,
    price_seen: i64,
    sku: String,
    price_minor: i64,
    stock: i64,
    product_id: i64,
    slug: String,
    weight_g: i64,
    shop_id: i64,
    tax_class: String,
    status: String,
    title: String,
    label: String,
    shop_name: String,
    dispatch: String,
    city_id: i64,
    province: Option<String>,
    city_name: String,
}

pub async fn lines<'c, E>(
    executor: E,
    cart_id: i64,
    lang: Lang,
) -> Result<Vec<LineRow>, sqlx::Error>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    let rows: Vec<LineColumns> = sqlx::query_as(
        "SELECT cl.variant_id, cl.quantity, cl.price_seen, v.sku, v.price_minor, v.stock, \
                p.id AS product_id, p.slug, COALESCE(v.weight_g, p.weight_g) AS weight_g, p.shop_id, c.tax_class, \
                CASE WHEN s.suspended = 1 THEN 'suspended' ELSE p.status END AS status, \
                pt.title, vt.label, st.name AS shop_name, s.dispatch, s.city_id, \
                ci.province, cit.name AS city_name \
         FROM cart_lines cl \
         JOIN variants v ON v.id = cl.variant_id \
         JOIN products p ON p.id = v.product_id \
         JOIN shops s ON s.id = p.shop_id \
         JOIN cities ci ON ci.id = s.city_id \
         JOIN city_texts cit ON cit.city_id = s.city_id AND cit.locale = $2 \
         JOIN categories c ON c.id = p.category_id \
         JOIN product_texts pt ON pt.product_id = p.id AND pt.locale = $2 \
         JOIN variant_texts vt ON vt.variant_id = v.id AND vt.locale = $2 \
         JOIN shop_texts st ON st.shop_id = p.shop_id AND st.locale = $2 \
         WHERE cl.cart_id = $1 ORDER BY cl.added_at, v.sku",
    )
    .bind(cart_id)
    .bind(lang.code())
    .fetch_all(executor)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| LineRow {
            variant_id: r.variant_id,
            product_id: r.product_id,
            shop_id: r.shop_id,
            sku: r.sku,
            product_slug: r.slug,
            title: r.title,
            option: r.label,
            shop: r.shop_name,
            quantity: r.quantity,
            price_seen: r.price_seen,
            price: r.price_minor,
            stock: r.stock,
            weight_g: r.weight_g,
            tax_class: TaxClass::parse(&r.tax_class).unwrap_or(TaxClass::General),
            published: r.status == "published",
            dispatch: Dispatch::parse(&r.dispatch).unwrap_or_default(),
            ships_from: r.city_id,
            ships_from_name: r.city_name,
            ships_from_province: r.province,
        })
        .collect())
}

pub async fn item_count(pool: &AnyPool, owner: &CartOwner) -> Result<i64, sqlx::Error> {
    let sql = format!(
        "SELECT CAST(COALESCE(SUM(cl.quantity), 0) AS BIGINT) AS n FROM cart_lines cl \
         JOIN carts c ON c.id = cl.cart_id WHERE c.{} = $1",
        owner.column()
    );
    bind_owner!(sqlx::query_scalar(&sql), owner)
        .fetch_one(pool)
        .await
}

/// Moves a guest session's cart into the user's: lines add up (to the per-line limit).
pub async fn merge(
    pool: &AnyPool,
    guest_session: &str,
    user_id: i64,
    max_quantity: i64,
) -> Result<(), sqlx::Error> {
    let guest = CartOwner::Guest(guest_session.to_owned());
    let Some(guest_cart) = find(pool, &guest).await? else {
        return Ok(());
    };
    let mut tx = pool.begin().await?;
    let user_cart: Option<i64> = sqlx::query_scalar("SELECT id FROM carts WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?;
    match user_cart {
        None => {
            sqlx::query("UPDATE carts SET user_id = $1, session_hash = NULL WHERE id = $2")
                .bind(user_id)
                .bind(guest_cart)
                .execute(&mut *tx)
                .await?;
        }
        Some(user_cart) => {
            sqlx::query(
                "INSERT INTO cart_lines (cart_id, variant_id, quantity, price_seen, added_at) \
                 SELECT $1, variant_id, quantity, price_seen, added_at FROM cart_lines \
                 WHERE cart_id = $2 \
                 ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = \
                 CASE WHEN cart_lines.quantity + excluded.quantity > $3 THEN $3 \
                 ELSE cart_lines.quantity + excluded.quantity END",
            )
            .bind(user_cart)
            .bind(guest_cart)
            .bind(max_quantity)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM carts WHERE id = $1")
                .bind(guest_cart)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await
}

pub async fn clear<'c, E>(executor: E, cart_id: i64) -> Result<(), sqlx::Error>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    sqlx::query("DELETE FROM cart_lines WHERE cart_id = $1")
        .bind(cart_id)
        .execute(executor)
        .await?;
    Ok(())
}
