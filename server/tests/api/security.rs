//! Platform-wide protections: security headers on every response, and state-changing
//! requests from other sites refused.

use crate::both;
use crate::shopper::scalar_i64;

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
