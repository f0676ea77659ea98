//! The languages a page can be in, and how each is named on the web.

use serde::{Deserialize, Serialize};

use crate::i18n::Locale;

/// A page language. The URL's first segment (`/en/…`, `/zh/…`) is its code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    En,
    #[default]
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The code used in URLs, cookies and the database (`locale` columns).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The BCP 47 tag for `<html lang>` and `hreflang`.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The language's own name, as shown in the language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "中文",
        }
    }

    /// How the language travels in a form field (serde's name of the variant).
    pub fn form_value(self) -> &'static str {
        match self {
            Lang::En => "En",
            Lang::Zh => "Zh",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The best language for an `Accept-Language` header, by quality then order;
    /// `None` when it names neither English nor Chinese.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(Lang, f32)> = None;
        for part in header.split(',') {
            let mut pieces = part.trim().split(';');
            let tag = pieces
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase();
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or_default();
            let Some(lang) = Lang::parse(primary) else {
                continue;
            };
            if quality > 0.0 && best.is_none_or(|(_, q)| quality > q) {
                best = Some((lang, quality));
            }
        }
        best.map(|(lang, _)| lang)
    }

    /// The same path in this language: `/en/products?x=1` becomes `/zh/products?x=1`.
    pub fn localize_path(self, path: &str) -> String {
        let rest = path
            .strip_prefix('/')
            .and_then(|p| {
                let (first, rest) = p.split_once('/').unwrap_or((p, ""));
                Lang::parse(first).map(|_| rest)
            })
            .unwrap_or_else(|| path.trim_start_matches('/'));
        format!("/{}/{}", self.code(), rest)
    }
}

impl From<Lang> for Locale {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::En => Locale::en,
            Lang::Zh => Locale::zh,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse("ZH"), None);
    }

    #[test]
    fn accept_language_prefers_the_highest_quality() {
        assert_eq!(
            Lang::from_accept_language("en-US,en;q=0.9,zh;q=0.8"),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_accept_language("zh-CN,zh;q=0.9,en;q=0.8"),
            Some(Lang::Zh)
        );
        assert_eq!(
            Lang::from_accept_language("fr;q=1, en;q=0.3, zh-TW;q=0.5"),
            Some(Lang::Zh)
        );
        assert_eq!(Lang::from_accept_language("de, fr"), None);
        assert_eq!(Lang::from_accept_language("en;q=0"), None);
        assert_eq!(Lang::from_accept_language(""), None);
    }

    #[test]
    fn a_path_is_moved_to_the_other_language() {
        assert_eq!(Lang::En.localize_path("/zh/"), "/en/");
        assert_eq!(Lang::En.localize_path("/zh"), "/en/");
        assert_eq!(
            Lang::Zh.localize_path("/en/categories/rice"),
            "/zh/categories/rice"
        );
        assert_eq!(Lang::Zh.localize_path("/nowhere"), "/zh/nowhere");
    }
}
