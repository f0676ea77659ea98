use crate::both;

both!(
    the_chinese_home_page_arrives_complete_with_products_from_the_database,
    |app| {
        app.seed_demo().await;
        let (status, html) = app.get_text("/zh/").await;
        assert_eq!(status, 200);
        assert!(
            html.contains("<html lang=\"zh-CN\""),
            "{}",
            &html[..300.min(html.len())]
        );
        assert!(html.contains("巴基斯坦国家馆"));
        assert!(html.contains("<title>"));
        // Categories and featured products come from the database, in Chinese.
        let rice: String = sqlx::query_scalar(
            "SELECT t.name FROM category_texts t JOIN categories c ON c.id = t.category_id \
         WHERE c.slug = 'rice' AND t.locale = 'zh'",
        )
        .fetch_one(&app.pool)
        .await
        .expect("rice category");
        assert!(html.contains(&rice), "category {rice} missing");
        assert!(html.contains("product-card"));
    }
);

both!(
    the_english_home_page_is_in_english_with_hreflang_and_canonical,
    |app| {
        app.seed_demo().await;
        let (status, html) = app.get_text("/en/").await;
        assert_eq!(status, 200);
        assert!(html.contains("<html lang=\"en\""));
        assert!(html.contains("Pakistan Pavilion"));
        let link = |attribute: &str| link_href(&html, attribute);
        assert_eq!(
            link(r#"rel="canonical""#).as_deref(),
            Some("https://pavilion.test/en/")
        );
        assert_eq!(
            link(r#"hreflang="en""#).as_deref(),
            Some("https://pavilion.test/en/")
        );
        assert_eq!(
            link(r#"hreflang="zh-CN""#).as_deref(),
            Some("https://pavilion.test/zh/")
        );
        assert_eq!(
            link(r#"hreflang="x-default""#).as_deref(),
            Some("https://pavilion.test/zh/")
        );
    }
);

both!(
    a_category_page_lists_its_products_in_the_page_language,
    |app| {
        app.seed_demo().await;
        let (status, html) = app.get_text("/en/categories/rice").await;
        assert_eq!(status, 200);
        assert!(html.contains("<h1>Rice</h1>"), "english category name");
        let title: String = sqlx::query_scalar(
        "SELECT t.title FROM product_texts t JOIN products p ON p.id = t.product_id \
         JOIN categories c ON c.id = p.category_id \
         WHERE t.locale = 'en' AND (c.slug = 'rice' OR c.parent_id = (SELECT id FROM categories WHERE slug = 'rice')) \
         ORDER BY p.id LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .expect("a rice product");
        assert!(html.contains(&title.replace('&', "&amp;")), "{title}");
    }
);

both!(unknown_pages_get_a_translated_404, |app| {
    let (status, html) = app.get_text("/zh/no-such-page").await;
    assert_eq!(status, 404);
    assert!(html.contains("页面不存在"));
    let (status, html) = app.get_text("/en/categories/no-such-category").await;
    assert_eq!(status, 404);
    assert!(html.contains("Page not found"));
    let (status, _) = app.get_text("/fr/").await;
    assert_eq!(status, 404);
});

both!(public_files_are_served_beside_the_language_routes, |app| {
    let response = app.get("/favicon.svg").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/svg+xml");
});

both!(product_pictures_are_drawn_locally, |app| {
    app.seed_demo().await;
    let slug: String = sqlx::query_scalar("SELECT slug FROM products ORDER BY id LIMIT 1")
        .fetch_one(&app.pool)
        .await
        .expect("a product");
    let response = app.get(&format!("/media/products/{slug}.svg")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/svg+xml");
    assert_eq!(app.get("/media/products/nope.svg").await.status(), 404);
    assert_eq!(
        app.get("/media/products/..%2F..%2Fetc.svg").await.status(),
        404
    );
});

/// The `href` of the first `<link>` that carries `attribute` (attribute order is free).
fn link_href(html: &str, attribute: &str) -> Option<String> {
    html.split("<link ")
        .skip(1)
        .map(|tag| tag.split('>').next().unwrap_or_default())
        .find(|tag| tag.contains(attribute))
        .and_then(|tag| tag.split("href=\"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .map(str::to_owned)
}
