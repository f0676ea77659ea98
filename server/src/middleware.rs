//! Request middleware that is ours (compression, tracing and request ids come from
//! tower-http): the client's address and security headers, the session and the anonymous
//! rate limit, and status codes for failed server functions.

use app::backend::form_drafts;
use app::backend::session::{self, ClientAddr, CookieChange, Session};
use app::error::AppError;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{CACHE_CONTROL, COOKIE, SET_COOKIE, VARY};
use http::{HeaderValue, StatusCode};
use std::net::SocketAddr;

use crate::request_id::REQUEST_ID;
use crate::startup::ServerState;
use crate::{client, rate_limit};

/// Loads the session named by the cookie into the request's extensions (where server
/// functions find it), and sets or clears the cookie when they changed the session.
/// Requests without a signed-in user count against their address's rate limit.
pub async fn session(
    State(state): State<ServerState>,
    mut request: Request,
    next: Next,
) -> Response {
    let token = cookie_value(request.headers().get_all(COOKIE).iter(), session::COOKIE);
    let private = token.is_some() || !is_public_page(request.uri().path());
    let session = Session::load(&state.app.pool, token.as_deref()).await;
    if let Some(limit) = &state.rate_limit
        && session.user().is_none()
        && let Some(ClientAddr(client)) = request.extensions().get::<ClientAddr>().copied()
        && let Err(wait) = limit.check(client)
    {
        return rate_limit::too_many_requests(wait, request.headers(), request.uri().path());
    }
    if session.user().is_none()
        && matches!(*request.method(), http::Method::GET | http::Method::HEAD)
        && let Some(lang) = needs_sign_in(request.uri().path())
    {
        return to_sign_in(lang, request.uri());
    }
    request.extensions_mut().insert(session.clone());
    let mut response = next.run(request).await;
    let secure = state.app.site.public_url.starts_with("https://");
    let cookie = match session.cookie_change() {
        CookieChange::Keep => None,
        CookieChange::Set(token) => Some(format!(
            "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}",
            session::COOKIE,
            session::ABSOLUTE_SECONDS,
            if secure { "; Secure" } else { "" }
        )),
        CookieChange::Clear => Some(format!(
            "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}",
            session::COOKIE,
            if secure { "; Secure" } else { "" }
        )),
    };
    let changed = cookie.is_some();
    if let Some(value) = cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        response.headers_mut().append(SET_COOKIE, value);
    }
    // What a session sees, or what changed one, is nobody else's: no shared cache or CDN
    // may keep it. Public pages answer the same to everyone without a session, so a cache
    // may keep those, told that a cookie changes the answer.
    let headers = response.headers_mut();
    if private || changed {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    }
    headers.append(VARY, HeaderValue::from_static("Cookie"));
    response
}

/// Fills a refused form in again: on the page a refused form was sent back to (its address
/// carries `__err`), the draft this browser's cookie names goes into the request for the
/// render (`FormDraft`), and the answer, holding what the visitor typed, is nobody else's.
pub async fn form_draft(
    State(state): State<ServerState>,
    mut request: Request,
    next: Next,
) -> Response {
    let refused = request
        .uri()
        .query()
        .is_some_and(|q| form_urlencoded::parse(q.as_bytes()).any(|(k, _)| k == "__err"));
    let token = cookie_value(
        request.headers().get_all(COOKIE).iter(),
        form_drafts::COOKIE,
    );
    let draft = match token {
        Some(token) if refused && request.method() == http::Method::GET => {
            form_drafts::find(&state.app.pool, &token, request.uri().path()).await
        }
        _ => None,
    };
    let Some(draft) = draft else {
        return next.run(request).await;
    };
    request.extensions_mut().insert(draft);
    let mut response = next.run(request).await;
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
}

/// Catalogue and content pages, the same for every visitor without a session: the home
/// page, listings, products, categories, shops, articles and their sections, the academy,
/// the pavilions and the sellers' welcome page. Everything else (accounts, cart, checkout,
/// orders, payments, seller, editor and console pages, server functions, uploads and
/// exports) answers one visitor.
pub(crate) fn is_public_page(path: &str) -> bool {
    let Some((_, family, mut rest)) = page_path(path) else {
        return false;
    };
    match family {
        "" | "products" | "categories" | "shops" | "articles" | "culture" | "cuisine"
        | "tourism" | "exchange" | "academy" | "pavilions" | "offline" => true,
        "sell" => rest.next().is_none(),
        _ => false,
    }
}

/// A page's path taken apart: its language, the page family (`products`, empty for the home
/// page) and the segments after it. `None` when the path does not start with a language.
pub(crate) fn page_path(path: &str) -> Option<(app::model::Lang, &str, std::str::Split<'_, char>)> {
    let mut segments = path.strip_prefix('/')?.split('/');
    let lang = app::model::Lang::parse(segments.next()?)?;
    let family = segments.next().unwrap_or_default();
    Some((lang, family, segments))
}

/// The pages only a signed-in person has: their account, wishlist and orders, and the
/// seller's, editor's and console's pages. The language of such a path, if it is one.
/// (A guest's own order, `/orders/{number}`, opens with its link and stays open.)
fn needs_sign_in(path: &str) -> Option<app::model::Lang> {
    let (lang, family, segments) = page_path(path)?;
    let rest: Vec<&str> = segments.filter(|s| !s.is_empty()).collect();
    let private = matches!(
        (family, rest.as_slice()),
        ("account", [] | ["wishlist"])
            | ("orders", [])
            | ("sell", ["apply" | "status"])
            | ("seller" | "admin" | "editor", _)
    );
    private.then_some(lang)
}

/// A 303 to the sign-in page, which comes back here afterwards.
fn to_sign_in(lang: app::model::Lang, uri: &http::Uri) -> Response {
    let here = uri
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or_else(|| uri.path());
    let location = format!(
        "/{}/account/login?next={}",
        lang.code(),
        form_urlencoded::byte_serialize(here.as_bytes()).collect::<String>()
    );
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(http::header::LOCATION, value);
    }
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
}

pub(crate) fn cookie_value<'a>(
    headers: impl Iterator<Item = &'a HeaderValue>,
    name: &str,
) -> Option<String> {
    headers
        .filter_map(|h| h.to_str().ok())
        .flat_map(|h| h.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// The largest page or server-function answer; the biggest pages are a few hundred kB.
pub(crate) const PAGE_LIMIT: usize = 16 * 1024 * 1024;

/// Screens a server function's form fields and query before it runs: a control character
/// (a NUL byte, say) that no keyboard types is refused with a translated 422, on both
/// engines alike (PostgreSQL could not even store a NUL). Tabs and line breaks pass.
pub async fn refuse_control_characters(request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, crate::startup::FORM_BODY_LIMIT).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let is_form = parts
        .headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let query = parts.uri.query().unwrap_or_default().as_bytes();
    if has_control_character(query) || (is_form && has_control_character(&bytes)) {
        let error = AppError::Invalid(app::error::Problem::ControlCharacter);
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            [(http::header::CONTENT_TYPE, "application/json")],
            serde_json::to_string(&error).unwrap_or_default(),
        )
            .into_response();
    }
    next.run(Request::from_parts(parts, axum::body::Body::from(bytes)))
        .await
}

/// Whether a URL-encoded form or query holds, in a name or a value, a control character
/// other than the tab and line breaks a textarea sends.
fn has_control_character(encoded: &[u8]) -> bool {
    form_urlencoded::parse(encoded)
        .any(|(name, value)| holds_control_character(&name) || holds_control_character(&value))
}

/// Whether text holds a control character other than the tab and line breaks.
pub(crate) fn holds_control_character(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// A failed server function answers with the status its error deserves (422 for bad input,
/// 404, 401, 429 ...) instead of server_fn's blanket 500. The body stays the error's code;
/// an internal error made where the request was out of sight (a blocking task) gets the
/// request id as its reference here.
pub async fn server_fn_status(request: Request, next: Next) -> Response {
    let request_id = request.headers().get(REQUEST_ID).cloned();
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key("serverfnerror")
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        parts.headers.remove(http::header::CONTENT_LENGTH);
        return Response::from_parts(parts, axum::body::Body::empty());
    };
    let Ok(mut error) = serde_json::from_slice::<AppError>(&bytes) else {
        return Response::from_parts(parts, axum::body::Body::from(bytes));
    };
    parts.status = status_of(&error);
    if let AppError::Internal { reference } = &mut error
        && reference.is_none()
        && let Some(id) = request_id.as_ref().and_then(|id| id.to_str().ok())
    {
        *reference = Some(id.to_owned());
        if let Ok(body) = serde_json::to_vec(&error) {
            parts.headers.remove(http::header::CONTENT_LENGTH);
            return Response::from_parts(parts, axum::body::Body::from(body));
        }
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

pub(crate) fn status_of(error: &AppError) -> StatusCode {
    match error {
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::SignInRequired => StatusCode::UNAUTHORIZED,
        AppError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        AppError::Transport => StatusCode::BAD_REQUEST,
        AppError::Internal { .. } => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Settles the client's address (`ClientAddr`, for the rate limit and sign-in throttling),
/// refuses state-changing requests that a browser sent from another site (`Sec-Fetch-Site:
/// cross-site`, or an `Origin` that is neither this host nor the public origin), and adds
/// the security headers every response carries.
pub async fn security(
    State(state): State<ServerState>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(peer)| peer.ip());
    if let Some(peer) = peer {
        let addr = client::client_addr(peer, request.headers(), &state.trusted_proxies);
        request.extensions_mut().insert(ClientAddr(addr));
    }
    let safe_method = matches!(
        *request.method(),
        http::Method::GET | http::Method::HEAD | http::Method::OPTIONS
    );
    if !safe_method && is_cross_site(request.headers(), &state.app.site.public_url) {
        tracing::warn!(path = %request.uri().path(), "cross-site request refused");
        let mut refused = (StatusCode::FORBIDDEN, "cross-site request refused").into_response();
        add_security_headers(refused.headers_mut(), &state.app.site.public_url);
        return refused;
    }
    let mut response = next.run(request).await;
    add_security_headers(response.headers_mut(), &state.app.site.public_url);
    response
}

fn is_cross_site(headers: &http::HeaderMap, public_url: &str) -> bool {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if header("sec-fetch-site") == Some("cross-site") {
        return true;
    }
    let Some(origin) = header("origin") else {
        // Browsers send Origin with every cross-origin POST; without it, the caller is not
        // a page of another site (a server, a form of ours in an old browser, a test).
        return false;
    };
    let host = header("host").unwrap_or_default();
    let ours = [
        format!("http://{host}"),
        format!("https://{host}"),
        public_url.trim_end_matches('/').to_owned(),
    ];
    !ours.iter().any(|o| o == origin)
}

fn add_security_headers(headers: &mut http::HeaderMap, public_url: &str) {
    use http::header::{
        CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY,
        X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
    };
    let set = |headers: &mut http::HeaderMap, name, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(headers, X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, REFERRER_POLICY, "strict-origin-when-cross-origin");
    set(headers, X_FRAME_OPTIONS, "DENY");
    set(
        headers,
        http::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), usb=()",
    );
    // Pages set their own policy, with the nonce of their scripts (`app::shell`). Anything
    // else (files, JSON, errors in plain text) may load nothing, run nothing and be framed
    // by no one; the policy of a script, style or picture file does not govern the page
    // that loads it.
    if !headers.contains_key(CONTENT_SECURITY_POLICY) {
        set(
            headers,
            CONTENT_SECURITY_POLICY,
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        );
    }
    if public_url.starts_with("https://") {
        set(
            headers,
            STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        );
    }
}

#[cfg(test)]
mod tests;
