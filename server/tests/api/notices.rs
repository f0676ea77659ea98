//! Decisions reach the people they concern by mail, in their own language: applicants about
//! their application, sellers about their products' review, buyers about parcels and refunds.

use app::backend::admin::{Desk, Operator, listings, shops};

use crate::both;
use crate::helpers::TestApp;
use crate::sellers::{application, product, saved_id, seller};
use crate::shopper::Shopper;

/// The mail queued for `to` whose subject contains `about`: (language, subject, body).
pub(crate) async fn mail_about(app: &TestApp, to: &str, about: &str) -> (String, String, String) {
    let mails: Vec<(String, String, String)> =
        sqlx::query_as("SELECT lang, subject, body FROM outbox WHERE recipient = $1 ORDER BY id")
            .bind(to)
            .fetch_all(&app.pool)
            .await
            .expect("outbox");
    mails
        .iter()
        .find(|(_, subject, _)| subject.contains(about))
        .cloned()
        .unwrap_or_else(|| panic!("no mail about {about:?} to {to}: {mails:?}"))
}

async fn applicant(app: &TestApp, email: &str, lang: &str, shop: &str) -> i64 {
    let person = Shopper::new(app);
    person
        .register(email, "Li Ming", "silk road caravan")
        .await
        .ok();
    sqlx::query("UPDATE users SET lang = $1 WHERE email = $2")
        .bind(lang)
        .bind(email)
        .execute(&app.pool)
        .await
        .expect("language");
    person
        .call(
            "apply_for_shop",
            &application("exporter", "1234567-8", shop),
        )
        .await
        .ok()
        .json()
}

both!(applicants_hear_of_the_decision_in_their_language, |app| {
    app.seed_demo().await;
    let state = app.state();
    let desk = Desk::of(&state);
    let operator = Operator::command_line();
    let yes = applicant(&app, "yiwu@example.cn", "zh", "Yiwu Bazaar").await;
    shops::approve(&desk, &operator, yes, None)
        .await
        .expect("approved");
    let (lang, subject, body) = mail_about(&app, "yiwu@example.cn", "已开通").await;
    assert_eq!(lang, "zh");
    assert!(subject.contains("Yiwu Bazaar"), "{subject}");
    assert!(body.contains("https://pavilion.test/zh/seller\n"), "{body}");

    let no = applicant(&app, "karachi@example.pk", "en", "Karachi Crafts").await;
    let reason = "The registration certificate cannot be read.";
    shops::reject(&desk, &operator, no, reason)
        .await
        .expect("rejected");
    let (lang, subject, body) = mail_about(&app, "karachi@example.pk", "application").await;
    assert_eq!(lang, "en");
    assert_eq!(subject, "Your application for Karachi Crafts");
    assert!(body.contains(reason), "{body}");
    assert!(
        body.contains("https://pavilion.test/en/sell/status"),
        "{body}"
    );
});

both!(sellers_hear_of_their_products_review_with_the_note, |app| {
    app.seed_demo().await;
    let owner = seller(&app, "owner@example.pk", "Sialkot Stitch").await;
    let mut form = product("match-football-n", "SN-BALL-5", "手工缝制比赛足球");
    form.retain(|(name, _)| !name.starts_with("draft[zh][s") && !name.starts_with("draft[zh][d"));
    form.push(("draft[zh][summary]", "锡亚尔科特手工缝制，32片拼接。"));
    form.push(("draft[zh][description]", "5号标准球，合成革，乳胶内胆。"));
    let id = saved_id(&owner.call("save_product", &form).await);
    let id_text = id.to_string();
    let submit = [
        ("lang", "En"),
        ("id", id_text.as_str()),
        ("publish", "true"),
    ];
    owner.call("publish_product", &submit).await.ok();
    let state = app.state();
    let desk = Desk::of(&state);
    let operator = Operator::command_line();
    let editor = format!("https://pavilion.test/en/seller/products/{id}");

    let note = "Give the ball's size in the title.";
    listings::decide(&desk, &operator, id, false, note)
        .await
        .expect("sent back");
    let (_, subject, body) = mail_about(&app, "owner@example.pk", "needs changes").await;
    assert_eq!(subject, "Hand-stitched match football needs changes");
    assert!(body.contains(note) && body.contains(&editor), "{body}");

    owner.call("publish_product", &submit).await.ok();
    listings::decide(&desk, &operator, id, true, "")
        .await
        .expect("approved");
    let (_, _, body) = mail_about(&app, "owner@example.pk", "is on sale").await;
    assert!(
        body.contains("https://pavilion.test/en/products/match-football-n"),
        "{body}"
    );

    let reason = "Brand logo under dispute.";
    listings::take_down(&desk, &operator, id, reason)
        .await
        .expect("taken down");
    let (_, _, body) = mail_about(&app, "owner@example.pk", "taken off sale").await;
    assert!(body.contains(reason) && body.contains(&editor), "{body}");
});
