//! Following orders: one customer never reaches another's cart or order, guests follow
//! theirs by a signed link, and a delivered parcel can be reviewed.

use app::backend::db::orders::Actor;
use app::error::{AppError, Problem};
use app::model::cart::CartView;
use app::model::order::{OrderStatus, OrderSummary, OrderView, PlacedOrder};
use app::model::review::ProductReviews;

use crate::both;
use crate::shopper::{Shopper, key, mark_paid, scalar_i64};

async fn place(buyer: &Shopper<'_>, sku: &str) -> PlacedOrder {
    buyer.add(sku, 1).await.ok();
    buyer.checkout(&key(), &[]).await.json()
}

both!(
    one_customer_cannot_read_or_change_another_customers_cart_or_orders,
    |app| {
        app.seed_demo().await;
        let alice = Shopper::new(&app);
        alice
            .register("alice@example.cn", "Alice", "plum blossom tea")
            .await
            .ok();
        let order = place(&alice, "GBM-SK-1KG").await;
        alice.add("PKH-KAH-250G", 2).await.ok();
        let bob = Shopper::new(&app);
        bob.register("bob@example.cn", "Bob", "kunming spring days")
            .await
            .ok();
        let number = order.number.as_str();

        // Guessing Alice's order number gets Bob nothing, by page or by server function.
        assert_eq!(bob.get(&format!("/en/orders/{number}")).await.status, 404);
        let read = bob
            .get(&format!("/api/order?lang=En&number={number}"))
            .await;
        assert_eq!((read.status, read.error()), (404, AppError::NotFound));
        for (endpoint, form) in [
            ("cancel_order", vec![("number", number)]),
            ("pay_order", vec![("lang", "En"), ("number", number)]),
            (
                "confirm_delivery",
                vec![("number", number), ("shipment", "1")],
            ),
        ] {
            assert_eq!(
                bob.call(endpoint, &form).await.error(),
                AppError::NotFound,
                "{endpoint}"
            );
        }
        // A forged guest key does not open it either.
        let forged = bob
            .get(&format!(
                "/api/order?lang=En&number={number}&key={}",
                "ab".repeat(32)
            ))
            .await;
        assert_eq!(forged.status, 404);
        let bobs: Vec<OrderSummary> = bob.get("/api/orders").await.json();
        assert!(bobs.is_empty());
        // Bob's cart calls reach only Bob's cart.
        assert_eq!(
            bob.call(
                "update_cart_line",
                &[("sku", "PKH-KAH-250G"), ("quantity", "1")]
            )
            .await
            .status,
            404
        );
        bob.call("remove_cart_line", &[("sku", "PKH-KAH-250G")])
            .await
            .ok();
        let alices: CartView = alice.get("/api/cart?lang=En").await.json();
        assert_eq!(alices.lines[0].quantity, 2);
        assert_eq!(
            scalar_i64(
                &app,
                "SELECT CAST(COUNT(*) AS BIGINT) FROM orders WHERE status = 'placed'"
            )
            .await,
            1
        );
        // Alice herself sees her order and can cancel it, which returns the stock.
        let mine: OrderView = alice
            .get(&format!("/api/order?lang=En&number={number}"))
            .await
            .json();
        assert_eq!(mine.id_number_masked, "110***********002X");
        assert!(
            !alice
                .get(&format!("/en/orders/{number}"))
                .await
                .body
                .contains("11010519491231002X")
        );
        alice.call("cancel_order", &[("number", number)]).await.ok();
        assert_eq!(
            alice
                .call("cancel_order", &[("number", number)])
                .await
                .problem(),
            Problem::NotCancellable
        );
    }
);

both!(
    a_guest_follows_an_order_by_the_signed_link_in_the_email,
    |app| {
        app.seed_demo().await;
        let guest = Shopper::new(&app);
        let order = place(&guest, "GBM-SK-1KG").await;
        let body: String = sqlx::query_scalar("SELECT body FROM outbox ORDER BY id DESC LIMIT 1")
            .fetch_one(&app.pool)
            .await
            .expect("confirmation");
        let link = body
            .split_whitespace()
            .find(|word| word.contains("/orders/"))
            .expect("a link")
            .replace("https://pavilion.test", "");
        // Another browser, without the guest's session, opens it with the link only.
        let elsewhere = Shopper::new(&app);
        let page = elsewhere.get(&link).await;
        assert_eq!(page.status, 200);
        assert!(page.body.contains(&order.number));
        let without_key = link.split('?').next().expect("path");
        assert_eq!(elsewhere.get(without_key).await.status, 404);
    }
);

both!(
    only_a_buyer_whose_parcel_was_delivered_reviews_the_product,
    |app| {
        app.seed_demo().await;
        let buyer = Shopper::new(&app);
        buyer
            .register("zhao@example.cn", "赵敏", "desert roses bloom")
            .await
            .ok();
        let order = place(&buyer, "PKH-KAH-250G").await;
        let review = |rating: &'static str| {
            [
                ("lang", "Zh"),
                ("slug", "peshawari-kahwa-green-tea"),
                ("rating", rating),
                ("body", "茶香清雅，豆蔻味很正。"),
            ]
        };
        assert_eq!(
            buyer.call("post_review", &review("5")).await.problem(),
            Problem::NotDelivered
        );
        mark_paid(&app, &order.number).await;
        let state = app.state();
        let view: OrderView = buyer
            .get(&format!("/api/order?lang=Zh&number={}", order.number))
            .await
            .json();
        let parcel = view.shipments[0].id;
        let seller = Actor {
            kind: "seller",
            user_id: None,
        };
        app::backend::orders::ship(&state, parcel, "SF Express", "SF1234567890", &seller)
            .await
            .expect("shipped");
        let parcel_field = parcel.to_string();
        buyer
            .call(
                "confirm_delivery",
                &[("number", &order.number), ("shipment", &parcel_field)],
            )
            .await
            .ok();
        let view: OrderView = buyer
            .get(&format!("/api/order?lang=Zh&number={}", order.number))
            .await
            .json();
        assert_eq!(view.status, OrderStatus::Delivered);
        assert!(view.shipments[0].lines[0].reviewable);
        let statuses: Vec<OrderStatus> = view.timeline.iter().map(|e| e.status).collect();
        assert_eq!(
            statuses,
            [
                OrderStatus::Placed,
                OrderStatus::Shipped,
                OrderStatus::Shipped,
                OrderStatus::Delivered,
                OrderStatus::Delivered
            ]
        );
        assert_eq!(
            buyer.call("post_review", &review("9")).await.problem(),
            Problem::Rating
        );
        buyer.call("post_review", &review("4")).await.ok();
        assert_eq!(
            buyer.call("post_review", &review("5")).await.problem(),
            Problem::AlreadyReviewed
        );
        app.refresh().await;
        let reviews: ProductReviews = buyer
            .get("/api/reviews?slug=peshawari-kahwa-green-tea")
            .await
            .json();
        assert_eq!((reviews.count, reviews.average), (1, Some(4.0)));
        assert_eq!(reviews.reviews[0].author, "赵敏");
        // Someone who never bought it cannot review it.
        let other = Shopper::new(&app);
        other
            .register("qian@example.cn", "钱", "spring rain in March")
            .await
            .ok();
        assert_eq!(
            other.call("post_review", &review("1")).await.problem(),
            Problem::NotDelivered
        );
    }
);

both!(the_wishlist_belongs_to_a_signed_in_customer, |app| {
    app.seed_demo().await;
    let guest = Shopper::new(&app);
    assert_eq!(
        guest
            .call("toggle_wishlist", &[("slug", "sindhri-mango-5kg")])
            .await
            .error(),
        AppError::SignInRequired
    );
    guest
        .register("lin@example.cn", "林", "mango lassi weather")
        .await
        .ok();
    assert!(
        guest
            .call("toggle_wishlist", &[("slug", "sindhri-mango-5kg")])
            .await
            .json::<bool>()
    );
    let wishes: Vec<app::model::ProductCard> = guest.get("/api/wishlist?lang=Zh").await.json();
    assert_eq!(wishes.len(), 1);
    assert!(
        !guest
            .call("toggle_wishlist", &[("slug", "sindhri-mango-5kg")])
            .await
            .json::<bool>()
    );
    assert_eq!(
        guest
            .call("toggle_wishlist", &[("slug", "no-such-product")])
            .await
            .status,
        404
    );
});
