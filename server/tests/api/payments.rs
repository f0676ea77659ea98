//! The sandbox wallet: a paid order is paid exactly once whatever order the buyer's return
//! and the callback arrive in; forged, replayed and late verdicts change nothing they should
//! not.

use std::collections::BTreeMap;

use app::model::order::{OrderStatus, OrderView, PlacedOrder};

use crate::both;
use crate::helpers::TestApp;
use crate::shopper::{Shopper, key, scalar_i64};

/// A guest's order for one bag of rice; returns the placed order.
async fn place(buyer: &Shopper<'_>) -> PlacedOrder {
    buyer.add("GBM-SK-1KG", 1).await.ok();
    buyer.checkout(&key(), &[]).await.json()
}

/// The query fields of a path.
fn fields(url: &str) -> BTreeMap<String, String> {
    let query = url.split_once('?').map_or("", |(_, q)| q);
    url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect()
}

/// Chooses an outcome on the sandbox pay page; returns the return URL it redirects to.
async fn decide(buyer: &Shopper<'_>, pay_url: &str, outcome: &str) -> String {
    let mut form: Vec<(String, String)> = fields(pay_url)
        .into_iter()
        .map(|(k, v)| (format!("fields[{k}]"), v))
        .collect();
    form.push(("outcome".into(), outcome.into()));
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let reply = buyer.call("sandbox_decide", &pairs).await;
    reply.ok();
    reply.location.expect("redirect to the return URL")
}

async fn status_of(app: &TestApp, number: &str) -> String {
    sqlx::query_scalar("SELECT status FROM orders WHERE number = $1")
        .bind(number)
        .fetch_one(&app.pool)
        .await
        .expect("order")
}

async fn paid_events(app: &TestApp, number: &str) -> i64 {
    scalar_i64(
        app,
        &format!(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM order_events e JOIN orders o ON o.id = e.order_id \
             WHERE o.number = '{number}' AND e.status = 'paid'"
        ),
    )
    .await
}

/// Waits for the wallet's background callback to be recorded.
async fn wait_for_notifications(app: &TestApp, n: i64) {
    for _ in 0..100 {
        if scalar_i64(
            app,
            "SELECT CAST(COUNT(*) AS BIGINT) FROM payment_notifications",
        )
        .await
            >= n
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the sandbox callback never arrived");
}

/// Signs fields with the sandbox key, as only the wallet can.
async fn sign(app: &TestApp, mut fields: BTreeMap<String, String>) -> BTreeMap<String, String> {
    let key: String =
        sqlx::query_scalar("SELECT value FROM secrets WHERE name = 'sandbox_payments'")
            .fetch_one(&app.pool)
            .await
            .expect("key");
    fields.remove("sign");
    let canonical: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let signature = app::backend::crypto::sign(key.as_bytes(), &canonical.join("&"));
    fields.insert("sign".into(), signature);
    fields
}

async fn notify(app: &TestApp, fields: &BTreeMap<String, String>) -> u16 {
    app.client
        .post(app.url("/payments/sandbox/notify"))
        .form(fields)
        .send()
        .await
        .expect("sent")
        .status()
        .as_u16()
}

both!(
    paying_in_the_sandbox_marks_the_order_paid_exactly_once,
    |app| {
        app.seed_demo().await;
        let buyer = Shopper::new(&app);
        let placed = place(&buyer).await;
        let page = buyer.get(&placed.pay_url).await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains(&placed.number),
            "the pay page names the order"
        );
        let back = decide(&buyer, &placed.pay_url, "success").await;
        assert!(back.starts_with("/payments/sandbox/return?"));
        // The buyer's return and the wallet's callback race; both are applied, once.
        let returned = buyer.get(&back).await;
        assert_eq!(returned.status, 303);
        let order_link = returned.location.expect("to the order");
        assert!(
            order_link.starts_with(&format!("/zh/orders/{}?key=", placed.number)),
            "{order_link}"
        );
        wait_for_notifications(&app, 2).await;
        assert_eq!(status_of(&app, &placed.number).await, "paid");
        assert_eq!(paid_events(&app, &placed.number).await, 1);
        assert_eq!(
            scalar_i64(
                &app,
                "SELECT CAST(COUNT(*) AS BIGINT) FROM payments WHERE status = 'succeeded'"
            )
            .await,
            1
        );
        // The return again (a reload) changes nothing.
        assert_eq!(buyer.get(&back).await.status, 303);
        assert_eq!(paid_events(&app, &placed.number).await, 1);
        let order: OrderView = buyer
            .get(&format!("/api/order?lang=Zh&number={}", placed.number))
            .await
            .json();
        assert_eq!(order.status, OrderStatus::Paid);
        assert_eq!(order.shipments.len(), 1);
        assert_eq!(order.shipments[0].status, OrderStatus::Paid);
        // Counted for the operator (the recorder is shared by every app of this process).
        let metrics = app.metrics().await;
        assert!(
            metrics.contains("pavilion_orders_placed_total"),
            "{metrics}"
        );
        assert!(
            metrics.contains("pavilion_payment_notifications_total{outcome=\"paid\"}"),
            "{metrics}"
        );
    }
);

both!(
    forged_replayed_and_out_of_order_callbacks_change_nothing_they_should_not,
    |app| {
        app.seed_demo().await;
        let buyer = Shopper::new(&app);
        let placed = place(&buyer).await;
        let request = fields(&placed.pay_url);
        let reference = request["reference"].clone();
        let amount = request["amount"].clone();
        let verdict = |notify_id: &str, result: &str, amount: &str| {
            BTreeMap::from([
                ("notify_id".to_owned(), notify_id.to_owned()),
                ("reference".to_owned(), reference.clone()),
                ("txn".to_owned(), "SBXtest".to_owned()),
                ("amount".to_owned(), amount.to_owned()),
                ("result".to_owned(), result.to_owned()),
                ("ts".to_owned(), app::backend::db::now_seconds().to_string()),
                ("lang".to_owned(), "zh".to_owned()),
            ])
        };
        // Forged: a made-up signature, and a real one over other fields.
        let mut forged = verdict("n-1", "success", &amount);
        forged.insert("sign".into(), "00".repeat(32));
        assert_eq!(notify(&app, &forged).await, 400);
        let mut tampered = sign(&app, verdict("n-1", "success", &amount)).await;
        tampered.insert("amount".into(), "1".into());
        assert_eq!(notify(&app, &tampered).await, 400);
        // Correctly signed but for another amount: refused.
        assert_eq!(
            notify(&app, &sign(&app, verdict("n-2", "success", "1")).await).await,
            400
        );
        assert_eq!(status_of(&app, &placed.number).await, "placed");
        assert_eq!(
            scalar_i64(
                &app,
                "SELECT CAST(COUNT(*) AS BIGINT) FROM payment_notifications"
            )
            .await,
            0
        );

        // A genuine success, then its replay, then a late failure for the same payment.
        let success = sign(&app, verdict("n-3", "success", &amount)).await;
        assert_eq!(notify(&app, &success).await, 200);
        assert_eq!(notify(&app, &success).await, 200);
        assert_eq!(
            notify(&app, &sign(&app, verdict("n-4", "failure", &amount)).await).await,
            200
        );
        assert_eq!(status_of(&app, &placed.number).await, "paid");
        assert_eq!(paid_events(&app, &placed.number).await, 1);
        let payment_status: String =
            sqlx::query_scalar("SELECT status FROM payments WHERE reference = $1")
                .bind(&reference)
                .fetch_one(&app.pool)
                .await
                .expect("payment");
        assert_eq!(payment_status, "succeeded");
    }
);

both!(
    a_failed_payment_can_be_retried_and_an_expired_order_returns_its_stock,
    |app| {
        app.seed_demo().await;
        let buyer = Shopper::new(&app);
        let before = scalar_i64(&app, "SELECT stock FROM variants WHERE sku = 'GBM-SK-1KG'").await;
        let placed = place(&buyer).await;
        let back = decide(&buyer, &placed.pay_url, "failure").await;
        buyer.get(&back).await;
        assert_eq!(status_of(&app, &placed.number).await, "placed");
        // The order page offers to pay again: a new payment, a new pay page.
        let again = buyer
            .call("pay_order", &[("lang", "Zh"), ("number", &placed.number)])
            .await;
        let retry_url = again.location.expect("to the pay page");
        assert_ne!(
            fields(&retry_url)["reference"],
            fields(&placed.pay_url)["reference"]
        );
        assert_eq!(
            scalar_i64(&app, "SELECT stock FROM variants WHERE sku = 'GBM-SK-1KG'").await,
            before - 1
        );
        // Time runs out: the reservation is released.
        sqlx::query("UPDATE orders SET expires_at = 0 WHERE number = $1")
            .bind(&placed.number)
            .execute(&app.pool)
            .await
            .expect("expired");
        let state = app.state();
        assert_eq!(
            app::backend::orders::expire_unpaid(&state)
                .await
                .expect("expires"),
            1
        );
        assert_eq!(status_of(&app, &placed.number).await, "cancelled");
        assert_eq!(
            scalar_i64(&app, "SELECT stock FROM variants WHERE sku = 'GBM-SK-1KG'").await,
            before
        );
        // Money that arrives now is marked for refund; the order stays cancelled.
        let late = decide(&buyer, &retry_url, "success").await;
        buyer.get(&late).await;
        assert_eq!(status_of(&app, &placed.number).await, "cancelled");
        let refund_due = scalar_i64(
            &app,
            "SELECT CAST(COUNT(*) AS BIGINT) FROM payments WHERE status = 'refund_due'",
        )
        .await;
        assert_eq!(refund_due, 1);
        assert_eq!(
            scalar_i64(&app, "SELECT stock FROM variants WHERE sku = 'GBM-SK-1KG'").await,
            before
        );
    }
);
