//! Request middleware that is ours (compression, tracing and request ids come from
//! tower-http): the session, and status codes for failed server functions.

use app::backend::session::{self, CookieChange, Session};
use app::error::AppError;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::header::{COOKIE, SET_COOKIE};
use http::{HeaderValue, StatusCode};

use crate::startup::ServerState;

/// Loads the session named by the cookie into the request's extensions (where server
/// functions find it), and sets or clears the cookie when they changed the session.
pub async fn session(
    State(state): State<ServerState>,
    mut request: Request,
    next: Next,
) -> Response {
    let token = cookie_value(request.headers().get_all(COOKIE).iter(), session::COOKIE);
    let session = Session::load(&state.app.pool, token.as_deref()).await;
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
    if let Some(value) = cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        response.headers_mut().append(SET_COOKIE, value);
        // A page that changed the session must not be cached by anyone.
        response.headers_mut().insert(
            http::header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        );
    }
    response
}

fn cookie_value<'a>(headers: impl Iterator<Item = &'a HeaderValue>, name: &str) -> Option<String> {
    headers
        .filter_map(|h| h.to_str().ok())
        .flat_map(|h| h.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// A failed server function answers with the status its error deserves (422 for bad input,
/// 404, 401, 429 ...) instead of server_fn's blanket 500. The body stays the error's code.
pub async fn server_fn_status(request: Request, next: Next) -> Response {
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
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = status_of(&error);
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

fn status_of(error: &AppError) -> StatusCode {
    match error {
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::SignInRequired => StatusCode::UNAUTHORIZED,
        AppError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        AppError::Transport => StatusCode::BAD_REQUEST,
        AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_cookie_is_found_among_others() {
        let headers = [
            HeaderValue::from_static("lang=zh; pavilion_session=abc"),
            HeaderValue::from_static("other=1"),
        ];
        assert_eq!(
            cookie_value(headers.iter(), "pavilion_session"),
            Some("abc".to_owned())
        );
        assert_eq!(cookie_value(headers.iter(), "missing"), None);
    }
}
