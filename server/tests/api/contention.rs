//! Money under contention (issue 15): one cart becomes at most one order whatever the keys,
//! carts holding the same variants in opposite orders never deadlock, and only the risk box's
//! own value is consent. On both engines.

use app::error::Problem;
use futures::future::join_all;

use crate::both;
use crate::helpers::TestApp;
use crate::shopper::{Shopper, guests_with_carts, key, resident_id, scalar_i64};

async fn variant(app: &TestApp, sku: &str) -> (i64, i64) {
    let id = scalar_i64(app, &format!("SELECT id FROM variants WHERE sku = '{sku}'")).await;
    let price = scalar_i64(
        app,
        &format!("SELECT CAST(price_minor AS BIGINT) FROM variants WHERE sku = '{sku}'"),
    )
    .await;
    (id, price)
}

both!(
    one_cart_checked_out_from_five_tabs_at_once_is_one_order,
    |app| {
        app.seed_demo().await;
        let mango = variant(&app, "SMH-SINDHRI-5KG").await;
        for round in 0..10 {
            let token = guests_with_carts(&app, &[vec![mango]]).await.remove(0);
            let tabs: Vec<Shopper> = (0..5)
                .map(|_| Shopper::with_session(&app, &token))
                .collect();
            let keys: Vec<String> = (0..5).map(|_| key()).collect();
            let replies =
                join_all(tabs.iter().zip(&keys).map(|(tab, k)| tab.checkout(k, &[]))).await;
            let placed = replies.iter().filter(|r| r.status == 200).count();
            let emptied = replies
                .iter()
                .filter(|r| r.status == 422 && r.problem() == Problem::CartEmpty)
                .count();
            assert_eq!((placed, emptied), (1, 4), "round {round}: {replies:?}");
        }
        assert_eq!(
            scalar_i64(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM orders").await,
            10
        );
    }
);

both!(
    carts_holding_the_same_variants_in_opposite_orders_all_check_out,
    |app| {
        app.seed_demo().await;
        sqlx::query(
            "UPDATE variants SET stock = 1000 WHERE sku IN ('SMH-SINDHRI-5KG', 'GBM-SK-1KG')",
        )
        .execute(&app.pool)
        .await
        .expect("stock");
        let mango = variant(&app, "SMH-SINDHRI-5KG").await;
        let rice = variant(&app, "GBM-SK-1KG").await;
        let carts: Vec<Vec<(i64, i64)>> = (0..200)
            .map(|n| {
                if n % 2 == 0 {
                    vec![mango, rice]
                } else {
                    vec![rice, mango]
                }
            })
            .collect();
        let tokens = guests_with_carts(&app, &carts).await;
        let buyers: Vec<Shopper> = tokens
            .iter()
            .map(|t| Shopper::with_session(&app, t))
            .collect();
        let keys: Vec<String> = (0..buyers.len()).map(|_| key()).collect();
        // Each buyer their own identity, so the yearly cross-border limit stays out of the way.
        let ids: Vec<String> = (0..buyers.len()).map(resident_id).collect();
        let replies = join_all(
            buyers
                .iter()
                .zip(keys.iter().zip(&ids))
                .map(|(b, (k, id))| async move { b.checkout(k, &[("form[id_number]", id)]).await }),
        )
        .await;
        let odd: Vec<_> = replies
            .iter()
            .filter(|r| r.status != 200)
            .map(|r| (r.status, r.body.as_str()))
            .take(3)
            .collect();
        assert!(odd.is_empty(), "not every checkout succeeded: {odd:?}");
        assert_eq!(
            scalar_i64(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM orders").await,
            200,
            "an order for every answer, and none without one"
        );
        assert_eq!(
        scalar_i64(
            &app,
            "SELECT CAST(SUM(stock) AS BIGINT) FROM variants WHERE sku IN ('SMH-SINDHRI-5KG', 'GBM-SK-1KG')"
        )
        .await,
        2000 - 400
    );
    }
);

both!(only_the_risk_boxs_own_value_is_consent, |app| {
    app.seed_demo().await;
    let buyer = Shopper::new(&app);
    buyer.add("GBM-SK-1KG", 1).await.ok();
    for value in ["off", "0", "", "false", "yes", "ON"] {
        let reply = buyer
            .checkout(&key(), &[("form[accept_risk]", value)])
            .await;
        assert_eq!(reply.problem(), Problem::RiskNotAccepted, "{value:?}");
    }
    // No box at all.
    let attempt = key();
    let mut without = crate::shopper::checkout_form(&attempt);
    without.retain(|(name, _)| *name != "form[accept_risk]");
    assert_eq!(
        buyer.call("place_order", &without).await.problem(),
        Problem::RiskNotAccepted
    );
    assert_eq!(
        scalar_i64(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM orders").await,
        0
    );
    buyer.checkout(&key(), &[]).await.ok();
});

both!(
    a_control_character_in_any_field_is_refused_and_writes_nothing,
    |app| {
        app.seed_demo().await;
        let sessions = || scalar_i64(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM sessions");
        let stranger = Shopper::new(&app);
        for (endpoint, form) in [
            (
                "add_to_cart",
                vec![
                    ("lang", "Zh"),
                    ("sku", "GBM-SK-1KG\u{0}"),
                    ("quantity", "1"),
                ],
            ),
            (
                "add_to_cart",
                vec![
                    ("lang", "Zh"),
                    ("sku", "GBM-SK-1KG"),
                    ("quantity", "1\u{1}"),
                ],
            ),
            (
                "update_cart_line",
                vec![("sku", "GBM-SK-1KG\u{0}"), ("quantity", "2")],
            ),
            ("remove_cart_line", vec![("sku", "\u{0}GBM-SK-1KG")]),
        ] {
            let reply = stranger.call(endpoint, &form).await;
            assert_eq!(reply.status, 422, "{endpoint}: {}", reply.body);
            assert_eq!(reply.problem(), Problem::ControlCharacter, "{endpoint}");
        }
        let query = stranger.get("/api/products?lang=Zh&q=%00").await;
        assert_eq!(query.status, 422);
        // Refused for any other reason, a newcomer's request writes no session either.
        let unknown = stranger.add("NO-SUCH-SKU", 1).await;
        assert_eq!(unknown.status, 422);
        assert_eq!(stranger.add("GBM-SK-1KG", 0).await.status, 422);
        assert_eq!(sessions().await, 0, "refusals wrote no session");
        assert_eq!(
            scalar_i64(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM cart_lines").await,
            0
        );
        // A checkout field with a NUL is refused the same way, and places nothing.
        let buyer = Shopper::new(&app);
        buyer.add("GBM-SK-1KG", 1).await.ok();
        let reply = buyer
            .checkout(
                &key(),
                &[("form[address][street]", "人民南路\u{0}四段 12 号")],
            )
            .await;
        assert_eq!(reply.problem(), Problem::ControlCharacter);
        assert_eq!(
            scalar_i64(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM orders").await,
            0
        );
        // The same checkout without it goes through.
        buyer.checkout(&key(), &[]).await.ok();
    }
);

both!(
    one_checkout_sent_five_times_at_once_has_one_live_payment,
    |app| {
        app.seed_demo().await;
        let buyer = Shopper::new(&app);
        buyer.add("GBM-SK-1KG", 1).await.ok();
        let attempt = key();
        let replies = join_all((0..5).map(|_| buyer.checkout(&attempt, &[]))).await;
        let numbers: Vec<String> = replies
            .iter()
            .map(|r| r.ok().json::<app::model::order::PlacedOrder>().number)
            .collect();
        assert!(numbers.windows(2).all(|w| w[0] == w[1]), "{numbers:?}");
        for (sql, expected) in [
            ("SELECT CAST(COUNT(*) AS BIGINT) FROM orders", 1),
            ("SELECT CAST(COUNT(*) AS BIGINT) FROM payments", 1),
            (
                "SELECT CAST(COUNT(*) AS BIGINT) FROM payments WHERE status = 'pending'",
                1,
            ),
        ] {
            assert_eq!(scalar_i64(&app, sql).await, expected, "{sql}");
        }
    }
);

both!(an_order_number_drawn_twice_is_drawn_again, |app| {
    app.seed_demo().await;
    let taken = "PV261206TAKENXYZ".to_owned();
    app.state()
        .order_numbers
        .queue_next([taken.clone(), taken.clone()]);
    let numbers = {
        let mut numbers = Vec::new();
        for n in 0..2 {
            let buyer = Shopper::new(&app);
            buyer.add("GBM-SK-1KG", 1).await.ok();
            let reply = buyer
                .checkout(&key(), &[("form[id_number]", &resident_id(n))])
                .await;
            numbers.push(reply.ok().json::<app::model::order::PlacedOrder>().number);
        }
        numbers
    };
    assert_eq!(numbers[0], taken, "the first checkout gets the number");
    assert_ne!(numbers[1], taken, "the second draws another: {numbers:?}");
    assert_eq!(
        scalar_i64(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM orders").await,
        2
    );
});
