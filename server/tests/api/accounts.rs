//! Registering, signing in and out, sessions, rate limits and password resets.

use app::error::{AppError, Problem};
use app::model::account::AccountView;

use crate::both;
use crate::shopper::{Shopper, scalar_i64};

both!(registering_signs_in_with_a_secure_session_cookie, |app| {
    let amina = Shopper::new(&app);
    let reply = amina
        .register("Amina@Example.pk", "Amina", "mango season in Multan")
        .await;
    reply.ok();
    assert_eq!(reply.location.as_deref(), Some("/en/account"));
    let cookie = reply
        .set_cookie
        .iter()
        .find(|c| c.starts_with("pavilion_session="))
        .expect("cookie");
    for attribute in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    // 128 random bits, base64url: 22 characters.
    assert_eq!(amina.session_token().expect("token").len(), 22);
    let me: Option<AccountView> = amina.get("/api/current_account").await.json();
    assert_eq!(me.expect("signed in").email, "amina@example.pk");
    // The database keeps only a hash of the session id.
    let token = amina.session_token().expect("token");
    let stored = scalar_i64(
        &app,
        &format!("SELECT CAST(COUNT(*) AS BIGINT) FROM sessions WHERE id_hash = '{token}'"),
    )
    .await;
    assert_eq!(stored, 0);
    // A welcome email waits in the outbox, in the account's language.
    assert_eq!(
        scalar_i64(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM outbox").await,
        1
    );
});

both!(
    weak_or_duplicate_registrations_are_refused_with_a_reason,
    |app| {
        let visitor = Shopper::new(&app);
        for (password, problem) in [
            ("short", Problem::PasswordTooShort),
            ("Password123", Problem::PasswordCommon),
            ("woaini1314", Problem::PasswordCommon),
        ] {
            let reply = visitor
                .register("li.wei@example.cn", "李伟", password)
                .await;
            assert_eq!(reply.status, 422);
            assert_eq!(reply.problem(), problem);
        }
        assert_eq!(
            visitor
                .register("not-an-email", "李伟", "a fine long password")
                .await
                .problem(),
            Problem::Email
        );
        visitor
            .register("li.wei@example.cn", "李伟", "a fine long password")
            .await
            .ok();
        let again = Shopper::new(&app);
        assert_eq!(
            again
                .register("LI.WEI@example.cn", "Someone", "another fine password")
                .await
                .problem(),
            Problem::EmailTaken
        );
        assert_eq!(
            scalar_i64(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM users").await,
            1
        );
    }
);

both!(
    signing_in_starts_a_new_session_id_and_wrong_passwords_are_rate_limited,
    |app| {
        Shopper::new(&app)
            .register("bilal@example.pk", "Bilal", "kites over Lahore")
            .await
            .ok();
        let visitor = Shopper::new(&app);
        app.seed_demo().await;
        visitor.add("GBM-SK-1KG", 1).await.ok();
        let guest_token = visitor.session_token().expect("guest session");
        assert_eq!(
            visitor
                .login("bilal@example.pk", "wrong password")
                .await
                .problem(),
            Problem::BadCredentials
        );
        visitor
            .login("bilal@example.pk", "kites over Lahore")
            .await
            .ok();
        assert_ne!(
            visitor.session_token().expect("session"),
            guest_token,
            "a new id at login"
        );
        // The old id no longer works.
        let stale = Shopper::with_session(&app, &guest_token);
        let me: Option<AccountView> = stale.get("/api/current_account").await.json();
        assert!(me.is_none());

        let attacker = Shopper::new(&app);
        // One wrong try above, four here: five failures for the account.
        for _ in 0..4 {
            assert_eq!(
                attacker.login("bilal@example.pk", "guess").await.problem(),
                Problem::BadCredentials
            );
        }
        // Locked out for a while, even with the right password, with a clear message.
        let reply = attacker
            .login("bilal@example.pk", "kites over Lahore")
            .await;
        assert_eq!(reply.status, 429);
        assert_eq!(reply.error(), AppError::RateLimited);
    }
);

both!(a_guest_cart_follows_the_shopper_into_their_account, |app| {
    app.seed_demo().await;
    let owner = Shopper::new(&app);
    owner
        .register("sara@example.cn", "Sara", "chai in the evening")
        .await
        .ok();
    owner.add("GBM-SK-1KG", 2).await.ok();
    let visitor = Shopper::new(&app);
    visitor.add("GBM-SK-1KG", 1).await.ok();
    visitor.add("PKH-KAH-250G", 1).await.ok();
    visitor
        .login("sara@example.cn", "chai in the evening")
        .await
        .ok();
    let cart: app::model::cart::CartView = visitor.get("/api/cart?lang=En").await.json();
    let quantities: Vec<(String, i64)> = cart
        .lines
        .iter()
        .map(|l| (l.sku.clone(), l.quantity))
        .collect();
    assert_eq!(
        quantities,
        [("GBM-SK-1KG".to_owned(), 3), ("PKH-KAH-250G".to_owned(), 1)]
    );
});

both!(logging_out_everywhere_ends_every_session, |app| {
    let phone = Shopper::new(&app);
    phone
        .register("hina@example.pk", "Hina", "truck art colours")
        .await
        .ok();
    let laptop = Shopper::new(&app);
    laptop
        .login("hina@example.pk", "truck art colours")
        .await
        .ok();
    laptop
        .call("logout_everywhere", &[("lang", "En")])
        .await
        .ok();
    for device in [&phone, &laptop] {
        let me: Option<AccountView> = device.get("/api/current_account").await.json();
        assert!(me.is_none());
    }
    assert_eq!(
        scalar_i64(&app, "SELECT CAST(COUNT(*) AS BIGINT) FROM sessions").await,
        0
    );
});

both!(
    a_forgotten_password_is_reset_by_a_one_time_emailed_link,
    |app| {
        let user = Shopper::new(&app);
        user.register("omar@example.pk", "Omar", "old password here")
            .await
            .ok();
        let stranger = Shopper::new(&app);
        // Unknown addresses get the same answer and no email.
        stranger
            .call("request_password_reset", &[("email", "nobody@example.pk")])
            .await
            .ok();
        stranger
            .call("request_password_reset", &[("email", "omar@example.pk")])
            .await
            .ok();
        let body: String =
            sqlx::query_scalar("SELECT body FROM outbox WHERE subject LIKE '%password%'")
                .fetch_one(&app.pool)
                .await
                .expect("reset email");
        let token = body
            .split("token=")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .expect("link in the email")
            .to_owned();
        let weak = stranger
            .call(
                "reset_password",
                &[("lang", "En"), ("token", &token), ("password", "12345678")],
            )
            .await;
        assert_eq!(weak.problem(), Problem::PasswordCommon);
        let reply = stranger
            .call(
                "reset_password",
                &[
                    ("lang", "En"),
                    ("token", &token),
                    ("password", "new password now"),
                ],
            )
            .await;
        reply.ok();
        assert_eq!(
            reply.location.as_deref(),
            Some("/en/account/login?reset=done")
        );
        // Used once: the link is spent, and every old session ended.
        let again = stranger
            .call(
                "reset_password",
                &[
                    ("lang", "En"),
                    ("token", &token),
                    ("password", "another one again"),
                ],
            )
            .await;
        assert_eq!(again.problem(), Problem::ResetLink);
        let me: Option<AccountView> = user.get("/api/current_account").await.json();
        assert!(me.is_none());
        assert_eq!(
            user.login("omar@example.pk", "old password here")
                .await
                .problem(),
            Problem::BadCredentials
        );
        user.login("omar@example.pk", "new password now").await.ok();
    }
);

both!(
    a_stranger_on_a_private_page_signs_in_and_comes_back,
    |app| {
        let stranger = Shopper::new(&app);
        for (page, next) in [
            ("/zh/seller", "%2Fzh%2Fseller"),
            ("/en/orders", "%2Fen%2Forders"),
            (
                "/en/admin/users?q=amina",
                "%2Fen%2Fadmin%2Fusers%3Fq%3Damina",
            ),
            ("/zh/account", "%2Fzh%2Faccount"),
        ] {
            let reply = stranger.get(page).await;
            assert_eq!(reply.status, 303, "{page}");
            let lang = &page[1..3];
            assert_eq!(
                reply.location.as_deref(),
                Some(format!("/{lang}/account/login?next={next}").as_str())
            );
        }
        // The sign-in page carries the way back, and signing in takes it.
        let login = stranger.get("/zh/account/login?next=%2Fzh%2Forders").await;
        assert_eq!(login.status, 200);
        assert!(
            login.body.contains("value=\"/zh/orders\""),
            "{}",
            login.body
        );
        stranger
            .register("amina@example.cn", "Amina", "green tea in kashgar")
            .await
            .ok();
        let person = Shopper::new(&app);
        let reply = person
            .call(
                "login",
                &[
                    ("lang", "Zh"),
                    ("email", "amina@example.cn"),
                    ("password", "green tea in kashgar"),
                    ("next", "/zh/orders"),
                ],
            )
            .await;
        assert_eq!(reply.location.as_deref(), Some("/zh/orders"));
        assert_eq!(person.get("/zh/orders").await.status, 200);
        // A guest's own order stays open to its link: no sign-in is asked for there.
        assert_ne!(
            stranger.get("/zh/orders/PV261206AAAAAAAA").await.status,
            303
        );
    }
);
