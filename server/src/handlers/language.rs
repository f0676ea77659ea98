//! Choosing the language: `/` redirects by cookie, then Accept-Language, then Chinese;
//! `/switch-language` remembers a choice and returns to the same page.

use app::backend::AppState;
use app::model::Lang;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE, VARY};
use http::{HeaderMap, HeaderValue, StatusCode};
use serde::Deserialize;

const COOKIE_NAME: &str = "lang";

pub async fn root_redirect(headers: HeaderMap) -> Response {
    let lang = preferred(&headers);
    let mut response = Redirect::to(&format!("/{}/", lang.code())).into_response();
    *response.status_mut() = StatusCode::FOUND;
    response
        .headers_mut()
        .insert(VARY, HeaderValue::from_static("Cookie, Accept-Language"));
    response
}

pub fn preferred(headers: &HeaderMap) -> Lang {
    cookie_lang(headers)
        .or_else(|| {
            headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default()
}

fn cookie_lang(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .and_then(|(_, value)| Lang::parse(value.trim()))
}

#[derive(Deserialize)]
pub struct Switch {
    lang: String,
    to: Option<String>,
}

pub async fn switch(State(state): State<AppState>, Query(query): Query<Switch>) -> Response {
    let Some(lang) = Lang::parse(&query.lang) else {
        return Redirect::to("/").into_response();
    };
    let target = query
        .to
        .filter(|to| is_local_page_of(to, lang))
        .unwrap_or_else(|| format!("/{}/", lang.code()));
    let secure = if state.site.public_url.starts_with("https://") {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{COOKIE_NAME}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
        lang.code()
    );
    let mut response = Redirect::to(&target).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(SET_COOKIE, value);
    }
    response
}

/// Only a path of this site in that language.
fn is_local_page_of(to: &str, lang: Lang) -> bool {
    to.starts_with(&format!("/{}/", lang.code())) && app::model::site::is_site_path(to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(http::HeaderName, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(
                name.clone(),
                HeaderValue::from_str(value).expect("valid header"),
            );
        }
        map
    }

    #[test]
    fn the_cookie_wins_over_accept_language() {
        let h = headers(&[(COOKIE, "a=1; lang=en"), (ACCEPT_LANGUAGE, "zh-CN")]);
        assert_eq!(preferred(&h), Lang::En);
    }

    #[test]
    fn accept_language_decides_without_a_cookie() {
        assert_eq!(
            preferred(&headers(&[(ACCEPT_LANGUAGE, "en-GB,en;q=0.8")])),
            Lang::En
        );
        assert_eq!(
            preferred(&headers(&[(COOKIE, "lang=xx"), (ACCEPT_LANGUAGE, "zh")])),
            Lang::Zh
        );
    }

    #[test]
    fn chinese_is_the_default() {
        assert_eq!(preferred(&headers(&[(ACCEPT_LANGUAGE, "fr")])), Lang::Zh);
        assert_eq!(preferred(&HeaderMap::new()), Lang::Zh);
    }

    #[test]
    fn only_local_pages_of_the_language_are_targets() {
        assert!(is_local_page_of("/en/categories/rice?x=1", Lang::En));
        assert!(!is_local_page_of("/zh/categories/rice", Lang::En));
        assert!(!is_local_page_of("https://evil.example/en/", Lang::En));
        assert!(!is_local_page_of("/en//evil.example", Lang::En));
        assert!(!is_local_page_of("/en/\\evil", Lang::En));
    }
}
