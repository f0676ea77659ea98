//! Sellers: applying, approval, the bilingual product editor and publishing, parcels,
//! stock and sales; seller A never reaches seller B's shop; uploads checked by content.

use app::error::{AppError, Problem};
use app::model::order::PlacedOrder;
use app::model::seller::{
    ApplicationStatus, ApplicationView, CsvProblemKind, FieldState, GlossaryTerm, ImportReport,
    ProductEditor, ProductStatus, SalesReport, SellerShop, ShipmentRow, StaffMember, StockRow,
};
use app::model::site::Visitor;

use crate::both;
use crate::helpers::TestApp;
use crate::shopper::{Shopper, key, scalar_i64};

/// A valid unified social credit code (GB 32100-2015 check character).
const USCC: &str = "91350100M000100Y43";

pub(crate) fn application<'a>(
    kind: &'a str,
    number: &'a str,
    shop: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("lang", "En"),
        ("form[kind]", kind),
        ("form[legal_name]", "Indus Valley Traders (Pvt) Ltd"),
        ("form[shop_name]", shop),
        ("form[registration_number]", number),
        ("form[city]", "sialkot"),
        ("form[contact_name]", "Bilal Ahmed"),
        ("form[contact_phone]", "+92 300 1234567"),
        ("form[categories][sports-goods]", "sports-goods"),
    ]
}

/// A registered person whose application was approved: the owner of a verified shop.
pub(crate) async fn seller<'a>(app: &'a TestApp, email: &str, shop: &str) -> Shopper<'a> {
    let person = Shopper::new(app);
    person
        .register(email, "Bilal", "green cricket pitch")
        .await
        .ok();
    let id: i64 = person
        .call(
            "apply_for_shop",
            &application("exporter", "1234567-8", shop),
        )
        .await
        .ok()
        .json();
    app::backend::seller::applications::approve(&app.pool, app.state().engine, id, None)
        .await
        .expect("approved");
    person
}

pub(crate) fn product<'a>(
    slug: &'a str,
    sku: &'a str,
    zh_title: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("lang", "En"),
        ("draft[slug]", slug),
        ("draft[category]", "footballs"),
        ("draft[origin_city]", "sialkot"),
        ("draft[hs_code]", "9506.62"),
        ("draft[weight_g]", "450"),
        ("draft[en][title]", "Hand-stitched match football"),
        (
            "draft[en][summary]",
            "32 panels, stitched by hand in Sialkot.",
        ),
        (
            "draft[en][description]",
            "Size 5, synthetic leather, latex bladder.",
        ),
        ("draft[zh][title]", zh_title),
        ("draft[zh][summary]", ""),
        ("draft[zh][description]", ""),
        ("draft[variants][0][sku]", sku),
        ("draft[variants][0][label_en]", "Size 5"),
        ("draft[variants][0][label_zh]", "5号球"),
        ("draft[variants][0][price]", "168.00"),
        ("draft[variants][0][stock]", "3"),
    ]
}

/// The shop's products as its owner downloads them.
pub(crate) async fn exported_csv(app: &TestApp, owner: &Shopper<'_>) -> String {
    let token = owner.session_token().expect("signed in");
    app.client
        .get(app.url("/exports/products.csv"))
        .header("cookie", format!("pavilion_session={token}"))
        .send()
        .await
        .expect("sent")
        .text()
        .await
        .expect("body")
}

/// The pavilion's reviewer puts a submitted product on sale.
pub(crate) async fn approve(app: &TestApp, id: i64) {
    app::backend::seller::products::decide_review(&app.pool, app.state().engine, id, true, "")
        .await
        .expect("approved");
    app.refresh().await;
}

pub(crate) fn saved_id(reply: &crate::shopper::Reply) -> i64 {
    reply.ok().json()
}

/// Saves a product from `form`, submits it and has the pavilion approve it; its id.
pub(crate) async fn put_on_sale(app: &TestApp, owner: &Shopper<'_>, form: &[(&str, &str)]) -> i64 {
    let id = saved_id(&owner.call("save_product", form).await);
    let id_text = id.to_string();
    owner
        .call(
            "publish_product",
            &[("lang", "En"), ("id", &id_text), ("publish", "true")],
        )
        .await
        .ok();
    approve(app, id).await;
    id
}

both!(
    an_application_is_checked_approved_and_opens_a_verified_shop,
    |app| {
        app.seed_demo().await;
        let person = Shopper::new(&app);
        let anonymous = person
            .call(
                "apply_for_shop",
                &application("exporter", "1234567-8", "Sialkot Stitch"),
            )
            .await;
        assert_eq!(anonymous.error(), AppError::SignInRequired);
        person
            .register("bilal@example.pk", "Bilal", "green cricket pitch")
            .await
            .ok();
        for (kind, number, problem) in [
            ("exporter", "12345", Problem::Registration),
            (
                "importer",
                "91350100M000100Y44",
                Problem::RegistrationChecksum,
            ),
            ("importer", "1234567-8", Problem::Registration),
            ("wholesaler", "1234567-8", Problem::ShopKind),
        ] {
            let reply = person
                .call(
                    "apply_for_shop",
                    &application(kind, number, "Sialkot Stitch"),
                )
                .await;
            assert_eq!(reply.problem(), problem, "{kind} {number}");
        }
        let mut no_categories = application("importer", USCC, "Sialkot Stitch");
        no_categories.retain(|(k, _)| !k.starts_with("form[categories]"));
        assert_eq!(
            person
                .call("apply_for_shop", &no_categories)
                .await
                .problem(),
            Problem::ShopCategories
        );
        assert_eq!(
            scalar_i64(
                &app,
                "SELECT CAST(COUNT(*) AS BIGINT) FROM shop_applications"
            )
            .await,
            0
        );
        let visitor: Visitor = person.get("/api/visitor").await.json();
        assert!(!visitor.applicant && !visitor.seller, "{visitor:?}");

        let id: i64 = person
            .call(
                "apply_for_shop",
                &application("importer", "91350100 m000100y43", "Sialkot Stitch"),
            )
            .await
            .ok()
            .json();
        assert_eq!(
            person
                .call("apply_for_shop", &application("importer", USCC, "Again"))
                .await
                .problem(),
            Problem::AlreadyApplied
        );
        let view: Option<ApplicationView> = person.get("/api/my_application?lang=En").await.json();
        let view = view.expect("the application");
        assert_eq!(view.status, ApplicationStatus::Pending);
        assert_eq!(view.registration_number, USCC);
        // The header links an applicant to the application's status.
        let visitor: Visitor = person.get("/api/visitor").await.json();
        assert!(visitor.applicant && !visitor.seller, "{visitor:?}");
        // Not a seller yet: the dashboard's functions refuse.
        assert_eq!(
            person.get("/api/seller_products?lang=En").await.error(),
            AppError::Forbidden
        );

        app::backend::seller::applications::reject(&app.pool, id, "")
            .await
            .expect_err("a reason is needed");
        let slug =
            app::backend::seller::applications::approve(&app.pool, app.state().engine, id, None)
                .await
                .expect("approved");
        assert_eq!(slug, "sialkot-stitch");
        let shop: Option<SellerShop> = person.get("/api/seller_shop?lang=En").await.json();
        let shop = shop.expect("a shop");
        assert!(shop.verified);
        // ... and a seller to the dashboard.
        let visitor: Visitor = person.get("/api/visitor").await.json();
        assert!(visitor.seller && !visitor.applicant, "{visitor:?}");
        let view: Option<ApplicationView> = person.get("/api/my_application?lang=Zh").await.json();
        assert_eq!(view.map(|v| v.status), Some(ApplicationStatus::Approved));
        // A decided application cannot be decided again.
        assert!(
            app::backend::seller::applications::reject(&app.pool, id, "late")
                .await
                .is_err()
        );
    }
);

both!(
    a_product_is_published_only_with_both_languages_and_then_found_in_chinese,
    |app| {
        app.seed_demo().await;
        let owner = seller(&app, "owner@example.pk", "Sialkot Stitch").await;
        let id = saved_id(
            &owner
                .call(
                    "save_product",
                    &product("match-football-a", "SS-BALL-5", ""),
                )
                .await,
        );
        let editor: ProductEditor = owner
            .get(&format!("/api/seller_product?id={id}"))
            .await
            .json();
        assert_eq!(editor.status, ProductStatus::Draft);
        assert_eq!(editor.zh.title, FieldState::Missing);
        assert_eq!(editor.en.title, FieldState::Ok);
        let id_text = id.to_string();
        let publish = |publish: &'static str| {
            [
                ("lang", "En"),
                ("id", id_text.as_str()),
                ("publish", publish),
            ]
        };
        assert_eq!(
            owner
                .call("publish_product", &publish("true"))
                .await
                .problem(),
            Problem::Incomplete
        );

        // The Chinese side is written; then English changes, so Chinese is marked out of date.
        let mut both_sides = product("match-football-a", "SS-BALL-5", "手工缝制比赛足球");
        both_sides.push(("draft[id]", &id_text));
        let variant: i64 =
            scalar_i64(&app, "SELECT id FROM variants WHERE sku = 'SS-BALL-5'").await;
        let variant_text = variant.to_string();
        both_sides.push(("draft[variants][0][id]", &variant_text));
        for (key, value) in [
            ("draft[zh][summary]", "锡亚尔科特手工缝制，32片拼接。"),
            ("draft[zh][description]", "5号标准球，合成革，乳胶内胆。"),
        ] {
            both_sides.retain(|(k, _)| *k != key);
            both_sides.push((key, value));
        }
        owner.call("save_product", &both_sides).await.ok();
        both_sides.retain(|(k, _)| *k != "draft[en][summary]");
        both_sides.push((
            "draft[en][summary]",
            "32 panels, hand-stitched in Sialkot by the Ahmed family.",
        ));
        owner.call("save_product", &both_sides).await.ok();
        let editor: ProductEditor = owner
            .get(&format!("/api/seller_product?id={id}"))
            .await
            .json();
        assert_eq!(editor.zh.summary, FieldState::Stale);
        assert_eq!(editor.en.summary, FieldState::Ok);
        assert_eq!(editor.zh.title, FieldState::Ok);

        owner.call("publish_product", &publish("true")).await.ok();
        let editor: ProductEditor = owner
            .get(&format!("/api/seller_product?id={id}"))
            .await
            .json();
        assert_eq!(editor.status, ProductStatus::InReview);
        app.refresh().await;
        assert_eq!(
            app.get_text("/zh/products/match-football-a").await.0,
            404,
            "not on sale before review"
        );
        // Sent back once with a note, then approved.
        app::backend::seller::products::decide_review(
            &app.pool,
            app.state().engine,
            id,
            false,
            "请补充尺寸",
        )
        .await
        .expect("sent back");
        let editor: ProductEditor = owner
            .get(&format!("/api/seller_product?id={id}"))
            .await
            .json();
        assert_eq!(editor.status, ProductStatus::Draft);
        assert_eq!(editor.review_note.as_deref(), Some("请补充尺寸"));
        owner.call("publish_product", &publish("true")).await.ok();
        approve(&app, id).await;
        let (_, found) = app.get_text("/zh/products?q=%E8%B6%B3%E7%90%83").await;
        assert!(
            found.contains("/zh/products/match-football-a"),
            "found in a Chinese search"
        );
        let (status, page) = app.get_text("/zh/products/match-football-a").await;
        assert_eq!(status, 200);
        assert!(page.contains("手工缝制比赛足球"));

        // A published product cannot lose a language.
        let mut emptied = both_sides.clone();
        emptied.retain(|(k, _)| *k != "draft[zh][description]");
        emptied.push(("draft[zh][description]", ""));
        assert_eq!(
            owner.call("save_product", &emptied).await.problem(),
            Problem::Incomplete
        );
        let description: i64 = scalar_i64(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM product_texts WHERE locale = 'zh' AND description = ''").await;
        assert_eq!(description, 0, "the refused save wrote nothing");
        // Another shop's SKU or slug is refused.
        let mut taken = product("match-football-b", "SS-BALL-5", "足球");
        taken.retain(|(k, _)| *k != "draft[variants][0][stock]");
        assert_eq!(
            owner.call("save_product", &taken).await.problem(),
            Problem::SkuTaken
        );
        assert_eq!(
            owner
                .call(
                    "save_product",
                    &product("super-kernel-basmati-5kg", "NEW-1", "香米")
                )
                .await
                .problem(),
            Problem::SlugTaken
        );
    }
);

/// Places a paid order for one unit of `sku`; returns the order number.
pub(crate) async fn paid_order(app: &TestApp, sku: &str) -> String {
    let buyer = crate::shopper::registered_buyer(app).await;
    buyer.add(sku, 1).await.ok();
    let order: PlacedOrder = buyer.checkout(&key(), &[]).await.json();
    crate::shopper::mark_paid(app, &order.number).await;
    order.number
}

both!(
    seller_a_never_reaches_seller_b_and_ships_only_its_own_parcels,
    |app| {
        app.seed_demo().await;
        let a = seller(&app, "a@example.pk", "Alpha Sports").await;
        let b = seller(&app, "b@example.pk", "Beta Leather").await;
        let mut full = product("alpha-football", "ALPHA-5", "阿尔法足球");
        for (key, value) in [
            ("draft[zh][summary]", "手工缝制。"),
            ("draft[zh][description]", "5号球。"),
        ] {
            full.retain(|(k, _)| *k != key);
            full.push((key, value));
        }
        let id = saved_id(&a.call("save_product", &full).await);
        let id_text = id.to_string();
        a.call(
            "publish_product",
            &[("lang", "En"), ("id", &id_text), ("publish", "true")],
        )
        .await
        .ok();
        approve(&app, id).await;
        let number = paid_order(&app, "ALPHA-5").await;
        let parcels: Vec<ShipmentRow> = a.get("/api/seller_shipments?to_ship=true").await.json();
        assert_eq!(parcels.len(), 1);
        let parcel = parcels[0].id.to_string();
        assert_eq!(parcels[0].order_number, number);
        let variant = scalar_i64(&app, "SELECT id FROM variants WHERE sku = 'ALPHA-5'")
            .await
            .to_string();

        // B, by direct server-function call and by page: nothing of A's.
        assert_eq!(
            b.get(&format!("/api/seller_product?id={id}")).await.error(),
            AppError::NotFound
        );
        let mut hijack = full.clone();
        hijack.push(("draft[id]", &id_text));
        assert_eq!(
            b.call("save_product", &hijack).await.error(),
            AppError::NotFound
        );
        assert_eq!(
            b.call(
                "publish_product",
                &[("lang", "En"), ("id", &id_text), ("publish", "false")]
            )
            .await
            .error(),
            AppError::NotFound
        );
        assert_eq!(
            b.get(&format!("/api/seller_shipment?id={parcel}"))
                .await
                .error(),
            AppError::NotFound
        );
        assert_eq!(
            b.call(
                "ship_shipment",
                &[
                    ("lang", "En"),
                    ("id", &parcel),
                    ("carrier", "TCS"),
                    ("tracking", "TCS12345678")
                ]
            )
            .await
            .error(),
            AppError::NotFound
        );
        assert_eq!(
            b.call(
                "cancel_shipment",
                &[("lang", "En"), ("id", &parcel), ("reason", "mine")]
            )
            .await
            .error(),
            AppError::NotFound
        );
        assert_eq!(
            b.call(
                "adjust_stock",
                &[
                    ("lang", "En"),
                    ("variant_id", &variant),
                    ("delta", "-3"),
                    ("reason", "sabotage")
                ]
            )
            .await
            .error(),
            AppError::NotFound
        );
        let theirs: Vec<ShipmentRow> = b.get("/api/seller_shipments?to_ship=false").await.json();
        assert!(theirs.is_empty());
        let stock: Vec<StockRow> = b
            .get("/api/seller_stock?lang=En&low_only=false")
            .await
            .json();
        assert!(stock.iter().all(|row| row.sku != "ALPHA-5"));
        let sales: SalesReport = b.get("/api/seller_sales?lang=En&days=30").await.json();
        assert_eq!(sales.orders, 0);
        let (status, page) = {
            let reply = b.get(&format!("/en/seller/products/{id}")).await;
            (reply.status, reply.body)
        };
        assert!(!page.contains("阿尔法足球"), "status {status}");
        // A customer without a shop gets no dashboard data at all.
        let customer = Shopper::new(&app);
        customer
            .register("c@example.cn", "C", "lotus pond walk")
            .await
            .ok();
        assert_eq!(
            customer
                .get("/api/seller_stock?lang=En&low_only=false")
                .await
                .error(),
            AppError::Forbidden
        );

        // A ships its own parcel; the sales report counts the order after commission.
        assert_eq!(
            a.call(
                "ship_shipment",
                &[
                    ("lang", "En"),
                    ("id", &parcel),
                    ("carrier", "TCS"),
                    ("tracking", "bad id!")
                ]
            )
            .await
            .problem(),
            Problem::Tracking
        );
        a.call(
            "ship_shipment",
            &[
                ("lang", "En"),
                ("id", &parcel),
                ("carrier", "TCS"),
                ("tracking", "tcs12345678"),
            ],
        )
        .await
        .ok();
        let shipped: ShipmentRow = a
            .get(&format!("/api/seller_shipment?id={parcel}"))
            .await
            .json();
        assert_eq!(shipped.tracking.as_deref(), Some("TCS12345678"));
        let buyer: String = sqlx::query_scalar(
            "SELECT o.email FROM orders o JOIN shipments s ON s.order_id = o.id WHERE s.id = $1",
        )
        .bind(shipped.id)
        .fetch_one(&app.pool)
        .await
        .expect("buyer");
        let (_, _, body) = crate::notices::mail_about(&app, &buyer, "已发货").await;
        assert!(
            body.contains("TCS") && body.contains("TCS12345678"),
            "{body}"
        );
        assert_eq!(
            a.call(
                "cancel_shipment",
                &[("lang", "En"), ("id", &parcel), ("reason", "too late")]
            )
            .await
            .problem(),
            Problem::NotFulfillable
        );
        let sales: SalesReport = a.get("/api/seller_sales?lang=En&days=7").await.json();
        assert_eq!(
            (sales.orders, sales.units, sales.goods_minor),
            (1, 1, 16_800)
        );
        assert_eq!(
            sales.commission_minor,
            16_800 * sales.commission_basis_points / 10_000
        );
        assert!(
            sales.net_pkr_minor.is_some_and(|pkr| pkr > sales.net_minor),
            "an exporter sees rupees, which outnumber yuan"
        );
        assert!(sales.chart_svg.starts_with("<svg"));
        // The operator changes the commission from today on; the report follows.
        use app::backend::seller::analytics::set_commission;
        let today = app::model::china_time::date(app::backend::db::now_seconds());
        assert!(
            !set_commission(&app.pool, 9_000, &today)
                .await
                .expect("query")
        );
        assert!(
            !set_commission(&app.pool, 500, "2026-02-30")
                .await
                .expect("query")
        );
        assert!(set_commission(&app.pool, 500, &today).await.expect("query"));
        let sales: SalesReport = a.get("/api/seller_sales?lang=En&days=7").await.json();
        assert_eq!(
            (sales.commission_basis_points, sales.commission_minor),
            (500, 840)
        );
    }
);

both!(
    stock_is_adjusted_with_a_reason_and_a_cancelled_parcel_returns_its_stock,
    |app| {
        app.seed_demo().await;
        let owner = seller(&app, "owner@example.pk", "Gamma Goods").await;
        let mut full = product("gamma-football", "GAMMA-5", "伽马足球");
        for (key, value) in [
            ("draft[zh][summary]", "手工缝制。"),
            ("draft[zh][description]", "5号球。"),
        ] {
            full.retain(|(k, _)| *k != key);
            full.push((key, value));
        }
        let id = saved_id(&owner.call("save_product", &full).await).to_string();
        owner
            .call(
                "publish_product",
                &[("lang", "En"), ("id", &id), ("publish", "true")],
            )
            .await
            .ok();
        approve(&app, id.parse().expect("an id")).await;
        let variant = scalar_i64(&app, "SELECT id FROM variants WHERE sku = 'GAMMA-5'")
            .await
            .to_string();
        let adjust = |delta: &'static str, reason: &'static str| {
            [
                ("lang", "En"),
                ("variant_id", variant.as_str()),
                ("delta", delta),
                ("reason", reason),
            ]
        };
        assert_eq!(
            owner
                .call("adjust_stock", &adjust("-4", "damaged"))
                .await
                .problem(),
            Problem::StockDelta
        );
        assert_eq!(
            owner.call("adjust_stock", &adjust("2", "")).await.problem(),
            Problem::Reason
        );
        assert_eq!(
            owner
                .call("adjust_stock", &adjust("ten", "count"))
                .await
                .problem(),
            Problem::StockDelta
        );
        owner
            .call(
                "adjust_stock",
                &adjust("+7", "new delivery from the workshop"),
            )
            .await
            .ok();
        let stock = || scalar_i64(&app, "SELECT stock FROM variants WHERE sku = 'GAMMA-5'");
        assert_eq!(stock().await, 10);
        assert_eq!(
            scalar_i64(
                &app,
                "SELECT CAST(COUNT(*) AS BIGINT) FROM stock_adjustments"
            )
            .await,
            1
        );
        let low: Vec<StockRow> = owner
            .get("/api/seller_stock?lang=En&low_only=true")
            .await
            .json();
        assert!(low.is_empty(), "10 is above the threshold of 5");

        let number = paid_order(&app, "GAMMA-5").await;
        assert_eq!(stock().await, 9);
        let parcel = scalar_i64(&app, &format!("SELECT sh.id FROM shipments sh JOIN orders o ON o.id = sh.order_id WHERE o.number = '{number}'"))
        .await
        .to_string();
        assert_eq!(
            owner
                .call(
                    "cancel_shipment",
                    &[("lang", "En"), ("id", &parcel), ("reason", "")]
                )
                .await
                .problem(),
            Problem::Reason
        );
        owner
            .call(
                "cancel_shipment",
                &[
                    ("lang", "En"),
                    ("id", &parcel),
                    ("reason", "Out of size 5 until March"),
                ],
            )
            .await
            .ok();
        assert_eq!(stock().await, 10);
        let order_status: String =
            sqlx::query_scalar("SELECT status FROM orders WHERE number = $1")
                .bind(&number)
                .fetch_one(&app.pool)
                .await
                .expect("order");
        assert_eq!(order_status, "cancelled");
        // The buyer reads why, in the order's language, with the way to the order.
        let buyer = order_email(&app, &number).await;
        let (_, subject, body) = crate::notices::mail_about(&app, &buyer, "取消").await;
        assert!(subject.contains(&number), "{subject}");
        assert!(body.contains("Out of size 5 until March"), "{body}");
        assert!(body.contains(&format!("/orders/{number}")), "{body}");
    }
);

/// The address an order's mail goes to.
pub(crate) async fn order_email(app: &TestApp, number: &str) -> String {
    sqlx::query_scalar("SELECT email FROM orders WHERE number = $1")
        .bind(number)
        .fetch_one(&app.pool)
        .await
        .expect("order")
}

both!(
    product_pictures_and_documents_are_checked_by_content,
    |app| {
        app.seed_demo().await;
        let owner = seller(&app, "owner@example.pk", "Delta Crafts").await;
        let other = seller(&app, "other@example.pk", "Epsilon Crafts").await;
        let id = saved_id(
            &owner
                .call("save_product", &product("delta-football", "DELTA-5", ""))
                .await,
        )
        .to_string();
        let photo = {
            let image = image::RgbImage::from_pixel(800, 400, image::Rgb([200, 30, 40]));
            let mut png = std::io::Cursor::new(Vec::new());
            image
                .write_to(&mut png, image::ImageFormat::Png)
                .expect("png");
            png.into_inner()
        };
        let upload =
            |path: &'static str, field: &'static str, bytes: Vec<u8>, who: &Shopper<'_>| {
                let form = reqwest::multipart::Form::new()
                    .text("lang", "en")
                    .text("product", id.clone())
                    .text("index", "0")
                    .part(
                        field,
                        reqwest::multipart::Part::bytes(bytes).file_name("file.jpg"),
                    );
                let mut request = app.client.post(app.url(path)).multipart(form);
                if let Some(token) = who.session_token() {
                    request = request.header("cookie", format!("pavilion_session={token}"));
                }
                request.send()
            };
        let location = |response: reqwest::Response| {
            response.headers()["location"]
                .to_str()
                .expect("ascii")
                .to_owned()
        };
        let ok = upload("/uploads/products", "image", photo.clone(), &owner)
            .await
            .expect("sent");
        assert!(location(ok).ends_with("?uploaded=0"));
        let stored = app.get("/media/products/delta-football/0-480.jpg").await;
        assert_eq!(stored.status(), 200);
        let stored =
            image::load_from_memory(&stored.bytes().await.expect("bytes")).expect("a picture");
        assert_eq!((stored.width(), stored.height()), (480, 360));
        // A renamed program, a pixel flood, another shop's seller, 50 MB.
        let exe = upload(
            "/uploads/products",
            "image",
            b"MZ\x90\x00 pretending to be a jpeg".to_vec(),
            &owner,
        )
        .await
        .expect("sent");
        assert!(location(exe).contains("upload_error=not_image"));
        let flood = {
            let mut png = std::io::Cursor::new(Vec::new());
            image::GrayImage::from_pixel(1, 1, image::Luma([0]))
                .write_to(&mut png, image::ImageFormat::Png)
                .expect("png");
            let mut png = png.into_inner();
            png[16..20].copy_from_slice(&60_000u32.to_be_bytes());
            png[20..24].copy_from_slice(&60_000u32.to_be_bytes());
            png
        };
        let flood = upload("/uploads/products", "image", flood, &owner)
            .await
            .expect("sent");
        assert!(location(flood).contains("upload_error="));
        let theirs = upload("/uploads/products", "image", photo.clone(), &other)
            .await
            .expect("sent");
        assert_eq!(theirs.status(), 404);
        match upload(
            "/uploads/products",
            "image",
            vec![0u8; 50 * 1024 * 1024],
            &owner,
        )
        .await
        {
            Ok(response) => assert_eq!(response.status(), 413),
            Err(error) => assert!(error.is_request() || error.is_body(), "{error}"),
        }

        // Documents of an application: a PDF or a picture; a program is refused.
        let applicant = Shopper::new(&app);
        applicant
            .register("new@example.pk", "New", "mountain river song")
            .await
            .ok();
        applicant
            .call(
                "apply_for_shop",
                &application("exporter", "7654321-0", "Zeta Salt"),
            )
            .await
            .ok();
        let pdf = upload(
            "/uploads/documents",
            "document",
            b"%PDF-1.7\n% registration certificate\n".to_vec(),
            &applicant,
        )
        .await
        .expect("sent");
        assert!(location(pdf).ends_with("/en/sell/status?uploaded=1"));
        let exe = upload(
            "/uploads/documents",
            "document",
            b"\x7fELF\x02\x01\x01".to_vec(),
            &applicant,
        )
        .await
        .expect("sent");
        assert!(location(exe).contains("upload_error=not_image"));
        let view: Option<ApplicationView> =
            applicant.get("/api/my_application?lang=En").await.json();
        let documents = view.expect("application").documents;
        assert_eq!(documents.len(), 1);
        assert_eq!(documents[0].content_type, "application/pdf");
        let anonymous = upload(
            "/uploads/documents",
            "document",
            b"%PDF-1.7".to_vec(),
            &Shopper::new(&app),
        )
        .await
        .expect("sent");
        assert_eq!(anonymous.status(), 401);
    }
);

both!(
    the_academy_and_the_seller_pages_answer_in_both_languages,
    |app| {
        app.seed_demo().await;
        for (path, text) in [
            ("/en/academy", "Trade academy"),
            ("/zh/academy", "外贸商学院"),
            ("/zh/academy/cross-border-tax-and-limits", "外贸商学院"),
            ("/en/sell", "Sell on the pavilion"),
            ("/zh/sell", "入驻国家馆"),
        ] {
            let (status, page) = app.get_text(path).await;
            assert_eq!(status, 200, "{path}");
            assert!(page.contains(text), "{path}");
        }
        assert_eq!(app.get_text("/en/academy/no-such-guide").await.0, 404);
        let owner = seller(&app, "owner@example.pk", "Eta Spices").await;
        for path in [
            "/zh/seller",
            "/zh/seller/products",
            "/zh/seller/products/new",
            "/zh/seller/orders",
            "/zh/seller/stock",
            "/zh/seller/analytics?days=90",
        ] {
            let reply = owner.get(path).await;
            assert_eq!(reply.status, 200, "{path}");
            assert!(reply.body.contains("卖家中心"), "{path}");
        }
    }
);

/// Uploads a CSV file as the import form does; returns the report it leads to.
async fn import_csv(
    app: &TestApp,
    who: &Shopper<'_>,
    bytes: Vec<u8>,
    mode: &'static str,
) -> ImportReport {
    let form = reqwest::multipart::Form::new()
        .text("lang", "en")
        .text("mode", mode)
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name("products.csv"),
        );
    let token = who.session_token().expect("signed in");
    let response = app
        .client
        .post(app.url("/uploads/catalogue"))
        .header("cookie", format!("pavilion_session={token}"))
        .multipart(form)
        .send()
        .await
        .expect("sent");
    let location = response.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    let id = location.split("report=").nth(1).expect("a report");
    who.get(&format!("/api/seller_import?id={id}")).await.json()
}

const HEADER: &str = "slug,category,origin_city,hs_code,weight_g,title_en,title_zh,summary_en,summary_zh,description_en,description_zh,sku,variant_en,variant_zh,price_cny,stock\n";

fn csv_row(slug: &str, sku: &str, price: &str) -> String {
    format!(
        "{slug},footballs,sialkot,9506.62,450,Training ball,训练足球,\"Tough, for grass\",耐磨，适合草地,Size 5.,5号球。,{sku},Size 5,5号,{price},12\n"
    )
}

both!(
    a_catalogue_csv_imports_whole_or_not_at_all_and_exports_formula_safe,
    |app| {
        app.seed_demo().await;
        let owner = seller(&app, "owner@example.pk", "Theta Sports").await;
        let other = seller(&app, "other@example.pk", "Iota Sports").await;
        let products = || scalar_i64(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM products");
        let before = products().await;

        // One bad price and one formula: nothing is written, each problem has its row and column.
        let bad = format!(
            "{HEADER}{}{}{}",
            csv_row("theta-ball-a", "TH-A", "88"),
            csv_row("theta-ball-b", "TH-B", "free"),
            csv_row("theta-ball-c", "TH-C", "66").replace("Training ball", "=cmd|' /C calc'!A0"),
        );
        let report = import_csv(&app, &owner, bad.clone().into_bytes(), "all").await;
        assert_eq!(report.imported, 0);
        assert_eq!(products().await, before);
        let found: Vec<(usize, &str, CsvProblemKind)> = report
            .problems
            .iter()
            .map(|p| (p.row, p.column.as_str(), p.kind))
            .collect();
        assert!(
            found.contains(&(3, "price_cny", CsvProblemKind::NotANumber)),
            "{found:?}"
        );
        assert!(
            found.contains(&(4, "title_en", CsvProblemKind::Formula)),
            "{found:?}"
        );
        // The seller may take the valid product now.
        let report = import_csv(&app, &owner, bad.into_bytes(), "valid").await;
        assert_eq!(report.imported, 1);
        assert_eq!(products().await, before + 1);

        // GBK is refused as not UTF-8; 100,001 rows are too many; both write nothing.
        let gbk = [
            HEADER.as_bytes(),
            b"theta-gbk,footballs,sialkot,9506.62,450,Ball,\xd7\xe3\xc7\xf2,,,,,TH-G,,,9,1\n",
        ]
        .concat();
        let report = import_csv(&app, &owner, gbk, "valid").await;
        assert_eq!(report.problems[0].kind, CsvProblemKind::NotUtf8);
        let mut huge = String::from(HEADER);
        for i in 0..100_001 {
            huge.push_str(&csv_row(
                &format!("theta-bulk-{}", i / 4),
                &format!("TB-{i}"),
                "10",
            ));
        }
        let report = import_csv(&app, &owner, huge.into_bytes(), "all").await;
        assert_eq!(report.problems[0].kind, CsvProblemKind::TooManyRows);
        assert_eq!(products().await, before + 1);

        // Another shop's slug or SKU is refused.
        let report = import_csv(
            &app,
            &other,
            format!("{HEADER}{}", csv_row("theta-ball-a", "IO-1", "9")).into_bytes(),
            "all",
        )
        .await;
        assert_eq!(report.problems[0].kind, CsvProblemKind::SlugTaken);

        // Export: only the shop's own products, formula-safe, and it imports back unchanged.
        let export = |who: &Shopper<'_>| {
            let token = who.session_token().expect("signed in");
            app.client
                .get(app.url("/exports/products.csv"))
                .header("cookie", format!("pavilion_session={token}"))
                .send()
        };
        let mut sneaky = format!("{HEADER}{}", csv_row("theta-ball-d", "TH-D", "77"));
        sneaky = sneaky.replace("Training ball", "'=1+1");
        assert_eq!(
            import_csv(&app, &owner, sneaky.into_bytes(), "all")
                .await
                .imported,
            1
        );
        let file = export(&owner)
            .await
            .expect("sent")
            .text()
            .await
            .expect("body");
        assert!(file.contains("theta-ball-a") && file.contains("theta-ball-d"));
        assert!(!file.contains("sindhri"), "only the shop's own products");
        assert!(
            file.contains("'=1+1") && !file.contains(",=1+1"),
            "formula-safe"
        );
        let edits = scalar_i64(
            &app,
            "SELECT CAST(COUNT(*) AS BIGINT) FROM stock_adjustments",
        )
        .await;
        let again = import_csv(&app, &owner, file.clone().into_bytes(), "all").await;
        assert!(again.problems.is_empty(), "{:?}", again.problems);
        assert_eq!(again.imported, 2);
        let after = export(&owner)
            .await
            .expect("sent")
            .text()
            .await
            .expect("body");
        assert_eq!(after, file, "an export imports back unchanged");
        assert_eq!(
            scalar_i64(
                &app,
                "SELECT CAST(COUNT(*) AS BIGINT) FROM stock_adjustments"
            )
            .await,
            edits
        );
        // Someone without a shop gets nothing.
        let customer = Shopper::new(&app);
        customer
            .register("c@example.cn", "C", "lotus pond walk")
            .await
            .ok();
        assert_eq!(export(&customer).await.expect("sent").status(), 403);
        assert_eq!(
            other
                .get(&format!("/api/seller_import?id={}", 1))
                .await
                .status,
            404
        );
    }
);

/// The token of the last invitation mailed to `email`.
async fn invitation_token(app: &TestApp, email: &str) -> String {
    let body: String =
        sqlx::query_scalar("SELECT body FROM outbox WHERE recipient = $1 ORDER BY id DESC LIMIT 1")
            .bind(email)
            .fetch_one(&app.pool)
            .await
            .expect("an invitation was mailed");
    body.split("token=")
        .nth(1)
        .expect("a link")
        .split_whitespace()
        .next()
        .expect("a token")
        .to_owned()
}

async fn accept(who: &Shopper<'_>, token: &str) -> crate::shopper::Reply {
    who.call("accept_invitation", &[("lang", "En"), ("token", token)])
        .await
}

both!(
    an_owner_invites_staff_whose_roles_limit_what_they_reach,
    |app| {
        app.seed_demo().await;
        let owner = seller(&app, "owner@example.pk", "Kappa Leather").await;
        let manager = Shopper::new(&app);
        manager
            .register("manager@example.pk", "Sana", "walnut wood desk")
            .await
            .ok();
        let packer = Shopper::new(&app);
        packer
            .register("packer@example.pk", "Imran", "brown parcel tape")
            .await
            .ok();
        let stranger = Shopper::new(&app);
        stranger
            .register("stranger@example.cn", "Li", "cold spring water")
            .await
            .ok();

        let invite = |email: &'static str, role: &'static str| {
            [("lang", "Zh"), ("email", email), ("role", role)]
        };
        assert_eq!(
            owner
                .call("invite_staff", &invite("manager@example.pk", "owner"))
                .await
                .problem(),
            Problem::StaffRole
        );
        assert_eq!(
            owner
                .call("invite_staff", &invite("owner@example.pk", "manager"))
                .await
                .problem(),
            Problem::AlreadyMember
        );
        owner
            .call("invite_staff", &invite("manager@example.pk", "manager"))
            .await
            .ok();
        owner
            .call("invite_staff", &invite("packer@example.pk", "fulfilment"))
            .await
            .ok();
        // Only the owner manages the team.
        assert_eq!(
            manager
                .call("invite_staff", &invite("x@example.pk", "manager"))
                .await
                .error(),
            AppError::Forbidden
        );

        let token = invitation_token(&app, "manager@example.pk").await;
        let body: String =
            sqlx::query_scalar(
                "SELECT subject FROM outbox WHERE recipient = 'manager@example.pk' ORDER BY id DESC LIMIT 1",
            )
                .fetch_one(&app.pool)
                .await
                .expect("mail");
        assert!(
            body.contains("Kappa Leather") && body.contains("邀请"),
            "in the inviting page's language: {body}"
        );
        // The link works only for the invited address, and only once.
        assert_eq!(
            accept(&stranger, &token).await.problem(),
            Problem::InvitationLink
        );
        accept(&manager, &token).await.ok();
        assert_eq!(
            accept(&manager, &token).await.problem(),
            Problem::InvitationLink
        );
        let packer_token = invitation_token(&app, "packer@example.pk").await;
        accept(&packer, &packer_token).await.ok();

        // A manager runs products but not the team; fulfilment staff see parcels and stock only.
        assert_eq!(
            manager.get("/api/seller_products?lang=En").await.status,
            200
        );
        assert_eq!(
            manager.get("/api/seller_team").await.error(),
            AppError::Forbidden
        );
        assert_eq!(
            packer
                .get("/api/seller_shipments?to_ship=true")
                .await
                .status,
            200
        );
        assert_eq!(
            packer
                .get("/api/seller_stock?lang=En&low_only=false")
                .await
                .status,
            200
        );
        assert_eq!(
            packer.get("/api/seller_products?lang=En").await.error(),
            AppError::Forbidden
        );
        assert_eq!(
            packer.get("/api/seller_sales?lang=En&days=7").await.error(),
            AppError::Forbidden
        );
        let team: Vec<StaffMember> = owner.get("/api/seller_team").await.json();
        assert_eq!(team.len(), 3);

        let manager_id = scalar_i64(
            &app,
            "SELECT id FROM users WHERE email = 'manager@example.pk'",
        )
        .await
        .to_string();
        let owner_id = scalar_i64(
            &app,
            "SELECT id FROM users WHERE email = 'owner@example.pk'",
        )
        .await
        .to_string();
        assert_eq!(
            owner
                .call("remove_staff", &[("lang", "En"), ("user_id", &owner_id)])
                .await
                .error(),
            AppError::NotFound
        );
        owner
            .call("remove_staff", &[("lang", "En"), ("user_id", &manager_id)])
            .await
            .ok();
        assert_eq!(
            manager.get("/api/seller_products?lang=En").await.error(),
            AppError::Forbidden
        );
    }
);

both!(
    a_shop_profile_is_written_in_both_languages_with_a_logo_and_banner,
    |app| {
        app.seed_demo().await;
        let owner = seller(&app, "owner@example.pk", "Lambda Crafts").await;
        let form = |zh_name: &'static str| {
            [
                ("lang", "En"),
                ("en[name]", "Lambda Crafts"),
                ("en[tagline]", "Blue pottery from Multan"),
                ("en[story]", "Three generations of potters."),
                ("en[policies]", "Breakages replaced within 7 days."),
                ("zh[name]", zh_name),
                ("zh[tagline]", "木尔坦蓝陶"),
                ("zh[story]", "三代制陶世家。"),
                ("zh[policies]", "7天内破损包换。"),
            ]
        };
        assert_eq!(
            owner.call("save_shop_profile", &form("")).await.problem(),
            Problem::ShopName
        );
        owner
            .call("save_shop_profile", &form("兰姆达手工艺"))
            .await
            .ok();
        let banner = {
            let image = image::RgbImage::from_pixel(1500, 900, image::Rgb([20, 60, 160]));
            let mut png = std::io::Cursor::new(Vec::new());
            image
                .write_to(&mut png, image::ImageFormat::Png)
                .expect("png");
            png.into_inner()
        };
        let form = reqwest::multipart::Form::new()
            .text("lang", "en")
            .text("kind", "banner")
            .part(
                "image",
                reqwest::multipart::Part::bytes(banner).file_name("banner.png"),
            );
        let token = owner.session_token().expect("signed in");
        let response = app
            .client
            .post(app.url("/uploads/shop"))
            .header("cookie", format!("pavilion_session={token}"))
            .multipart(form)
            .send()
            .await
            .expect("sent");
        assert!(
            response.headers()["location"]
                .to_str()
                .expect("ascii")
                .ends_with("?uploaded=banner")
        );
        app.refresh().await;
        let (status, page) = app.get_text("/zh/shops/lambda-crafts").await;
        assert_eq!(status, 200);
        assert!(page.contains("兰姆达手工艺") && page.contains("7天内破损包换"));
        let at = page
            .find("/media/shops/lambda-crafts/banner.jpg?v=")
            .expect("a banner");
        let src = page[at..].split('"').next().expect("src");
        let picture = app
            .get(&src.replace("&amp;", "&"))
            .await
            .bytes()
            .await
            .expect("bytes");
        let picture = image::load_from_memory(&picture).expect("a picture");
        assert_eq!((picture.width(), picture.height()), (1200, 400));
    }
);

both!(a_shop_keeps_its_own_glossary_beside_the_shared_one, |app| {
    app.seed_demo().await;
    let app_state = app.state();
    app::backend::seller::glossary::seed_shared(&app_state.pool)
        .await
        .expect("shared glossary");
    let owner = seller(&app, "owner@example.pk", "Mu Mangoes").await;
    let other = seller(&app, "other@example.pk", "Nu Salt").await;
    let term = [
        ("lang", "En"),
        ("en", "Anwar Ratol"),
        ("zh", "安瓦尔拉托尔芒"),
        ("note", ""),
    ];
    owner.call("add_glossary_term", &term).await.ok();
    let empty = [
        ("lang", "En"),
        ("en", "Anwar Ratol"),
        ("zh", " "),
        ("note", ""),
    ];
    assert_eq!(
        owner.call("add_glossary_term", &empty).await.problem(),
        Problem::ProductText
    );
    let mine: Vec<GlossaryTerm> = owner.get("/api/seller_glossary?lang=En").await.json();
    assert!(mine.iter().any(|t| t.en == "Anwar Ratol" && !t.shared));
    assert!(mine.iter().filter(|t| t.shared).count() > 100);
    assert!(
        mine.iter()
            .any(|t| t.en == "Sialkot" && t.zh == "锡亚尔科特")
    );
    let theirs: Vec<GlossaryTerm> = other.get("/api/seller_glossary?lang=En").await.json();
    assert!(theirs.iter().all(|t| t.en != "Anwar Ratol"));
    // A Chinese page reads the shared notes in Chinese; the shop's own note as written.
    let note = |terms: &[GlossaryTerm], en: &str| {
        terms
            .iter()
            .find(|t| t.en == en)
            .map(|t| t.note.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        note(&mine, "cumin"),
        "Very familiar from Xinjiang barbecue."
    );
    let mine_zh: Vec<GlossaryTerm> = owner.get("/api/seller_glossary?lang=Zh").await.json();
    assert_eq!(note(&mine_zh, "cumin"), "因新疆烧烤而家喻户晓。");
    for term in mine.iter().filter(|t| t.shared && !t.note.is_empty()) {
        assert_ne!(
            note(&mine_zh, &term.en),
            term.note,
            "{} has no Chinese note",
            term.en
        );
    }
    // A glossary loaded before the notes were translated gets them at the next start.
    sqlx::query("UPDATE glossary_terms SET note_zh = '' WHERE shop_id IS NULL")
        .execute(&app.pool)
        .await
        .expect("cleared");
    app::backend::seller::glossary::seed_shared(&app_state.pool)
        .await
        .expect("notes translated");
    let again: Vec<GlossaryTerm> = owner.get("/api/seller_glossary?lang=Zh").await.json();
    assert_eq!(note(&again, "cumin"), "因新疆烧烤而家喻户晓。");
});

both!(
    a_variant_ships_at_its_own_weight_from_editor_and_csv_to_the_parcel,
    |app| {
        app.seed_demo().await;
        let owner = seller(&app, "weights@example.pk", "Sialkot Weights").await;
        let mut form = product("ball-and-bag", "SW-BALL", "手缝比赛足球");
        form.retain(|(name, _)| {
            !name.starts_with("draft[zh][s") && !name.starts_with("draft[zh][d")
        });
        form.extend([
            ("draft[zh][summary]", "锡亚尔科特手工缝制，32 片。"),
            ("draft[zh][description]", "5 号球，合成革，乳胶内胆。"),
            ("draft[variants][1][sku]", "SW-BAG-10"),
            ("draft[variants][1][label_en]", "Ten balls in a net bag"),
            ("draft[variants][1][label_zh]", "十只装网兜"),
            ("draft[variants][1][price]", "1480.00"),
            ("draft[variants][1][stock]", "5"),
            ("draft[variants][1][weight_g]", "4700"),
        ]);
        let mut bad = form.clone();
        bad.retain(|(name, _)| *name != "draft[variants][1][weight_g]");
        bad.push(("draft[variants][1][weight_g]", "0"));
        assert_eq!(
            owner.call("save_product", &bad).await.problem(),
            Problem::Weight
        );
        let id = put_on_sale(&app, &owner, &form).await;
        let editor: ProductEditor = owner
            .get(&format!("/api/seller_product?id={id}"))
            .await
            .json();
        let weights: Vec<&str> = editor
            .draft
            .variants
            .iter()
            .map(|v| v.weight_g.as_str())
            .collect();
        assert_eq!(weights, ["", "4700"], "blank: the product's 450 g");
        // The CSV carries it, and the parcel is weighed by it.
        let file = exported_csv(&app, &owner).await;
        assert!(
            file.lines()
                .next()
                .unwrap_or_default()
                .ends_with(",variant_weight_g")
        );
        assert!(
            file.lines()
                .any(|l| l.contains("SW-BAG-10") && l.ends_with(",4700"))
        );
        let buyer = Shopper::new(&app);
        buyer.add("SW-BAG-10", 1).await.ok();
        let quote: app::model::order::Quote = buyer.get("/api/checkout_quote?lang=En").await.json();
        assert_eq!(quote.shipments[0].weight_g, 4700);
        let page = app
            .get_text("/en/products/ball-and-bag?variant=SW-BAG-10")
            .await
            .1;
        assert!(
            page.contains("4.70 kg"),
            "the product page shows the variant's weight"
        );
        let page = app
            .get_text("/zh/products/ball-and-bag?variant=SW-BAG-10")
            .await
            .1;
        assert!(
            page.contains("4.70 公斤"),
            "in Chinese units on a Chinese page"
        );
    }
);
