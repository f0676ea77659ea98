//! The shop's profile: its name, tagline, story and policies in both languages, its logo
//! and banner. Shoppers read them on the shop's page.

use sqlx::AnyPool;

use crate::backend::db::revisions::bump_catalogue;
use crate::backend::db::shops::{self, ShopPicture};
use crate::backend::db::{Engine, write_transaction};
use crate::error::AppError;
use crate::model::seller::{ProfileSide, ShopProfile};

pub async fn load(pool: &AnyPool, shop_id: i64) -> Result<ShopProfile, sqlx::Error> {
    shops::profile(pool, shop_id).await
}

/// Saves both languages; each needs a name, and the texts keep to their lengths.
pub async fn save(
    pool: &AnyPool,
    engine: Engine,
    shop_id: i64,
    en: &ProfileSide,
    zh: &ProfileSide,
) -> Result<(), AppError> {
    let (en, zh) = (en.checked()?, zh.checked()?);
    let mut tx = write_transaction(pool, engine).await?;
    for (locale, side) in [("en", &en), ("zh", &zh)] {
        shops::write_profile(&mut tx, shop_id, locale, side).await?;
    }
    bump_catalogue(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Records that the shop now has its logo or banner (the picture is already stored).
pub async fn set_picture(
    pool: &AnyPool,
    engine: Engine,
    shop_id: i64,
    banner: bool,
) -> Result<(), AppError> {
    let picture = if banner {
        ShopPicture::Banner
    } else {
        ShopPicture::Logo
    };
    let mut tx = write_transaction(pool, engine).await?;
    shops::set_picture(&mut tx, shop_id, picture).await?;
    bump_catalogue(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}
