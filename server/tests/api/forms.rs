//! A form refused without JavaScript comes back as it was sent: the reason beside the field,
//! the field marked and focused, what was typed kept (passwords aside), for that browser only.

use crate::both;
use crate::helpers::TestApp;

/// Posts `form` to a server function the way a browser without JavaScript does, from `page`.
async fn post_plain(
    app: &TestApp,
    endpoint: &str,
    page: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    app.client
        .post(app.url(endpoint))
        .header("accept", "text/html,application/xhtml+xml")
        .header("referer", app.url(page))
        .form(form)
        .send()
        .await
        .expect("form sent")
}

fn draft_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| c.strip_prefix("pavilion_form="))
        .and_then(|c| c.split(';').next())
        .map(str::to_owned)
}

/// The opening tag of the element with this id.
fn tag<'a>(body: &'a str, id: &str) -> &'a str {
    tag_with(body, &format!("id=\"{id}\""))
}

/// The opening tag that holds `attribute`.
fn tag_with<'a>(body: &'a str, attribute: &str) -> &'a str {
    let at = body
        .find(attribute)
        .unwrap_or_else(|| panic!("no element with {attribute}"));
    let start = body[..at].rfind('<').expect("tag start");
    let end = at + body[at..].find('>').expect("tag end");
    &body[start..=end]
}

async fn follow(app: &TestApp, location: &str, cookie: Option<&str>) -> (String, String) {
    let mut request = app.client.get(location);
    if let Some(token) = cookie {
        request = request.header("cookie", format!("pavilion_form={token}"));
    }
    let response = request.send().await.expect("page loads");
    assert_eq!(response.status(), 200, "{location}");
    let cache = response.headers()["cache-control"]
        .to_str()
        .unwrap_or_default()
        .to_owned();
    (cache, response.text().await.expect("body"))
}

both!(
    a_refused_registration_comes_back_filled_in_with_the_reason_beside_the_field,
    |app| {
        let page = "/zh/account/register";
        let refused = post_plain(
            &app,
            "/api/register",
            page,
            &[
                ("lang", "Zh"),
                ("next", ""),
                ("form[email]", "not-an-email"),
                ("form[display_name]", "阿里 <b>巴巴</b>"),
                ("form[password]", "correct horse battery staple"),
            ],
        )
        .await;
        assert!(refused.status().is_redirection(), "{}", refused.status());
        let location = refused.headers()["location"]
            .to_str()
            .expect("ascii")
            .to_owned();
        assert!(location.contains("__err="), "{location}");
        assert!(
            !location.contains("not-an-email") && !location.contains("battery"),
            "what was typed never travels in the address: {location}"
        );
        let token = draft_cookie(&refused).expect("the draft's cookie is set");

        let (cache, body) = follow(&app, &location, Some(&token)).await;
        assert!(cache.contains("no-store"), "{cache}");
        let email = tag(&body, "field-form-email");
        for expected in [
            r#"value="not-an-email""#,
            r#"aria-invalid="true""#,
            r#"aria-describedby="field-form-email-error""#,
            "autofocus",
        ] {
            assert!(email.contains(expected), "{expected} in {email}");
        }
        let message = tag(&body, "field-form-email-error");
        assert!(message.contains("field-error"), "{message}");
        assert_eq!(
            body.matches("请输入有效的邮箱地址").count(),
            1,
            "the reason is said once, beside the field"
        );
        let name = tag(&body, "field-form-display_name");
        assert!(name.contains("阿里 &lt;b&gt;巴巴&lt;/b&gt;"), "{name}");
        assert!(!name.contains("aria-invalid"), "{name}");
        let password = tag(&body, "field-form-password");
        assert!(!password.contains("battery"), "{password}");
        assert!(!body.contains("battery"), "a password is never sent back");

        // The same address without this browser's cookie shows the reason, not the text.
        let (_, stranger) = follow(&app, &location, None).await;
        assert!(!stranger.contains("not-an-email"));
        assert!(stranger.contains("请输入有效的邮箱地址"));
        // The draft belongs to the page it was made on.
        let elsewhere = location.replace("/zh/account/register", "/zh/account/login");
        let (_, login) = follow(&app, &elsewhere, Some(&token)).await;
        assert!(!login.contains("not-an-email"));
    }
);

both!(
    a_refused_checkout_without_javascript_keeps_the_address_and_marks_the_id,
    |app| {
        app.seed_demo().await;
        let shopper = crate::shopper::Shopper::new(&app);
        shopper
            .call(
                "add_to_cart",
                &[("lang", "Zh"), ("sku", "GBM-SK-1KG"), ("quantity", "1")],
            )
            .await
            .ok();
        let session = shopper.session_token().expect("a cart has a session");
        let page = "/zh/checkout";
        let key = crate::shopper::key();
        let refused = app
            .client
            .post(app.url("/api/place_order"))
            .header("accept", "text/html")
            .header("referer", app.url(page))
            .header("cookie", format!("pavilion_session={session}"))
            .form(&[
                ("lang", "Zh"),
                ("form[idempotency_key]", &key),
                ("form[email]", "buyer@example.com"),
                ("form[address][recipient]", "王小明"),
                ("form[address][mobile]", "13800138000"),
                ("form[address][province]", "XJ"),
                ("form[address][city]", "乌鲁木齐市"),
                ("form[address][district]", "天山区"),
                ("form[address][street]", "人民路 1 号"),
                ("form[address][postcode]", "830000"),
                ("form[buyer_name]", "王小明"),
                // Born 2015: a valid number, but a child's.
                ("form[id_number]", "110105201501010025"),
                ("form[shipping]", "land"),
                ("form[accept_risk]", "on"),
            ])
            .send()
            .await
            .expect("sent");
        assert!(refused.status().is_redirection(), "{}", refused.status());
        let location = refused.headers()["location"]
            .to_str()
            .expect("ascii")
            .to_owned();
        let token = draft_cookie(&refused).expect("the draft's cookie is set");
        let back = app
            .client
            .get(&location)
            .header(
                "cookie",
                format!("pavilion_session={session}; pavilion_form={token}"),
            )
            .send()
            .await
            .expect("page loads");
        let body = back.text().await.expect("body");
        let id = tag(&body, "field-form-id_number");
        assert!(id.contains(r#"aria-invalid="true""#), "{id} {location}");
        assert!(id.contains("110105201501010025"), "{id}");
        assert!(body.contains("清关实名人须年满 18 周岁"));
        assert!(tag(&body, "field-form-address-street").contains("人民路 1 号"));
        assert!(tag(&body, "field-risk").contains("checked"));
        let land = tag_with(&body, r#"value="land""#);
        assert!(
            land.contains("checked"),
            "the method chosen stays chosen: {land}"
        );
    }
);
