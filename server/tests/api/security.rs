//! Platform-wide protections: security headers on every response, a script nonce in every
//! page's policy, state-changing requests from other sites refused, and a budget of
//! anonymous requests per address.

use std::collections::HashSet;

use app::error::AppError;

use crate::helpers::{Engine, spawn_app_with};
use crate::shopper::{Shopper, scalar_i64};
use crate::{both, both_with};

/// What every response that is not a page carries.
const STRICT_POLICY: &str =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

both!(every_response_carries_the_security_headers, |app| {
    app.seed_demo().await;
    for path in ["/zh/", "/favicon.svg", "/zh/no-such-page", "/healthz"] {
        let response = app.get(path).await;
        let headers = response.headers();
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        assert!(
            headers["content-security-policy"]
                .to_str()
                .expect("ascii")
                .contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert!(
            headers.contains_key("referrer-policy") && headers.contains_key("permissions-policy"),
            "{path}"
        );
        // The test server's public URL is https: browsers are told to stay on https.
        assert!(headers.contains_key("strict-transport-security"), "{path}");
    }
});

both!(
    a_post_from_another_site_is_refused_and_changes_nothing,
    |app| {
        app.seed_demo().await;
        let form = [("lang", "En"), ("sku", "GBM-SK-1KG"), ("quantity", "1")];
        let post = |origin: Option<&'static str>, fetch_site: Option<&'static str>| {
            let mut request = app.client.post(app.url("/api/add_to_cart")).form(&form);
            if let Some(origin) = origin {
                request = request.header("origin", origin);
            }
            if let Some(site) = fetch_site {
                request = request.header("sec-fetch-site", site);
            }
            request.send()
        };
        let evil = post(Some("https://evil.example"), None)
            .await
            .expect("sent");
        assert_eq!(evil.status(), 403);
        let cross = post(None, Some("cross-site")).await.expect("sent");
        assert_eq!(cross.status(), 403);
        assert_eq!(
            scalar_i64(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM cart_lines").await,
            0
        );
        // The same request from the site itself goes through.
        let own_origin: &'static str = Box::leak(format!("http://{}", app.addr).into_boxed_str());
        let ours = post(Some(own_origin), Some("same-origin"))
            .await
            .expect("sent");
        assert!(
            ours.status().is_success() || ours.status().is_redirection(),
            "{}",
            ours.status()
        );
        assert_eq!(
            scalar_i64(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM cart_lines").await,
            1
        );
    }
);

both!(an_oversized_form_gets_413_and_the_server_stays_up, |app| {
    app.seed_demo().await;
    let huge = "x".repeat(200 * 1024);
    let form = [("email", huge.as_str())];
    let response = app
        .client
        .post(app.url("/api/request_password_reset"))
        .form(&form)
        .send()
        .await;
    match response {
        Ok(response) => assert_eq!(response.status(), 413),
        Err(error) => assert!(error.is_request() || error.is_body(), "{error}"),
    }
    // The server closes a connection whose body it refused, so ask on a new one.
    let fresh = reqwest::Client::new();
    let health = fresh
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("server still up");
    assert_eq!(health.status(), 200);
    assert_eq!(
        scalar_i64(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM auth_attempts").await,
        0
    );
});

/// The `'nonce-…'` a page's policy names.
fn policy_nonce(policy: &str) -> Option<&str> {
    policy
        .split(';')
        .map(str::trim)
        .find_map(|directive| directive.strip_prefix("script-src "))?
        .split_whitespace()
        .find_map(|source| source.strip_prefix("'nonce-")?.strip_suffix('\''))
}

/// Every `<script …>` opening tag of a page with what it encloses.
fn scripts(html: &str) -> Vec<(&str, &str)> {
    html.match_indices("<script")
        .filter_map(|(start, _)| {
            let open_end = start + html[start..].find('>')? + 1;
            let close = open_end + html[open_end..].find("</script>")?;
            Some((&html[start..open_end], &html[open_end..close]))
        })
        .collect()
}

/// The `'sha256-…'` digests a page's policy names.
fn policy_digests(policy: &str) -> Vec<&str> {
    policy
        .split(';')
        .map(str::trim)
        .find_map(|directive| directive.strip_prefix("script-src "))
        .map(|sources| {
            sources
                .split_whitespace()
                .filter_map(|source| source.strip_prefix("'sha256-")?.strip_suffix('\''))
                .collect()
        })
        .unwrap_or_default()
}

/// The scripts of a page that a browser runs: inline, JavaScript, with text. (JSON-LD is
/// data, never run; leptos_i18n leaves an empty `<script></script>` as a hydration marker,
/// and a browser neither runs nor checks an inline script without text.)
fn running_scripts(html: &str) -> Vec<(&str, &str)> {
    scripts(html)
        .into_iter()
        .filter(|(tag, body)| !tag.contains("type=\"application/ld+json\"") && !body.is_empty())
        .collect()
}

both!(pages_run_only_scripts_carrying_their_own_nonce, |app| {
    app.seed_demo().await;
    let mut nonces = HashSet::new();
    // Pages that answer one visitor: signed in, or not found.
    let visitor = Shopper::new(&app);
    visitor
        .register("policy@example.cn", "Policy", "green tea in kashgar")
        .await
        .ok();
    let cookie = format!(
        "pavilion_session={}",
        visitor.session_token().expect("signed in")
    );
    for (path, cookie, status) in [
        ("/en/", Some(cookie.as_str()), 200),
        ("/zh/products", Some(cookie.as_str()), 200),
        ("/zh/no-such-page", None, 404),
        ("/no/such/thing", None, 404),
    ] {
        let mut request = app.client.get(app.url(path));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let response = request.send().await.expect("sent");
        assert_eq!(response.status(), status, "{path}");
        let policy = response.headers()["content-security-policy"]
            .to_str()
            .expect("ascii")
            .to_owned();
        assert!(
            policy.starts_with("default-src 'self'; script-src 'nonce-"),
            "{path}: {policy}"
        );
        let nonce = policy_nonce(&policy).expect("a nonce").to_owned();
        assert!(nonce.len() >= 22, "128 random bits at least: {nonce}");
        let html = response.text().await.expect("body");
        assert!(
            scripts(&html)
                .iter()
                .any(|(tag, _)| tag.contains("type=\"module\"")),
            "{path}: the hydration script is on the page"
        );
        for (tag, _) in running_scripts(&html) {
            assert!(
                tag.contains(&format!("nonce=\"{nonce}\"")),
                "{path}: {tag} lacks the nonce {nonce}"
            );
        }
        assert!(
            nonces.insert(nonce),
            "every response has a nonce of its own"
        );
    }
});

both!(a_kept_page_runs_only_its_own_scripts_named_by_hash, |app| {
    app.seed_demo().await;
    let slug: String = sqlx::query_scalar("SELECT slug FROM products ORDER BY id LIMIT 1")
        .fetch_one(&app.pool)
        .await
        .expect("a product");
    let product = format!("/zh/products/{slug}");
    let mut structured_data = 0;
    for path in ["/en/", "/zh/products?page=1", product.as_str()] {
        // Rendered and kept, then answered from the cache: both carry the same policy.
        let first = app.get(path).await;
        let kept = app.get(path).await;
        assert_eq!(kept.status(), 200, "{path}");
        let policy = |r: &reqwest::Response| {
            r.headers()["content-security-policy"]
                .to_str()
                .expect("ascii")
                .to_owned()
        };
        let policy_now = policy(&kept);
        assert_eq!(policy(&first), policy_now, "{path}");
        assert!(!policy_now.contains("nonce"), "{path}: {policy_now}");
        let script_src = policy_now
            .split("; ")
            .find_map(|d| d.strip_prefix("script-src "))
            .expect("a script-src");
        assert!(
            script_src
                .split(' ')
                .all(|source| source.starts_with("'sha256-")
                    || source == "'strict-dynamic'"
                    || source == "'wasm-unsafe-eval'"),
            "{path}: {script_src}"
        );
        let html = kept.text().await.expect("body");
        assert!(!html.contains("nonce="), "{path}: no one's nonce is kept");
        structured_data += html.matches("application/ld+json").count();
        let running = running_scripts(&html);
        assert!(
            running
                .iter()
                .any(|(tag, body)| tag.contains("type=\"module\"") && body.contains("hydrate")),
            "{path}: the hydration script is on the page"
        );
        let mut digests: Vec<String> = running
            .iter()
            .map(|(_, body)| {
                use base64::Engine as _;
                use sha2::Digest as _;
                base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(body))
            })
            .collect();
        let mut allowed: Vec<String> = policy_digests(&policy_now)
            .into_iter()
            .map(str::to_owned)
            .collect();
        digests.sort();
        allowed.sort();
        assert_eq!(allowed, digests, "{path}: exactly the page's own scripts");
    }
    assert!(structured_data > 0, "the product page's JSON-LD was seen");
});

both!(what_is_not_a_page_gets_the_strict_policy, |app| {
    app.seed_demo().await;
    let error = app
        .client
        .post(app.url("/api/add_to_cart"))
        .form(&[("lang", "En"), ("sku", "GBM-SK-1KG"), ("quantity", "0")])
        .send()
        .await
        .expect("sent");
    assert_eq!(error.status(), 422);
    for response in [
        error,
        app.get("/api/current_account").await,
        app.get("/sitemap.xml").await,
        app.get("/healthz").await,
    ] {
        let path = response.url().path().to_owned();
        let headers = response.headers();
        assert_eq!(headers["content-security-policy"], STRICT_POLICY, "{path}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
    }
});

/// A site root with a public file and the `/pkg` files this build's pages load, removed when
/// dropped.
struct StaticSite(std::path::PathBuf);

/// The paths under the site root of the files this build's pages load.
fn site_files() -> [String; 3] {
    pavilion_server::assets::built("pkg", pavilion_server::config::OUTPUT_NAME).files()
}

impl StaticSite {
    fn new() -> StaticSite {
        let id = uuid::Uuid::new_v4().simple().to_string();
        let root = std::env::temp_dir().join(format!("pavilion-test-site-{id}"));
        std::fs::create_dir_all(root.join("pkg")).expect("site dir");
        let favicon = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/favicon.svg");
        std::fs::copy(favicon, root.join("favicon.svg")).expect("favicon copied");
        let [js, wasm, css] = site_files();
        std::fs::write(root.join(&js), "export default 1;\n").expect("js");
        std::fs::write(root.join(wasm), b"\0asm\x01\0\0\0").expect("wasm");
        std::fs::write(root.join(css), "body { margin: 0 }\n").expect("css");
        let assets = pavilion_server::assets::built("pkg", pavilion_server::config::OUTPUT_NAME);
        if assets.split {
            // A split build's server also wants the chunk manifest and its loader.
            std::fs::write(root.join("pkg").join(&assets.split_manifest), "{}").expect("manifest");
            std::fs::write(root.join("pkg").join(&assets.split_loader), "").expect("loader");
        }
        // The compressed copies a release build writes beside each file.
        std::fs::write(root.join(format!("{js}.br")), "BR-ON-DISK").expect("br");
        std::fs::write(root.join(format!("{js}.gz")), "GZ-ON-DISK").expect("gz");
        StaticSite(root)
    }

    fn root(&self) -> &str {
        self.0.to_str().expect("utf-8 path")
    }
}

impl Drop for StaticSite {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Files keep the strict policy: it governs the file if it is opened by itself (an SVG
/// cannot run a script), not the page that loads it. (By hand rather than with `both!`:
/// the site root must exist before the app starts.)
mod files_are_served_with_the_strict_policy {
    use super::*;

    async fn check(engine: Engine) {
        let site = StaticSite::new();
        let Some(app) = spawn_app_with(engine, &[("LEPTOS_SITE_ROOT", site.root())]).await else {
            assert_eq!(engine, Engine::Postgres, "SQLite is always there");
            return;
        };
        let [js, _, css] = site_files();
        for path in ["favicon.svg", &js, &css].map(|file| format!("/{file}")) {
            let response = app.get(&path).await;
            assert_eq!(response.status(), 200, "{path}");
            let headers = response.headers();
            assert_eq!(headers["content-security-policy"], STRICT_POLICY, "{path}");
            assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        }
        // `/pkg` is served from the copies compressed at build time, never per request.
        for (accept, encoding, body) in [
            ("br, gzip", Some("br"), "BR-ON-DISK"),
            ("gzip", Some("gzip"), "GZ-ON-DISK"),
            ("identity", None, "export default 1;\n"),
        ] {
            let response = app
                .client
                .get(app.url(&format!("/{js}")))
                .header("accept-encoding", accept)
                .send()
                .await
                .expect("sent");
            let headers = response.headers().clone();
            assert_eq!(
                headers
                    .get("content-encoding")
                    .and_then(|v| v.to_str().ok()),
                encoding,
                "{accept}"
            );
            assert!(
                headers["vary"]
                    .to_str()
                    .is_ok_and(|v| v.contains("accept-encoding")),
                "{accept}: {headers:?}"
            );
            assert_eq!(response.text().await.expect("body"), body, "{accept}");
        }
        // The page that loads them names the same files.
        let (status, html) = app.get_text("/en/").await;
        assert_eq!(status, 200);
        assert!(html.contains(&format!("/{js}")), "{html}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        check(Engine::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        check(Engine::Postgres).await;
    }
}

both_with!(
    anonymous_bursts_are_limited_per_address_whatever_they_forward,
    [("PAVILION_RATE_LIMIT", "5")],
    |app| {
        app.seed_demo().await;
        // Registering is the first of this address's five anonymous requests.
        let amina = Shopper::new(&app);
        amina
            .register("amina@example.pk", "Amina", "mango season in Multan")
            .await
            .ok();
        for n in 2..=5 {
            assert_eq!(app.get("/en/").await.status(), 200, "request {n}");
        }
        let limited = app.get("/en/").await;
        assert_eq!(limited.status(), 429);
        let retry: u64 = limited.headers()["retry-after"]
            .to_str()
            .expect("ascii")
            .parse()
            .expect("seconds");
        assert!((1..=12).contains(&retry), "five a minute: {retry}");
        assert_eq!(limited.headers()["content-security-policy"], STRICT_POLICY);
        let text = limited.text().await.expect("body");
        assert!(
            text.contains("Too many requests") && text.contains("请求过于频繁"),
            "{text}"
        );
        // 127.0.0.1 is no trusted proxy: whatever it forwards, the peer is the client.
        for n in 1..=3 {
            let spoofed = app
                .client
                .get(app.url("/zh/products"))
                .header("x-forwarded-for", format!("198.51.100.{n}"))
                .send()
                .await
                .expect("sent");
            assert_eq!(spoofed.status(), 429, "spoofed address {n}");
        }
        // The app's own server-function calls get an error code it can translate.
        let api = app
            .client
            .get(app.url("/api/current_account"))
            .header("accept", "application/json")
            .send()
            .await
            .expect("sent");
        assert_eq!(api.status(), 429);
        let code: AppError = api.json().await.expect("an error code");
        assert_eq!(code, AppError::RateLimited);
        // Files and probes are not counted.
        assert_eq!(app.get("/healthz").await.status(), 200);
        // A signed-in shopper from the same address is not limited.
        for _ in 0..8 {
            amina.get("/en/cart").await.ok();
        }
        let metrics = app.metrics().await;
        assert!(metrics.contains("pavilion_rate_limited_total"), "{metrics}");
    }
);

both_with!(
    behind_a_trusted_proxy_every_forwarded_client_has_its_own_budget,
    [
        ("PAVILION_RATE_LIMIT", "5"),
        ("PAVILION_TRUSTED_PROXIES", "127.0.0.1")
    ],
    |app| {
        app.seed_demo().await;
        let from = |client: &'static str| {
            app.client
                .get(app.url("/en/"))
                .header("x-forwarded-for", client)
                .send()
        };
        for n in 1..=5 {
            assert_eq!(
                from("203.0.113.7").await.expect("sent").status(),
                200,
                "{n}"
            );
        }
        assert_eq!(from("203.0.113.7").await.expect("sent").status(), 429);
        // Our proxy appends what it saw; what the client wrote before that is not believed.
        let prepended = from("198.51.100.9, 203.0.113.7").await.expect("sent");
        assert_eq!(prepended.status(), 429);
        // Other clients behind the same proxy are not held back.
        assert_eq!(from("203.0.113.8").await.expect("sent").status(), 200);
        assert_eq!(from("2001:db8::1").await.expect("sent").status(), 200);
        // Without the header, the proxy's own requests have their own budget too.
        assert_eq!(app.get("/en/").await.status(), 200);
    }
);
