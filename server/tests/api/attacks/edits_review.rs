//! Finding 3: an edit of the words or pictures of a product on sale waits for review, and
//! the approved version stays on sale until it is approved; prices change at once.

use app::error::Problem;
use app::model::ProductPage;
use app::model::seller::ProductEditor;

use crate::both;
use crate::helpers::TestApp;
use crate::sellers::{product, put_on_sale, seller};
use crate::shopper::{Shopper, scalar_i64};

fn set<'a>(form: &mut Vec<(&'a str, &'a str)>, key: &'a str, value: &'a str) {
    form.retain(|(k, _)| *k != key);
    form.push((key, value));
}

async fn on_sale(app: &TestApp) -> ProductPage {
    Shopper::new(app)
        .get("/api/product?lang=En&slug=review-ball")
        .await
        .json()
}

/// A red picture, as a phone would send it.
fn photo() -> Vec<u8> {
    let image = image::RgbImage::from_pixel(800, 600, image::Rgb([200, 30, 40]));
    let mut png = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut png, image::ImageFormat::Png)
        .expect("png");
    png.into_inner()
}

both!(
    an_edit_of_a_product_on_sale_waits_for_review_while_the_approved_version_sells,
    |app| {
        app.seed_demo().await;
        let owner = seller(&app, "owner@example.pk", "Sialkot Stitch").await;
        let mut form = product("review-ball", "RB-5", "手工缝制比赛足球");
        set(
            &mut form,
            "draft[zh][summary]",
            "锡亚尔科特手工缝制，32片拼接。",
        );
        set(
            &mut form,
            "draft[zh][description]",
            "5号标准球，合成革，乳胶内胆。",
        );
        let id = put_on_sale(&app, &owner, &form).await;
        let id_text = id.to_string();
        let approved = on_sale(&app).await;
        assert_eq!(approved.title, "Hand-stitched match football");

        // The seller rewrites the title and a label, changes the price and adds a variant.
        let variant = scalar_i64(&app, "SELECT id FROM variants WHERE sku = 'RB-5'")
            .await
            .to_string();
        let mut edit = form.clone();
        set(&mut edit, "draft[id]", &id_text);
        set(&mut edit, "draft[variants][0][id]", &variant);
        set(
            &mut edit,
            "draft[en][title]",
            "Champion match football, now cheaper",
        );
        set(
            &mut edit,
            "draft[variants][0][label_en]",
            "Size 5 (official)",
        );
        set(&mut edit, "draft[variants][0][price]", "150.00");
        for (key, value) in [
            ("draft[variants][1][sku]", "RB-4"),
            ("draft[variants][1][label_en]", "Size 4"),
            ("draft[variants][1][label_zh]", "4号球"),
            ("draft[variants][1][price]", "140.00"),
            ("draft[variants][1][stock]", "5"),
        ] {
            set(&mut edit, key, value);
        }
        owner.call("save_product", &edit).await.ok();
        app.refresh().await;

        // On sale: the approved words, the new price, not the new variant.
        let page = on_sale(&app).await;
        assert_eq!(page.title, "Hand-stitched match football");
        assert_eq!(page.variants.len(), 1, "the new variant is not sold yet");
        assert_eq!(page.variants[0].label, "Size 5");
        assert_eq!(
            page.variants[0].price.minor, 15_000,
            "the price changed at once"
        );
        assert_eq!(
            Shopper::new(&app).add("RB-4", 1).await.problem(),
            Problem::Unavailable
        );
        // The seller sees the edit, and that it waits.
        let editor: ProductEditor = owner
            .get(&format!("/api/seller_product?id={id}"))
            .await
            .json();
        assert!(editor.edit_waiting);
        assert_eq!(
            editor.draft.en.title,
            "Champion match football, now cheaper"
        );
        assert_eq!(editor.draft.variants[0].label_en, "Size 5 (official)");
        let html = owner.get(&format!("/zh/seller/products/{id}")).await.body;
        assert!(
            html.contains("正在等待国家馆审核"),
            "the editor says it waits"
        );

        // A new picture waits too; the one on sale stays.
        let form = reqwest::multipart::Form::new()
            .text("lang", "en")
            .text("product", id_text.clone())
            .text("index", "1")
            .part(
                "image",
                reqwest::multipart::Part::bytes(photo()).file_name("ball.png"),
            );
        let token = owner.session_token().expect("signed in");
        let uploaded = app
            .client
            .post(app.url("/uploads/products"))
            .multipart(form)
            .header("cookie", format!("pavilion_session={token}"))
            .send()
            .await
            .expect("sent");
        assert!(uploaded.status().is_redirection(), "{}", uploaded.status());
        let live_picture = app.data_dir.join("media/products/review-ball/1-480.jpg");
        let waiting_picture = app
            .data_dir
            .join("media/products/review-ball/pending/1-480.jpg");
        assert!(!live_picture.exists() && waiting_picture.exists());
        assert_eq!(
            app.get("/media/products/review-ball/pending/1-480.jpg")
                .await
                .status(),
            404,
            "a waiting picture is never served"
        );

        // Sent back: still the approved version on sale, the seller reads why.
        let operator = app::backend::admin::Operator::command_line();
        let state = app.state();
        app::backend::admin::listings::decide(
            &app::backend::admin::Desk::of(&state),
            &operator,
            id,
            false,
            "请不要在标题里写促销信息",
        )
        .await
        .expect("sent back");
        app.refresh().await;
        assert_eq!(on_sale(&app).await.title, "Hand-stitched match football");
        // Edited again and approved: now the edit is on sale, pictures included.
        let four = scalar_i64(&app, "SELECT id FROM variants WHERE sku = 'RB-4'")
            .await
            .to_string();
        set(&mut edit, "draft[variants][1][id]", &four);
        set(&mut edit, "draft[en][title]", "Champion match football");
        owner.call("save_product", &edit).await.ok();
        app::backend::admin::listings::decide(
            &app::backend::admin::Desk::of(&state),
            &operator,
            id,
            true,
            "",
        )
        .await
        .expect("approved");
        app.refresh().await;
        let page = on_sale(&app).await;
        assert_eq!(page.title, "Champion match football");
        assert_eq!(page.variants.len(), 2);
        assert_eq!(page.variants[0].label, "Size 5 (official)");
        assert!(live_picture.exists() && !waiting_picture.exists());
        Shopper::new(&app).add("RB-4", 1).await.ok();
        let editor: ProductEditor = owner
            .get(&format!("/api/seller_product?id={id}"))
            .await
            .json();
        assert!(!editor.edit_waiting && editor.pictures_waiting.is_empty());

        // A price change alone asks for no review.
        set(&mut edit, "draft[variants][0][price]", "145.00");
        owner.call("save_product", &edit).await.ok();
        assert_eq!(
            scalar_i64(
                &app,
                "SELECT CAST(COUNT(*) AS BIGINT) FROM products WHERE slug = 'review-ball' AND review_requested_at IS NOT NULL"
            )
            .await,
            0
        );
        app.refresh().await;
        assert_eq!(on_sale(&app).await.variants[0].price.minor, 14_500);
    }
);
