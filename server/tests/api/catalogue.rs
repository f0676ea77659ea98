//! The listing's facets and sorts, search in both languages and pinyin, product pages
//! with structured data, shops, and the sitemap: on SQLite and PostgreSQL.

use crate::both;
use crate::helpers::TestApp;

/// The product card slugs of a listing page (links inside `<h3>`).
fn card_slugs(html: &str) -> Vec<String> {
    html.split("<h3><a href=\"/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter_map(|href| href.split("/products/").nth(1))
        .map(str::to_owned)
        .collect()
}

async fn ok(app: &TestApp, path: &str) -> String {
    let (status, html) = app.get_text(path).await;
    assert_eq!(status, 200, "{path}");
    html
}

async fn scalar(app: &TestApp, sql: &str) -> String {
    sqlx::query_scalar(sql)
        .fetch_one(&app.pool)
        .await
        .expect(sql)
}

both!(the_listing_pages_through_every_product, |app| {
    app.seed_demo().await;
    let html = ok(&app, "/en/products").await;
    assert_eq!(card_slugs(&html).len(), 24);
    assert!(html.contains(">217<!> products<"), "total shown");
    let last = ok(&app, "/en/products?page=10").await;
    assert_eq!(card_slugs(&last).len(), 217 - 9 * 24);
    // A page past the end shows the last page rather than an error.
    let beyond = ok(&app, "/en/products?page=400").await;
    assert_eq!(card_slugs(&beyond), card_slugs(&last));
});

both!(each_facet_narrows_the_listing, |app| {
    app.seed_demo().await;
    let rice = card_slugs(&ok(&app, "/en/products?category=rice").await);
    assert!(!rice.is_empty() && rice.len() <= 24);
    let category = ok(&app, "/en/categories/rice").await;
    assert_eq!(card_slugs(&category), rice);

    let city = card_slugs(&ok(&app, "/en/products?city=sialkot").await);
    assert!(!city.is_empty());
    let sialkot: i64 = sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM products p JOIN cities c ON c.id = p.origin_city_id WHERE c.key = 'sialkot'",
    )
    .fetch_one(&app.pool)
    .await
    .expect("count");
    assert_eq!(city.len() as i64, sialkot.min(24));

    let shop = scalar(&app, "SELECT slug FROM shops ORDER BY id LIMIT 1").await;
    let by_shop = card_slugs(&ok(&app, &format!("/en/products?shop={shop}")).await);
    assert!(!by_shop.is_empty());

    let halal = ok(&app, "/en/products?cert=halal").await;
    assert!(!card_slugs(&halal).is_empty());

    let cheap = ok(&app, "/en/products?max=30&sort=price_desc").await;
    for slug in card_slugs(&cheap) {
        let price: i64 = sqlx::query_scalar(&format!(
            "SELECT CAST(MIN(v.price_minor) AS BIGINT) FROM variants v JOIN products p ON p.id = v.product_id WHERE p.slug = '{slug}'"
        ))
        .fetch_one(&app.pool)
        .await
        .expect("price");
        assert!(price <= 3_000, "{slug} costs {price}");
    }

    let all = ok(&app, "/en/products").await;
    let in_stock = ok(&app, "/en/products?in_stock=1").await;
    assert!(in_stock.contains("goods"));
    assert_ne!(all, in_stock);
});

both!(each_sort_orders_the_listing, |app| {
    app.seed_demo().await;
    let price_of = |slug: String| {
        let pool = app.pool.clone();
        async move {
            let price: i64 = sqlx::query_scalar(
                "SELECT CAST(MIN(v.price_minor) AS BIGINT) FROM variants v JOIN products p ON p.id = v.product_id WHERE p.slug = $1",
            )
            .bind(slug)
            .fetch_one(&pool)
            .await
            .expect("price");
            price
        }
    };
    for (sort, ascending) in [("price_asc", true), ("price_desc", false)] {
        let slugs = card_slugs(&ok(&app, &format!("/en/products?sort={sort}")).await);
        let mut prices = Vec::new();
        for slug in slugs {
            prices.push(price_of(slug).await);
        }
        let mut sorted = prices.clone();
        sorted.sort();
        if !ascending {
            sorted.reverse();
        }
        assert_eq!(prices, sorted, "{sort}");
    }
    let newest = card_slugs(&ok(&app, "/en/products?sort=newest").await);
    assert_eq!(newest.len(), 24);
    let rating = card_slugs(&ok(&app, "/en/products?sort=rating").await);
    assert_eq!(rating.len(), 24);
});

both!(search_finds_goods_in_chinese_english_and_pinyin, |app| {
    app.seed_demo().await;
    let mango = scalar(
        &app,
        "SELECT p.slug FROM products p JOIN product_texts t ON t.product_id = p.id \
         WHERE t.locale = 'zh' AND t.title LIKE '%信德%芒果%' ORDER BY p.id LIMIT 1",
    )
    .await;
    for q in ["%E8%8A%92%E6%9E%9C", "mango", "mangguo", "mnago"] {
        for lang in ["zh", "en"] {
            let found = card_slugs(&ok(&app, &format!("/{lang}/products?q={q}")).await);
            assert!(
                found.contains(&mango),
                "{q} in {lang} finds {mango}: {found:?}"
            );
        }
    }
    let html = ok(&app, "/en/products?q=mango").await;
    assert!(html.contains("<mark>"), "matches are highlighted");
});

both!(absurd_searches_get_a_page_not_an_error, |app| {
    app.seed_demo().await;
    let long = "x".repeat(10_000);
    for q in [
        long.as_str(),
        "%00%01%02",
        "%22unbalanced",
        "(((",
        "AND%20OR%20NOT",
        "%F0%9F%A5%AD",
        "",
    ] {
        let (status, _) = app.get_text(&format!("/zh/products?q={q}")).await;
        assert_eq!(status, 200, "q={}", &q[..q.len().min(20)]);
    }
    for bad in [
        "page=-1",
        "min=abc",
        "sort=%3Cscript%3E",
        "category=%3Cx%3E",
        "max=1e400",
    ] {
        let (status, _) = app.get_text(&format!("/en/products?{bad}")).await;
        assert_eq!(status, 200, "{bad}");
    }
});

both!(
    a_product_page_shows_prices_landed_tax_and_structured_data,
    |app| {
        app.seed_demo().await;
        let slug = scalar(&app, "SELECT slug FROM products ORDER BY id LIMIT 1").await;
        let html = ok(&app, &format!("/en/products/{slug}")).await;
        assert!(html.contains("application/ld+json"));
        assert!(html.contains(r#""@type":"Product""#));
        assert!(html.contains(r#""@type":"BreadcrumbList""#));
        assert!(html.contains(r#""priceCurrency":"CNY""#));
        assert!(html.contains("countryOfOrigin"));
        assert!(html.contains("Landed price in China"));
        assert!(html.contains("Rs "), "PKR reference price");
        assert!(html.contains("og:image"));
        let zh = ok(&app, &format!("/zh/products/{slug}")).await;
        assert!(zh.contains("到手价"));
        let (status, _) = app.get_text("/en/products/no-such-product").await;
        assert_eq!(status, 404);
        let (status, _) = app.get_text("/en/products/NOT%20A%20SLUG").await;
        assert_eq!(status, 404);
    }
);

both!(a_variant_can_be_chosen_without_javascript, |app| {
    app.seed_demo().await;
    let (slug, sku, price): (String, String, i64) = sqlx::query_as(
        "SELECT p.slug, v.sku, v.price_minor FROM variants v JOIN products p ON p.id = v.product_id \
         WHERE v.position = 1 ORDER BY p.id LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .expect("a second variant");
    let html = ok(&app, &format!("/en/products/{slug}?variant={sku}")).await;
    let shown = app::model::Money::cny(price).to_string();
    let block = html.split("price-block").nth(1).expect("price block");
    assert!(block.contains(&shown), "{shown} shown for {sku}");
});

both!(shops_are_listed_and_each_has_its_page, |app| {
    app.seed_demo().await;
    let html = ok(&app, "/zh/shops").await;
    let shop = scalar(&app, "SELECT slug FROM shops ORDER BY id LIMIT 1").await;
    assert!(html.contains(&format!("/zh/shops/{shop}")));
    let page = ok(&app, &format!("/zh/shops/{shop}")).await;
    assert!(!card_slugs(&page).is_empty());
    let (status, _) = app.get_text("/zh/shops/nobody").await;
    assert_eq!(status, 404);
});

both!(each_shop_card_counts_the_shops_published_products, |app| {
    app.seed_demo().await;
    let html = ok(&app, "/en/shops").await;
    let cards: Vec<&str> = html.split("class=\"shop-card\"").skip(1).collect();
    assert!(cards.len() > 1, "the demo's shops are listed");
    for card in cards {
        let slug = card
            .split("/en/shops/")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the card links to its shop");
        let published: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM products p JOIN shops s ON s.id = p.shop_id \
             WHERE s.slug = $1 AND p.status = 'published'",
        )
        .bind(slug)
        .fetch_one(&app.pool)
        .await
        .expect("count");
        let shown = card
            .split("class=\"count\">")
            .nth(1)
            .and_then(|rest| rest.split('<').next())
            .expect("the card shows its count");
        assert_eq!(shown, published.to_string(), "{slug}");
    }
});

both!(the_sitemap_lists_every_page_in_both_languages, |app| {
    app.seed_demo().await;
    let (status, xml) = app.get_text("/sitemap.xml").await;
    assert_eq!(status, 200);
    let products: i64 = sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM products")
        .fetch_one(&app.pool)
        .await
        .expect("count");
    assert_eq!(
        xml.matches("/products/").count() as i64,
        products * 2 * 4,
        "loc + 3 alternates each"
    );
    assert!(xml.contains("https://pavilion.test/zh/categories/rice"));
    let (_, robots) = app.get_text("/robots.txt").await;
    assert!(robots.contains("Sitemap: https://pavilion.test/sitemap.xml"));
});

both!(a_change_in_the_database_reaches_search_and_pages, |app| {
    app.seed_demo().await;
    let slug = scalar(&app, "SELECT slug FROM products ORDER BY id LIMIT 1").await;
    sqlx::query(
        "UPDATE product_texts SET title = 'Zanzibar Quokka Special' WHERE locale = 'en' AND product_id = \
         (SELECT id FROM products WHERE slug = $1)",
    )
    .bind(&slug)
    .execute(&app.pool)
    .await
    .expect("update");
    sqlx::query("UPDATE products SET revision = (SELECT revision + 1 FROM catalog_revision) WHERE slug = $1")
        .bind(&slug)
        .execute(&app.pool)
        .await
        .expect("revision");
    sqlx::query("UPDATE catalog_revision SET revision = revision + 1")
        .execute(&app.pool)
        .await
        .expect("bump");
    app.refresh().await;
    let found = card_slugs(&ok(&app, "/en/products?q=quokka").await);
    assert_eq!(found, vec![slug]);
});

both!(the_catalogue_is_read_at_one_moment, |app| {
    use app::backend::db::{read_snapshot, revisions};
    app.seed_demo().await;
    let mut snapshot = read_snapshot(&app.pool).await.expect("snapshot begins");
    let revision = revisions::catalogue(&mut *snapshot)
        .await
        .expect("revision read");
    // A seller renames the shops and the catalogue moves on between two of its reads.
    sqlx::query("UPDATE shop_texts SET name = 'Renamed' WHERE locale = 'en'")
        .execute(&app.pool)
        .await
        .expect("rename");
    sqlx::query("UPDATE catalog_revision SET revision = revision + 1")
        .execute(&app.pool)
        .await
        .expect("bump");
    let names: Vec<String> = sqlx::query_scalar("SELECT name FROM shop_texts WHERE locale = 'en'")
        .fetch_all(&mut *snapshot)
        .await
        .expect("names read");
    assert!(!names.is_empty());
    assert!(
        names.iter().all(|name| name != "Renamed"),
        "the snapshot saw a write committed after its revision was read"
    );
    assert_eq!(
        revisions::catalogue(&mut *snapshot).await.expect("read"),
        revision
    );
    snapshot.rollback().await.expect("snapshot ends");
    assert_eq!(
        revisions::catalogue(&app.pool).await.expect("read"),
        revision + 1
    );
});
