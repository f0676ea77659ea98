//! Goods sold from stock in China are a domestic sale: VAT in the price, a courier's rate by
//! zone and weight, no resident ID and no import limit. In a cart beside goods from Pakistan,
//! only the cross-border parcels are taxed, counted against the limits and declared.

use app::error::Problem;
use app::model::Dispatch;
use app::model::order::{PlacedOrder, Quote, ShippingMethod};

use crate::both;
use crate::helpers::TestApp;
use crate::shopper::{NO_CUSTOMS, Shopper, VALID_ID, key};

struct Placed {
    goods: i64,
    cross_border_goods: i64,
    shipping: i64,
    tax: i64,
    total: i64,
    buyer_id_number: String,
}

async fn placed(app: &TestApp, number: &str) -> Placed {
    let row: (i64, i64, i64, i64, i64, String) = sqlx::query_as(
        "SELECT goods, cross_border_goods, shipping, tax, total, buyer_id_number FROM orders \
         WHERE number = $1",
    )
    .bind(number)
    .fetch_one(&app.pool)
    .await
    .expect("the order");
    Placed {
        goods: row.0,
        cross_border_goods: row.1,
        shipping: row.2,
        tax: row.3,
        total: row.4,
        buyer_id_number: row.5,
    }
}

/// Each parcel of an order: how it ships, by which method, at what price.
async fn parcels(app: &TestApp, number: &str) -> Vec<(String, String, i64)> {
    sqlx::query_as(
        "SELECT s.dispatch, s.method, s.shipping FROM shipments s \
         JOIN orders o ON o.id = s.order_id WHERE o.number = $1 ORDER BY s.id",
    )
    .bind(number)
    .fetch_all(&app.pool)
    .await
    .expect("parcels")
}

async fn quote(buyer: &Shopper<'_>, province: &str) -> Quote {
    buyer
        .get(&format!("/api/checkout_quote?lang=Zh&province={province}"))
        .await
        .json()
}

both!(
    a_domestic_order_needs_no_resident_id_and_pays_no_import_tax,
    |app| {
        app.seed_demo().await;
        let buyer = Shopper::new(&app);
        // Two USB salt lamps from Yiwu (Zhejiang), 0.65 kg each, to Chengdu (Sichuan).
        buyer.add("YPB-USB-LAMP", 2).await.ok();
        let quoted = quote(&buyer, "SC").await;
        assert!(!quoted.cross_border, "nothing to declare");
        assert!(
            quoted.options.is_empty(),
            "no method to choose from Pakistan"
        );
        assert_eq!(quoted.shipments[0].dispatch, Dispatch::Domestic);
        assert_eq!(quoted.shipments[0].ships_from, "义乌");

        let reply = buyer.checkout(&key(), &NO_CUSTOMS).await;
        reply.ok();
        let number = reply.json::<PlacedOrder>().number;
        let order = placed(&app, &number).await;
        assert_eq!(order.goods, 2 * 4900);
        assert_eq!(order.tax, 0, "VAT is in a domestic price");
        assert_eq!(order.cross_border_goods, 0);
        // Courier, most of the country: 12 yuan for the first kilo, 5 for each one after.
        assert_eq!(order.shipping, 1200 + 500);
        assert_eq!(order.total, order.goods + order.shipping);
        assert_eq!(
            order.buyer_id_number, "",
            "no identity kept for a domestic order"
        );
        assert_eq!(
            parcels(&app, &number).await,
            [("domestic".to_owned(), "courier".to_owned(), 1700)]
        );
        // The buyer's order page says where the parcel comes from, and asks nothing of customs.
        let page = buyer.get(&format!("/zh/orders/{number}")).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains("国内现货 · 义乌发货"), "{}", page.body);
        assert!(!page.body.contains("跨境综合税"));
        assert!(!page.body.contains("订购人（清关用）"));
    }
);

both!(a_courier_parcel_is_priced_by_zone_and_weight, |app| {
    app.seed_demo().await;
    let buyer = Shopper::new(&app);
    buyer.add("YPB-USB-LAMP", 2).await.ok(); // 1.3 kg from Yiwu, Zhejiang
    let shipping = |quote: &Quote| (quote.shipments[0].shipping.minor, quote.shipments[0].days);
    assert_eq!(
        shipping(&quote(&buyer, "ZJ").await),
        (800 + 200, (1, 2)),
        "within Zhejiang"
    );
    assert_eq!(
        shipping(&quote(&buyer, "SC").await),
        (1200 + 500, (2, 4)),
        "to Sichuan"
    );
    assert_eq!(
        shipping(&quote(&buyer, "XJ").await),
        (2000 + 1500, (4, 7)),
        "to Xinjiang"
    );
    assert_eq!(
        shipping(&quote(&buyer, "XZ").await),
        (2000 + 1500, (4, 7)),
        "to Tibet"
    );
    let unknown = quote(&buyer, "").await;
    assert_eq!(
        shipping(&unknown),
        (1200 + 500, (2, 4)),
        "most of the country"
    );
    assert_eq!(unknown.province, None);
    assert_eq!(quote(&buyer, "Mars").await.province, None, "not a province");
    buyer.add("YPB-USB-LAMP", 2).await.ok(); // 2.6 kg
    assert_eq!(shipping(&quote(&buyer, "SC").await).0, 1200 + 2 * 500);
    // The order is priced for the address it is sent to, whatever the page showed.
    let reply = buyer
        .checkout(
            &key(),
            &[NO_CUSTOMS.as_slice(), &[("form[address][province]", "XJ")]].concat(),
        )
        .await;
    reply.ok();
    let number = reply.json::<PlacedOrder>().number;
    assert_eq!(placed(&app, &number).await.shipping, 2000 + 2 * 1500);
});

both!(
    a_mixed_cart_declares_taxes_and_limits_only_its_cross_border_parcel,
    |app| {
        app.seed_demo().await;
        let buyer = Shopper::new(&app);
        // Rice from Gujranwala, and two lounge chairs in stock in Shanghai: 5,819.80 yuan of
        // goods in all, of which only 59.80 cross the border.
        buyer.add("GBM-SK-1KG", 2).await.ok();
        buyer.add("SPS-LNG-CREAM", 2).await.ok();
        let quoted = quote(&buyer, "SC").await;
        assert!(quoted.cross_border);
        assert!(!quoted.over_order_limit, "the chairs are not an import");
        assert_eq!(quoted.options.len(), 2, "air or land, for the rice");
        assert_eq!(quoted.tax.minor, 377);

        // The identity is asked once, for the order, because of the rice.
        for (field, problem) in [
            ("form[buyer_name]", Problem::BuyerName),
            ("form[id_number]", Problem::IdNumber),
            ("form[shipping]", Problem::ShippingMethod),
            ("form[accept_risk]", Problem::RiskNotAccepted),
        ] {
            let reply = buyer.checkout(&key(), &[(field, "")]).await;
            assert_eq!(reply.problem(), problem, "{field}");
        }
        let reply = buyer.checkout(&key(), &[("form[shipping]", "land")]).await;
        reply.ok();
        let number = reply.json::<PlacedOrder>().number;
        let order = placed(&app, &number).await;
        assert_eq!(order.goods, 2 * 2990 + 2 * 288_000);
        assert_eq!(order.cross_border_goods, 2 * 2990);
        assert_eq!(order.tax, 377, "import VAT on the rice alone");
        assert_eq!(order.buyer_id_number, VALID_ID);
        // Land: 22 yuan for the first half kilo and 5 for each one after (2.06 kg); the
        // chairs, 30 kg by courier to Sichuan.
        assert_eq!(
            parcels(&app, &number).await,
            [
                ("cross_border".to_owned(), "land".to_owned(), 2200 + 4 * 500),
                ("domestic".to_owned(), "courier".to_owned(), 1200 + 29 * 500),
            ]
        );
        assert_eq!(order.total, order.goods + order.shipping + order.tax);

        // The limits count cross-border goods only: this order used 59.80 of the year's
        // 26,000, not 5,819.80.
        let bought: i64 = sqlx::query_scalar(
            "SELECT CAST(SUM(cross_border_goods) AS BIGINT) FROM orders WHERE buyer_id_number = $1",
        )
        .bind(VALID_ID)
        .fetch_one(&app.pool)
        .await
        .expect("sum");
        assert_eq!(bought, 5980);
    }
);

both!(
    goods_from_a_bonded_warehouse_follow_the_cross_border_rules,
    |app| {
        app.seed_demo().await;
        let buyer = Shopper::new(&app);
        // Pink salt held in Urumqi's bonded warehouse.
        buyer.add("URS-CPS-2500", 1).await.ok();
        let quoted = quote(&buyer, "XJ").await;
        assert!(quoted.cross_border, "declared to customs");
        assert!(quoted.options.is_empty(), "nothing comes from Pakistan");
        assert_eq!(quoted.shipments[0].dispatch, Dispatch::Bonded);
        assert_eq!(quoted.shipments[0].method, ShippingMethod::Bonded);
        assert!(quoted.tax.minor > 0);
        assert_eq!(
            buyer
                .checkout(&key(), &[("form[id_number]", "")])
                .await
                .problem(),
            Problem::IdNumber
        );
        let reply = buyer
            .checkout(
                &key(),
                &[("form[shipping]", ""), ("form[address][province]", "XJ")],
            )
            .await;
        reply.ok();
        let number = reply.json::<PlacedOrder>().number;
        let order = placed(&app, &number).await;
        assert_eq!(order.cross_border_goods, 4900);
        assert_eq!(order.buyer_id_number, VALID_ID);
        // Within Xinjiang: 10 yuan for the first kilo and 3 for each one after (2.55 kg).
        assert_eq!(
            parcels(&app, &number).await,
            [("bonded".to_owned(), "bonded".to_owned(), 1000 + 2 * 300)]
        );
    }
);

both!(
    an_importer_is_approved_to_ship_from_china_and_sees_its_sales_in_yuan,
    |app| {
        app.seed_demo().await;
        let person = Shopper::new(&app);
        person
            .register("chen.yiwu@example.cn", "Chen", "small goods in yiwu market")
            .await
            .ok();
        let mut form =
            crate::sellers::application("importer", "91310000MA1FL5QKXG", "Yiwu Test Imports");
        form.retain(|(name, _)| *name != "form[city]");
        form.push(("form[city]", "yiwu"));
        let id: i64 = person.call("apply_for_shop", &form).await.ok().json();
        let approve = |dispatch| {
            app::backend::seller::applications::approve(&app.pool, app.state().engine, id, dispatch)
        };
        assert_eq!(
            approve(Some(Dispatch::CrossBorder)).await,
            Err(app::error::AppError::Invalid(Problem::Dispatch)),
            "an importer does not ship from Pakistan"
        );
        approve(Some(Dispatch::Bonded)).await.expect("approved");
        let dispatch: String = sqlx::query_scalar(
            "SELECT s.dispatch FROM shops s JOIN shop_applications a ON a.shop_id = s.id \
             WHERE a.id = $1",
        )
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .expect("the shop");
        assert_eq!(dispatch, "bonded");

        let sales: app::model::seller::SalesReport =
            person.get("/api/seller_sales?lang=Zh&days=7").await.json();
        assert_eq!(sales.net_pkr_minor, None, "no rupees for an importer");
        let page = person.get("/zh/seller/analytics").await;
        assert_eq!(page.status, 200);
        assert!(
            !page.body.contains("卢比") && !page.body.contains("Rs "),
            "{}",
            page.body
        );
    }
);
