//! A shop's team: its members and the invitations that wait for an answer.

use sqlx::{AnyPool, FromRow};

use super::Tx;
use crate::model::seller::{ShopRole, StaffMember};

fn role(code: &str) -> ShopRole {
    ShopRole::parse(code).unwrap_or(ShopRole::Fulfilment)
}

/// The shop's members in the order they joined, then the people invited whose invitation
/// is still open at `now`.
pub async fn team(pool: &AnyPool, shop_id: i64, now: i64) -> Result<Vec<StaffMember>, sqlx::Error> {
    let members: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT u.id, u.email, u.display_name, m.role FROM shop_members m \
         JOIN users u ON u.id = m.user_id WHERE m.shop_id = $1 ORDER BY m.added_at, u.id",
    )
    .bind(shop_id)
    .fetch_all(pool)
    .await?;
    let invited: Vec<(String, String)> = sqlx::query_as(
        "SELECT email, role FROM shop_invitations \
         WHERE shop_id = $1 AND accepted_at IS NULL AND expires_at > $2 ORDER BY id",
    )
    .bind(shop_id)
    .bind(now)
    .fetch_all(pool)
    .await?;
    let members = members
        .into_iter()
        .map(|(id, email, name, code)| StaffMember {
            user_id: Some(id),
            email,
            name,
            role: role(&code),
            pending: false,
        });
    let invited = invited.into_iter().map(|(email, code)| StaffMember {
        user_id: None,
        email,
        name: String::new(),
        role: role(&code),
        pending: true,
    });
    Ok(members.chain(invited).collect())
}

/// Whether someone with this email is a member of the shop.
pub async fn is_member(tx: &mut Tx, shop_id: i64, email: &str) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM shop_members m JOIN users u ON u.id = m.user_id \
         WHERE m.shop_id = $1 AND u.email = $2",
    )
    .bind(shop_id)
    .bind(email)
    .fetch_one(&mut **tx)
    .await?;
    Ok(count > 0)
}

/// An invitation whose link carries the token hashed to `token_hash`.
pub struct NewInvitation<'a> {
    pub shop_id: i64,
    pub email: &'a str,
    pub role: ShopRole,
    pub token_hash: &'a str,
    pub invited_by: i64,
    pub now: i64,
    pub expires_at: i64,
}

pub async fn invite(tx: &mut Tx, invitation: &NewInvitation<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO shop_invitations (shop_id, email, role, token_hash, invited_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(invitation.shop_id)
    .bind(invitation.email)
    .bind(invitation.role.code())
    .bind(invitation.token_hash)
    .bind(invitation.invited_by)
    .bind(invitation.now)
    .bind(invitation.expires_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// An open invitation.
#[derive(FromRow)]
pub struct Invitation {
    pub id: i64,
    pub shop_id: i64,
    pub email: String,
    pub role: String,
}

/// The invitation whose link carries the token hashed to `token_hash`, if it is still open
/// at `now`.
pub async fn open_invitation(
    tx: &mut Tx,
    token_hash: &str,
    now: i64,
) -> Result<Option<Invitation>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, shop_id, email, role FROM shop_invitations \
         WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await
}

/// The invited person joins with the invitation's role, and the invitation is used.
pub async fn accept(
    tx: &mut Tx,
    invitation: &Invitation,
    user_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO shop_members (shop_id, user_id, role, added_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (shop_id, user_id) DO NOTHING",
    )
    .bind(invitation.shop_id)
    .bind(user_id)
    .bind(&invitation.role)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    sqlx::query("UPDATE shop_invitations SET accepted_at = $1 WHERE id = $2")
        .bind(now)
        .bind(invitation.id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Makes the user an owner of the shop (a member already or not).
pub async fn make_owner(
    pool: &AnyPool,
    shop_id: i64,
    user_id: i64,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO shop_members (shop_id, user_id, role, added_at) VALUES ($1, $2, 'owner', $3) \
         ON CONFLICT (shop_id, user_id) DO UPDATE SET role = 'owner'",
    )
    .bind(shop_id)
    .bind(user_id)
    .bind(now)
    .execute(pool)
    .await?;
    Ok(())
}

/// Removes a member who is not an owner; false when there is no such member.
pub async fn remove(pool: &AnyPool, shop_id: i64, user_id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "DELETE FROM shop_members WHERE shop_id = $1 AND user_id = $2 AND role <> 'owner'",
    )
    .bind(shop_id)
    .bind(user_id)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() > 0)
}
