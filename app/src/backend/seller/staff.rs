//! A shop's team: the owner invites people by email with a role (manager or fulfilment);
//! the invited person, signed in with that address, joins by the emailed link.

use sqlx::AnyPool;

use crate::backend::AppState;
use crate::backend::crypto::{random_token, sha256_hex};
use crate::backend::db::staff::{self, NewInvitation};
use crate::backend::db::{now_seconds, shops, write_transaction};
use crate::backend::mail;
use crate::backend::session::SessionUser;
use crate::error::{AppError, Problem};
use crate::model::Lang;
use crate::model::account::Email;
use crate::model::seller::{ShopRole, StaffMember};

/// How long an invitation link lasts.
const INVITATION_SECONDS: i64 = 7 * 86_400;

pub async fn team(pool: &AnyPool, shop_id: i64) -> Result<Vec<StaffMember>, sqlx::Error> {
    staff::team(pool, shop_id, now_seconds()).await
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
    if staff::is_member(&mut tx, shop_id, email.as_str()).await? {
        return Err(Problem::AlreadyMember.into());
    }
    let now = now_seconds();
    let invitation = NewInvitation {
        shop_id,
        email: email.as_str(),
        role,
        token_hash: &sha256_hex(&token),
        invited_by: inviter,
        now,
        expires_at: now + INVITATION_SECONDS,
    };
    staff::invite(&mut tx, &invitation).await?;
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
    let invitation = staff::open_invitation(&mut tx, &sha256_hex(token), now_seconds())
        .await?
        .ok_or(Problem::InvitationLink)?;
    if !invitation.email.eq_ignore_ascii_case(&user.email) {
        return Err(Problem::InvitationLink.into());
    }
    staff::accept(&mut tx, &invitation, user.id, now_seconds()).await?;
    tx.commit().await?;
    Ok(())
}

/// The account becomes an owner of the shop `slug` (one the operator loaded, such as a
/// demo shop, handed to its trader).
pub async fn hand_over(pool: &AnyPool, slug: &str, user_id: i64) -> Result<(), AppError> {
    let shop = shops::id_of(pool, slug).await?.ok_or(AppError::NotFound)?;
    staff::make_owner(pool, shop, user_id, now_seconds()).await?;
    Ok(())
}

/// Removes someone from the team (never the owner).
pub async fn remove(pool: &AnyPool, shop_id: i64, user_id: i64) -> Result<(), AppError> {
    if !staff::remove(pool, shop_id, user_id).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}
