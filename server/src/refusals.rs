//! A refusal (4xx) that a plain handler or a layer answers without a body of its own gets a
//! short one in the visitor's language: a small page for a browser, JSON for a server
//! function's caller, plain text otherwise. Pages and server functions write their own.

use app::backend::xml::escape;
use app::error::{back_home_text, refusal_text};
use app::i18n::Locale;
use app::model::Lang;
use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::header::{ACCEPT, CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderValue, StatusCode};

use crate::handlers::language;

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

pub async fn explain(request: Request, next: Next) -> Response {
    let lang = language::preferred(request.headers());
    let reader = Reader::of(&request);
    let mut response = next.run(request).await;
    if !response.status().is_client_error() || response.headers().contains_key(CONTENT_TYPE) {
        return response;
    }
    let (content_type, body) = body(reader, lang, response.status());
    let headers = response.headers_mut();
    headers.remove(CONTENT_LENGTH);
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    *response.body_mut() = Body::from(body);
    response
}

fn body(reader: Reader, lang: Lang, status: StatusCode) -> (&'static str, String) {
    let locale = Locale::from(lang);
    let text = refusal_text(locale, status.as_u16());
    match reader {
        Reader::ServerFunction => (
            "application/json",
            serde_json::json!({ "error": text }).to_string(),
        ),
        Reader::Other => ("text/plain; charset=utf-8", format!("{text}\n")),
        Reader::Browser => {
            let text = escape(&text);
            let home = escape(&back_home_text(locale));
            let page = format!(
                "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
                 <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
                 <title>{text}</title></head><body><p>{text}</p>\
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
        let (kind, page) = body(Reader::Browser, Lang::Zh, StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(kind, "text/html; charset=utf-8");
        assert!(
            page.contains("lang=\"zh-CN\"") && page.contains("内容太大"),
            "{page}"
        );
        assert!(
            page.contains("href=\"/zh/\"") && page.contains("返回首页"),
            "{page}"
        );
        let (kind, json) = body(Reader::ServerFunction, Lang::En, StatusCode::FORBIDDEN);
        assert_eq!(kind, "application/json");
        assert_eq!(json, r#"{"error":"You are not allowed to do that."}"#);
        let (_, text) = body(Reader::Other, Lang::En, StatusCode::UNAUTHORIZED);
        assert_eq!(text, "Please sign in to do that.\n");
    }
}
