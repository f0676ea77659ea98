//! Finding 11: an unpublished article's cover does not exist for the public; editors see it.

use app::model::article_draft::{ArticleDraft, DraftSide};

use crate::both;
use crate::content::editor;
use crate::shopper::Shopper;

fn draft(slug: &str, publish_at: Option<&str>) -> ArticleDraft {
    ArticleDraft {
        slug: slug.into(),
        section: "culture".into(),
        publish_at: publish_at.map(Into::into),
        en: DraftSide {
            title: "Secret plans for the Lahore festival".into(),
            summary: "Not yet announced.".into(),
            body: "Embargoed until the announcement.".into(),
            ..DraftSide::default()
        },
        ..ArticleDraft::default()
    }
}

both!(a_draft_articles_cover_is_the_editors_alone, |app| {
    for (slug, publish_at) in [
        ("secret-draft", None),
        ("secret-scheduled", Some("2099-01-01T08:00")),
        ("open-article", Some("2026-01-01T08:00")),
    ] {
        app::backend::content::writing::save(&app.pool, &draft(slug, publish_at))
            .await
            .expect("saved");
    }
    let writer = editor(&app, "editor@pavilion.test").await;
    let customer = Shopper::new(&app);
    customer
        .register("c@example.cn", "C", "lotus pond walk")
        .await
        .ok();
    for slug in ["secret-draft", "secret-scheduled"] {
        for file in [format!("{slug}.svg"), format!("{slug}.jpg")] {
            let path = format!("/media/articles/{file}");
            let anonymous = Shopper::new(&app).get(&path).await;
            assert_eq!(anonymous.status, 404, "{path} for a visitor");
            assert!(!anonymous.body.contains("Secret"), "{path}");
            assert_eq!(
                customer.get(&path).await.status,
                404,
                "{path} for a customer"
            );
            let own = writer.get(&path).await;
            assert_eq!(own.status, 200, "{path} for an editor");
        }
    }
    let open = Shopper::new(&app)
        .get("/media/articles/open-article.svg")
        .await;
    assert_eq!(open.status, 200);
});
