//! A shop's team: the owner invites people by email with a role (manager or fulfilment);
//! the invited person, signed in with that address, joins by the emailed link.

use sqlx::{AnyPool, Row};

use crate::backend::AppState;
use crate::backend::crypto::{random_token, sha256_hex};
use crate::backend::db::now_seconds;
use crate::backend::db::write_transaction;
use crate::backend::mail;
use crate::backend::session::SessionUser;
use crate::error::{AppError, Problem};
use crate::model::Lang;
use crate::model::account::Email;
use crate::model::seller::{ShopRole, StaffMember};

/// How long an invitation link lasts.
const INVITATION_SECONDS: i64 = 7 * 86_400;

pub async fn team(pool: &AnyPool, shop_id: i64) -> Result<Vec<StaffMember>, sqlx::Error> {
    let members = sqlx::query(
        "SELECT u.id, u.email, u.display_name, m.role FROM shop_members m JOIN users u ON u.id = m.user_id \
         WHERE m.shop_id = $1 ORDER BY m.added_at, u.id",
    )
    .bind(shop_id)
    .fetch_all(pool)
    .await?;
    let invited = sqlx::query(
        "SELECT email, role FROM shop_invitations WHERE shop_id = $1 AND accepted_at IS NULL AND expires_at > $2 \
         ORDER BY id",
    )
    .bind(shop_id)
    .bind(now_seconds())
    .fetch_all(pool)
    .await?;
    let role = |r: &sqlx::any::AnyRow| -> Result<ShopRole, sqlx::Error> {
        Ok(ShopRole::parse(r.try_get("role")?).unwrap_or(ShopRole::Fulfilment))
    };
    let mut team = members
        .iter()
        .map(|r| {
            Ok(StaffMember {
                user_id: Some(r.try_get("id")?),
                email: r.try_get("email")?,
                name: r.try_get("display_name")?,
                role: role(r)?,
                pending: false,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    for r in &invited {
        team.push(StaffMember {
            user_id: None,
            email: r.try_get("email")?,
            name: String::new(),
            role: role(r)?,
            pending: true,
        });
    }
    Ok(team)
}

/// Records an invitation and emails its link in the language of the page it was sent from.
pub async fn invite(
    state: &AppState,
    shop_id: i64,
    shop_name: &str,
    inviter: i64,
    email: &str,
    role: &str,
    lang: Lang,
) -> Result<(), AppError> {
    let email = Email::parse(email)?;
    let role = ShopRole::parse(role)
        .filter(|r| *r != ShopRole::Owner)
        .ok_or(Problem::StaffRole)?;
    let token = random_token(32);
    let mut tx = write_transaction(&state.pool, state.engine).await?;
    let member: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM shop_members m JOIN users u ON u.id = m.user_id WHERE m.shop_id = $1 AND u.email = $2",
    )
    .bind(shop_id)
    .bind(email.as_str())
    .fetch_one(&mut *tx)
    .await?;
    if member > 0 {
        return Err(Problem::AlreadyMember.into());
    }
    sqlx::query(
        "INSERT INTO shop_invitations (shop_id, email, role, token_hash, invited_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(shop_id)
    .bind(email.as_str())
    .bind(role.code())
    .bind(sha256_hex(&token))
    .bind(inviter)
    .bind(now_seconds())
    .bind(now_seconds() + INVITATION_SECONDS)
    .execute(&mut *tx)
    .await?;
    let link = format!(
        "{}/{}/seller/join?token={token}",
        state.site.public_url.trim_end_matches('/'),
        lang.code()
    );
    mail::enqueue(
        &mut *tx,
        &mail::shop_invitation(email.as_str(), lang, shop_name, &link),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The signed-in person joins the shop that invited their email address.
pub async fn accept(state: &AppState, user: &SessionUser, token: &str) -> Result<(), AppError> {
    let mut tx = write_transaction(&state.pool, state.engine).await?;
    let row = sqlx::query(
        "SELECT id, shop_id, email, role FROM shop_invitations \
         WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > $2",
    )
    .bind(sha256_hex(token))
    .bind(now_seconds())
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(Problem::InvitationLink)?;
    let invited: String = row.try_get("email")?;
    if !invited.eq_ignore_ascii_case(&user.email) {
        return Err(Problem::InvitationLink.into());
    }
    let shop_id: i64 = row.try_get("shop_id")?;
    sqlx::query(
        "INSERT INTO shop_members (shop_id, user_id, role, added_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (shop_id, user_id) DO NOTHING",
    )
    .bind(shop_id)
    .bind(user.id)
    .bind(row.try_get::<String, _>("role")?)
    .bind(now_seconds())
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE shop_invitations SET accepted_at = $1 WHERE id = $2")
        .bind(now_seconds())
        .bind(row.try_get::<i64, _>("id")?)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// The account becomes an owner of the shop `slug` (one the operator loaded, such as a
/// demo shop, handed to its trader).
pub async fn hand_over(pool: &AnyPool, slug: &str, user_id: i64) -> Result<(), AppError> {
    let shop: i64 = sqlx::query_scalar("SELECT id FROM shops WHERE slug = $1")
        .bind(slug)
        .fetch_optional(pool)
        .await?
        .ok_or(AppError::NotFound)?;
    sqlx::query(
        "INSERT INTO shop_members (shop_id, user_id, role, added_at) VALUES ($1, $2, 'owner', $3) \
         ON CONFLICT (shop_id, user_id) DO UPDATE SET role = 'owner'",
    )
    .bind(shop)
    .bind(user_id)
    .bind(now_seconds())
    .execute(pool)
    .await?;
    Ok(())
}

/// Removes someone from the team (never the owner).
pub async fn remove(pool: &AnyPool, shop_id: i64, user_id: i64) -> Result<(), AppError> {
    let done = sqlx::query(
        "DELETE FROM shop_members WHERE shop_id = $1 AND user_id = $2 AND role <> 'owner'",
    )
    .bind(shop_id)
    .bind(user_id)
    .execute(pool)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    Ok(())
}
