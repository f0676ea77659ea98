//! Checks that the translation files agree: every key in every locale, every error code
//! translated. leptos_i18n would fall back to the default locale silently.

use std::collections::BTreeSet;

const FILES: [(&str, &str, &str); 10] = [
    (
        "admin",
        include_str!("../locales/en/admin.json"),
        include_str!("../locales/zh/admin.json"),
    ),
    (
        "common",
        include_str!("../locales/en/common.json"),
        include_str!("../locales/zh/common.json"),
    ),
    (
        "catalogue",
        include_str!("../locales/en/catalogue.json"),
        include_str!("../locales/zh/catalogue.json"),
    ),
    (
        "errors",
        include_str!("../locales/en/errors.json"),
        include_str!("../locales/zh/errors.json"),
    ),
    (
        "mail",
        include_str!("../locales/en/mail.json"),
        include_str!("../locales/zh/mail.json"),
    ),
    (
        "account",
        include_str!("../locales/en/account.json"),
        include_str!("../locales/zh/account.json"),
    ),
    (
        "shop",
        include_str!("../locales/en/shop.json"),
        include_str!("../locales/zh/shop.json"),
    ),
    (
        "content",
        include_str!("../locales/en/content.json"),
        include_str!("../locales/zh/content.json"),
    ),
    (
        "editor",
        include_str!("../locales/en/editor.json"),
        include_str!("../locales/zh/editor.json"),
    ),
    (
        "seller",
        include_str!("../locales/en/seller.json"),
        include_str!("../locales/zh/seller.json"),
    ),
];

fn keys(json: &str) -> BTreeSet<String> {
    let value: serde_json::Value = serde_json::from_str(json).expect("locale file is JSON");
    let mut out = BTreeSet::new();
    collect(&value, "", &mut out);
    out
}

fn collect(value: &serde_json::Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                collect(v, &format!("{prefix}{k}."), out);
            }
        }
        serde_json::Value::String(s) => {
            assert!(!s.trim().is_empty(), "empty translation at {prefix}");
            out.insert(plural_base(prefix.trim_end_matches('.')).to_owned());
        }
        other => panic!("unexpected value at {prefix}: {other}"),
    }
}

/// The key that plural forms (`parcels_one`, `parcels_other`) make together (`parcels`).
/// Chinese counts have one form, but leptos_i18n takes a single `_other` for a plain key, so
/// both languages list `_one` and `_other`.
fn plural_base(key: &str) -> &str {
    ["_zero", "_one", "_two", "_few", "_many", "_other"]
        .iter()
        .find_map(|form| key.strip_suffix(form))
        .unwrap_or(key)
}

#[test]
fn english_counts_take_plural_forms() {
    // "Your order ships in 1 parcels": a count before a plural noun needs `_one`/`_other`.
    for (namespace, en, _) in FILES {
        let en: serde_json::Value = serde_json::from_str(en).expect("json");
        for (key, value) in en.as_object().expect("object") {
            let text = value.as_str().unwrap_or_default();
            let Some((_, after)) = text.split_once("{{ count }} ") else {
                continue;
            };
            let noun: String = after
                .chars()
                .take_while(char::is_ascii_alphabetic)
                .collect();
            assert!(
                !noun.ends_with('s') || key.ends_with("_other"),
                "{namespace}.{key}: \"{text}\" needs plural forms"
            );
        }
    }
}

#[test]
fn chinese_pages_use_chinese_words_for_units_and_codes() {
    // 公斤 for kg, 货号 for SKU: the words Chinese shop pages use.
    for (namespace, _, zh) in FILES {
        let zh: serde_json::Value = serde_json::from_str(zh).expect("json");
        let mut texts = Vec::new();
        collect_texts(&zh, &mut texts);
        for text in texts {
            assert!(
                !text.contains("SKU") && !text.contains(" kg"),
                "{namespace}: \"{text}\" has English units or codes"
            );
        }
    }
}

fn collect_texts<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match value {
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_texts(v, out)),
        serde_json::Value::String(s) => out.push(s),
        _ => {}
    }
}

#[test]
fn every_key_is_in_both_locales() {
    for (namespace, en, zh) in FILES {
        let (en, zh) = (keys(en), keys(zh));
        let only_en: Vec<_> = en.difference(&zh).collect();
        let only_zh: Vec<_> = zh.difference(&en).collect();
        assert!(
            only_en.is_empty(),
            "{namespace}: missing in zh: {only_en:?}"
        );
        assert!(
            only_zh.is_empty(),
            "{namespace}: missing in en: {only_zh:?}"
        );
    }
}

#[test]
fn every_error_code_has_a_translation() {
    let (_, en, zh) = FILES
        .into_iter()
        .find(|(namespace, _, _)| *namespace == "errors")
        .expect("the errors namespace is listed");
    for locale in [keys(en), keys(zh)] {
        for code in crate::error::AppError::ALL_CODES {
            assert!(locale.contains(code), "errors.{code} is not translated");
        }
        for problem in crate::error::Problem::ALL {
            let key = format!("problem.{}", problem.code());
            assert!(locale.contains(&key), "errors.{key} is not translated");
        }
    }
}

#[test]
fn chinese_pages_carry_no_untranslated_english() {
    // A Chinese string identical to its English one is almost always a forgotten copy.
    for (namespace, en, zh) in FILES {
        let en: serde_json::Value = serde_json::from_str(en).expect("json");
        let zh: serde_json::Value = serde_json::from_str(zh).expect("json");
        for (key, value) in en.as_object().expect("object") {
            assert_ne!(
                Some(value),
                zh.get(key),
                "{namespace}.{key} is the same in zh"
            );
        }
    }
}
