//! Finding 6: what one visitor sees is marked `private, no-store`, so no shared cache or CDN
//! keeps it; public pages say that a cookie changes the answer.

use crate::both;
use crate::shopper::Shopper;

const PRIVATE: &str = "private, no-store";

fn cache_control(headers: &reqwest::header::HeaderMap) -> Option<&str> {
    headers.get("cache-control").and_then(|v| v.to_str().ok())
}

/// Every `Vary` header, lower-cased and joined.
fn vary(headers: &reqwest::header::HeaderMap) -> String {
    let values: Vec<&str> = headers
        .get_all("vary")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    values.join(", ").to_ascii_lowercase()
}

both!(private_answers_are_never_stored_by_shared_caches, |app| {
    app.seed_demo().await;
    let amina = Shopper::new(&app);
    amina
        .register("amina@example.cn", "Amina", "green tea in kashgar")
        .await
        .ok();
    let token = amina.session_token().expect("signed in");
    let cookie = format!("pavilion_session={token}");
    let get = |path: &str, cookie: Option<&str>| {
        let mut request = app.client.get(app.url(path));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie.to_owned());
        }
        request.send()
    };
    // Anything asked with a session: pages, public or not, and server functions.
    for path in [
        "/en/",
        "/zh/products",
        "/en/account",
        "/zh/orders",
        "/en/cart",
        "/en/seller",
        "/en/admin",
        "/api/cart?lang=En",
        "/api/current_account",
    ] {
        let response = get(path, Some(&cookie)).await.expect("sent");
        assert_eq!(
            cache_control(response.headers()),
            Some(PRIVATE),
            "{path} with a session"
        );
        let vary = vary(response.headers());
        assert!(vary.contains("cookie"), "{path}: {vary}");
    }
    // Private pages and server functions, even without a session.
    for path in [
        "/en/account",
        "/zh/orders/PV000000000000",
        "/en/checkout",
        "/en/seller/products",
        "/zh/admin/orders",
        "/en/editor",
        "/api/cart?lang=Zh",
        "/api/current_account",
    ] {
        let response = get(path, None).await.expect("sent");
        assert_eq!(
            cache_control(response.headers()),
            Some(PRIVATE),
            "{path} without a session"
        );
    }
    // A server function that changes state, too.
    let reply = app
        .client
        .post(app.url("/api/add_to_cart"))
        .form(&[("lang", "En"), ("sku", "GBM-SK-1KG"), ("quantity", "1")])
        .send()
        .await
        .expect("sent");
    assert_eq!(cache_control(reply.headers()), Some(PRIVATE));
    // Catalogue pages for visitors without a session may be kept, but apart per cookie.
    let response = get("/zh/products", None).await.expect("sent");
    assert_eq!(response.status(), 200);
    assert_ne!(cache_control(response.headers()), Some(PRIVATE));
    let vary = vary(response.headers());
    assert!(vary.contains("cookie"), "{vary}");
});
