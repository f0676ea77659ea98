//! Shops: opening one, who works for which, and the operator's suspension.

use sqlx::{AnyPool, FromRow};

use super::Tx;
use crate::model::seller::{ProfileSide, SellerShop, ShopProfile, ShopRole};
use crate::model::{Dispatch, Lang};

/// Whether a shop has this slug.
pub async fn slug_taken(tx: &mut Tx, slug: &str) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM shops WHERE slug = $1")
        .bind(slug)
        .fetch_one(&mut **tx)
        .await?;
    Ok(count > 0)
}

/// A verified shop to open, named the same in both languages until its seller edits it.
pub struct NewShop<'a> {
    pub slug: &'a str,
    pub kind: &'a str,
    pub dispatch: &'a str,
    pub city_id: i64,
    pub name: &'a str,
    pub owner_id: i64,
    pub now: i64,
}

/// Opens the shop with its owner; returns its id.
pub async fn open(tx: &mut Tx, shop: &NewShop<'_>) -> Result<i64, sqlx::Error> {
    let shop_id: i64 = sqlx::query_scalar(
        "INSERT INTO shops (slug, kind, dispatch, city_id, verified, created_at) \
         VALUES ($1, $2, $3, $4, 1, $5) RETURNING id",
    )
    .bind(shop.slug)
    .bind(shop.kind)
    .bind(shop.dispatch)
    .bind(shop.city_id)
    .bind(shop.now)
    .fetch_one(&mut **tx)
    .await?;
    for locale in ["en", "zh"] {
        sqlx::query("INSERT INTO shop_texts (shop_id, locale, name) VALUES ($1, $2, $3)")
            .bind(shop_id)
            .bind(locale)
            .bind(shop.name)
            .execute(&mut **tx)
            .await?;
    }
    sqlx::query(
        "INSERT INTO shop_members (shop_id, user_id, role, added_at) VALUES ($1, $2, 'owner', $3)",
    )
    .bind(shop_id)
    .bind(shop.owner_id)
    .bind(shop.now)
    .execute(&mut **tx)
    .await?;
    Ok(shop_id)
}

/// A shop's suspension as it stands.
#[derive(FromRow)]
pub struct Suspension {
    pub slug: String,
    pub suspended: i64,
    pub suspended_reason: Option<String>,
}

pub async fn suspension(tx: &mut Tx, shop_id: i64) -> Result<Option<Suspension>, sqlx::Error> {
    sqlx::query_as("SELECT slug, suspended, suspended_reason FROM shops WHERE id = $1")
        .bind(shop_id)
        .fetch_optional(&mut **tx)
        .await
}

/// Suspends the shop with a reason (`Some`) or lifts its suspension (`None`).
pub async fn set_suspended(
    tx: &mut Tx,
    shop_id: i64,
    reason: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE shops SET suspended = $1, suspended_reason = $2 WHERE id = $3")
        .bind(i64::from(reason.is_some()))
        .bind(reason)
        .bind(shop_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

#[derive(FromRow)]
struct MembershipRow {
    id: i64,
    slug: String,
    verified: i64,
    dispatch: String,
    role: String,
    name: String,
    low_stock: i64,
    to_ship: i64,
}

/// The (first) shop a user belongs to, named in `lang`, with the dashboard's counts.
pub async fn of_member(
    pool: &AnyPool,
    user_id: i64,
    lang: Lang,
) -> Result<Option<SellerShop>, sqlx::Error> {
    let row: Option<MembershipRow> = sqlx::query_as(
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
    Ok(row.map(|r| SellerShop {
        id: r.id,
        slug: r.slug,
        name: r.name,
        role: ShopRole::parse(&r.role).unwrap_or(ShopRole::Fulfilment),
        verified: r.verified == 1,
        dispatch: Dispatch::parse(&r.dispatch).unwrap_or_default(),
        low_stock: r.low_stock,
        to_ship: r.to_ship,
    }))
}

/// How the (first) shop a user belongs to ships.
pub async fn dispatch_of_member(
    pool: &AnyPool,
    user_id: i64,
) -> Result<Option<Dispatch>, sqlx::Error> {
    let dispatch: Option<String> = sqlx::query_scalar(
        "SELECT s.dispatch FROM shop_members m JOIN shops s ON s.id = m.shop_id \
         WHERE m.user_id = $1 ORDER BY s.id LIMIT 1",
    )
    .bind(user_id)
    .fetch_optional(pool)
    .await?;
    Ok(dispatch.map(|code| Dispatch::parse(&code).unwrap_or_default()))
}

/// The id of the shop with this slug.
pub async fn id_of(pool: &AnyPool, slug: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM shops WHERE slug = $1")
        .bind(slug)
        .fetch_optional(pool)
        .await
}

/// The shop's profile in both languages, with `version` as the catalogue revision.
pub async fn profile(pool: &AnyPool, shop_id: i64) -> Result<ShopProfile, sqlx::Error> {
    let (slug, has_logo, has_banner): (String, i64, i64) =
        sqlx::query_as("SELECT slug, has_logo, has_banner FROM shops WHERE id = $1")
            .bind(shop_id)
            .fetch_one(pool)
            .await?;
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT locale, name, tagline, story, policies FROM shop_texts WHERE shop_id = $1",
    )
    .bind(shop_id)
    .fetch_all(pool)
    .await?;
    let mut profile = ShopProfile {
        version: super::revisions::catalogue(pool).await?,
        slug,
        has_logo: has_logo == 1,
        has_banner: has_banner == 1,
        ..ShopProfile::default()
    };
    for (locale, name, tagline, story, policies) in rows {
        let side = ProfileSide {
            name,
            tagline,
            story,
            policies,
        };
        match locale.as_str() {
            "zh" => profile.zh = side,
            _ => profile.en = side,
        }
    }
    Ok(profile)
}

/// Replaces one language of the shop's profile.
pub async fn write_profile(
    tx: &mut Tx,
    shop_id: i64,
    locale: &str,
    side: &ProfileSide,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM shop_texts WHERE shop_id = $1 AND locale = $2")
        .bind(shop_id)
        .bind(locale)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO shop_texts (shop_id, locale, name, tagline, story, policies) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(shop_id)
    .bind(locale)
    .bind(&side.name)
    .bind(&side.tagline)
    .bind(&side.story)
    .bind(&side.policies)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Which of a shop's pictures it has.
#[derive(Clone, Copy)]
pub enum ShopPicture {
    Logo,
    Banner,
}

/// Records that the shop has its logo or banner.
pub async fn set_picture(
    tx: &mut Tx,
    shop_id: i64,
    picture: ShopPicture,
) -> Result<(), sqlx::Error> {
    let sql = match picture {
        ShopPicture::Logo => "UPDATE shops SET has_logo = 1 WHERE id = $1",
        ShopPicture::Banner => "UPDATE shops SET has_banner = 1 WHERE id = $1",
    };
    sqlx::query(sql).bind(shop_id).execute(&mut **tx).await?;
    Ok(())
}
