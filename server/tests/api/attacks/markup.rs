//! Findings 1 and 2: text a visitor, a seller or an editor typed reaches the page title, the
//! meta tags, the structured data and the editors' textareas as text, never as markup.

use app::model::article_draft::{ArticleDraft, DraftSide};
use app::model::seller::SellerShop;

use crate::both;
use crate::content::editor;
use crate::sellers::{product, put_on_sale, seller};
use crate::shopper::Shopper;

/// What an attacker types, and the markup that shows it got through unescaped.
const PAYLOADS: [(&str, &str); 5] = [
    ("</title><b id=xss-t>T</b>", "<b id=xss-t>"),
    ("</textarea><b id=xss-a>A</b>", "<b id=xss-a>"),
    (
        "R</title><meta http-equiv=refresh content=\"0;url=//evil.example/\">",
        "<meta http-equiv=refresh",
    ),
    ("<script>alert('xss')</script>", "<script>alert("),
    ("\" onmouseover=\"alert(1)", "onmouseover=\"alert"),
];

/// Fails when `marker` appears inside a tag (or as one) of `html`, rather than as text.
#[track_caller]
fn assert_only_text(html: &str, marker: &str, page: &str) {
    for (at, _) in html.match_indices(marker) {
        let before = &html[..at];
        let opened = before.rfind('<');
        let closed = before.rfind('>');
        let in_tag = marker.starts_with('<') || opened > closed;
        assert!(
            !in_tag,
            "{page}: {marker:?} got into the markup: …{}…",
            &html[at.saturating_sub(120)..(at + 80).min(html.len())]
        );
    }
    let titles = html.matches("<title>").count();
    assert_eq!(titles, 1, "{page}: one title element");
}

both!(markup_in_every_saved_text_and_in_search_stays_text, |app| {
    app.seed_demo().await;
    let owner = seller(&app, "owner@example.pk", "Sialkot Stitch").await;
    let shop: Option<SellerShop> = owner.get("/api/seller_shop?lang=En").await.json();
    let shop = shop.expect("a shop").slug;
    let writer = editor(&app, "editor@pavilion.test").await;
    for (i, (payload, marker)) in PAYLOADS.into_iter().enumerate() {
        // A product: every text of both languages.
        let slug = format!("markup-ball-{i}");
        let sku = format!("MK-BALL-{i}");
        let title = format!("Ball {payload}");
        let mut form = product(&slug, &sku, &title);
        for field in [
            "draft[en][title]",
            "draft[en][summary]",
            "draft[en][description]",
            "draft[zh][summary]",
            "draft[zh][description]",
        ] {
            form.retain(|(k, _)| *k != field);
            form.push((field, &title));
        }
        // A variant's label is short: the payload alone, where it fits.
        if payload.chars().count() <= app::model::seller::LABEL_MAX_CHARS {
            form.retain(|(k, _)| *k != "draft[variants][0][label_en]");
            form.push(("draft[variants][0][label_en]", payload));
        }
        let id = put_on_sale(&app, &owner, &form).await;

        // The shop: name, tagline, story and policies in both languages.
        let mut profile = Vec::new();
        for side in ["en", "zh"] {
            for field in ["name", "tagline", "story", "policies"] {
                profile.push((format!("{side}[{field}]"), title.clone()));
            }
        }
        profile.push(("lang".into(), "En".into()));
        let profile: Vec<(&str, &str)> = profile
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        owner.call("save_shop_profile", &profile).await.ok();
        app.refresh().await;

        // An article, published in both languages.
        let side = DraftSide {
            title: title.clone(),
            summary: title.clone(),
            body: title.clone(),
            ..DraftSide::default()
        };
        let article = format!("markup-article-{i}");
        let article_id = app::backend::content::writing::save(
            &app.pool,
            &ArticleDraft {
                slug: article.clone(),
                section: "culture".into(),
                publish_at: Some("2026-01-01T08:00".into()),
                en: side.clone(),
                zh: side,
                ..ArticleDraft::default()
            },
        )
        .await
        .expect("article saved");

        let query: String = url::form_urlencoded::byte_serialize(payload.as_bytes()).collect();
        let category = "footballs";
        let visitor = Shopper::new(&app);
        let mut pages = Vec::new();
        for lang in ["en", "zh"] {
            pages.push((&visitor, format!("/{lang}/products?q={query}")));
            pages.push((&visitor, format!("/{lang}/categories/{category}?q={query}")));
            pages.push((&visitor, format!("/{lang}/products/{slug}")));
            pages.push((&visitor, format!("/{lang}/shops/{shop}")));
            pages.push((&visitor, format!("/{lang}/articles/{article}")));
            pages.push((&owner, format!("/{lang}/seller/products/{id}")));
            pages.push((&owner, format!("/{lang}/seller/profile")));
            pages.push((&writer, format!("/{lang}/editor/{article_id}")));
        }
        for (who, page) in pages {
            let reply = who.get(&page).await;
            assert_eq!(reply.status, 200, "{page}");
            assert_only_text(&reply.body, marker, &page);
        }
        // The text is there, escaped, where it was saved.
        let reply = owner.get(&format!("/en/seller/products/{id}")).await;
        assert!(
            reply.body.contains("Ball ") && reply.body.contains("</textarea>"),
            "the editor shows the text"
        );
        let reply = visitor.get(&format!("/en/products/{slug}")).await;
        let head = reply.body.split("</title>").next().unwrap_or_default();
        assert!(head.contains("<title>Ball "), "the title is the product's");
    }
});
