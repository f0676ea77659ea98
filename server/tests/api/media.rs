//! Product gallery thumbnails: JPEGs drawn once per (product, picture, width), then cached.

use crate::both;
use crate::helpers::TestApp;

async fn first_product(app: &TestApp) -> String {
    app.seed_demo().await;
    sqlx::query_scalar("SELECT slug FROM products ORDER BY id LIMIT 1")
        .fetch_one(&app.pool)
        .await
        .expect("a product")
}

/// The width and height in a baseline or progressive JPEG's frame header.
fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if !bytes.starts_with(&[0xff, 0xd8]) || !bytes.ends_with(&[0xff, 0xd9]) {
        return None;
    }
    let mut at = 2;
    while at + 9 < bytes.len() {
        let (marker, length) = (
            bytes[at + 1],
            usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]])),
        );
        if bytes[at] != 0xff {
            return None;
        }
        if matches!(marker, 0xc0..=0xc2) {
            let height = u16::from_be_bytes([bytes[at + 5], bytes[at + 6]]);
            let width = u16::from_be_bytes([bytes[at + 7], bytes[at + 8]]);
            return Some((u32::from(width), u32::from(height)));
        }
        at += 2 + length;
    }
    None
}

both!(gallery_thumbnails_are_jpegs_of_the_asked_width, |app| {
    let slug = first_product(&app).await;
    for (file, size) in [("0-480.jpg", (480, 360)), ("1-960.jpg", (960, 720))] {
        let response = app.get(&format!("/media/products/{slug}/{file}")).await;
        assert_eq!(response.status(), 200, "{file}");
        assert_eq!(response.headers()["content-type"], "image/jpeg");
        assert_eq!(
            response.headers()["cache-control"],
            "public, max-age=604800"
        );
        let bytes = response.bytes().await.expect("body read");
        assert_eq!(jpeg_size(&bytes), Some(size), "{file}");
    }
});

both!(thumbnails_outside_the_gallery_are_not_found, |app| {
    let slug = first_product(&app).await;
    let upper = slug.to_uppercase();
    for path in [
        format!("/media/products/{slug}/0-500.jpg"),
        format!("/media/products/{slug}/9-480.jpg"),
        format!("/media/products/{slug}/3-480.jpg"),
        format!("/media/products/{slug}/00-480.jpg"),
        format!("/media/products/{slug}/0-480.png"),
        format!("/media/products/{upper}/0-480.jpg"),
        format!("/media/products/{slug}/..%2F0-480.jpg"),
        "/media/products/..%2F..%2Fetc/0-480.jpg".to_owned(),
        "/media/products/%2E%2E/0-480.jpg".to_owned(),
        "/media/products/no-such-product/0-480.jpg".to_owned(),
    ] {
        assert_eq!(app.get(&path).await.status(), 404, "{path}");
    }
});

both!(
    a_thumbnail_is_drawn_once_and_then_served_from_the_data_dir,
    |app| {
        let slug = first_product(&app).await;
        let url = format!("/media/products/{slug}/2-240.jpg");
        let first = app.get(&url).await.bytes().await.expect("first body");
        let cached = app
            .data_dir
            .join(format!("media/products/{slug}/2-240.jpg"));
        assert_eq!(std::fs::read(&cached).expect("cached on disk"), first);
        // Another valid JPEG in its place: the next answer must be the file, not a new drawing.
        let other = app
            .get(&format!("/media/products/{slug}/0-240.jpg"))
            .await
            .bytes()
            .await
            .expect("other body");
        assert_ne!(other, first);
        std::fs::write(&cached, &other).expect("cache replaced");
        let second = app.get(&url).await.bytes().await.expect("second body");
        assert_eq!(second, other);
    }
);

both!(
    only_the_demo_is_drawn_a_sellers_product_without_pictures_shows_the_placeholder,
    |app| {
        app.seed_demo().await;
        let slugs: Vec<String> =
            sqlx::query_scalar("SELECT slug FROM products ORDER BY id LIMIT 4")
                .fetch_all(&app.pool)
                .await
                .expect("products");
        // Two products as a seller would have listed them: no drawn art.
        for slug in &slugs[2..] {
            sqlx::query("UPDATE products SET drawn_art = 0 WHERE slug = $1")
                .bind(slug)
                .execute(&app.pool)
                .await
                .expect("updated");
        }
        sqlx::query("UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1")
            .execute(&app.pool)
            .await
            .expect("revision");
        app.refresh().await;
        let mut bodies = Vec::new();
        for slug in &slugs {
            let response = app.get(&format!("/media/products/{slug}/0-480.jpg")).await;
            assert_eq!(response.status(), 200, "{slug}");
            let bytes = response.bytes().await.expect("body");
            assert_eq!(jpeg_size(&bytes), Some((480, 360)), "{slug}");
            bodies.push(bytes);
        }
        // The demo's drawings differ from product to product; the placeholder is one picture.
        assert_ne!(bodies[0], bodies[1]);
        assert_eq!(bodies[2], bodies[3]);
        assert_ne!(bodies[2], bodies[0]);
        // It is not stored as either product's picture.
        assert!(
            !app.data_dir
                .join(format!("media/products/{}/0-480.jpg", slugs[2]))
                .exists()
        );
        let svg = app
            .get(&format!("/media/products/{}.svg", slugs[3]))
            .await
            .text()
            .await
            .expect("svg");
        assert_eq!(svg, app::backend::media::placeholder_svg());
    }
);
