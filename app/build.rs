//! Generates the `i18n` module from `locales/{en,zh}/*.json` (leptos_i18n 0.6).

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let config = Config::new("zh")
        .and_then(|c| c.add_locale("en"))
        .and_then(|c| {
            c.add_namespaces([
                "common",
                "catalogue",
                "errors",
                "mail",
                "account",
                "shop",
                "content",
                "editor",
                "seller",
                "admin",
            ])
        })
        .expect("i18n configuration")
        .parse_options(ParseOptions::new().interpolate_display(true));
    let infos = TranslationsInfos::parse(config).expect("locales parse");
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos
        .generate_i18n_module(PathBuf::from(out_dir).join("i18n"))
        .expect("i18n module generated");
}
