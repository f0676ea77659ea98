//! The not-found page for anonymous visitors, from a copy rendered once per language
//! instead of a full render per request: scanners and floods ask for thousands of paths
//! that exist nowhere, and each used to cost as much as a real page.
//!
//! The copy is the app's own not-found page, rendered at a placeholder path. The two
//! things in it that belong to one request are filled in for each answer: the script
//! nonce (and the policy naming it) and the path, which only the language switch's link
//! carries (the page names no canonical URL). A visitor with a session still gets a full
//! render, which shows them signed in.

use app::backend::session;
use app::model::Lang;
use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, COOKIE, SET_COOKIE, VARY,
};
use http::{HeaderValue, Method, StatusCode, Uri};
use tokio::sync::OnceCell;

use crate::middleware::cookie_value;
use crate::startup::ServerState;

/// The rendered copies: `/en/…`, `/zh/…`, and paths with no language (in the default one).
#[derive(Default)]
pub struct NotFoundPages {
    en: OnceCell<Template>,
    zh: OnceCell<Template>,
    no_language: OnceCell<Template>,
}

/// A rendered page cut where the nonce and the placeholder were.
struct Template {
    /// Text, then a hole, then text …; each hole says what fills it.
    pieces: Vec<(String, Hole)>,
}

#[derive(Clone, Copy)]
enum Hole {
    Nonce,
    Path,
    End,
}

/// Unreserved characters only, so every encoding in the page writes it unchanged.
const PLACEHOLDER: &str = "pavilion-not-found-7c4e2a";

/// Answers a page route's request for a path that is no page, from a visitor without a
/// session, with the rendered copy. Everything else goes on to the full render.
pub async fn answer_from_copy(
    State(state): State<ServerState>,
    matched: Option<MatchedPath>,
    request: Request,
    next: Next,
) -> Response {
    let Some(kind) = unknown_page(matched.as_ref().map(MatchedPath::as_str), request.uri()) else {
        return next.run(request).await;
    };
    let anonymous =
        cookie_value(request.headers().get_all(COOKIE).iter(), session::COOKIE).is_none();
    let rest = kind.rest(request.uri());
    let Some(rest) =
        rest.filter(|_| anonymous && matches!(*request.method(), Method::GET | Method::HEAD))
    else {
        return next.run(request).await;
    };
    let head = request.method() == Method::HEAD;
    let cell = state.not_found.cell(kind.lang);
    let template = cell
        .get_or_try_init(|| render(kind.lang_segment(), request, next))
        .await;
    match template {
        Ok(template) => template.answer(&rest, head),
        Err(response) => response,
    }
}

impl NotFoundPages {
    fn cell(&self, lang: Option<Lang>) -> &OnceCell<Template> {
        match lang {
            Some(Lang::En) => &self.en,
            Some(Lang::Zh) => &self.zh,
            None => &self.no_language,
        }
    }
}

/// A path no page has: its language, if it starts with one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Unknown {
    lang: Option<Lang>,
}

impl Unknown {
    /// The placeholder path's first part: `/en/` or `/` (no language).
    fn lang_segment(self) -> String {
        match self.lang {
            Some(lang) => format!("/{}/", lang.code()),
            None => "/".to_owned(),
        }
    }

    /// What the language switch keeps of the path: after the language, or all of it when
    /// there is none (as `Lang::localize_path` does), with the query; both as the app's
    /// router reads them (the `url` crate's form). `None` when that form is another path
    /// (dot segments, say): then the app may not find it missing at all.
    fn rest(self, uri: &Uri) -> Option<String> {
        let base = url::Url::parse("http://pavilion.invalid").ok()?;
        let url = url::Url::options()
            .base_url(Some(&base))
            .parse(uri.path_and_query()?.as_str())
            .ok()?;
        if url.path() != uri.path() {
            return None;
        }
        let path = url.path().trim_start_matches('/');
        let rest = match self.lang {
            Some(_) => path.split_once('/').map(|(_, rest)| rest).unwrap_or(""),
            None => path,
        };
        Some(match url.query() {
            Some(query) if !query.is_empty() => format!("{rest}?{query}"),
            _ => rest.to_owned(),
        })
    }
}

/// Whether a page route matched a path that is no page: the first segment is no language,
/// or only the catch-all route took it.
fn unknown_page(matched: Option<&str>, uri: &Uri) -> Option<Unknown> {
    let matched = matched?;
    if !matched.starts_with("/{lang}") {
        return None;
    }
    let first = uri.path().trim_start_matches('/').split('/').next()?;
    match Lang::parse(first) {
        None => Some(Unknown { lang: None }),
        Some(lang) if matched.ends_with("{*any}") => Some(Unknown { lang: Some(lang) }),
        Some(_) => None,
    }
}

/// Renders the not-found page at the placeholder path through the rest of the stack (the
/// app, without a session), and cuts it into a template. A render that is not the plain
/// 404 expected is answered as it is and not kept.
async fn render(lang_segment: String, request: Request, next: Next) -> Result<Template, Response> {
    let (mut parts, _) = request.into_parts();
    parts.method = Method::GET;
    parts.headers.remove(COOKIE);
    parts.uri = match Uri::try_from(format!("{lang_segment}{PLACEHOLDER}")) {
        Ok(uri) => uri,
        Err(_) => return Err(StatusCode::NOT_FOUND.into_response()),
    };
    let response = next.run(Request::from_parts(parts, Body::empty())).await;
    let nonce = response
        .headers()
        .get(CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .and_then(nonce_of)
        .map(str::to_owned);
    let usable = response.status() == StatusCode::NOT_FOUND
        && !response.headers().contains_key(SET_COOKIE)
        && nonce.is_some();
    if !usable {
        tracing::error!(status = %response.status(), "the not-found page could not be kept");
        return Err(response);
    }
    let (_, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 1024 * 1024).await else {
        return Err(StatusCode::NOT_FOUND.into_response());
    };
    let html = String::from_utf8_lossy(&bytes);
    Ok(Template::cut(&html, nonce.as_deref().unwrap_or_default()))
}

/// The nonce a page policy names (`script-src 'nonce-…'`).
pub(crate) fn nonce_of(policy: &str) -> Option<&str> {
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let end = policy[start..].find('\'')?;
    Some(&policy[start..start + end]).filter(|n| !n.is_empty())
}

impl Template {
    fn cut(html: &str, nonce: &str) -> Template {
        let mut pieces = Vec::new();
        let mut text = html;
        loop {
            let next_nonce = text.find(nonce).map(|i| (i, nonce.len(), Hole::Nonce));
            let next_path = text
                .find(PLACEHOLDER)
                .map(|i| (i, PLACEHOLDER.len(), Hole::Path));
            let next = match (next_nonce, next_path) {
                (Some(a), Some(b)) => Some(if a.0 < b.0 { a } else { b }),
                (a, b) => a.or(b),
            };
            let Some((at, len, hole)) = next else {
                pieces.push((text.to_owned(), Hole::End));
                return Template { pieces };
            };
            pieces.push((text[..at].to_owned(), hole));
            text = &text[at + len..];
        }
    }

    fn answer(&self, rest: &str, head: bool) -> Response {
        let nonce = app::backend::crypto::random_token(16);
        let html = self.fill(&nonce, &app::model::url::encode_path_value(rest));
        let mut response = if head {
            Response::new(Body::empty())
        } else {
            Response::new(Body::from(html))
        };
        *response.status_mut() = StatusCode::NOT_FOUND;
        let headers = response.headers_mut();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        if let Ok(policy) = HeaderValue::from_str(&app::page_policy(&nonce)) {
            headers.insert(CONTENT_SECURITY_POLICY, policy);
        }
        // As the full render would answer: not a public page, and a cookie changes it.
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
        headers.insert(VARY, HeaderValue::from_static("Cookie"));
        response
    }

    fn fill(&self, nonce: &str, path: &str) -> String {
        let mut html =
            String::with_capacity(self.pieces.iter().map(|(t, _)| t.len()).sum::<usize>() + 256);
        for (text, hole) in &self.pieces {
            html.push_str(text);
            match hole {
                Hole::Nonce => html.push_str(nonce),
                Hole::Path => html.push_str(path),
                Hole::End => {}
            }
        }
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(text: &str) -> Uri {
        text.parse().expect("a uri")
    }

    #[test]
    fn only_paths_no_page_has_are_unknown() {
        let any = Some("/{lang}/{*any}");
        let lang = Some("/{lang}");
        assert_eq!(
            unknown_page(lang, &uri("/bhdvbjey9j")),
            Some(Unknown { lang: None })
        );
        assert_eq!(
            unknown_page(any, &uri("/en/nothing/here")),
            Some(Unknown {
                lang: Some(Lang::En)
            })
        );
        assert_eq!(
            unknown_page(Some("/{lang}/products"), &uri("/xx/products")),
            Some(Unknown { lang: None })
        );
        assert_eq!(unknown_page(lang, &uri("/zh")), None, "the home page");
        assert_eq!(
            unknown_page(Some("/{lang}/products"), &uri("/zh/products")),
            None
        );
        assert_eq!(unknown_page(Some("/api/{*fn_name}"), &uri("/api/x")), None);
        assert_eq!(unknown_page(None, &uri("/x")), None);
    }

    #[test]
    fn the_rest_of_the_path_is_what_the_language_switch_keeps() {
        let en = Unknown {
            lang: Some(Lang::En),
        };
        let none = Unknown { lang: None };
        assert_eq!(en.rest(&uri("/en/a/b?q=1")).as_deref(), Some("a/b?q=1"));
        assert_eq!(none.rest(&uri("/xx/a")).as_deref(), Some("xx/a"));
        assert_eq!(none.rest(&uri("/xx?")).as_deref(), Some("xx"));
        assert_eq!(
            en.rest(&uri("/en/a/../b")),
            None,
            "not the path the app sees"
        );
        // The switch's link as the full render writes it, from the copy's placeholder.
        for (kind, path) in [(en, "/en/a/b?q=1"), (none, "/xx/a")] {
            let from_copy = format!(
                "/{}/{}",
                Lang::Zh.code(),
                app::model::url::encode_path_value(&kind.rest(&uri(path)).expect("plain"))
            );
            let (p, q) = path.split_once('?').unwrap_or((path, ""));
            let full = Lang::Zh.localize_path(p);
            let full = if q.is_empty() {
                full
            } else {
                format!("{full}?{q}")
            };
            assert_eq!(from_copy, app::model::url::encode_path_value(&full));
        }
    }

    #[test]
    fn a_template_fills_every_nonce_and_path() {
        let html = "<script nonce=\"N0NCE\">x</script><a href=\"/switch?to=/zh/pavilion-not-found-7c4e2a\">\
                    <script nonce=\"N0NCE\"></script>";
        let template = Template::cut(html, "N0NCE");
        assert_eq!(template.pieces.len(), 4);
        assert_eq!(
            template.fill("fresh", "a/b"),
            "<script nonce=\"fresh\">x</script><a href=\"/switch?to=/zh/a/b\">\
             <script nonce=\"fresh\"></script>"
        );
        let response = template.answer("a/b", false);
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let policy = response.headers()[CONTENT_SECURITY_POLICY]
            .to_str()
            .expect("text")
            .to_owned();
        let nonce = nonce_of(&policy).expect("a nonce").to_owned();
        assert_ne!(nonce, "N0NCE");
        assert_eq!(
            nonce_of("script-src 'nonce-abc' 'strict-dynamic'"),
            Some("abc")
        );
        assert_eq!(nonce_of("default-src 'none'"), None);
    }
}
