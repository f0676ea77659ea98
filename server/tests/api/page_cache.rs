//! Public pages for anonymous visitors come from rendered HTML kept in memory: nothing
//! personal is ever kept, a change through the database shows after the next revision
//! check, an unchanged page answers 304, and a kept product page still counts its views.

use std::time::{Duration, Instant};

use crate::helpers::TestApp;
use crate::shopper::{Shopper, scalar_i64};
use crate::{both, both_with};

/// The header's cart link as rendered (leptos marks the count for hydration).
fn cart_link(count: u32) -> String {
    format!("购物车（<!>{count}<!>）")
}

async fn first_product(app: &TestApp) -> (i64, String) {
    sqlx::query_as("SELECT id, slug FROM products WHERE status = 'published' ORDER BY id LIMIT 1")
        .fetch_one(&app.pool)
        .await
        .expect("a product")
}

/// Asks for a page as a stranger until it holds `text`, for at most `limit`.
async fn until_it_shows(app: &TestApp, path: &str, text: &str, limit: Duration) -> Duration {
    let start = Instant::now();
    loop {
        let (status, html) = app.get_text(path).await;
        assert_eq!(status, 200, "{path}");
        if html.contains(text) {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < limit,
            "{path} still lacks {text:?} after {limit:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

both!(
    a_signed_in_visitors_name_and_cart_never_reach_a_stranger,
    |app| {
        app.seed_demo().await;
        let (_, slug) = first_product(&app).await;
        let product = format!("/zh/products/{slug}");
        let home = "/zh/".to_owned();
        // The stranger's copy of the home page is kept before anyone signs in.
        let (_, stranger_home) = app.get_text(&home).await;
        assert!(stranger_home.contains(&cart_link(0)));
        let amina = Shopper::new(&app);
        amina
            .register(
                "amina.cache@example.cn",
                "Zarghuna Cachetest",
                "green tea in kashgar",
            )
            .await
            .ok();
        amina.add("GBM-SK-1KG", 3).await.ok();
        for path in [&product, &home] {
            let mine = amina.get(path).await;
            assert_eq!(mine.status, 200, "{path}");
            assert!(
                mine.body.contains("Zarghuna Cachetest"),
                "{path}: signed in"
            );
            assert!(mine.body.contains(&cart_link(3)), "{path}: her cart");
            for _ in 0..2 {
                let (status, theirs) = app.get_text(path).await;
                assert_eq!(status, 200, "{path}");
                assert!(!theirs.contains("Zarghuna"), "{path}: her name");
                assert!(!theirs.contains(&cart_link(3)), "{path}: her cart");
                assert!(theirs.contains(&cart_link(0)), "{path}: an empty cart");
            }
        }
    }
);

both!(
    a_product_changed_in_the_database_shows_on_its_kept_page,
    |app| {
        app.seed_demo().await;
        let (id, slug) = first_product(&app).await;
        let path = format!("/en/products/{slug}");
        let first = app.get(&path).await;
        let etag = first.headers()["etag"].clone();
        assert_eq!(app.get(&path).await.headers()["etag"], etag, "kept");
        // Written straight into the database, as another app server would, with its revision.
        sqlx::query("UPDATE product_texts SET title = $1 WHERE product_id = $2 AND locale = 'en'")
            .bind("Kept Page Test Tea")
            .bind(id)
            .execute(&app.pool)
            .await
            .expect("renamed");
        sqlx::query("UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1")
            .execute(&app.pool)
            .await
            .expect("revision bumped");
        // The follower looks every 2 s; the kept page goes with the old revision.
        let took = until_it_shows(&app, &path, "Kept Page Test Tea", Duration::from_secs(8)).await;
        assert!(took <= Duration::from_secs(8), "{took:?}");
        assert_ne!(app.get(&path).await.headers()["etag"], etag);

        // Content too: an article's text changed in the database (a trigger moves the content
        // revision).
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("after 1970")
            .as_secs() as i64;
        let (article, article_slug): (i64, String) = sqlx::query_as(
            "SELECT a.id, a.slug FROM articles a WHERE a.publish_at <= $1 ORDER BY a.id LIMIT 1",
        )
        .bind(now)
        .fetch_one(&app.pool)
        .await
        .expect("an article");
        let article_path = format!("/en/articles/{article_slug}");
        assert_eq!(app.get_text(&article_path).await.0, 200);
        sqlx::query("UPDATE article_texts SET title = $1 WHERE article_id = $2 AND locale = 'en'")
            .bind("A Retitled Kept Article")
            .bind(article)
            .execute(&app.pool)
            .await
            .expect("retitled");
        until_it_shows(
            &app,
            &article_path,
            "A Retitled Kept Article",
            Duration::from_secs(8),
        )
        .await;
    }
);

both!(an_unchanged_page_answers_304_and_is_counted, |app| {
    app.seed_demo().await;
    let (id, slug) = first_product(&app).await;
    let path = format!("/zh/products/{slug}");
    let views = || async {
        scalar_i64(
            &app,
            &format!(
                "SELECT CAST(COALESCE(SUM(views), 0) AS BIGINT) FROM product_views \
                 WHERE product_id = {id}"
            ),
        )
        .await
    };
    let views_before = views().await;
    let before = app.metrics().await;
    let first = app.get(&path).await;
    assert_eq!(first.status(), 200);
    assert_eq!(first.headers()["cache-control"], "no-cache");
    let etag = first.headers()["etag"].clone();
    let again = app
        .client
        .get(app.url(&path))
        .header("if-none-match", etag.clone())
        .send()
        .await
        .expect("sent");
    assert_eq!(again.status(), 304);
    assert_eq!(again.headers()["etag"], etag);
    assert!(again.text().await.expect("body").is_empty());
    // Another tag, or a signed-in visitor, gets the page.
    let other = app
        .client
        .get(app.url(&path))
        .header("if-none-match", "\"something-else\"")
        .send()
        .await
        .expect("sent");
    assert_eq!(other.status(), 200);
    let after = app.metrics().await;
    let hits = |text: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix("pavilion_page_cache_hits_total "))
            .and_then(|n| n.trim().parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    assert!(hits(&after) >= hits(&before) + 2.0, "{after}");
    assert!(
        after.contains("pavilion_page_cache_misses_total"),
        "{after}"
    );
    // Three answers, two of them from the cache: three views for the seller.
    app::backend::seller::analytics::flush_views(&app.state())
        .await
        .expect("views written");
    assert_eq!(views().await - views_before, 3);
});

both_with!(
    with_no_memory_for_it_every_page_is_rendered_for_its_visitor,
    [("PAVILION_PAGE_CACHE_MB", "0")],
    |app| {
        app.seed_demo().await;
        let (_, slug) = first_product(&app).await;
        let path = format!("/zh/products/{slug}");
        let policies: Vec<String> = {
            let mut policies = Vec::new();
            for _ in 0..2 {
                let page = app.get(&path).await;
                assert_eq!(page.status(), 200);
                assert!(page.headers().get("etag").is_none(), "nothing kept to tag");
                let policy = page.headers()["content-security-policy"]
                    .to_str()
                    .expect("ascii")
                    .to_owned();
                assert!(policy.contains("'nonce-"), "{policy}");
                policies.push(policy);
            }
            policies
        };
        assert_ne!(policies[0], policies[1], "a nonce of its own per answer");
    }
);
