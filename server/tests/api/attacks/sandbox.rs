//! Finding 5: the test wallet, which lets anyone mark an order paid, is off unless the
//! deployment turns it on; without a way to pay, checkout says so instead of pretending.

use app::error::AppError;
use app::error::Problem;
use app::model::order::Quote;

use crate::both_with;
use crate::shopper::{Shopper, key, scalar_i64};

both_with!(
    without_the_sandbox_checkout_refuses_and_the_wallet_is_gone,
    [("PAVILION_SANDBOX_PAYMENTS", "")],
    |app| {
        app.seed_demo().await;
        let stock = || {
            scalar_i64(
                &app,
                "SELECT CAST(stock AS BIGINT) FROM variants WHERE sku = 'GBM-SK-1KG'",
            )
        };
        let before = stock().await;
        let buyer = Shopper::new(&app);
        buyer.add("GBM-SK-1KG", 1).await.ok();
        let quote: Quote = buyer.get("/api/checkout_quote?lang=Zh").await.json();
        assert!(!quote.payment_available);
        for lang in ["zh", "en"] {
            let page = buyer.get(&format!("/{lang}/checkout")).await;
            let expected = if lang == "zh" {
                "暂时无法付款"
            } else {
                "Payment is not available"
            };
            assert!(page.body.contains(expected), "{lang}: the page says so");
        }
        let reply = buyer.checkout(&key(), &[]).await;
        assert_eq!(reply.status, 422);
        assert_eq!(reply.problem(), Problem::PaymentUnavailable);
        assert_eq!(
            scalar_i64(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM orders").await,
            0
        );
        assert_eq!(stock().await, before, "no stock taken");
        // The wallet's own endpoints are not there.
        let decide = buyer
            .call(
                "sandbox_decide",
                &[("fields[order]", "PV1"), ("outcome", "success")],
            )
            .await;
        assert_eq!(decide.error(), AppError::NotFound);
        let notify = app
            .client
            .post(app.url("/payments/sandbox/notify"))
            .form(&[("reference", "PAY1"), ("result", "success")])
            .send()
            .await
            .expect("sent");
        assert_eq!(notify.status(), 400);
    }
);

both_with!(
    with_the_sandbox_on_its_page_says_it_is_a_test_wallet,
    [("PAVILION_SANDBOX_PAYMENTS", "on")],
    |app| {
        app.seed_demo().await;
        let buyer = Shopper::new(&app);
        buyer.add("GBM-SK-1KG", 1).await.ok();
        let quote: Quote = buyer.get("/api/checkout_quote?lang=Zh").await.json();
        assert!(quote.payment_available);
        let reply = buyer.checkout(&key(), &[]).await;
        let pay = reply.location.expect("sent to pay");
        let path = pay
            .split_once("://")
            .and_then(|(_, rest)| rest.split_once('/'))
            .map(|(_, path)| format!("/{path}"))
            .unwrap_or(pay);
        let page = buyer.get(&path).await;
        assert_eq!(page.status, 200, "{path}");
        assert!(
            page.body.contains("测试") || page.body.contains("test wallet"),
            "{path}"
        );
    }
);
