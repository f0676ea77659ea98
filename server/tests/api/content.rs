//! Culture, cuisine, tourism and exchange: pages in both languages, the recipe's
//! add-everything button, publishing per language, feeds, the editor's rights and uploads.

use app::error::{AppError, Problem};
use app::model::account::Role;
use app::model::article_draft::{ArticleDraft, DraftSide};
use app::model::cart::CartView;

use crate::both;
use crate::helpers::TestApp;
use crate::shopper::{Shopper, scalar_i64};

pub(crate) async fn editor<'a>(app: &'a TestApp, email: &str) -> Shopper<'a> {
    app::backend::auth::create_user(
        &app.pool,
        email,
        "Editor",
        "ink and paper".into(),
        Role::Editor,
    )
    .await
    .expect("editor created");
    let shopper = Shopper::new(app);
    shopper.login(email, "ink and paper").await.ok();
    shopper
}

fn english_only(slug: &str, publish_at: &str) -> ArticleDraft {
    ArticleDraft {
        slug: slug.into(),
        section: "culture".into(),
        publish_at: Some(publish_at.into()),
        en: DraftSide {
            title: "Spring in the Kalash valleys".into(),
            summary: "Joshi, the spring festival.".into(),
            body: "## Joshi\n\nMilk, flowers and dancing. <script>alert(1)</script>".into(),
            ..DraftSide::default()
        },
        ..ArticleDraft::default()
    }
}

both!(
    sections_articles_recipes_guides_and_pavilions_read_in_both_languages,
    |app| {
        app.seed_demo().await;
        let (status, cuisine) = app.get_text("/zh/cuisine").await;
        assert_eq!(status, 200);
        assert!(cuisine.contains("/zh/articles/sindhi-chicken-biryani"));
        assert!(
            cuisine.contains("application/atom+xml"),
            "the section links its feed"
        );
        let (status, recipe) = app.get_text("/en/articles/sindhi-chicken-biryani").await;
        assert_eq!(status, 200);
        for expected in [
            "\"@type\":\"Recipe\"",
            "recipeIngredient",
            "\"prepTime\":\"PT30M\"",
            "/en/products/super-kernel-basmati-5kg",
        ] {
            assert!(recipe.contains(expected), "{expected}");
        }
        let (status, guide) = app.get_text("/zh/articles/hunza").await;
        assert_eq!(status, 200);
        assert!(guide.contains("最佳季节") && guide.contains("中国公民签证须知"));
        let (status, story) = app
            .get_text("/zh/articles/pakistani-truck-art-moving-galleries")
            .await;
        assert_eq!(status, 200);
        assert!(story.contains("\"@type\":\"Article\"") && story.contains("<h2>"));
        let (status, pavilions) = app.get_text("/zh/pavilions").await;
        assert_eq!(status, 200);
        assert!(
            pavilions.contains("<svg")
                && pavilions.contains("成都")
                && pavilions.contains("乌鲁木齐")
        );
        assert!(!pavilions.contains("tile"), "no map tiles");
        assert_eq!(app.get_text("/en/articles/no-such-article").await.0, 404);
        let cover = app.get("/media/articles/hunza.svg").await;
        assert_eq!(cover.headers()["content-type"], "image/svg+xml");
        let shared = app.get("/media/articles/hunza.jpg").await;
        assert_eq!(shared.headers()["content-type"], "image/jpeg");
        assert!(
            recipe.contains("/media/articles/sindhi-chicken-biryani.jpg"),
            "og:image"
        );
        let (_, sitemap) = app.get_text("/sitemap.xml").await;
        assert!(sitemap.contains("/zh/articles/hunza") && sitemap.contains("/en/pavilions"));
    }
);

both!(
    a_recipe_puts_every_available_ingredient_in_the_cart_at_once,
    |app| {
        app.seed_demo().await;
        // One of the biryani's ingredients sold out: the others still go in.
        sqlx::query("UPDATE variants SET stock = 0 WHERE product_id = (SELECT id FROM products WHERE slug = 'sindhi-biryani-masala')")
        .execute(&app.pool)
        .await
        .expect("sold out");
        app.refresh().await;
        let linked = scalar_i64(&app, "SELECT CAST(COUNT(DISTINCT i.product_id) AS BIGINT) FROM recipe_ingredients i JOIN articles a ON a.id = i.article_id WHERE a.slug = 'sindhi-chicken-biryani'").await;
        let cook = Shopper::new(&app);
        let reply = cook
            .call(
                "add_recipe_to_cart",
                &[("lang", "Zh"), ("slug", "sindhi-chicken-biryani")],
            )
            .await;
        reply.ok();
        assert_eq!(reply.location.as_deref(), Some("/zh/cart"));
        let cart: CartView = cook.get("/api/cart?lang=Zh").await.json();
        assert_eq!(cart.lines.len() as i64, linked - 1);
        assert!(cart.lines.iter().all(|l| l.issue.is_none()));
        let unknown = cook
            .call(
                "add_recipe_to_cart",
                &[("lang", "Zh"), ("slug", "no-such-recipe")],
            )
            .await;
        assert_eq!(unknown.error(), AppError::NotFound);
    }
);

both!(
    an_article_is_published_only_in_the_languages_it_has_and_only_when_its_time_comes,
    |app| {
        app.seed_demo().await;
        let state = app.state();
        app::backend::content::writing::save(
            &state.pool,
            &english_only("kalash-spring", "2026-01-01T08:00"),
        )
        .await
        .expect("saved");
        assert_eq!(app.get_text("/en/articles/kalash-spring").await.0, 200);
        assert_eq!(app.get_text("/zh/articles/kalash-spring").await.0, 404);
        let (_, html) = app.get_text("/en/articles/kalash-spring").await;
        assert!(
            !html.contains("<script>alert(1)"),
            "the sanitiser removed the script"
        );
        let (_, zh_list) = app.get_text("/zh/culture").await;
        assert!(!zh_list.contains("kalash-spring"));
        app::backend::content::writing::save(
            &state.pool,
            &english_only("kalash-later", "2099-01-01T08:00"),
        )
        .await
        .expect("scheduled");
        assert_eq!(app.get_text("/en/articles/kalash-later").await.0, 404);
        let mut draft = english_only("kalash-draft", "");
        draft.publish_at = None;
        app::backend::content::writing::save(&state.pool, &draft)
            .await
            .expect("draft");
        assert_eq!(app.get_text("/en/articles/kalash-draft").await.0, 404);
        let (_, feed) = app.get_text("/feeds/en/culture.xml").await;
        assert!(feed.contains("kalash-spring") && !feed.contains("kalash-later"));
    }
);

both!(each_section_has_an_atom_feed_per_language, |app| {
    app.seed_demo().await;
    let response = app.get("/feeds/zh/culture.xml").await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("application/atom+xml")
    );
    let feed = response.text().await.expect("body");
    assert!(feed.starts_with("<?xml") && feed.contains("xml:lang=\"zh-CN\""));
    assert_eq!(feed.matches("<entry").count(), 8);
    assert_eq!(app.get_text("/feeds/xx/culture.xml").await.0, 404);
    assert_eq!(app.get_text("/feeds/en/politics.xml").await.0, 404);
});

both!(only_editors_write_articles_and_upload_pictures, |app| {
    app.seed_demo().await;
    let guest = Shopper::new(&app);
    assert_eq!(
        guest.get("/api/editor_articles").await.error(),
        AppError::SignInRequired
    );
    let customer = Shopper::new(&app);
    customer
        .register("reader@example.cn", "读者", "reading every day")
        .await
        .ok();
    assert_eq!(
        customer.get("/api/editor_articles").await.error(),
        AppError::Forbidden
    );
    let form = [
        ("lang", "En"),
        ("draft[slug]", "sneaky"),
        ("draft[section]", "culture"),
        ("draft[en][title]", "x"),
        ("draft[en][body]", "y"),
        ("draft[zh][title]", ""),
        ("draft[zh][body]", ""),
    ];
    assert_eq!(
        customer.call("save_article", &form).await.error(),
        AppError::Forbidden
    );
    assert_eq!(
        scalar_i64(
            &app,
            "SELECT CAST(COUNT(*) AS BIGINT) FROM articles WHERE slug = 'sneaky'"
        )
        .await,
        0
    );

    let editor = editor(&app, "editor@pavilion.test").await;
    let reply = editor.call("save_article", &form).await;
    reply.ok();
    assert!(
        reply
            .location
            .expect("back to the editor")
            .contains("/en/editor/")
    );
    let bad = [
        ("lang", "En"),
        ("draft[slug]", "Bad Slug"),
        ("draft[section]", "culture"),
        ("draft[en][title]", "x"),
        ("draft[en][body]", "y"),
        ("draft[zh][title]", ""),
        ("draft[zh][body]", ""),
    ];
    assert_eq!(
        editor.call("save_article", &bad).await.problem(),
        Problem::Slug
    );

    // Uploads: a picture is re-encoded; anything else is refused; customers cannot upload.
    let picture = {
        let image = image::RgbImage::from_pixel(64, 48, image::Rgb([1, 65, 28]));
        let mut png = std::io::Cursor::new(Vec::new());
        image
            .write_to(&mut png, image::ImageFormat::Png)
            .expect("png");
        png.into_inner()
    };
    let upload = |bytes: Vec<u8>, name: &'static str, who: &Shopper<'_>| {
        let form = reqwest::multipart::Form::new().part(
            "image",
            reqwest::multipart::Part::bytes(bytes).file_name(name),
        );
        let mut request = app
            .client
            .post(app.url("/uploads/images"))
            .header("referer", app.url("/en/editor/new"))
            .multipart(form);
        if let Some(token) = who.session_token() {
            request = request.header("cookie", format!("pavilion_session={token}"));
        }
        request.send()
    };
    let ok = upload(picture.clone(), "photo.png", &editor)
        .await
        .expect("sent");
    let location = ok.headers()["location"].to_str().expect("ascii").to_owned();
    assert!(
        location.starts_with("/en/editor/new?uploaded=/media/uploads/"),
        "{location}"
    );
    let stored = app
        .get(location.split("uploaded=").nth(1).expect("path"))
        .await;
    assert_eq!(stored.headers()["content-type"], "image/jpeg");
    let exe = upload(
        b"\x7fELF\x02\x01\x01\x00 pretending".to_vec(),
        "cat.jpg",
        &editor,
    )
    .await
    .expect("sent");
    assert!(
        exe.headers()["location"]
            .to_str()
            .expect("ascii")
            .contains("upload_error=not_image")
    );
    let refused = upload(picture, "photo.png", &customer).await.expect("sent");
    assert_eq!(refused.status(), 403);
    // 50 MB: refused with 413 (or the connection is closed before the client finished
    // sending it); either way nothing is stored and the server carries on.
    match upload(vec![0u8; 50 * 1024 * 1024], "huge.jpg", &editor).await {
        Ok(response) => assert_eq!(response.status(), 413),
        Err(error) => assert!(error.is_request() || error.is_body(), "{error}"),
    }
    let stored = std::fs::read_dir(app.data_dir.join("media").join("uploads"))
        .expect("uploads folder")
        .count();
    assert_eq!(stored, 1, "only the photo was kept");
    assert_eq!(app.get_text("/healthz").await.0, 200, "the server stays up");
});
