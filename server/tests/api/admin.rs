//! The operator's console: only admins reach it, by server function, page or file; every
//! action it takes is in the append-only audit log; suspension, take-down, refunds, rates,
//! accounts and reviews do what the operator expects.

use app::error::{AppError, Problem};
use app::model::account::Role;
use app::model::admin::{
    AdminApplication, AdminDashboard, AdminListing, AdminOrder, AdminUser, AuditEntry, RatesView,
};
use app::model::order::OrderStatus;

use crate::both;
use crate::helpers::TestApp;
use crate::sellers::{application, paid_order, product, saved_id};
use crate::shopper::{Shopper, scalar_i64};

async fn person<'a>(app: &'a TestApp, email: &str, role: Role) -> Shopper<'a> {
    app::backend::auth::create_user(&app.pool, email, "Person", "steady hands 42".into(), role)
        .await
        .expect("user created");
    let shopper = Shopper::new(app);
    shopper.login(email, "steady hands 42").await.ok();
    shopper
}

async fn audit(admin: &Shopper<'_>, query: &str) -> Vec<AuditEntry> {
    admin
        .get(&format!("/api/admin_audit?query={query}"))
        .await
        .json()
}

/// Every admin server function, with a plausible form.
const ADMIN_CALLS: [(&str, &[(&str, &str)]); 9] = [
    (
        "admin_decide_application",
        &[("lang", "En"), ("id", "1"), ("decision", "approve")],
    ),
    (
        "admin_suspend_shop",
        &[
            ("lang", "En"),
            ("shop_id", "1"),
            ("action", "suspend"),
            ("reason", "x"),
        ],
    ),
    (
        "admin_decide_listing",
        &[
            ("lang", "En"),
            ("id", "1"),
            ("decision", "take_down"),
            ("note", "x"),
        ],
    ),
    (
        "admin_change_user",
        &[
            ("lang", "En"),
            ("id", "1"),
            ("change", "role"),
            ("role", "admin"),
        ],
    ),
    (
        "admin_refund",
        &[("lang", "En"), ("number", "P1"), ("reason", "x")],
    ),
    (
        "admin_set_exchange_rate",
        &[("lang", "En"), ("currency", "PKR"), ("rate", "1")],
    ),
    ("admin_set_commission", &[("lang", "En"), ("percent", "50")]),
    (
        "admin_moderate_review",
        &[("lang", "En"), ("id", "1"), ("action", "hide")],
    ),
    ("admin_withdraw_article", &[("lang", "En"), ("id", "1")]),
];

const ADMIN_READS: [&str; 9] = [
    "/api/admin_articles",
    "/api/admin_dashboard",
    "/api/admin_applications?lang=En&status=pending",
    "/api/admin_listings?lang=En&state=waiting&query=",
    "/api/admin_users?query=",
    "/api/admin_orders?query=&status=",
    "/api/admin_rates",
    "/api/admin_reviews?lang=En",
    "/api/admin_audit?query=",
];

const ADMIN_PAGES: [&str; 9] = [
    "/admin",
    "/admin/applications",
    "/admin/listings",
    "/admin/orders",
    "/admin/users",
    "/admin/rates",
    "/admin/reviews",
    "/admin/articles",
    "/admin/audit",
];

both!(
    customers_sellers_and_editors_are_refused_every_admin_function_page_and_file,
    |app| {
        app.seed_demo().await;
        let anonymous = Shopper::new(&app);
        let customer = person(&app, "customer@example.cn", Role::Customer).await;
        let seller = person(&app, "seller@example.pk", Role::Seller).await;
        let editor = person(&app, "editor@pavilion.test", Role::Editor).await;
        let before = scalar_i64(&app, "SELECT COUNT(*) FROM audit_log").await;
        for (who, expected) in [
            (&anonymous, AppError::SignInRequired),
            (&customer, AppError::Forbidden),
            (&seller, AppError::Forbidden),
            (&editor, AppError::Forbidden),
        ] {
            for (endpoint, form) in ADMIN_CALLS {
                let reply = who.call(endpoint, form).await;
                assert_eq!(reply.error(), expected, "{endpoint}");
            }
            for path in ADMIN_READS {
                let reply = who.get(path).await;
                assert_eq!(reply.error(), expected, "{path}");
            }
            // A stranger is sent to sign in, and brought back afterwards.
            let status = if expected == AppError::Forbidden {
                403
            } else {
                303
            };
            for lang in ["en", "zh"] {
                for page in ADMIN_PAGES {
                    let reply = who.get(&format!("/{lang}{page}")).await;
                    assert_eq!(reply.status, status, "/{lang}{page}");
                    assert!(!reply.body.contains("data-application"), "{page}");
                }
            }
            // Files are no pages: a stranger is told 401, not sent to sign in.
            let status = if expected == AppError::Forbidden {
                403
            } else {
                401
            };
            for file in ["/admin/audit.csv", "/admin/documents/1"] {
                assert_eq!(who.get(file).await.status, status, "{file}");
            }
        }
        // Nothing was changed, so nothing was logged.
        assert_eq!(
            scalar_i64(&app, "SELECT COUNT(*) FROM audit_log").await,
            before
        );
        assert_eq!(
            scalar_i64(&app, "SELECT COUNT(*) FROM shops WHERE suspended = 1").await,
            0
        );

        // The Chinese page says so in Chinese.
        let page = customer.get("/zh/admin").await;
        assert!(
            page.body.contains("此页面仅限国家馆管理员访问"),
            "{}",
            page.body
        );
    }
);

both!(
    the_admin_approves_a_shop_moderates_its_listing_and_suspends_it_all_audited,
    |app| {
        app.seed_demo().await;
        let admin = person(&app, "admin@pavilion.test", Role::Admin).await;
        let applicant = Shopper::new(&app);
        applicant
            .register("nadia@example.pk", "Nadia", "green cricket pitch")
            .await
            .ok();
        applicant
            .call(
                "apply_for_shop",
                &application("exporter", "1234567-8", "Lahore Leather"),
            )
            .await
            .ok();
        let waiting: Vec<AdminApplication> = admin
            .get("/api/admin_applications?lang=Zh&status=pending")
            .await
            .json();
        assert_eq!(waiting.len(), 1);
        assert_eq!(waiting[0].city, "锡亚尔科特");
        let id = waiting[0].id.to_string();
        let no_reason = admin
            .call(
                "admin_decide_application",
                &[("lang", "En"), ("id", &id), ("decision", "reject")],
            )
            .await;
        assert_eq!(no_reason.problem(), Problem::Reason);
        let approved = admin
            .call(
                "admin_decide_application",
                &[("lang", "Zh"), ("id", &id), ("decision", "approve")],
            )
            .await;
        approved.ok();
        assert!(
            approved
                .location
                .as_deref()
                .unwrap_or_default()
                .starts_with("/zh/admin/applications?done=")
        );
        let dashboard: AdminDashboard = admin.get("/api/admin_dashboard").await.json();
        assert_eq!(dashboard.pending_applications, 0);

        // The new seller lists a product; the admin approves it, then takes it down.
        let mut full = product("lahore-satchel", "LL-SATCHEL", "拉合尔皮革挎包");
        for (key, value) in [
            ("draft[zh][summary]", "手工缝制。"),
            ("draft[zh][description]", "牛皮。"),
        ] {
            full.retain(|(k, _)| *k != key);
            full.push((key, value));
        }
        let product_id = saved_id(&applicant.call("save_product", &full).await);
        let product_text = product_id.to_string();
        applicant
            .call(
                "publish_product",
                &[("lang", "En"), ("id", &product_text), ("publish", "true")],
            )
            .await
            .ok();
        let queue: Vec<AdminListing> = admin
            .get("/api/admin_listings?lang=En&state=waiting&query=satchel")
            .await
            .json();
        assert_eq!(queue.len(), 1);
        admin
            .call(
                "admin_decide_listing",
                &[
                    ("lang", "En"),
                    ("id", &product_text),
                    ("decision", "approve"),
                ],
            )
            .await;
        app.refresh().await;
        assert_eq!(app.get("/zh/products/lahore-satchel").await.status(), 200);
        let no_reason = admin
            .call(
                "admin_decide_listing",
                &[
                    ("lang", "En"),
                    ("id", &product_text),
                    ("decision", "take_down"),
                ],
            )
            .await;
        assert_eq!(no_reason.problem(), Problem::Reason);
        admin
            .call(
                "admin_decide_listing",
                &[
                    ("lang", "En"),
                    ("id", &product_text),
                    ("decision", "take_down"),
                    ("note", "Counterfeit brand logo"),
                ],
            )
            .await;
        app.refresh().await;
        assert_eq!(app.get("/zh/products/lahore-satchel").await.status(), 404);
        let editor: app::model::seller::ProductEditor = applicant
            .get(&format!("/api/seller_product?id={product_id}"))
            .await
            .json();
        assert_eq!(
            editor.review_note.as_deref(),
            Some("Counterfeit brand logo")
        );

        // Suspending a demo shop takes its products out of the catalogue and the cart at once.
        let shop_id = scalar_i64(
            &app,
            "SELECT p.shop_id FROM products p JOIN variants v ON v.product_id = p.id WHERE v.sku = 'GBM-SK-1KG'",
        )
        .await
        .to_string();
        let slug: String = sqlx::query_scalar(
            "SELECT p.slug FROM products p JOIN variants v ON v.product_id = p.id WHERE v.sku = 'GBM-SK-1KG'",
        )
        .fetch_one(&app.pool)
        .await
        .expect("slug");
        let buyer = Shopper::new(&app);
        admin
            .call(
                "admin_suspend_shop",
                &[
                    ("lang", "En"),
                    ("shop_id", &shop_id),
                    ("action", "suspend"),
                    ("reason", "Expired export licence"),
                ],
            )
            .await;
        app.refresh().await;
        assert!(!app.catalogue.get().product_by_slug.contains_key(&slug));
        assert_eq!(app.get(&format!("/zh/products/{slug}")).await.status(), 404);
        assert_eq!(
            buyer.add("GBM-SK-1KG", 1).await.problem(),
            Problem::Unavailable
        );
        admin
            .call(
                "admin_suspend_shop",
                &[
                    ("lang", "En"),
                    ("shop_id", &shop_id),
                    ("action", "reinstate"),
                ],
            )
            .await;
        app.refresh().await;
        buyer.add("GBM-SK-1KG", 1).await.ok();
        assert!(app.catalogue.get().product_by_slug.contains_key(&slug));

        let log = audit(&admin, "").await;
        let actions: Vec<&str> = log.iter().rev().map(|e| e.action.as_str()).collect();
        assert_eq!(
            actions,
            [
                "application.approve",
                "listing.approve",
                "listing.take_down",
                "shop.suspend",
                "shop.reinstate"
            ]
        );
        assert!(
            log.iter()
                .all(|e| e.actor == "admin@pavilion.test" && e.address == "127.0.0.1")
        );
        let take_down = &log[2];
        assert_eq!(take_down.target, "product:lahore-satchel");
        assert!(
            take_down
                .after
                .as_deref()
                .unwrap_or_default()
                .contains("Counterfeit brand logo")
        );
        assert_eq!(audit(&admin, "SUSPEND").await.len(), 1);

        let csv = admin.get("/admin/audit.csv?q=listing").await;
        assert_eq!(csv.status, 200);
        assert!(
            csv.body
                .starts_with("\u{feff}id,at_utc,actor,action,target,before,after,address")
        );
        assert_eq!(csv.body.lines().count(), 3, "{}", csv.body);

        // The log is append-only: the database refuses to change or delete a row.
        for sql in [
            "UPDATE audit_log SET actor = 'someone else'",
            "DELETE FROM audit_log",
        ] {
            assert!(sqlx::query(sql).execute(&app.pool).await.is_err(), "{sql}");
        }
        assert!(scalar_i64(&app, "SELECT COUNT(*) FROM audit_log").await >= 6);
    }
);

both!(
    a_refund_returns_the_stock_records_the_refund_and_happens_once,
    |app| {
        app.seed_demo().await;
        let admin = person(&app, "admin@pavilion.test", Role::Admin).await;
        let stock = "SELECT stock FROM variants WHERE sku = 'GBM-SK-1KG'";
        let before = scalar_i64(&app, stock).await;
        let number = paid_order(&app, "GBM-SK-1KG").await;
        assert_eq!(scalar_i64(&app, stock).await, before - 1);
        let found: Vec<AdminOrder> = admin
            .get(&format!(
                "/api/admin_orders?query={}&status=paid",
                &number[2..]
            ))
            .await
            .json();
        assert_eq!(found.len(), 1);
        assert!(found[0].refundable());
        let refund = [
            ("lang", "En"),
            ("number", number.as_str()),
            ("reason", "Parcel lost in transit"),
        ];
        admin.call("admin_refund", &refund).await;
        assert_eq!(scalar_i64(&app, stock).await, before);
        let found: Vec<AdminOrder> = admin
            .get(&format!("/api/admin_orders?query={number}&status="))
            .await
            .json();
        assert_eq!(found[0].status, OrderStatus::Refunded);
        assert_eq!(found[0].refunded_fen, Some(found[0].total_fen));
        let buyer = crate::sellers::order_email(&app, &number).await;
        // In the language the order was placed in.
        let (lang, subject, body) = crate::notices::mail_about(&app, &buyer, "已退款").await;
        assert_eq!(lang, "zh");
        assert_eq!(subject, format!("订单 {number} 已退款"));
        assert!(body.contains("Parcel lost in transit"), "{body}");
        assert_eq!(
            admin.call("admin_refund", &refund).await.problem(),
            Problem::NotRefundable
        );
        assert_eq!(scalar_i64(&app, stock).await, before, "stock returned once");
        let events = scalar_i64(
            &app,
            "SELECT COUNT(*) FROM order_events WHERE status = 'refunded' AND actor = 'admin'",
        )
        .await;
        assert_eq!(events, 1);
        let log = audit(&admin, "order.refund").await;
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].target, format!("order:{number}"));
    }
);

both!(
    rates_accounts_and_reviews_are_changed_from_the_console,
    |app| {
        app.seed_demo().await;
        let admin = person(&app, "admin@pavilion.test", Role::Admin).await;

        // Rates: checked, dated, and the catalogue follows.
        let bad = admin
            .call(
                "admin_set_exchange_rate",
                &[("lang", "En"), ("currency", "PKR"), ("rate", "abc")],
            )
            .await;
        assert_eq!(bad.problem(), Problem::ExchangeRate);
        admin
            .call(
                "admin_set_exchange_rate",
                &[("lang", "En"), ("currency", "PKR"), ("rate", "41.25")],
            )
            .await;
        let bad = admin
            .call(
                "admin_set_commission",
                &[("lang", "En"), ("percent", "7.5"), ("from", "2026-13-01")],
            )
            .await;
        assert_eq!(bad.problem(), Problem::RateDay);
        admin
            .call(
                "admin_set_commission",
                &[("lang", "En"), ("percent", "7.5")],
            )
            .await;
        let rates: RatesView = admin.get("/api/admin_rates").await.json();
        assert_eq!(
            (rates.exchange[0].currency.as_str(), rates.exchange[0].value),
            ("PKR", 41_250_000)
        );
        assert_eq!(rates.commission[0].value, 750);
        assert_eq!(
            app::backend::seller::analytics::commission(&app.pool)
                .await
                .expect("commission"),
            750
        );

        // Accounts: a locked customer is signed out and cannot sign in; one asked for a new
        // password gets a reset link; the admin cannot lock themselves.
        let customer = person(&app, "mei@example.cn", Role::Customer).await;
        let users: Vec<AdminUser> = admin.get("/api/admin_users?query=MEI@").await.json();
        assert_eq!(users.len(), 1);
        let id = users[0].id.to_string();
        admin
            .call(
                "admin_change_user",
                &[("lang", "En"), ("id", &id), ("change", "lock")],
            )
            .await;
        assert_eq!(
            customer.get("/api/admin_dashboard").await.error(),
            AppError::SignInRequired
        );
        let again = Shopper::new(&app);
        assert_eq!(
            again
                .login("mei@example.cn", "steady hands 42")
                .await
                .problem(),
            Problem::AccountLocked
        );
        admin
            .call(
                "admin_change_user",
                &[("lang", "En"), ("id", &id), ("change", "unlock")],
            )
            .await;
        admin
            .call(
                "admin_change_user",
                &[("lang", "En"), ("id", &id), ("change", "reset_password")],
            )
            .await;
        assert_eq!(
            again
                .login("mei@example.cn", "steady hands 42")
                .await
                .problem(),
            Problem::PasswordResetRequired
        );
        let resets = scalar_i64(
            &app,
            "SELECT COUNT(*) FROM outbox WHERE recipient = 'mei@example.cn'",
        )
        .await;
        assert!(resets >= 1, "a reset link was mailed");
        admin
            .call(
                "admin_change_user",
                &[
                    ("lang", "En"),
                    ("id", &id),
                    ("change", "role"),
                    ("role", "editor"),
                ],
            )
            .await;
        let bad_role = admin
            .call(
                "admin_change_user",
                &[
                    ("lang", "En"),
                    ("id", &id),
                    ("change", "role"),
                    ("role", "owner"),
                ],
            )
            .await;
        assert_eq!(bad_role.problem(), Problem::Role);
        let me = scalar_i64(
            &app,
            "SELECT id FROM users WHERE email = 'admin@pavilion.test'",
        )
        .await
        .to_string();
        let own = admin
            .call(
                "admin_change_user",
                &[("lang", "En"), ("id", &me), ("change", "lock")],
            )
            .await;
        assert_eq!(own.problem(), Problem::OwnAccount);

        // Reviews: a hidden review stops showing and counting.
        let product = scalar_i64(&app, "SELECT id FROM products WHERE slug = (SELECT MIN(slug) FROM products WHERE status = 'published')").await;
        let customer_id =
            scalar_i64(&app, "SELECT id FROM users WHERE email = 'mei@example.cn'").await;
        sqlx::query(
            "INSERT INTO reviews (product_id, user_id, rating, body, lang, created_at) VALUES ($1, $2, 1, 'spam spam', 'en', 0)",
        )
        .bind(product)
        .bind(customer_id)
        .execute(&app.pool)
        .await
        .expect("review");
        sqlx::query("UPDATE products SET rating_sum = rating_sum + 1, rating_count = rating_count + 1 WHERE id = $1")
            .bind(product)
            .execute(&app.pool)
            .await
            .expect("totals");
        let count = format!("SELECT rating_count FROM products WHERE id = {product}");
        let before = scalar_i64(&app, &count).await;
        let review = scalar_i64(&app, "SELECT id FROM reviews WHERE body = 'spam spam'")
            .await
            .to_string();
        admin
            .call(
                "admin_moderate_review",
                &[("lang", "En"), ("id", &review), ("action", "hide")],
            )
            .await;
        assert_eq!(scalar_i64(&app, &count).await, before - 1);
        admin
            .call(
                "admin_moderate_review",
                &[("lang", "En"), ("id", &review), ("action", "hide")],
            )
            .await;
        assert_eq!(
            scalar_i64(&app, &count).await,
            before - 1,
            "hiding twice counts once"
        );

        let actions: Vec<String> = audit(&admin, "")
            .await
            .into_iter()
            .rev()
            .map(|e| e.action)
            .collect();
        assert_eq!(
            actions,
            [
                "rate.exchange",
                "rate.commission",
                "user.lock",
                "user.unlock",
                "user.force_password_reset",
                "user.role",
                "review.hide",
            ]
        );
    }
);
