//! Site-wide settings the pages need on both sides.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SiteConfig {
    /// The public origin, without a trailing slash: `https://pavilion.example`.
    pub public_url: String,
    /// The ICP filing number shown in the footer when hosted in mainland China.
    pub icp_number: String,
}

/// Who is looking, for the header: their name when signed in, whether they sell here, and
/// their cart's size.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visitor {
    pub name: Option<String>,
    pub seller: bool,
    /// Signed in, no seller yet, and has applied for a shop.
    pub applicant: bool,
    pub cart_items: i64,
}

/// Whether `path` is a path on this site and nowhere else, so that a redirect to it stays
/// here: it starts with one `/`, and holds no `//`, backslash, whitespace or control
/// character (browsers drop tabs and newlines from URLs, so `/\t/evil.example` means
/// `//evil.example`, and a newline in a `Location` header cannot be sent at all).
pub fn is_site_path(path: &str) -> bool {
    path.starts_with('/')
        && path.len() < 1000
        && !path.contains("//")
        && !path
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::is_site_path;

    #[test]
    fn only_paths_that_stay_on_the_site_are_site_paths() {
        for good in ["/", "/en/account", "/zh/orders/PV1?x=1&y=%2F%2F"] {
            assert!(is_site_path(good), "{good}");
        }
        for bad in [
            "",
            "en/account",
            "https://evil.example/",
            "//evil.example/",
            "/\t/evil.example/",
            "/%09/evil.example/\t",
            "/\\evil.example",
            "/\n/evil.example",
            "/\r\nSet-Cookie: x=1",
            "/ /evil.example",
            "/en//evil.example",
            "/\u{0}",
            "/\u{3000}/evil.example",
        ] {
            assert!(!is_site_path(bad), "{bad:?}");
        }
    }
}
