//! Catalogue and content pages for anonymous visitors, answered from HTML rendered once
//! and kept in memory: most of a storefront's traffic is strangers reading the same pages.
//!
//! - **What is kept.** A GET for a public page (`middleware::is_public_page`) from a
//!   visitor with no session cookie, answered 200 without touching any session. A refused
//!   form's page (`__err`) and anything that sets a cookie or says `no-store` are not kept,
//!   so nothing personal enters a kept page.
//! - **When it is out of date.** Pages are kept for one catalogue revision and one content
//!   revision (both followed from the database, so a write through any app server moves
//!   them); when either moves, every page is dropped. A render that started under an older
//!   revision is not kept.
//! - **Its script policy.** A kept page is answered to many visitors, so it carries no
//!   nonce: the render's nonce is taken out and the policy names the SHA-256 of each inline
//!   script instead, which allows exactly the scripts the render wrote and nothing else.
//! - **Revalidation.** Each page has an `ETag` made of the revisions and its content; a
//!   browser's `If-None-Match` for it is answered 304.
//! - **Compression.** A kept page is compressed once per encoding a browser asks for
//!   (brotli, gzip), not once per answer.
//! - **Size.** Bounded in bytes (`PAVILION_PAGE_CACHE_MB`), least recently used first out.

use app::backend::session::{self, CookieChange, Session};
use app::backend::{AppState, seller};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use http::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_SECURITY_POLICY,
    CONTENT_TYPE, COOKIE, ETAG, IF_NONE_MATCH, SET_COOKIE, VARY,
};
use http::{HeaderMap, HeaderValue, Method, StatusCode};
use lru::LruCache;
use sha2::{Digest, Sha256};
use std::io::Write as _;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use crate::middleware::{cookie_value, is_public_page, page_path};
use crate::not_found::nonce_of;
use crate::startup::ServerState;

/// Rendered pages, bounded in bytes.
pub struct PageCache {
    pages: Mutex<Pages>,
    budget: usize,
}

struct Pages {
    lru: LruCache<String, Arc<Page>>,
    /// The revision every page held was rendered at.
    revision: Revision,
    bytes: usize,
}

/// What the public pages are rendered from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Revision {
    catalogue: i64,
    /// The content revision and the number of articles published.
    content: (i64, i64),
}

impl Revision {
    /// As this server sees it now.
    pub fn now(state: &AppState) -> Revision {
        Revision {
            catalogue: state.catalogue.get().revision,
            content: state.content.get(),
        }
    }
}

/// One rendered page, ready to answer anyone.
struct Page {
    /// The render's own headers (its type, language …), less the policy and the length.
    headers: HeaderMap,
    policy: HeaderValue,
    etag: HeaderValue,
    body: Bytes,
    /// The body compressed, made when a browser first asks for that encoding.
    brotli: OnceLock<Bytes>,
    gzip: OnceLock<Bytes>,
}

/// How a kept page is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// The best encoding an `Accept-Encoding` header takes (one with `q=0` is refused).
    fn chosen(headers: &HeaderMap) -> Encoding {
        let accepted: Vec<&str> = headers
            .get_all(ACCEPT_ENCODING)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|item| {
                let mut parts = item.split(';').map(str::trim);
                let name = parts.next()?;
                let refused = parts.any(|p| {
                    p.strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                        .is_some_and(|q| q <= 0.0)
                });
                (!refused).then_some(name)
            })
            .collect();
        if accepted.iter().any(|n| n.eq_ignore_ascii_case("br")) {
            Encoding::Brotli
        } else if accepted.iter().any(|n| n.eq_ignore_ascii_case("gzip")) {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }
}

impl PageCache {
    /// A cache of at most `megabytes`; 0 keeps nothing.
    pub fn new(megabytes: usize) -> PageCache {
        PageCache {
            pages: Mutex::new(Pages {
                lru: LruCache::unbounded(),
                revision: Revision::default(),
                bytes: 0,
            }),
            budget: megabytes.saturating_mul(1024 * 1024),
        }
    }

    /// Whether the cache was given no memory (`PAVILION_PAGE_CACHE_MB=0`): then pages are
    /// rendered and answered as for anyone, with no copy made to keep.
    fn keeps_nothing(&self) -> bool {
        self.budget == 0
    }

    fn lock(&self) -> MutexGuard<'_, Pages> {
        self.pages
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn get(&self, key: &str, revision: Revision) -> Option<Arc<Page>> {
        let mut pages = self.lock();
        if pages.revision != revision {
            return None;
        }
        pages.lru.get(key).cloned()
    }

    /// Keeps a page rendered at `revision`; pages of an older revision go.
    fn insert(&self, key: String, revision: Revision, page: Arc<Page>) {
        let size = page.size() + key.len();
        if size > self.budget {
            return;
        }
        let mut pages = self.lock();
        if pages.revision != revision {
            if !newer(revision, pages.revision) {
                return;
            }
            pages.lru.clear();
            pages.bytes = 0;
            pages.revision = revision;
        }
        if let Some(old) = pages.lru.put(key.clone(), page) {
            pages.bytes -= old.size() + key.len();
        }
        pages.bytes += size;
        while pages.bytes > self.budget {
            let Some((key, old)) = pages.lru.pop_lru() else {
                break;
            };
            pages.bytes -= old.size() + key.len();
        }
        metrics::gauge!("pavilion_page_cache_bytes").set(pages.bytes as f64);
    }
}

/// Revisions only move forward (the number of articles published moves either way, but
/// only with the content revision, or up as scheduled articles go live); a render that
/// started before a move is not kept.
fn newer(a: Revision, b: Revision) -> bool {
    a != b && a.catalogue >= b.catalogue && a.content >= b.content
}

/// Answers a public page for an anonymous visitor from the cache, or renders it and keeps
/// it. Every other request goes on untouched. Runs inside `middleware::session`, which
/// has loaded the session (none) and applied the anonymous rate limit.
pub async fn answer(State(state): State<ServerState>, request: Request, next: Next) -> Response {
    let key = match cache_key(&request) {
        Some(key) if !state.page_cache.keeps_nothing() => key,
        _ => return next.run(request).await,
    };
    let head = request.method() == Method::HEAD;
    let if_none_match = request.headers().get(IF_NONE_MATCH).cloned();
    let encoding = Encoding::chosen(request.headers());
    let revision = Revision::now(&state.app);
    if let Some(page) = state.page_cache.get(&key, revision) {
        metrics::counter!("pavilion_page_cache_hits_total").increment(1);
        count_product_view(&state.app, request.uri().path());
        return page.answer(if_none_match.as_ref(), encoding, head);
    }
    metrics::counter!("pavilion_page_cache_misses_total").increment(1);
    let session = request.extensions().get::<Session>().cloned();
    let response = next.run(request).await;
    let untouched = session.is_none_or(|s| matches!(s.cookie_change(), CookieChange::Keep));
    if head || !untouched || !keepable(response.headers(), response.status()) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, crate::middleware::PAGE_LIMIT).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, "a page could not be read to its end");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match Page::from_render(&parts.headers, &bytes, revision) {
        Some(page) => {
            let page = Arc::new(page);
            state.page_cache.insert(key, revision, page.clone());
            page.answer(if_none_match.as_ref(), encoding, false)
        }
        None => Response::from_parts(parts, Body::from(bytes)),
    }
}

/// The key of a request whose answer may be kept: its path and its query in a stable
/// order. `None` for a request that may not be answered from the cache.
fn cache_key(request: &Request) -> Option<String> {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return None;
    }
    if cookie_value(request.headers().get_all(COOKIE).iter(), session::COOKIE).is_some() {
        return None;
    }
    let path = request.uri().path();
    if !is_public_page(path) {
        return None;
    }
    let query = request.uri().query().unwrap_or_default();
    let mut pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if pairs.iter().any(|(k, _)| k == "__err") {
        return None;
    }
    pairs.sort();
    let query: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    Some(if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    })
}

/// Whether a render may be kept: a whole HTML page, the same for everyone.
fn keepable(headers: &HeaderMap, status: StatusCode) -> bool {
    let says = |name, what: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains(what))
    };
    status == StatusCode::OK
        && !headers.contains_key(SET_COOKIE)
        && !says(CACHE_CONTROL, "no-store")
        && !says(CACHE_CONTROL, "private")
        && says(CONTENT_TYPE, "text/html")
}

/// A product page answered from the cache still counts as a view for its seller.
fn count_product_view(state: &AppState, path: &str) {
    let Some((_, "products", mut rest)) = page_path(path) else {
        return;
    };
    if let (Some(slug), None) = (rest.next(), rest.next()) {
        seller::analytics::count_view(&state.catalogue, slug);
    }
}

impl Page {
    /// The page of a render: its nonce taken out, its inline scripts allowed by hash.
    /// `None` when the render is not in the shape expected (then it is not kept).
    fn from_render(headers: &HeaderMap, body: &[u8], revision: Revision) -> Option<Page> {
        let nonce = headers
            .get(CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .and_then(nonce_of)?;
        let html = std::str::from_utf8(body).ok()?;
        // leptos_axum gives the preload links of a page's lazy chunks the nonce as their
        // `crossorigin`, which browsers read as `anonymous` (an unknown value): say so.
        let html = html.replace(&format!(" nonce=\"{nonce}\""), "").replace(
            &format!(" crossorigin=\"{nonce}\""),
            " crossorigin=\"anonymous\"",
        );
        if html.contains(nonce) {
            return None;
        }
        let digests = inline_script_digests(&html);
        let policy = HeaderValue::from_str(&app::page_policy_by_hash(
            digests.iter().map(String::as_str),
        ))
        .ok()?;
        let content = hex_prefix(&Sha256::digest(html.as_bytes()));
        // Weak: the same page goes out in several encodings.
        let etag = HeaderValue::from_str(&format!(
            "W/\"{}.{}.{}-{content}\"",
            revision.catalogue, revision.content.0, revision.content.1
        ))
        .ok()?;
        let mut headers = headers.clone();
        for name in [CONTENT_SECURITY_POLICY, CONTENT_LENGTH, VARY, CACHE_CONTROL] {
            headers.remove(name);
        }
        Some(Page {
            headers,
            policy,
            etag,
            body: exact(html.into_bytes()),
            brotli: OnceLock::new(),
            gzip: OnceLock::new(),
        })
    }

    /// What the page holds in memory: its text, and (once made) its compressed copies,
    /// counted up front at a third of the text.
    fn size(&self) -> usize {
        self.body.len() + self.body.len() / 3 + 1024
    }

    /// The body in an encoding, compressing it the first time.
    fn body_in(&self, encoding: Encoding) -> Bytes {
        let compressed = match encoding {
            Encoding::Identity => return self.body.clone(),
            Encoding::Brotli => self.brotli.get_or_init(|| {
                let mut out = Vec::with_capacity(self.body.len() / 4);
                let params = brotli::enc::BrotliEncoderParams {
                    quality: 6,
                    ..Default::default()
                };
                match brotli::BrotliCompress(&mut &self.body[..], &mut out, &params) {
                    Ok(_) => exact(out),
                    Err(_) => Bytes::new(),
                }
            }),
            Encoding::Gzip => self.gzip.get_or_init(|| {
                let mut encoder = flate2::write::GzEncoder::new(
                    Vec::with_capacity(self.body.len() / 3),
                    flate2::Compression::new(6),
                );
                match encoder
                    .write_all(&self.body)
                    .and_then(|()| encoder.finish())
                {
                    Ok(out) => exact(out),
                    Err(_) => Bytes::new(),
                }
            }),
        };
        compressed.clone()
    }

    fn answer(
        &self,
        if_none_match: Option<&HeaderValue>,
        encoding: Encoding,
        head: bool,
    ) -> Response {
        let unchanged = if_none_match
            .and_then(|v| v.to_str().ok())
            .is_some_and(|tags| matches_etag(tags, &self.etag));
        let mut response = if unchanged {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            let mut body = self.body_in(encoding);
            let mut encoding = encoding;
            if body.is_empty() {
                // Compression failed (it cannot, short of memory): send the text.
                (body, encoding) = (self.body.clone(), Encoding::Identity);
            }
            let length = body.len();
            let mut response = Response::new(if head {
                Body::empty()
            } else {
                Body::from(body)
            });
            let headers = response.headers_mut();
            *headers = self.headers.clone();
            headers.insert(CONTENT_LENGTH, HeaderValue::from(length));
            match encoding {
                Encoding::Brotli => {
                    headers.insert(CONTENT_ENCODING, HeaderValue::from_static("br"));
                }
                Encoding::Gzip => {
                    headers.insert(CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                }
                Encoding::Identity => {}
            }
            response
        };
        let headers = response.headers_mut();
        headers.insert(ETAG, self.etag.clone());
        headers.insert(CONTENT_SECURITY_POLICY, self.policy.clone());
        // Kept by the browser, asked about again each time (then 304 while unchanged).
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        headers.append(VARY, HeaderValue::from_static("accept-encoding"));
        response
    }
}

/// Bytes that hold no more memory than their length. `Bytes::from` keeps a vector's
/// whole allocation, and a page grown by `replace` or a compressor can be twice its length:
/// the cache's byte budget would then be half of what it really holds.
fn exact(bytes: Vec<u8>) -> Bytes {
    Bytes::from(bytes.into_boxed_slice())
}

/// Whether an `If-None-Match` list names this tag (weakly, as the header is compared).
fn matches_etag(tags: &str, etag: &HeaderValue) -> bool {
    let ours = etag.to_str().unwrap_or_default().trim_start_matches("W/");
    tags.split(',')
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == "*" || tag == ours)
}

fn hex_prefix(digest: &[u8]) -> String {
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 (base64) of every script written inline in a page that a browser runs:
/// scripts without `src` whose type is JavaScript (JSON-LD and other data are not run),
/// and with text (leptos_i18n leaves an empty `<script></script>` as a hydration marker).
fn inline_script_digests(html: &str) -> Vec<String> {
    let mut digests = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start + "<script".len()..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body = &after[tag_end + 1..];
        let Some(close) = body.find("</script>") else {
            break;
        };
        if runs_inline(tag) && close > 0 {
            let digest = Sha256::digest(&body.as_bytes()[..close]);
            digests.push(base64::engine::general_purpose::STANDARD.encode(digest));
        }
        rest = &body[close + "</script>".len()..];
    }
    digests
}

/// Whether a `<script …>` tag's attributes make it an inline script that runs.
fn runs_inline(attributes: &str) -> bool {
    let kind = attributes.split_once("type=\"").and_then(|(_, rest)| {
        let (kind, _) = rest.split_once('"')?;
        Some(kind.trim().to_ascii_lowercase())
    });
    let script = match kind.as_deref() {
        None | Some("" | "module" | "text/javascript" | "application/javascript") => true,
        Some(_) => false,
    };
    script && !attributes.contains("src=")
}

#[cfg(test)]
mod tests;
