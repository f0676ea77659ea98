//! Finding 9: a reset, or any change of password, ends every reset link still out.

use app::error::Problem;
use app::model::account::AccountView;

use crate::both;
use crate::helpers::TestApp;
use crate::shopper::Shopper;

/// The tokens of every reset link mailed so far, oldest first.
async fn mailed_tokens(app: &TestApp) -> Vec<String> {
    let bodies: Vec<String> =
        sqlx::query_scalar("SELECT body FROM outbox WHERE subject LIKE '%password%' ORDER BY id")
            .fetch_all(&app.pool)
            .await
            .expect("reset emails");
    bodies
        .iter()
        .filter_map(|body| body.split("token=").nth(1))
        .filter_map(|rest| rest.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

async fn reset(who: &Shopper<'_>, token: &str, password: &str) -> crate::shopper::Reply {
    who.call(
        "reset_password",
        &[("lang", "En"), ("token", token), ("password", password)],
    )
    .await
}

both!(
    an_older_reset_link_dies_with_a_newer_reset_or_a_password_change,
    |app| {
        let omar = Shopper::new(&app);
        omar.register("omar@example.pk", "Omar", "old password here")
            .await
            .ok();
        let stranger = Shopper::new(&app);
        for _ in 0..2 {
            stranger
                .call("request_password_reset", &[("email", "omar@example.pk")])
                .await
                .ok();
        }
        let tokens = mailed_tokens(&app).await;
        assert_eq!(tokens.len(), 2);
        reset(&stranger, &tokens[1], "newer password one")
            .await
            .ok();
        assert_eq!(
            reset(&stranger, &tokens[0], "older link again")
                .await
                .problem(),
            Problem::ResetLink,
            "the older link died with the newer reset"
        );
        omar.login("omar@example.pk", "newer password one")
            .await
            .ok();

        // A link mailed before the owner changes the password by hand dies too.
        stranger
            .call("request_password_reset", &[("email", "omar@example.pk")])
            .await
            .ok();
        let pending = mailed_tokens(&app).await.pop().expect("a third link");
        omar.call(
            "change_password",
            &[
                ("current", "newer password one"),
                ("new", "changed by hand now"),
            ],
        )
        .await
        .ok();
        assert_eq!(
            reset(&stranger, &pending, "sneaking back in")
                .await
                .problem(),
            Problem::ResetLink
        );
        let me: Option<AccountView> = omar.get("/api/current_account").await.json();
        assert!(me.is_some(), "the owner is still signed in");
        Shopper::new(&app)
            .login("omar@example.pk", "changed by hand now")
            .await
            .ok();
    }
);
