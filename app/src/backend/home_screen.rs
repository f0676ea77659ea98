//! The pavilion on a phone's home screen: the web app manifest in each language and the
//! icons it names. (The service worker is the public file `/sw.js`; the offline page is a
//! page.)

use leptos_i18n::td_string;
use serde_json::json;

use super::media::{MediaError, render_png};
use crate::i18n::Locale;
use crate::model::Lang;

/// The pavilion's colours: Pakistan green, and the page background.
const THEME: &str = "#01411c";
const BACKGROUND: &str = "#ffffff";

/// The emblem (as `/favicon.svg`): a crescent and star beside the flag's white band.
const EMBLEM: &str = r##"<rect width="16" height="64" fill="#ffffff"/><circle cx="40" cy="32" r="15" fill="#ffffff"/><circle cx="45" cy="28" r="13" fill="#01411c"/><path d="M47 18l1.6 4.6 4.9.1-3.9 3 1.4 4.7-4-2.8-4 2.8 1.4-4.7-3.9-3 4.9-.1z" fill="#ffffff"/>"##;

/// The icon files the manifest names: (file, size, maskable).
pub const ICONS: [(&str, u32, bool); 3] = [
    ("icon-192.png", 192, false),
    ("icon-512.png", 512, false),
    ("maskable-512.png", 512, true),
];

/// The icon's drawing: rounded, or (maskable) full-bleed with the emblem inside the middle
/// 80% that every launcher's mask keeps.
fn icon_svg(maskable: bool) -> String {
    if maskable {
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="{THEME}"/><g transform="translate(9.6 9.6) scale(0.7)"><rect width="64" height="64" fill="{THEME}"/>{EMBLEM}</g></svg>"##
        )
    } else {
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><clipPath id="r"><rect width="64" height="64" rx="12"/></clipPath><g clip-path="url(#r)"><rect width="64" height="64" fill="{THEME}"/>{EMBLEM}</g></svg>"##
        )
    }
}

/// The icon `file` of the manifest as a PNG; `None` for no such icon.
pub fn icon(file: &str) -> Option<Result<Vec<u8>, MediaError>> {
    let &(_, size, maskable) = ICONS.iter().find(|(name, ..)| *name == file)?;
    Some(render_png(&icon_svg(maskable), size))
}

/// The manifest in `lang`: the installed app's names, colours, icons, start page and
/// shortcuts (the seller's parcels, the buyer's orders).
pub fn manifest(lang: Lang) -> String {
    let l = Locale::from(lang);
    let code = lang.code();
    let icons: Vec<_> = ICONS
        .iter()
        .map(|(file, size, maskable)| {
            json!({
                "src": format!("/icons/{file}"),
                "sizes": format!("{size}x{size}"),
                "type": "image/png",
                "purpose": if *maskable { "maskable" } else { "any" },
            })
        })
        .collect();
    json!({
        "id": format!("/{code}/"),
        "name": td_string!(l, common.site_name).to_string(),
        "short_name": td_string!(l, common.app_short_name).to_string(),
        "description": td_string!(l, common.app_description).to_string(),
        "lang": lang.html_tag(),
        "dir": "ltr",
        "start_url": format!("/{code}/"),
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME,
        "background_color": BACKGROUND,
        "icons": icons,
        "shortcuts": [
            {
                "name": td_string!(l, seller.to_ship).to_string(),
                "url": format!("/{code}/seller/orders"),
            },
            {
                "name": td_string!(l, shop.orders_title).to_string(),
                "url": format!("/{code}/orders"),
            },
        ],
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_draws_at_its_size() {
        for (file, size, _) in ICONS {
            let png = icon(file).expect("named").expect(file);
            let decoded = image::load_from_memory(&png).expect("a PNG");
            assert_eq!((decoded.width(), decoded.height()), (size, size), "{file}");
        }
        assert!(icon("other.png").is_none());
    }

    #[test]
    fn each_language_has_its_own_manifest() {
        let zh: serde_json::Value = serde_json::from_str(&manifest(Lang::Zh)).expect("json");
        assert_eq!(zh["name"], "巴基斯坦国家馆");
        assert_eq!(zh["start_url"], "/zh/");
        assert_eq!(zh["lang"], "zh-CN");
        let en: serde_json::Value = serde_json::from_str(&manifest(Lang::En)).expect("json");
        assert_eq!(en["start_url"], "/en/");
        assert_ne!(en["name"], zh["name"]);
        assert_eq!(en["icons"].as_array().map(Vec::len), Some(3));
    }
}
