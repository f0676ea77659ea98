//! Request ids: every request gets one (tower-http's `SetRequestIdLayer`, or a sane id a
//! proxy in front already gave it), every log line written while serving it carries it
//! (the trace span), and every internal error shows it to the person, who can quote it
//! (pages and server functions through `AppError::Internal`, other answers through
//! `explain`).

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::{HeaderName, HeaderValue};

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Whether an id that came with the request is fit to log and show: short, and only
/// letters, digits and `-_.:`. Anything else is dropped and a fresh id is made.
fn acceptable(id: &HeaderValue) -> bool {
    let bytes = id.as_bytes();
    (1..=64).contains(&bytes.len())
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(b))
}

/// Drops an incoming `x-request-id` that is not `acceptable`.
pub async fn screen_incoming(mut request: Request, next: Next) -> Response {
    if let Some(id) = request.headers().get(REQUEST_ID)
        && !acceptable(id)
    {
        request.headers_mut().remove(REQUEST_ID);
    }
    next.run(request).await
}

/// The span every request is served in. The path only: queries can hold tokens.
pub fn span(request: &Request) -> tracing::Span {
    let id = request
        .headers()
        .get(REQUEST_ID)
        .and_then(|id| id.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!(
        "request",
        request_id = %id,
        method = %request.method(),
        path = %request.uri().path()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_short_plain_ids_are_kept() {
        let ok = |s: &str| acceptable(&HeaderValue::from_str(s).expect("a header value"));
        assert!(ok("6f1c2b9e-8d4a-4c1e-9a57-0c2d7e5b1f30"));
        assert!(ok("lb-01:42.7"));
        assert!(!ok(""));
        assert!(!ok(&"a".repeat(65)));
        assert!(!ok("<script>"));
        assert!(!ok("id with spaces"));
    }
}
