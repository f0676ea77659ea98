//! A new product's first save carries its pictures (`/uploads/products/new`): one
//! multipart form, so that a seller adds pictures before any product id exists.

use crate::both;
use crate::helpers::TestApp;
use crate::sellers::{product, seller};
use crate::shopper::Shopper;

fn png(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_pixel(width, height, image::Rgb([30, 120, 60]));
    let mut png = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut png, image::ImageFormat::Png)
        .expect("png");
    png.into_inner()
}

/// Posts the new-product form as the browser sends it, with pictures at some positions.
async fn send(
    app: &TestApp,
    who: &Shopper<'_>,
    fields: &[(&str, &str)],
    pictures: &[(u8, Vec<u8>)],
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new();
    for (name, value) in fields {
        form = form.text(name.to_string(), value.to_string());
    }
    for (index, bytes) in pictures {
        let part = reqwest::multipart::Part::bytes(bytes.clone()).file_name("photo.png");
        form = form.part(format!("picture_{index}"), part);
    }
    let mut request = app
        .client
        .post(app.url("/uploads/products/new"))
        .multipart(form);
    if let Some(token) = who.session_token() {
        request = request.header("cookie", format!("pavilion_session={token}"));
    }
    request.send().await.expect("sent")
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned()
}

async fn products_named(app: &TestApp, slug: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM products WHERE slug = $1")
        .bind(slug)
        .fetch_one(&app.pool)
        .await
        .expect("count")
}

both!(
    a_new_product_is_saved_with_the_pictures_chosen_on_its_form,
    |app| {
        app.seed_demo().await;
        let owner = seller(&app, "first@example.pk", "Zeta Sports").await;
        let fields = product("zeta-football", "ZETA-5", "手缝足球");
        let saved = send(
            &app,
            &owner,
            &fields,
            &[(0, png(800, 600)), (2, png(640, 480))],
        )
        .await;
        assert_eq!(saved.status(), 303);
        let to = location(&saved);
        assert!(
            to.starts_with("/en/seller/products/") && to.ends_with("?saved=1&uploaded=1"),
            "{to}"
        );
        assert_eq!(products_named(&app, "zeta-football").await, 1);
        for index in [0, 2] {
            let picture = app
                .get(&format!("/media/products/zeta-football/{index}-480.jpg"))
                .await;
            assert_eq!(picture.status(), 200, "picture {index}");
            assert_eq!(picture.headers()["content-type"], "image/jpeg");
        }
        // The editor shows the two pictures and an empty place between them.
        let editor = owner.get(&to).await;
        assert_eq!(editor.status, 200);
        assert!(
            editor
                .body
                .contains("/media/products/zeta-football/0-240.jpg")
        );
        assert!(
            editor
                .body
                .contains("/media/products/zeta-football/2-240.jpg")
        );
        assert!(
            !editor
                .body
                .contains("/media/products/zeta-football/1-240.jpg")
        );

        // Without pictures it is an ordinary first save.
        let plain = send(&app, &owner, &product("zeta-ball-2", "ZETA-6", ""), &[]).await;
        assert!(
            location(&plain).ends_with("?saved=1"),
            "{}",
            location(&plain)
        );

        // A picture that is not one: the product is kept, its editor says what to choose again.
        let odd = send(
            &app,
            &owner,
            &product("zeta-ball-3", "ZETA-7", ""),
            &[(1, b"MZ\x90\x00 not a picture".to_vec())],
        )
        .await;
        assert!(
            location(&odd).contains("upload_error=not_image"),
            "{}",
            location(&odd)
        );
        assert_eq!(products_named(&app, "zeta-ball-3").await, 1);
    }
);

both!(
    a_refused_new_product_goes_back_to_its_form_and_saves_nothing,
    |app| {
        app.seed_demo().await;
        let owner = seller(&app, "second@example.pk", "Eta Sports").await;
        let mut fields = product("eta-football", "ETA-5", "");
        fields.retain(|(name, _)| *name != "draft[hs_code]");
        fields.push(("draft[hs_code]", "not a code"));
        let refused = send(&app, &owner, &fields, &[(0, png(800, 600))]).await;
        assert_eq!(refused.status(), 303);
        let to = location(&refused);
        assert!(
            to.starts_with("/en/seller/products/new?")
                && to.contains("__path=%2Fapi%2Fsave_product"),
            "{to}"
        );
        assert_eq!(products_named(&app, "eta-football").await, 0);
        assert!(!app.data_dir.join("media/products/eta-football").exists());
        // The form comes back with the reason beside the code and the rest as typed.
        let token = refused
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|c| c.strip_prefix("pavilion_form="))
            .and_then(|c| c.split(';').next())
            .expect("the draft's cookie")
            .to_owned();
        let page = app
            .client
            .get(app.url(&to))
            .header(
                "cookie",
                format!(
                    "pavilion_session={}; pavilion_form={token}",
                    owner.session_token().expect("signed in")
                ),
            )
            .send()
            .await
            .expect("page");
        let body = page.text().await.expect("body");
        let code = body
            .find(r#"id="field-draft-hs_code""#)
            .expect("the code field");
        let tag =
            &body[body[..code].rfind('<').expect("<")..code + body[code..].find('>').expect(">")];
        assert!(tag.contains(r#"aria-invalid="true""#), "{tag}");
        assert!(tag.contains("not a code"), "{tag}");
        assert!(body.contains("Hand-stitched match football"));

        // Someone else's session may not create products in this shop's name.
        let stranger = Shopper::new(&app);
        let anonymous = send(&app, &stranger, &product("eta-2", "ETA-6", ""), &[]).await;
        assert_eq!(anonymous.status(), 401);
    }
);
