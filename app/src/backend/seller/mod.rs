//! Sellers: applications to open a shop, the shop's people and what each may do, and the
//! shop's products, parcels, stock and sales. Every function here takes the shop id the
//! caller was authorised for and reaches only that shop's rows.

pub mod analytics;
pub mod applications;
pub mod catalogue_csv;
pub mod chart;
pub mod csv_format;
pub mod fulfilment;
pub mod glossary;
pub mod products;
pub mod profile;
pub mod review;
pub mod staff;
pub mod stock;

use sqlx::AnyPool;

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
    let shop = shop_for(&state.pool, &user, need).await?;
    Ok((user, shop))
}

/// The shop `user` works for, if they pass `need`; `Forbidden` otherwise. Pages and server
/// functions reach it through `require_shop`; plain handlers call it with their session.
pub async fn shop_for(
    pool: &AnyPool,
    user: &SessionUser,
    need: Need,
) -> Result<SellerShop, AppError> {
    let shop = shop_of(pool, user.id, user.lang)
        .await?
        .ok_or(AppError::Forbidden)?;
    if !need.allows(shop.role) {
        return Err(AppError::Forbidden);
    }
    Ok(shop)
}

/// The (first) shop a user belongs to, with the counts the dashboard shows.
pub async fn shop_of(
    pool: &AnyPool,
    user_id: i64,
    lang: crate::model::Lang,
) -> Result<Option<SellerShop>, sqlx::Error> {
    crate::backend::db::shops::of_member(pool, user_id, lang).await
}

/// How the (first) shop a user belongs to ships, without the dashboard's counts.
pub async fn dispatch_of(
    pool: &AnyPool,
    user_id: i64,
) -> Result<Option<crate::model::Dispatch>, sqlx::Error> {
    crate::backend::db::shops::dispatch_of_member(pool, user_id).await
}
