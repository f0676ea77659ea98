//! Every error answer (4xx or 5xx) that a plain handler or a layer gives without a body of
//! its own (a missing session, an upload too large, a failed download, a timeout, a panic)
//! gets a short one in the visitor's language: a small page for a browser, JSON for a
//! server function's caller, plain text otherwise. A server error carries the request id,
//! which the person can quote. Pages and server functions write their own bodies.

use app::backend::xml::escape;
use app::error::{back_home_text, internal_error_text, refusal_text};
use app::i18n::Locale;
use app::model::Lang;
use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{ACCEPT, CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderValue, StatusCode};
use std::any::Any;

use crate::handlers::language;
use crate::request_id::REQUEST_ID;

/// What the caller reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reader {
    Browser,
    ServerFunction,
    Other,
}

impl Reader {
    fn of(request: &Request) -> Reader {
        let accept = request
            .headers()
            .get(ACCEPT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        if request.uri().path().starts_with("/api/") || accept.contains("application/json") {
            Reader::ServerFunction
        } else if accept.contains("text/html") {
            Reader::Browser
        } else {
            Reader::Other
        }
    }
}

/// A panic while serving a request becomes a bare 500 (which `explain` fills in), logged
/// in the request's span.
pub fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    tracing::error!(panic = %message, "a request handler panicked");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// The layer: reads the request's language, reader and id once, and fills in the body of an
/// error answer that has none.
pub async fn explain(request: Request, next: Next) -> Response {
    let lang = language::preferred(request.headers());
    let reader = Reader::of(&request);
    let id = request.headers().get(REQUEST_ID).cloned();
    let mut response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error())
        || response.headers().contains_key(CONTENT_TYPE)
    {
        return response;
    }
    let reference = id.as_ref().and_then(|id| id.to_str().ok());
    let (content_type, body) = body(reader, lang, status, reference);
    let headers = response.headers_mut();
    headers.remove(CONTENT_LENGTH);
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    *response.body_mut() = Body::from(body);
    response
}

/// What went wrong, in `lang`: the internal-error sentence with its reference for a server
/// error, else why the request was refused.
fn text(lang: Lang, status: StatusCode, reference: Option<&str>) -> String {
    match reference {
        Some(reference) if status.is_server_error() => internal_error_text(lang, reference),
        _ => refusal_text(Locale::from(lang), status.as_u16()),
    }
}

fn body(
    reader: Reader,
    lang: Lang,
    status: StatusCode,
    reference: Option<&str>,
) -> (&'static str, String) {
    let text = text(lang, status, reference);
    match reader {
        Reader::ServerFunction => (
            "application/json",
            serde_json::json!({ "error": text.trim_end() }).to_string(),
        ),
        Reader::Other => (
            "text/plain; charset=utf-8",
            format!("{}\n", text.trim_end()),
        ),
        Reader::Browser => {
            let title = escape(text.lines().next().unwrap_or_default());
            let paragraphs: String = text
                .lines()
                .map(|line| format!("<p>{}</p>", escape(line)))
                .collect();
            let home = escape(&back_home_text(Locale::from(lang)));
            let page = format!(
                "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
                 <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
                 <title>{title}</title></head><body>{paragraphs}\
                 <p><a href=\"/{}/\">{home}</a></p></body></html>",
                lang.html_tag(),
                lang.code()
            );
            ("text/html; charset=utf-8", page)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_reader_gets_the_refusal_in_its_language_and_form() {
        let (kind, page) = body(
            Reader::Browser,
            Lang::Zh,
            StatusCode::PAYLOAD_TOO_LARGE,
            None,
        );
        assert_eq!(kind, "text/html; charset=utf-8");
        assert!(
            page.contains("lang=\"zh-CN\"") && page.contains("内容太大"),
            "{page}"
        );
        assert!(
            page.contains("href=\"/zh/\"") && page.contains("返回首页"),
            "{page}"
        );
        let (kind, json) = body(
            Reader::ServerFunction,
            Lang::En,
            StatusCode::FORBIDDEN,
            Some("r-1"),
        );
        assert_eq!(kind, "application/json");
        assert_eq!(json, r#"{"error":"You are not allowed to do that."}"#);
        let (_, text) = body(Reader::Other, Lang::En, StatusCode::UNAUTHORIZED, None);
        assert_eq!(text, "Please sign in to do that.\n");
    }

    #[test]
    fn a_server_error_carries_its_reference_in_every_form() {
        let failed = StatusCode::SERVICE_UNAVAILABLE;
        let (_, page) = body(Reader::Browser, Lang::Zh, failed, Some("req-9"));
        assert!(
            page.contains("<p>我们这边出了点问题") && page.contains("req-9"),
            "{page}"
        );
        let (_, json) = body(Reader::ServerFunction, Lang::En, failed, Some("req-9"));
        let json: serde_json::Value = serde_json::from_str(&json).expect("json");
        assert!(
            json["error"].as_str().is_some_and(|e| e.contains("req-9")),
            "{json}"
        );
        let (kind, text) = body(Reader::Other, Lang::En, failed, Some("req-9"));
        assert_eq!(kind, "text/plain; charset=utf-8");
        assert!(
            text.contains("Reference for support") && text.ends_with("req-9\n"),
            "{text}"
        );
    }
}
