//! The shop's profile: its name, tagline, story and policies in both languages, its logo
//! and banner. Shoppers read them on the shop's page.

use sqlx::{AnyPool, Row};

use crate::backend::db::Engine;
use crate::backend::db::write_transaction;
use crate::error::AppError;
use crate::model::seller::{ProfileSide, ShopProfile};

pub async fn load(pool: &AnyPool, shop_id: i64) -> Result<ShopProfile, sqlx::Error> {
    let shop = sqlx::query("SELECT slug, has_logo, has_banner FROM shops WHERE id = $1")
        .bind(shop_id)
        .fetch_one(pool)
        .await?;
    let rows = sqlx::query(
        "SELECT locale, name, tagline, story, policies FROM shop_texts WHERE shop_id = $1",
    )
    .bind(shop_id)
    .fetch_all(pool)
    .await?;
    let version: i64 = sqlx::query_scalar("SELECT revision FROM catalog_revision WHERE id = 1")
        .fetch_one(pool)
        .await?;
    let mut profile = ShopProfile {
        version,
        slug: shop.try_get("slug")?,
        has_logo: shop.try_get::<i64, _>("has_logo")? == 1,
        has_banner: shop.try_get::<i64, _>("has_banner")? == 1,
        ..ShopProfile::default()
    };
    for row in rows {
        let side = ProfileSide {
            name: row.try_get("name")?,
            tagline: row.try_get("tagline")?,
            story: row.try_get("story")?,
            policies: row.try_get("policies")?,
        };
        match row.try_get::<String, _>("locale")?.as_str() {
            "zh" => profile.zh = side,
            _ => profile.en = side,
        }
    }
    Ok(profile)
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
        sqlx::query("DELETE FROM shop_texts WHERE shop_id = $1 AND locale = $2")
            .bind(shop_id)
            .bind(locale)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO shop_texts (shop_id, locale, name, tagline, story, policies) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(shop_id)
        .bind(locale)
        .bind(&side.name)
        .bind(&side.tagline)
        .bind(&side.story)
        .bind(&side.policies)
        .execute(&mut *tx)
        .await?;
    }
    super::bump_catalog(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Records that the shop now has its logo or banner (the picture is already stored).
pub async fn set_picture(pool: &AnyPool, shop_id: i64, banner: bool) -> Result<(), AppError> {
    let column = if banner { "has_banner" } else { "has_logo" };
    sqlx::query(&format!("UPDATE shops SET {column} = 1 WHERE id = $1"))
        .bind(shop_id)
        .execute(pool)
        .await?;
    sqlx::query("UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1")
        .execute(pool)
        .await?;
    Ok(())
}
