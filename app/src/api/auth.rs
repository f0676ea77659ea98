//! Accounts: register, sign in and out, passwords.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::Lang;
use crate::model::account::{AccountView, RegisterForm};

/// Where to go after signing in: a path on this site, else the account page.
#[cfg(feature = "ssr")]
fn next_path(lang: Lang, next: Option<String>) -> String {
    next.filter(|n| crate::model::site::is_site_path(n))
        .unwrap_or_else(|| format!("/{}/account", lang.code()))
}

#[server(endpoint = "current_account", input = server_fn::codec::GetUrl)]
pub async fn current_account() -> Result<Option<AccountView>, AppError> {
    Ok(crate::backend::session::current().user().map(|u| u.view()))
}

#[server(endpoint = "register")]
pub async fn register(
    lang: Lang,
    form: RegisterForm,
    next: Option<String>,
) -> Result<AccountView, AppError> {
    let state = crate::backend::state()?;
    let session = crate::backend::session::current();
    let account = crate::backend::auth::register(&state, &session, form, lang).await?;
    leptos_axum::redirect(&next_path(lang, next));
    Ok(account)
}

#[server(endpoint = "login")]
pub async fn login(
    lang: Lang,
    email: String,
    password: String,
    next: Option<String>,
) -> Result<AccountView, AppError> {
    let state = crate::backend::state()?;
    let session = crate::backend::session::current();
    let address = crate::backend::session::client_address();
    let account = crate::backend::auth::login(&state, &session, &email, password, &address).await?;
    leptos_axum::redirect(&next_path(lang, next));
    Ok(account)
}

#[server(endpoint = "logout")]
pub async fn logout(lang: Lang) -> Result<(), AppError> {
    let state = crate::backend::state()?;
    crate::backend::auth::logout(&state, &crate::backend::session::current()).await?;
    leptos_axum::redirect(&format!("/{}/", lang.code()));
    Ok(())
}

#[server(endpoint = "logout_everywhere")]
pub async fn logout_everywhere(lang: Lang) -> Result<(), AppError> {
    let state = crate::backend::state()?;
    crate::backend::auth::logout_everywhere(&state, &crate::backend::session::current()).await?;
    leptos_axum::redirect(&format!("/{}/account/login", lang.code()));
    Ok(())
}

#[server(endpoint = "change_password")]
pub async fn change_password(current: String, new: String) -> Result<(), AppError> {
    let state = crate::backend::state()?;
    let session = crate::backend::session::current();
    crate::backend::auth::change_password(&state, &session, current, new).await
}

#[server(endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    let state = crate::backend::state()?;
    let address = crate::backend::session::client_address();
    crate::backend::auth::request_reset(&state, &email, &address).await
}

#[server(endpoint = "reset_password")]
pub async fn reset_password(lang: Lang, token: String, password: String) -> Result<(), AppError> {
    let state = crate::backend::state()?;
    crate::backend::auth::reset_password(&state, &token, password).await?;
    leptos_axum::redirect(&format!("/{}/account/login?reset=done", lang.code()));
    Ok(())
}
