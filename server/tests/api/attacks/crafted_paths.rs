//! Finding 7: a path, query or header the router cannot use answers 4xx (or a page), never
//! a panic or a 500. Every route of the app is tried with mangled paths and queries.

use crate::both;

/// Every page route, with its parameters filled in: `/{lang}/products/{slug}` → `/en/products/x`.
fn page_paths() -> Vec<String> {
    let mut paths: Vec<String> = pavilion_server::routes::route_list()
        .iter()
        .map(|route| {
            route
                .path()
                .split('/')
                .map(|segment| match segment {
                    "{lang}" => "en",
                    s if s.starts_with("{*") => "a/b",
                    s if s.starts_with('{') => "x",
                    s => s,
                })
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

/// Ways to mangle one path.
fn mangled(path: &str) -> Vec<String> {
    let rest = path.strip_prefix("/en").unwrap_or(path);
    let long = "x".repeat(5000);
    vec![
        format!("//x{path}"),
        format!("//{path}"),
        format!("{path}//"),
        format!("{path}/%00"),
        format!("{path}/%2e%2e%2f%2e%2e%2fetc%2fpasswd"),
        format!("{path}/%ff%fe"),
        format!("{path}/{long}"),
        format!("/xx{rest}"),
        format!("/%00{rest}"),
        format!("/zh{rest}/%E2%80%AE"),
        format!("{path}?page=-1&q=%00&sort=%ff&min=abc&max=1e309&category=../../x&in_stock=2"),
        format!("{path}?page=99999999999999999999999&id=-1&number=%0d%0a"),
        format!("{path}?id=abc&token=%C0%AF&next=//evil.example&saved=x&uploaded=999"),
        format!("{path}?q={long}&shop=%3Cscript%3E"),
        format!("{path}?lang=Xx&city=%F0%9F%92%A3&cert=a&cert=b"),
    ]
}

both!(
    mangled_paths_and_queries_of_every_route_never_fail_the_server,
    |app| {
        app.seed_demo().await;
        let paths = page_paths();
        assert!(paths.len() > 40, "the route list: {paths:?}");
        let mut tried = 0;
        for path in &paths {
            for url in std::iter::once(path.clone()).chain(mangled(path)) {
                let response = app
                    .client
                    .get(app.url(&url))
                    .header("accept-language", "zh-CN;q=abc, *;q=-1, en;;")
                    .header(
                        "cookie",
                        "lang=../../; pavilion_session=%%%%%%%%%%%%%%%%%%%%%%",
                    )
                    .send()
                    .await
                    .unwrap_or_else(|e| panic!("{url}: {e}"));
                let status = response.status().as_u16();
                assert!(status < 500, "{url} answered {status}");
                tried += 1;
            }
        }
        // Unparseable headers of other kinds, on a few pages.
        for path in ["/en/", "/zh/products", "/api/cart?lang=En"] {
            let response = app
                .client
                .get(app.url(path))
                .header("x-request-id", "../../etc passwd")
                .header("x-forwarded-for", "not an address, ::zz")
                .header("if-none-match", "\"")
                .header("range", "bytes=9-1")
                .send()
                .await
                .expect("sent");
            assert!(response.status().as_u16() < 500, "{path}");
        }
        assert!(tried > 500, "{tried} requests");
    }
);
