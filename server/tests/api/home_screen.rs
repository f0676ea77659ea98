//! The pavilion as an app on the phone's home screen: a manifest per language, its icons,
//! the service worker and the offline page it keeps.

use crate::both;

/// The width and height in a PNG's header.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let header = bytes.get(..24)?;
    if &header[..8] != b"\x89PNG\r\n\x1a\n" || &header[12..16] != b"IHDR" {
        return None;
    }
    let number = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    Some((number(16), number(20)))
}

both!(each_language_installs_as_its_own_app, |app| {
    for (lang, name) in [("zh", "巴基斯坦国家馆"), ("en", "Pakistan Pavilion")] {
        let response = app.get(&format!("/manifest.{lang}.webmanifest")).await;
        assert_eq!(response.status(), 200);
        assert_eq!(
            response.headers()["content-type"],
            "application/manifest+json"
        );
        let manifest: serde_json::Value = response.json().await.expect("json");
        assert_eq!(manifest["name"], name);
        assert_eq!(manifest["start_url"], format!("/{lang}/"));
        assert_eq!(manifest["display"], "standalone");
        let icons = manifest["icons"].as_array().expect("icons").clone();
        assert!(icons.iter().any(|icon| icon["sizes"] == "512x512"));
        for icon in icons {
            let src = icon["src"].as_str().expect("src");
            let response = app.get(src).await;
            assert_eq!(response.status(), 200, "{src}");
            assert_eq!(response.headers()["content-type"], "image/png");
            let side: u32 = icon["sizes"]
                .as_str()
                .and_then(|sizes| sizes.split('x').next())
                .and_then(|n| n.parse().ok())
                .expect("size");
            let bytes = response.bytes().await.expect("png");
            assert_eq!(png_size(&bytes), Some((side, side)), "{src}");
        }
        // Every page names its language's manifest.
        let (_, home) = app.get_text(&format!("/{lang}/")).await;
        let manifest_link = home
            .split("<link")
            .find(|tag| tag.contains(r#"rel="manifest""#))
            .unwrap_or_default();
        assert!(
            manifest_link.contains(&format!(r#"href="/manifest.{lang}.webmanifest""#)),
            "{lang}: {manifest_link}"
        );
    }
    assert_eq!(app.get("/icons/other.png").await.status(), 404);
});

both!(the_service_worker_and_its_offline_page_are_served, |app| {
    let response = app.get("/sw.js").await;
    assert_eq!(response.status(), 200);
    // The worker may fetch from the site (the files' policy would forbid it) and nothing else.
    assert_eq!(
        response.headers()["content-security-policy"],
        "default-src 'none'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; \
         form-action 'self'"
    );
    assert!(
        response.headers()["content-type"]
            .to_str()
            .is_ok_and(|t| t.contains("javascript"))
    );
    let script = response.text().await.expect("script");
    assert!(
        script.contains("no-store|private"),
        "keeps nothing personal"
    );
    for (lang, title) in [("zh", "网络未连接"), ("en", "You are offline")] {
        let response = app.get(&format!("/{lang}/offline")).await;
        assert_eq!(response.status(), 200);
        // The same for everyone: the service worker may keep it.
        let cache = response.headers().get("cache-control");
        assert!(cache.is_none_or(|v| v == "no-cache"), "{lang}: {cache:?}");
        let html = response.text().await.expect("html");
        assert!(html.contains(title), "{lang}");
        assert!(html.contains(r#"name="robots" content="noindex"#), "{lang}");
    }
});
