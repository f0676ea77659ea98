use super::*;

fn request(uri: &str, cookie: Option<&str>) -> Request {
    let mut builder = Request::builder().uri(uri);
    if let Some(cookie) = cookie {
        builder = builder.header(COOKIE, cookie);
    }
    builder.body(Body::empty()).expect("a request")
}

#[test]
fn only_anonymous_public_pages_are_kept_under_a_sorted_query() {
    assert_eq!(
        cache_key(&request(
            "/zh/products?sort=price&category=food&page=3",
            None
        ))
        .as_deref(),
        Some("/zh/products?category=food&page=3&sort=price")
    );
    assert_eq!(
        cache_key(&request(
            "/zh/products?page=3&category=food&sort=price",
            None
        )),
        cache_key(&request(
            "/zh/products?sort=price&category=food&page=3",
            None
        ))
    );
    assert_eq!(
        cache_key(&request("/en/products/basmati", Some("lang=zh"))).as_deref(),
        Some("/en/products/basmati")
    );
    assert_eq!(
        cache_key(&request("/en/products/x", Some("pavilion_session=abc"))),
        None
    );
    for private in ["/en/cart", "/zh/account", "/api/products", "/en/seller"] {
        assert_eq!(cache_key(&request(private, None)), None, "{private}");
    }
    assert_eq!(cache_key(&request("/en/products?__err=x", None)), None);
    let post = Request::builder()
        .method(Method::POST)
        .uri("/en/products")
        .body(Body::empty())
        .expect("a request");
    assert_eq!(cache_key(&post), None);
}

#[test]
fn only_inline_scripts_that_run_are_hashed() {
    let html = "<script type=\"module\">go()</script>\
                <script type=\"application/ld+json\">{\"a\":1}</script>\
                <script src=\"/pkg/x.js\"></script><script></script><script>b()</script>";
    let digest = |text: &str| {
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
    };
    assert_eq!(inline_script_digests(html), [digest("go()"), digest("b()")]);
}

fn rendered(nonce: &str) -> (HeaderMap, String) {
    let mut headers = HeaderMap::new();
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_str(&app::page_policy(nonce)).expect("a policy"),
    );
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    let html = format!(
        "<html><head><link rel=\"preload\" href=\"/pkg/chunk.wasm\" crossorigin=\"{nonce}\">\
         <script type=\"module\" nonce=\"{nonce}\">start()</script></head></html>"
    );
    (headers, html)
}

#[test]
fn a_kept_page_carries_no_nonce_and_allows_its_script_by_hash() {
    let (headers, html) = rendered("n0nce123");
    let page = Page::from_render(&headers, html.as_bytes(), Revision::default()).expect("a page");
    let body = String::from_utf8_lossy(&page.body);
    assert!(!body.contains("n0nce123"), "{body}");
    assert!(
        body.contains("href=\"/pkg/chunk.wasm\" crossorigin=\"anonymous\""),
        "{body}"
    );
    let response = page.answer(None, Encoding::Identity, false);
    assert_eq!(response.status(), StatusCode::OK);
    let policy = response.headers()[CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("text");
    assert!(!policy.contains("nonce"), "{policy}");
    let digest = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"start()"));
    assert!(
        policy.contains(&format!("script-src 'sha256-{digest}' 'strict-dynamic'")),
        "{policy}"
    );
}

#[test]
fn a_known_etag_is_answered_304() {
    let (headers, html) = rendered("abc");
    let page = Page::from_render(&headers, html.as_bytes(), Revision::default()).expect("a page");
    let etag = page.etag.clone();
    assert_eq!(
        page.answer(Some(&etag), Encoding::Identity, false).status(),
        StatusCode::NOT_MODIFIED
    );
    let strong = etag
        .to_str()
        .expect("text")
        .trim_start_matches("W/")
        .to_owned();
    let listed = HeaderValue::from_str(&format!("\"x\", {strong}")).expect("a header");
    assert_eq!(
        page.answer(Some(&listed), Encoding::Identity, false)
            .status(),
        StatusCode::NOT_MODIFIED
    );
    let other = HeaderValue::from_static("\"other\"");
    assert_eq!(
        page.answer(Some(&other), Encoding::Identity, false)
            .status(),
        StatusCode::OK
    );
}

#[test]
fn a_kept_page_is_sent_compressed_as_the_browser_asks() {
    let accept = |value: &str| {
        let mut headers = HeaderMap::new();
        headers.insert(
            ACCEPT_ENCODING,
            HeaderValue::from_str(value).expect("a header"),
        );
        Encoding::chosen(&headers)
    };
    assert_eq!(accept("gzip, deflate, br, zstd"), Encoding::Brotli);
    assert_eq!(accept("gzip"), Encoding::Gzip);
    assert_eq!(accept("br;q=0, gzip;q=0.5"), Encoding::Gzip);
    assert_eq!(accept("identity"), Encoding::Identity);
    assert_eq!(Encoding::chosen(&HeaderMap::new()), Encoding::Identity);
    let (headers, html) = rendered("abc");
    let page = Page::from_render(&headers, html.as_bytes(), Revision::default()).expect("a page");
    let response = page.answer(None, Encoding::Brotli, false);
    assert_eq!(response.headers()[CONTENT_ENCODING], "br");
    let sent = page.body_in(Encoding::Brotli);
    let mut text = Vec::new();
    brotli::BrotliDecompress(&mut &sent[..], &mut text).expect("brotli");
    assert_eq!(text, page.body);
    let gzip = page.body_in(Encoding::Gzip);
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gzip[..]), &mut text)
        .expect("gzip");
    assert_eq!(text.as_bytes(), page.body);
    assert!(
        page.answer(None, Encoding::Identity, false)
            .headers()
            .get(CONTENT_ENCODING)
            .is_none()
    );
}

#[test]
fn pages_of_an_older_revision_go_and_the_budget_holds() {
    let cache = PageCache::new(1);
    let (headers, html) = rendered("abc");
    let page = |revision| {
        Arc::new(Page::from_render(&headers, html.as_bytes(), revision).expect("a page"))
    };
    let first = Revision::default();
    let second = Revision {
        catalogue: 2,
        ..first
    };
    cache.insert("/en/a".into(), first, page(first));
    assert!(cache.get("/en/a", first).is_some());
    assert!(cache.get("/en/a", second).is_none());
    cache.insert("/en/b".into(), second, page(second));
    assert!(
        cache.get("/en/a", second).is_none(),
        "dropped with its revision"
    );
    cache.insert("/en/c".into(), first, page(first));
    assert!(
        cache.get("/en/c", first).is_none(),
        "rendered at an older revision"
    );
    for n in 0..2_000 {
        cache.insert(format!("/en/p{n}"), second, page(second));
    }
    assert!(cache.lock().bytes <= 1024 * 1024);
    assert!(cache.get("/en/p1999", second).is_some());
    assert!(
        cache.get("/en/p0", second).is_none(),
        "the least recently used went"
    );
}
