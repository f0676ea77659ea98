//! Finding 4: signing in or registering sends the visitor on only to a path of this site.

use crate::both;
use app::error::Problem;

use crate::shopper::{Reply, Shopper};

/// `next` values that leave the site, or cannot be sent as a `Location` at all.
const OFF_SITE: [&str; 11] = [
    "https://evil.example/",
    "//evil.example/",
    "/\t/evil.example/",
    "/%09/evil.example/\t",
    "/\\evil.example/",
    "/\n/evil.example/",
    "/\r\nSet-Cookie: stolen=1",
    "/ /evil.example/",
    "/en//evil.example/",
    "/\u{0}/evil.example/",
    "javascript:alert(1)",
];

/// Sent home, or (for a NUL) refused before signing in: never anywhere else.
#[track_caller]
fn assert_stays(call: &str, next: &str, reply: &Reply, home: &str) {
    if reply.status == 422 {
        assert_eq!(
            reply.problem(),
            Problem::ControlCharacter,
            "{call} {next:?}"
        );
        assert!(reply.location.is_none(), "{call} {next:?}");
        return;
    }
    assert!(
        reply.status < 400,
        "{call} with next={next:?}: {}",
        reply.body
    );
    assert_eq!(reply.location.as_deref(), Some(home), "{call} {next:?}");
}

both!(sign_in_and_registration_never_redirect_off_site, |app| {
    let person = Shopper::new(&app);
    person
        .register("amina@example.cn", "Amina", "green tea in kashgar")
        .await
        .ok();
    for next in OFF_SITE {
        let reply = person
            .call(
                "login",
                &[
                    ("lang", "En"),
                    ("email", "amina@example.cn"),
                    ("password", "green tea in kashgar"),
                    ("next", next),
                ],
            )
            .await;
        assert_stays("login", next, &reply, "/en/account");
    }
    for (i, next) in OFF_SITE.into_iter().enumerate() {
        let email = format!("guest{i}@example.cn");
        let reply = Shopper::new(&app)
            .call(
                "register",
                &[
                    ("lang", "Zh"),
                    ("form[email]", &email),
                    ("form[display_name]", "Guest"),
                    ("form[password]", "green tea in kashgar"),
                    ("next", next),
                ],
            )
            .await;
        assert_stays("register", next, &reply, "/zh/account");
    }
    // A path of the site is kept.
    let reply = person
        .call(
            "login",
            &[
                ("lang", "En"),
                ("email", "amina@example.cn"),
                ("password", "green tea in kashgar"),
                ("next", "/en/checkout?from=cart"),
            ],
        )
        .await;
    assert_eq!(reply.location.as_deref(), Some("/en/checkout?from=cart"));
});
