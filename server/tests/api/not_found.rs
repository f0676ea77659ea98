//! Paths that are no page (issue 15: 8): an anonymous visitor gets the rendered copy of the
//! not-found page, which is the full render's page to the byte but for the script nonce,
//! fresh for every answer; a visitor with a session still gets the full render.

use crate::both;
use crate::helpers::TestApp;

/// Status, body and the nonce the page policy names.
async fn page(app: &TestApp, path: &str, cookie: Option<&str>) -> (u16, String, String) {
    let mut request = app.client.get(app.url(path));
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let response = request.send().await.expect("request sent");
    let status = response.status().as_u16();
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .expect("text")
        .to_owned();
    let start = policy.find("'nonce-").expect("a nonce") + "'nonce-".len();
    let nonce = policy[start..]
        .split('\'')
        .next()
        .expect("closed")
        .to_owned();
    (status, response.text().await.expect("body"), nonce)
}

both!(
    an_unknown_path_answers_the_full_renders_page_with_a_fresh_nonce,
    |app| {
        app.seed_demo().await;
        for path in [
            "/bhdvbjey9j",
            "/xx/products?q=1",
            "/en/no/such/page?q=mango&sort=price_asc",
            "/zh/no-such-page",
            "/zh/%E8%8A%92%E6%9E%9C/",
        ] {
            let (status, copy, nonce) = page(&app, path, None).await;
            assert_eq!(status, 404, "{path}");
            assert!(copy.contains(&format!("nonce=\"{nonce}\"")), "{path}");
            let (_, again, other_nonce) = page(&app, path, None).await;
            assert_ne!(nonce, other_nonce, "a nonce serves one answer");
            assert_eq!(again.replace(&other_nonce, &nonce), copy, "{path}");
            // With a session cookie (an unknown one), the page is rendered in full.
            let (status, full, full_nonce) =
                page(&app, path, Some("pavilion_session=unknown")).await;
            assert_eq!(status, 404);
            assert_eq!(full.replace(&full_nonce, &nonce), copy, "{path}");
        }
        let (_, english, _) = page(&app, "/en/no/such/page?q=1", None).await;
        assert!(english.contains("Page not found"));
        assert!(english.contains("/switch-language?lang=zh&amp;to=/zh/no/such/page%3Fq%3D1"));
        assert!(english.contains("noindex"), "kept out of search engines");
        assert!(!english.contains("rel=\"canonical\""));
        let (_, chinese, _) = page(&app, "/zh/nope", None).await;
        assert!(chinese.contains("页面不存在"));
    }
);

both!(
    a_head_request_for_an_unknown_path_is_a_bodiless_404,
    |app| {
        let response = app
            .client
            .head(app.url("/bhdvbjey9j"))
            .send()
            .await
            .expect("sent");
        assert_eq!(response.status(), 404);
        assert_eq!(response.headers()["cache-control"], "private, no-store");
        assert!(response.text().await.expect("body").is_empty());
    }
);
