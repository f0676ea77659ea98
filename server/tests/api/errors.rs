//! Internal errors: the person sees a translated apology and the request's id, never the
//! cause; the same id is on the response and in the server's log.

use app::error::AppError;

use crate::both;
use crate::helpers::TestApp;

/// Makes every query on articles fail, as a lost table or a broken disk would.
async fn break_articles(app: &TestApp) {
    sqlx::query("ALTER TABLE articles RENAME TO articles_gone")
        .execute(&app.pool)
        .await
        .expect("renamed");
}

fn request_id(response: &reqwest::Response) -> String {
    response.headers()["x-request-id"]
        .to_str()
        .expect("ascii id")
        .to_owned()
}

both!(
    an_internal_error_shows_the_request_id_in_both_languages,
    |app| {
        app.seed_demo().await;
        break_articles(&app).await;
        for (path, apology, reference) in [
            (
                "/en/culture",
                "Something went wrong on our side",
                "Reference for support",
            ),
            (
                "/zh/culture",
                "我们这边出了点问题",
                "如需联系客服，请提供编号",
            ),
        ] {
            let response = app.get(path).await;
            // The page says what went wrong, and so does its status.
            assert_eq!(response.status(), 500, "{path}");
            let id = request_id(&response);
            let page = response.text().await.expect("page");
            assert!(page.contains(apology), "{path}");
            assert!(page.contains(reference), "{path}");
            assert!(page.contains(&id), "{path} shows {id}");
            assert!(!page.contains("articles_gone") && !page.contains("no such table"));
        }
    }
);

both!(
    a_server_function_reports_the_request_id_as_its_reference,
    |app| {
        app.seed_demo().await;
        break_articles(&app).await;
        let response = app.get("/api/section?lang=En&section=Culture").await;
        assert_eq!(response.status(), 500);
        let id = request_id(&response);
        let error: AppError = response.json().await.expect("an AppError");
        assert_eq!(
            error,
            AppError::Internal {
                reference: Some(id)
            }
        );
    }
);

both!(
    an_id_from_a_proxy_is_kept_and_a_strange_one_replaced,
    |app| {
        app.seed_demo().await;
        break_articles(&app).await;
        let ask = |id: &'static str| {
            app.client
                .get(app.url("/en/culture"))
                .header("x-request-id", id)
                .send()
        };
        let kept = ask("edge-7:4f2a").await.expect("sent");
        assert_eq!(request_id(&kept), "edge-7:4f2a");
        assert!(kept.text().await.expect("page").contains("edge-7:4f2a"));
        let replaced = ask("<b>hello</b>").await.expect("sent");
        let id = request_id(&replaced);
        assert_ne!(id, "<b>hello</b>");
        assert_eq!(id.len(), 36, "a fresh uuid: {id}");
        assert!(!replaced.text().await.expect("page").contains("hello"));
    }
);

/// A feed asked for with an `Accept-Language`.
async fn feed(app: &TestApp, lang: &str, accept: &str) -> reqwest::Response {
    app.client
        .get(app.url(&format!("/feeds/{lang}/culture.xml")))
        .header("accept-language", accept)
        .send()
        .await
        .expect("sent")
}

both!(
    a_failed_download_explains_itself_in_the_asked_language,
    |app| {
        app.seed_demo().await;
        break_articles(&app).await;
        let response = feed(&app, "zh", "zh-CN,zh;q=0.9").await;
        assert!(response.status().is_server_error());
        assert_eq!(
            response.headers()["content-type"],
            "text/plain; charset=utf-8"
        );
        let id = request_id(&response);
        let text = response.text().await.expect("text");
        assert!(text.contains("我们这边出了点问题"), "{text}");
        assert!(text.contains(&id), "{text}");
        let english = feed(&app, "en", "en-GB,en;q=0.8").await;
        let english = english.text().await.expect("text");
        assert!(english.contains("Reference for support"), "{english}");
    }
);

both!(
    a_refusal_without_a_body_is_explained_in_the_visitors_language,
    |app| {
        // The catalogue export is a plain handler: a stranger is refused with 401 and no
        // words of its own.
        for (accept, language, kind, words) in [
            ("text/html", "zh-CN,zh;q=0.9", "text/html", "请先登录"),
            ("text/html", "en", "text/html", "Please sign in to do that."),
            ("*/*", "en", "text/plain", "Please sign in to do that."),
            ("application/json", "zh", "application/json", "请先登录"),
        ] {
            let response = app
                .client
                .get(app.url("/exports/products.csv"))
                .header("accept", accept)
                .header("accept-language", language)
                .send()
                .await
                .expect("answered");
            assert_eq!(response.status(), 401, "{accept} {language}");
            let content_type = response.headers()["content-type"]
                .to_str()
                .expect("ascii")
                .to_owned();
            assert!(content_type.starts_with(kind), "{accept}: {content_type}");
            let body = response.text().await.expect("body");
            assert!(body.contains(words), "{accept} {language}: {body}");
        }
    }
);
