use crate::both;

async fn root_location(app: &crate::helpers::TestApp, headers: &[(&str, &str)]) -> (u16, String) {
    let mut request = app.client.get(app.url("/"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.expect("sent");
    let location = response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (response.status().as_u16(), location)
}

both!(
    the_root_redirects_by_cookie_then_accept_language_then_chinese,
    |app| {
        assert_eq!(root_location(&app, &[]).await, (302, "/zh/".to_owned()));
        assert_eq!(
            root_location(&app, &[("accept-language", "en-US,en;q=0.9")]).await,
            (302, "/en/".to_owned())
        );
        assert_eq!(
            root_location(&app, &[("accept-language", "en"), ("cookie", "lang=zh")]).await,
            (302, "/zh/".to_owned())
        );
        assert_eq!(
            root_location(&app, &[("accept-language", "fr-FR")]).await,
            (302, "/zh/".to_owned())
        );
    }
);

both!(
    switching_language_sets_the_cookie_and_keeps_the_page,
    |app| {
        let response = app
            .get("/switch-language?lang=en&to=/en/categories/rice")
            .await;
        assert_eq!(response.headers()["location"], "/en/categories/rice");
        let cookie = response.headers()["set-cookie"].to_str().expect("ascii");
        assert!(cookie.starts_with("lang=en;"), "{cookie}");
        assert!(cookie.contains("SameSite=Lax"));
        assert!(cookie.contains("Secure"), "public URL is https: {cookie}");
    }
);

both!(switching_language_never_redirects_off_site, |app| {
    for to in [
        "https://evil.example/",
        "//evil.example/en/",
        "/en//evil.example",
        "/zh/x",
    ] {
        let response = app
            .get(&format!("/switch-language?lang=en&to={}", urlencode(to)))
            .await;
        assert_eq!(response.headers()["location"], "/en/", "for {to}");
    }
});

fn urlencode(s: &str) -> String {
    s.bytes().map(|b| format!("%{b:02X}")).collect()
}
