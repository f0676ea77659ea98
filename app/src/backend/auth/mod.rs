//! Registering, signing in and out, changing and resetting passwords.

pub mod limits;
pub mod passwords;

use crate::backend::AppState;
use crate::backend::crypto::{random_token, sha256_hex};
use crate::backend::db::{accounts, now_seconds};
use crate::backend::session::{self, Session, SessionUser};
use crate::backend::{cart, mail};
use crate::error::{AppError, Problem};
use crate::model::Lang;
use crate::model::account::{AccountView, Email, RegisterForm, Role, parse_display_name};

/// A reset link works for an hour.
const RESET_SECONDS: i64 = 3600;

/// Creates a customer account and signs it in; a guest cart comes along.
pub async fn register(
    state: &AppState,
    session: &Session,
    form: RegisterForm,
    lang: Lang,
) -> Result<AccountView, AppError> {
    let email = Email::parse(&form.email)?;
    let display_name = parse_display_name(&form.display_name)?;
    passwords::check_new_password(&form.password)?;
    let hash = passwords::hash(form.password).await?;
    let id = accounts::insert(
        &state.pool,
        email.as_str(),
        &display_name,
        &hash,
        lang,
        Role::Customer,
    )
    .await?
    .ok_or(Problem::EmailTaken)?;
    let user = SessionUser {
        id,
        email: email.as_str().to_owned(),
        display_name: display_name.clone(),
        role: Role::Customer,
        lang,
    };
    start(state, session, user.clone()).await?;
    mail::enqueue(
        &state.pool,
        &mail::welcome(email.as_str(), lang, &display_name),
    )
    .await?;
    tracing::info!(user.id = id, "account registered");
    Ok(user.view())
}

/// Signs in, rate limited per account and per network address.
pub async fn login(
    state: &AppState,
    session: &Session,
    email: &str,
    password: String,
    address: &str,
) -> Result<AccountView, AppError> {
    let email = Email::parse(email).map_err(|_| Problem::BadCredentials)?;
    let pool = &state.pool;
    limits::LOGIN_PER_ADDRESS.check(pool, address).await?;
    limits::LOGIN_PER_ACCOUNT
        .check(pool, email.as_str())
        .await?;
    let record = accounts::by_email(pool, email.as_str()).await?;
    let stored = record.as_ref().map(|r| r.password_hash.clone());
    if !passwords::verify(password, stored).await {
        limits::LOGIN_PER_ADDRESS.record(pool, address).await?;
        limits::LOGIN_PER_ACCOUNT
            .record(pool, email.as_str())
            .await?;
        return Err(Problem::BadCredentials.into());
    }
    let record = record.ok_or(Problem::BadCredentials)?;
    if record.locked {
        return Err(Problem::AccountLocked.into());
    }
    if record.must_reset {
        return Err(Problem::PasswordResetRequired.into());
    }
    start(state, session, record.user.clone()).await?;
    Ok(record.user.view())
}

/// A new session id for the user, and the guest cart merged into theirs.
async fn start(state: &AppState, session: &Session, user: SessionUser) -> Result<(), AppError> {
    let user_id = user.id;
    let old = session.sign_in(&state.pool, user).await?;
    if let Some(old) = old {
        cart::merge_guest_cart(&state.pool, &old, user_id).await?;
    }
    Ok(())
}

pub async fn logout(state: &AppState, session: &Session) -> Result<(), AppError> {
    session.sign_out(&state.pool).await
}

/// Ends every session of the signed-in user, this one included.
pub async fn logout_everywhere(state: &AppState, session: &Session) -> Result<(), AppError> {
    let user = session.require_user()?;
    session::end_all(&state.pool, user.id).await?;
    session.sign_out(&state.pool).await
}

/// Changes the password; other sessions end, this one continues under a new id.
pub async fn change_password(
    state: &AppState,
    session: &Session,
    current: String,
    new: String,
) -> Result<(), AppError> {
    let user = session.require_user()?;
    let record = accounts::by_id(&state.pool, user.id)
        .await?
        .ok_or(AppError::SignInRequired)?;
    if !passwords::verify(current, Some(record.password_hash)).await {
        return Err(Problem::PasswordWrong.into());
    }
    passwords::check_new_password(&new)?;
    let hash = passwords::hash(new).await?;
    accounts::set_password(&state.pool, user.id, &hash).await?;
    session::end_all(&state.pool, user.id).await?;
    session.sign_in(&state.pool, user).await?;
    Ok(())
}

/// Emails a one-time reset link, in the account's language, when the account exists. The
/// answer is the same either way, so the form does not tell who has an account.
pub async fn request_reset(state: &AppState, email: &str, address: &str) -> Result<(), AppError> {
    let email = Email::parse(email)?;
    let pool = &state.pool;
    limits::RESET_PER_ADDRESS.check(pool, address).await?;
    limits::RESET_PER_ACCOUNT
        .check(pool, email.as_str())
        .await?;
    limits::RESET_PER_ADDRESS.record(pool, address).await?;
    limits::RESET_PER_ACCOUNT
        .record(pool, email.as_str())
        .await?;
    let Some(record) = accounts::by_email(pool, email.as_str()).await? else {
        return Ok(());
    };
    send_reset_link(state, &record.user).await
}

/// Emails the user a one-time reset link in their language.
pub async fn send_reset_link(state: &AppState, user: &SessionUser) -> Result<(), AppError> {
    let token = random_token(32);
    accounts::insert_reset(
        &state.pool,
        &sha256_hex(&token),
        user.id,
        now_seconds() + RESET_SECONDS,
    )
    .await?;
    let link = format!(
        "{}/{}/account/reset?token={token}",
        state.site.public_url.trim_end_matches('/'),
        user.lang.code()
    );
    mail::enqueue(
        &state.pool,
        &mail::password_reset(&user.email, user.lang, &link),
    )
    .await?;
    Ok(())
}

/// Sets a new password from a reset link; every session of the account ends.
pub async fn reset_password(state: &AppState, token: &str, new: String) -> Result<(), AppError> {
    passwords::check_new_password(&new)?;
    let user_id = accounts::use_reset(&state.pool, &sha256_hex(token))
        .await?
        .ok_or(Problem::ResetLink)?;
    let hash = passwords::hash(new).await?;
    accounts::set_password(&state.pool, user_id, &hash).await?;
    session::end_all(&state.pool, user_id).await?;
    Ok(())
}

/// Creates (or promotes) an account with a role; for the CLI and tests.
pub async fn create_user(
    state_pool: &sqlx::AnyPool,
    email: &str,
    display_name: &str,
    password: String,
    role: Role,
) -> Result<i64, AppError> {
    let email = Email::parse(email)?;
    passwords::check_new_password(&password)?;
    let hash = passwords::hash(password).await?;
    match accounts::insert(
        state_pool,
        email.as_str(),
        display_name,
        &hash,
        Lang::En,
        role,
    )
    .await?
    {
        Some(id) => Ok(id),
        None => {
            let record = accounts::by_email(state_pool, email.as_str())
                .await?
                .ok_or_else(|| AppError::internal("reading back an account", "it is missing"))?;
            accounts::set_password(state_pool, record.user.id, &hash).await?;
            accounts::set_role(state_pool, record.user.id, role).await?;
            Ok(record.user.id)
        }
    }
}
