//! Pavilion's Leptos app: rendered by the server, hydrated in the browser.
#![recursion_limit = "256"]

pub mod api;
#[cfg(feature = "ssr")]
pub mod backend;
pub mod components;
pub mod error;
#[cfg(test)]
mod locale_files;
pub mod model;
pub mod pages;
mod routes;

// The generated `pub mod i18n` (Locale, use_i18n, t!, ...), from build.rs.
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub use routes::App;

#[cfg(feature = "ssr")]
pub use shell::shell;

#[cfg(feature = "ssr")]
mod shell {
    use leptos::prelude::*;
    use leptos_meta::{HashedStylesheet, MetaTags};

    use crate::App;

    /// The HTML document around the app. `<html lang>` is set by the page (leptos_meta).
    pub fn shell(options: LeptosOptions) -> impl IntoView {
        view! {
            <!DOCTYPE html>
            <html>
                <head>
                    <meta charset="utf-8" />
                    <meta name="viewport" content="width=device-width, initial-scale=1" />
                    <meta name="theme-color" content="#01411c" />
                    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                    <HashedStylesheet options=options.clone() id="leptos" />
                    <AutoReload options=options.clone() />
                    <HydrationScripts options />
                    <MetaTags />
                </head>
                <body>
                    <App />
                </body>
            </html>
        }
    }
}
