use app::backend::form_drafts;
use app::model::form_draft::FormDraft;
use axum::body::Body;
use axum::extract::State;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{ACCEPT, CONTENT_TYPE, LOCATION, SET_COOKIE};
use http::{HeaderValue, Request, StatusCode};
use leptos::prelude::provide_context;

use crate::startup::{FORM_BODY_LIMIT, ServerState};

/// Server functions leptos has no route of its own for (`leptos_routes` gives each
/// registered one its path), with the app state in their context.
pub async fn handle(State(state): State<ServerState>, request: Request<Body>) -> Response {
    let app = state.app.clone();
    leptos_axum::handle_server_fns_with_context(move || provide_context(app.clone()), request)
        .await
        .into_response()
}

/// Keeps what was typed into a refused form. A form posted by a browser without
/// JavaScript, when refused, is sent back to its page with the reason (leptos adds `__err`
/// to the address); what was typed is kept for that page (`form_drafts`).
pub async fn keep_refused_form(
    State(state): State<ServerState>,
    request: Request<Body>,
    next: Next,
) -> Response {
    if !request.uri().path().starts_with("/api/") || !is_plain_form(&request) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, FORM_BODY_LIMIT).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let mut response = next
        .run(Request::from_parts(parts, Body::from(bytes.clone())))
        .await;
    if let Some(page) = refused_page(&response) {
        let draft = FormDraft::keep(form_urlencoded::parse(&bytes).into_owned());
        if !draft.is_empty() {
            remember(&state, &page, &draft, &mut response).await;
        }
    }
    response
}

/// A form the browser submitted itself: URL-encoded, and asking for a page back.
fn is_plain_form(request: &Request<Body>) -> bool {
    let header = |name| {
        request
            .headers()
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
            .unwrap_or_default()
    };
    header(CONTENT_TYPE).starts_with("application/x-www-form-urlencoded")
        && header(ACCEPT).contains("text/html")
}

/// The path of the page a refused form is sent back to.
fn refused_page(response: &Response) -> Option<String> {
    if !response.status().is_redirection() {
        return None;
    }
    let location = response.headers().get(LOCATION)?.to_str().ok()?;
    let uri: http::Uri = location.parse().ok()?;
    let refused = uri
        .query()
        .is_some_and(|q| form_urlencoded::parse(q.as_bytes()).any(|(k, _)| k == "__err"));
    refused.then(|| uri.path().to_owned())
}

pub(crate) async fn remember(
    state: &ServerState,
    page: &str,
    draft: &FormDraft,
    response: &mut Response,
) {
    let token = match form_drafts::save(&state.app.pool, page, draft).await {
        Ok(token) => token,
        Err(error) => {
            tracing::warn!(%error, "a refused form's draft could not be kept");
            return;
        }
    };
    let secure = state.app.site.public_url.starts_with("https://");
    let cookie = format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}",
        form_drafts::COOKIE,
        form_drafts::KEEP_SECONDS,
        if secure { "; Secure" } else { "" }
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(SET_COOKIE, value);
    }
}
