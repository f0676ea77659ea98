//! Server-side sessions. The cookie carries 128 random bits; the database keeps their
//! SHA-256 with the user (if any) and the times that bound the session's life. The server's
//! session middleware loads the session into the request's extensions and writes the cookie
//! back when a server function created, renewed or ended it.

use std::sync::{Arc, Mutex, MutexGuard};

use sqlx::AnyPool;

use crate::backend::crypto::{random_token, sha256_hex};
use crate::backend::db::{now_seconds, sessions};
use crate::error::AppError;
use crate::model::account::AccountView;

pub const COOKIE: &str = "pavilion_session";
/// A session unused for a week ends.
pub const IDLE_SECONDS: i64 = 7 * 24 * 3600;
/// No session lives longer than thirty days.
pub const ABSOLUTE_SECONDS: i64 = 30 * 24 * 3600;
/// How stale `last_seen_at` may get before a request refreshes it (spares a write per page).
const TOUCH_SECONDS: i64 = 300;

pub use crate::backend::db::accounts::SessionUser;

impl SessionUser {
    pub fn view(&self) -> AccountView {
        AccountView {
            email: self.email.clone(),
            display_name: self.display_name.clone(),
            role: self.role,
            lang: self.lang,
        }
    }
}

/// What the response must do with the cookie.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum CookieChange {
    #[default]
    Keep,
    Set(String),
    Clear,
}

#[derive(Default)]
struct State {
    /// The cookie's value; only ever sent back to its owner.
    token: Option<String>,
    user: Option<SessionUser>,
    cookie: CookieChange,
}

/// The current request's session, shared by the middleware and the server functions.
#[derive(Clone, Default)]
pub struct Session(Arc<Mutex<State>>);

impl Session {
    fn state(&self) -> MutexGuard<'_, State> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The session named by a cookie value, or an empty one when it is unknown or expired.
    pub async fn load(pool: &AnyPool, token: Option<&str>) -> Session {
        let session = Session::default();
        let Some(token) = token.filter(|t| t.len() == 22) else {
            if token.is_some() {
                session.state().cookie = CookieChange::Clear;
            }
            return session;
        };
        match find(pool, token).await {
            Ok(Some(user)) => {
                let mut state = session.state();
                state.token = Some(token.to_owned());
                state.user = user;
            }
            Ok(None) => session.state().cookie = CookieChange::Clear,
            Err(error) => tracing::error!(%error, "cannot load the session"),
        }
        session
    }

    pub fn user(&self) -> Option<SessionUser> {
        self.state().user.clone()
    }

    /// The signed-in user, or `SignInRequired`.
    pub fn require_user(&self) -> Result<SessionUser, AppError> {
        self.user().ok_or(AppError::SignInRequired)
    }

    /// The hash the database knows this session by, if there is a session.
    pub fn id_hash(&self) -> Option<String> {
        self.state().token.as_deref().map(sha256_hex)
    }

    pub fn cookie_change(&self) -> CookieChange {
        self.state().cookie.clone()
    }

    /// This session's hash, starting a guest session first if there is none.
    pub async fn ensure(&self, pool: &AnyPool) -> Result<String, AppError> {
        if let Some(hash) = self.id_hash() {
            return Ok(hash);
        }
        let token = random_token(16);
        let hash = sha256_hex(&token);
        let now = now_seconds();
        sessions::insert(pool, &hash, None, now).await?;
        let mut state = self.state();
        state.token = Some(token.clone());
        state.cookie = CookieChange::Set(token);
        Ok(hash)
    }

    /// Signs `user` in under a new session id (the old one, if any, is ended) and returns
    /// the old session's hash so its guest cart can be merged.
    pub async fn sign_in(
        &self,
        pool: &AnyPool,
        user: SessionUser,
    ) -> Result<Option<String>, AppError> {
        let old = self.id_hash();
        let token = random_token(16);
        let now = now_seconds();
        sessions::insert(pool, &sha256_hex(&token), Some(user.id), now).await?;
        if let Some(old) = &old {
            sessions::delete(pool, old).await?;
        }
        let mut state = self.state();
        state.token = Some(token.clone());
        state.user = Some(user);
        state.cookie = CookieChange::Set(token);
        Ok(old)
    }

    /// Ends this session.
    pub async fn sign_out(&self, pool: &AnyPool) -> Result<(), AppError> {
        if let Some(hash) = self.id_hash() {
            sessions::delete(pool, &hash).await?;
        }
        let mut state = self.state();
        state.token = None;
        state.user = None;
        state.cookie = CookieChange::Clear;
        Ok(())
    }
}

/// Ends every session of a user (log out everywhere, password changed or reset).
pub async fn end_all(pool: &AnyPool, user_id: i64) -> Result<(), sqlx::Error> {
    sessions::delete_all_of(pool, user_id).await
}

/// `Ok(None)` when the session does not exist or has expired (and is then removed);
/// `Ok(Some(None))` for a live guest session.
async fn find(pool: &AnyPool, token: &str) -> Result<Option<Option<SessionUser>>, sqlx::Error> {
    let hash = sha256_hex(token);
    let Some(found) = sessions::find(pool, &hash).await? else {
        return Ok(None);
    };
    let now = now_seconds();
    let (idle, age) = (now - found.last_seen_at, now - found.created_at);
    if idle > IDLE_SECONDS || age > ABSOLUTE_SECONDS || found.locked {
        sessions::delete(pool, &hash).await?;
        return Ok(None);
    }
    if idle > TOUCH_SECONDS {
        sessions::touch(pool, &hash, now).await?;
    }
    Ok(Some(found.user))
}

/// Removes sessions past their idle or absolute limit.
pub async fn purge_expired(pool: &AnyPool) -> Result<u64, sqlx::Error> {
    let now = now_seconds();
    sessions::purge(pool, now - IDLE_SECONDS, now - ABSOLUTE_SECONDS).await
}

/// The session of the request being handled (from the request's extensions).
pub fn current() -> Session {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Session>().cloned())
        .unwrap_or_default()
}

/// The address of the person behind a request, settled once by the server's middleware:
/// the TCP peer, or what a trusted proxy in front of us says the peer was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr(pub std::net::IpAddr);

/// The caller's network address: the middleware's `ClientAddr`, else the TCP peer.
pub fn client_address() -> String {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| {
            let extensions = &parts.extensions;
            extensions
                .get::<ClientAddr>()
                .map(|addr| addr.0)
                .or_else(|| {
                    extensions
                        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                        .map(|info| info.0.ip())
                })
        })
        .map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
}
