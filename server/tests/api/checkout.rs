//! Carts and checkout: server-side prices, validation that writes nothing, stock that never
//! oversells, idempotent submissions and the cross-border limits.

use app::error::Problem;
use app::model::cart::CartView;
use app::model::order::PlacedOrder;

use futures::future::join_all;

use crate::both;
use crate::helpers::TestApp;
use crate::shopper::{Shopper, VALID_ID, guests_with_carts, key, scalar_i64};

async fn stock(app: &TestApp, sku: &str) -> i64 {
    scalar_i64(
        app,
        &format!("SELECT stock FROM variants WHERE sku = '{sku}'"),
    )
    .await
}

async fn count(app: &TestApp, table: &str) -> i64 {
    scalar_i64(
        app,
        &format!("SELECT CAST(COUNT(*) AS BIGINT) FROM {table}"),
    )
    .await
}

both!(bad_cart_input_is_refused_and_writes_nothing, |app| {
    app.seed_demo().await;
    let visitor = Shopper::new(&app);
    for quantity in ["0", "-1", "100", "99999999999", "9223372036854775807"] {
        let reply = visitor
            .call(
                "add_to_cart",
                &[
                    ("lang", "En"),
                    ("sku", "GBM-SK-1KG"),
                    ("quantity", quantity),
                ],
            )
            .await;
        assert_eq!(reply.problem(), Problem::Quantity, "{quantity}");
    }
    let reply = visitor
        .call(
            "add_to_cart",
            &[("lang", "En"), ("sku", "NO-SUCH-SKU"), ("quantity", "1")],
        )
        .await;
    assert_eq!(reply.problem(), Problem::UnknownVariant);
    // Not a number at all: the request cannot even be read.
    let reply = visitor
        .call(
            "add_to_cart",
            &[("lang", "En"), ("sku", "GBM-SK-1KG"), ("quantity", "lots")],
        )
        .await;
    assert!(
        reply.status >= 400 && reply.status < 500,
        "{}",
        reply.status
    );
    assert_eq!(count(&app, "cart_lines").await, 0);
    // 99 is the most a line holds, however it is reached.
    visitor.add("GBM-SK-1KG", 60).await.ok();
    assert_eq!(
        visitor.add("GBM-SK-1KG", 40).await.problem(),
        Problem::Quantity
    );
    let cart: CartView = visitor.get("/api/cart?lang=En").await.json();
    assert_eq!(cart.lines[0].quantity, 60);
});

both!(
    an_order_from_two_shops_is_priced_on_the_server_and_splits_into_two_shipments,
    |app| {
        app.seed_demo().await;
        let buyer = Shopper::new(&app);
        buyer.add("GBM-SK-1KG", 2).await.ok();
        buyer.add("PKH-KAH-250G", 1).await.ok();
        let before = (
            stock(&app, "GBM-SK-1KG").await,
            stock(&app, "PKH-KAH-250G").await,
        );
        // Prices, totals and discounts sent by the client are ignored.
        let reply = buyer
            .checkout(
                &key(),
                &[
                    ("form[total]", "1"),
                    ("price", "1"),
                    ("form[discount]", "99999"),
                ],
            )
            .await;
        reply.ok();
        let placed: PlacedOrder = reply.json();
        assert!(
            placed.pay_url.starts_with("/zh/pay/sandbox?"),
            "{}",
            placed.pay_url
        );
        assert_eq!(reply.location.as_deref(), Some(placed.pay_url.as_str()));
        let (goods, shipping, tax, total): (i64, i64, i64, i64) =
            sqlx::query_as("SELECT goods, shipping, tax, total FROM orders WHERE number = $1")
                .bind(&placed.number)
                .fetch_one(&app.pool)
                .await
                .expect("order");
        assert_eq!(goods, 2 * 2990 + 5800);
        // Food: 6.3% per line; air: 38 yuan for a parcel's first half kilo, 14 for each further
        // one. Each variant ships at its own weight: the rice parcel holds two 1 kg bags of
        // 1.03 kg (not the 5.15 kg of the product's 5 kg bag), the tea weighs 0.32 kg.
        assert_eq!(tax, 377 + 365);
        assert_eq!(shipping, (3800 + 4 * 1400) + 3800);
        assert_eq!(total, goods + shipping + tax);
        assert_eq!(count(&app, "shipments").await, 2);
        assert_eq!(stock(&app, "GBM-SK-1KG").await, before.0 - 2);
        assert_eq!(stock(&app, "PKH-KAH-250G").await, before.1 - 1);
        let cart: CartView = buyer.get("/api/cart?lang=En").await.json();
        assert!(cart.lines.is_empty(), "the cart became the order");
        // The confirmation email is in the buyer's language.
        let subject: String =
            sqlx::query_scalar("SELECT subject FROM outbox ORDER BY id DESC LIMIT 1")
                .fetch_one(&app.pool)
                .await
                .expect("mail");
        assert!(subject.contains("订单"), "{subject}");
    }
);

both!(
    invalid_checkouts_are_refused_with_a_reason_and_nothing_is_written,
    |app| {
        app.seed_demo().await;
        let buyer = Shopper::new(&app);
        buyer.add("GBM-SK-1KG", 1).await.ok();
        let before = stock(&app, "GBM-SK-1KG").await;
        let cases: [(&str, &str, Problem); 12] = [
            ("form[address][mobile]", "12345", Problem::Mobile),
            ("form[address][postcode]", "61004", Problem::Postcode),
            ("form[address][province]", "Taipei", Problem::Province),
            ("form[id_number]", "110105194912310021", Problem::IdNumber),
            // Impossible or too young: born in 2090, in 2015, in 1899.
            (
                "form[id_number]",
                "110105209001010025",
                Problem::IdBornInFuture,
            ),
            ("form[id_number]", "110105201501010025", Problem::IdUnderage),
            (
                "form[id_number]",
                "110105189901010025",
                Problem::IdBornTooEarly,
            ),
            ("form[buyer_name]", "", Problem::BuyerName),
            ("form[shipping]", "teleport", Problem::ShippingMethod),
            ("form[accept_risk]", "", Problem::RiskNotAccepted),
            ("form[email]", "nobody", Problem::Email),
            ("form[idempotency_key]", "x", Problem::IdempotencyConflict),
        ];
        for (field, value, problem) in cases {
            let reply = buyer.checkout(&key(), &[(field, value)]).await;
            assert_eq!(reply.status, 422, "{field}");
            assert_eq!(reply.problem(), problem, "{field}");
        }
        assert_eq!(count(&app, "orders").await, 0);
        assert_eq!(count(&app, "order_lines").await, 0);
        assert_eq!(stock(&app, "GBM-SK-1KG").await, before);
        // An empty cart cannot be checked out.
        assert_eq!(
            Shopper::new(&app).checkout(&key(), &[]).await.problem(),
            Problem::CartEmpty
        );
    }
);

both!(
    the_order_and_yearly_cross_border_limits_are_enforced,
    |app| {
        app.seed_demo().await;
        let buyer = Shopper::new(&app);
        buyer.add("CHF-ARM-NAT", 2).await.ok(); // 6,960 yuan of goods
        assert_eq!(
            buyer.checkout(&key(), &[]).await.problem(),
            Problem::OrderLimit
        );
        buyer
            .call(
                "update_cart_line",
                &[("sku", "CHF-ARM-NAT"), ("quantity", "1")],
            )
            .await
            .ok();
        // This buyer already spent 23,000 yuan this year: 3,480 more would pass 26,000.
        sqlx::query(
        "INSERT INTO orders (number, email, lang, status, idempotency_key, cart_fingerprint, \
         shipping_method, goods, shipping, tax, total, recipient, mobile, province, city, \
         district, street, postcode, buyer_name, buyer_id_number, placed_at, expires_at, \
         cross_border_goods) \
         VALUES ('PVEARLIER', 'x@example.cn', 'zh', 'delivered', 'earlier-order-key', '-', 'air', \
         2300000, 0, 0, 2300000, 'a', '13800138000', 'SC', 'c', 'd', 'street', '610041', 'a', $1, $2, $2, \
         2300000)",
    )
    .bind(VALID_ID)
    .bind(app::backend::db::now_seconds() - 60)
    .execute(&app.pool)
    .await
    .expect("earlier order");
        assert_eq!(
            buyer.checkout(&key(), &[]).await.problem(),
            Problem::YearlyLimit
        );
        assert_eq!(count(&app, "orders").await, 1);
    }
);

both!(
    the_same_idempotency_key_sent_five_times_at_once_makes_one_order,
    |app| {
        app.seed_demo().await;
        let buyer = Shopper::new(&app);
        buyer.add("SSF-MATCH-5-WHT", 1).await.ok();
        let attempt = key();
        let replies = futures_join(&buyer, &attempt, 5).await;
        let numbers: Vec<String> = replies
            .iter()
            .map(|reply| reply.ok().json::<PlacedOrder>().number)
            .collect();
        assert!(numbers.iter().all(|n| *n == numbers[0]), "{numbers:?}");
        assert_eq!(count(&app, "orders").await, 1);
        assert_eq!(stock(&app, "SSF-MATCH-5-WHT").await, 149);
        // Resubmitted later, still the same order.
        let later: PlacedOrder = buyer.checkout(&attempt, &[]).await.json();
        assert_eq!(later.number, numbers[0]);
        // The same key with a different cart is refused.
        buyer.add("SSF-MATCH-5-YEL", 1).await.ok();
        assert_eq!(
            buyer.checkout(&attempt, &[]).await.problem(),
            Problem::IdempotencyConflict
        );
        // Someone else's key is refused too.
        let other = Shopper::new(&app);
        other.add("SSF-MATCH-5-WHT", 1).await.ok();
        assert_eq!(
            other.checkout(&attempt, &[]).await.problem(),
            Problem::IdempotencyConflict
        );
        assert_eq!(count(&app, "orders").await, 1);
    }
);

async fn futures_join(buyer: &Shopper<'_>, attempt: &str, n: usize) -> Vec<crate::shopper::Reply> {
    join_all((0..n).map(|_| buyer.checkout(attempt, &[]))).await
}

both!(
    five_hundred_buyers_racing_for_fifty_units_get_exactly_fifty_orders,
    |app| {
        app.seed_demo().await;
        sqlx::query("UPDATE variants SET stock = 50 WHERE sku = 'SMH-SINDHRI-5KG'")
            .execute(&app.pool)
            .await
            .expect("stock set");
        // 500 guests, each with one mango box in their cart (prepared directly, for speed).
        let variant = scalar_i64(
            &app,
            "SELECT id FROM variants WHERE sku = 'SMH-SINDHRI-5KG'",
        )
        .await;
        let tokens = guests_with_carts(&app, &vec![vec![(variant, 16800)]; 500]).await;
        let buyers: Vec<Shopper> = tokens
            .iter()
            .map(|t| Shopper::with_session(&app, t))
            .collect();
        let keys: Vec<String> = (0..500).map(|_| key()).collect();
        let replies = join_all(buyers.iter().zip(&keys).map(|(b, k)| b.checkout(k, &[]))).await;
        let won = replies.iter().filter(|r| r.status == 200).count();
        let sold_out = replies
            .iter()
            .filter(|r| r.status == 422 && r.problem() == Problem::OutOfStock)
            .count();
        let odd: Vec<_> = replies
            .iter()
            .filter(|r| r.status != 200 && r.status != 422)
            .map(|r| (r.status, r.body.as_str()))
            .take(3)
            .collect();
        assert_eq!(won, 50, "unexpected answers: {odd:?}");
        assert_eq!(sold_out, 450);
        assert_eq!(stock(&app, "SMH-SINDHRI-5KG").await, 0);
        assert_eq!(count(&app, "orders").await, 50);
        assert_eq!(
            scalar_i64(
                &app,
                "SELECT CAST(COALESCE(SUM(quantity), 0) AS BIGINT) FROM order_lines"
            )
            .await,
            50
        );
    }
);

both!(
    a_cart_line_says_when_its_product_sold_out_ran_short_went_away_or_changed_price,
    |app| {
        app.seed_demo().await;
        let buyer = Shopper::new(&app);
        buyer.add("GBM-SK-1KG", 3).await.ok();
        buyer.add("PKH-KAH-250G", 1).await.ok();
        buyer.add("SSF-MATCH-5-WHT", 1).await.ok();
        buyer.add("SMH-SINDHRI-5KG", 1).await.ok();
        for sql in [
            "UPDATE variants SET stock = 2 WHERE sku = 'GBM-SK-1KG'",
            "UPDATE variants SET stock = 0 WHERE sku = 'PKH-KAH-250G'",
            "UPDATE products SET status = 'hidden' WHERE slug = 'hand-stitched-match-football'",
            "UPDATE variants SET price_minor = 17800 WHERE sku = 'SMH-SINDHRI-5KG'",
        ] {
            sqlx::query(sql).execute(&app.pool).await.expect(sql);
        }
        let cart: CartView = buyer.get("/api/cart?lang=Zh").await.json();
        let issues: Vec<_> = cart
            .lines
            .iter()
            .map(|l| (l.sku.as_str(), l.issue))
            .collect();
        use app::model::cart::LineIssue;
        assert_eq!(
            issues,
            [
                ("GBM-SK-1KG", Some(LineIssue::OnlyLeft(2))),
                ("PKH-KAH-250G", Some(LineIssue::SoldOut)),
                ("SMH-SINDHRI-5KG", None),
                ("SSF-MATCH-5-WHT", Some(LineIssue::Unavailable)),
            ]
        );
        let mango = &cart.lines[2];
        assert_eq!(mango.unit_price, app::model::Money::cny(17800));
        assert_eq!(mango.was, Some(app::model::Money::cny(16800)));
        // Only what can be bought counts, and checkout refuses until the cart is fixed.
        assert_eq!(cart.goods, app::model::Money::cny(17800));
        assert_eq!(
            buyer.checkout(&key(), &[]).await.problem(),
            Problem::OutOfStock
        );
        // The cart page says so in Chinese.
        let page = buyer.get("/zh/cart").await;
        assert!(
            page.body.contains("已售罄") && page.body.contains("已下架"),
            "translated issues"
        );
    }
);

both!(
    mail_leaves_through_the_outbox_into_the_log_without_smtp,
    |app| {
        let visitor = Shopper::new(&app);
        visitor
            .register("mail@example.pk", "Mail", "letters from Lahore")
            .await
            .ok();
        let log = app.data_dir.join("mail.log");
        for _ in 0..60 {
            if std::fs::read_to_string(&log).is_ok_and(|text| text.contains("mail@example.pk")) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let text = std::fs::read_to_string(&log).expect("mail.log written");
        assert!(text.contains("Welcome to the Pakistan Pavilion"), "{text}");
        assert_eq!(
            scalar_i64(
                &app,
                "SELECT CAST(COUNT(*) AS BIGINT) FROM outbox WHERE sent_at IS NOT NULL"
            )
            .await,
            1
        );
    }
);
