//! Sellers: applications to open a shop, the shop's people and what each may do, and the
//! shop's products, parcels, stock and sales. Every function here takes the shop id the
//! caller was authorised for and reaches only that shop's rows.

pub mod analytics;
pub mod applications;
pub mod catalogue_csv;
pub mod chart;
pub mod csv;
pub mod fulfilment;
pub mod glossary;
pub mod products;
pub mod profile;
pub mod review;
pub mod staff;
pub mod stock;

use sqlx::{AnyPool, Row};

use crate::backend::db::orders::Tx;
use crate::backend::session::SessionUser;
use crate::error::AppError;
use crate::model::seller::{SellerShop, ShopRole};

/// What a seller page needs of the caller's role in the shop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// Any member: parcels and stock.
    Member,
    /// Owners and managers: products, profile, analytics, CSV.
    Catalogue,
    /// The owner alone: the shop's team.
    Owner,
}

impl Need {
    pub fn allows(self, role: ShopRole) -> bool {
        match self {
            Need::Member => true,
            Need::Catalogue => role.manages_catalogue(),
            Need::Owner => role == ShopRole::Owner,
        }
    }
}

/// The shop the signed-in person works for, if they pass `need`; `Forbidden` otherwise.
pub async fn require_shop(need: Need) -> Result<(SessionUser, SellerShop), AppError> {
    let user = crate::backend::session::current().require_user()?;
    let state = crate::backend::state()?;
    let shop = shop_of(&state.pool, user.id, user.lang)
        .await?
        .ok_or(AppError::Forbidden)?;
    if !need.allows(shop.role) {
        return Err(AppError::Forbidden);
    }
    Ok((user, shop))
}

/// The (first) shop a user belongs to, with the counts the dashboard shows.
pub async fn shop_of(
    pool: &AnyPool,
    user_id: i64,
    lang: crate::model::Lang,
) -> Result<Option<SellerShop>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT s.id, s.slug, s.verified, s.dispatch, m.role, \
                COALESCE(t.name, (SELECT name FROM shop_texts WHERE shop_id = s.id LIMIT 1), s.slug) AS name, \
                (SELECT COUNT(*) FROM variants v JOIN products p ON p.id = v.product_id \
                  WHERE p.shop_id = s.id AND p.status <> 'hidden' AND v.stock <= v.low_stock) AS low_stock, \
                (SELECT COUNT(*) FROM shipments sh WHERE sh.shop_id = s.id AND sh.status = 'paid') AS to_ship \
         FROM shop_members m JOIN shops s ON s.id = m.shop_id \
         LEFT JOIN shop_texts t ON t.shop_id = s.id AND t.locale = $2 \
         WHERE m.user_id = $1 ORDER BY s.id LIMIT 1",
    )
    .bind(user_id)
    .bind(lang.code())
    .fetch_optional(pool)
    .await?;
    row.map(|row| {
        Ok(SellerShop {
            id: row.try_get("id")?,
            slug: row.try_get("slug")?,
            name: row.try_get("name")?,
            role: ShopRole::parse(row.try_get("role")?).unwrap_or(ShopRole::Fulfilment),
            verified: row.try_get::<i64, _>("verified")? == 1,
            dispatch: crate::model::Dispatch::parse(&row.try_get::<String, _>("dispatch")?)
                .unwrap_or_default(),
            low_stock: row.try_get("low_stock")?,
            to_ship: row.try_get("to_ship")?,
        })
    })
    .transpose()
}

/// How the (first) shop a user belongs to ships, without the dashboard's counts.
pub async fn dispatch_of(
    pool: &AnyPool,
    user_id: i64,
) -> Result<Option<crate::model::Dispatch>, sqlx::Error> {
    let dispatch: Option<String> = sqlx::query_scalar(
        "SELECT s.dispatch FROM shop_members m JOIN shops s ON s.id = m.shop_id \
         WHERE m.user_id = $1 ORDER BY s.id LIMIT 1",
    )
    .bind(user_id)
    .fetch_optional(pool)
    .await?;
    Ok(dispatch.map(|code| crate::model::Dispatch::parse(&code).unwrap_or_default()))
}

/// Tells every app server to reload the catalogue.
pub async fn bump_catalog(tx: &mut Tx) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision",
    )
    .fetch_one(&mut **tx)
    .await
}
