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
pub use shell::{page_policy, shell};

#[cfg(feature = "ssr")]
mod shell {
    use http::HeaderValue;
    use http::header::CONTENT_SECURITY_POLICY;
    use leptos::prelude::*;
    use leptos_meta::{HashedStylesheet, MetaTags};

    use crate::App;

    /// The HTML document around the app. `<html lang>` is set by the page (leptos_meta).
    pub fn shell(options: LeptosOptions) -> impl IntoView {
        set_page_policy();
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

    /// The Content-Security-Policy of a page: only scripts carrying this response's nonce
    /// run (the hydration script; what it loads is trusted through `'strict-dynamic'`), the
    /// wasm may be compiled, and everything else comes from this origin. Styles may be
    /// inline because components set `style` attributes; JSON-LD is data, never run.
    pub fn page_policy(nonce: &str) -> String {
        format!(
            "default-src 'self'; \
             script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
             style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; \
             connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
             frame-ancestors 'none'"
        )
    }

    /// leptos_axum made a nonce for this render (the hydration scripts carry it); the
    /// response's policy names it. The header is set before the first byte is sent, also
    /// for async pages and the not-found page, which render through this shell too.
    fn set_page_policy() {
        let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
            return;
        };
        let Some(nonce) = leptos::nonce::use_nonce() else {
            tracing::error!("no script nonce for this page: it keeps the default policy");
            return;
        };
        if let Ok(value) = HeaderValue::from_str(&page_policy(&nonce)) {
            response.insert_header(CONTENT_SECURITY_POLICY, value);
        }
    }

    #[cfg(test)]
    mod tests {
        use super::page_policy;

        #[test]
        fn the_page_policy_runs_only_scripts_with_the_nonce() {
            let policy = page_policy("abc123");
            let directives: Vec<&str> = policy.split("; ").collect();
            assert_eq!(
                directives,
                [
                    "default-src 'self'",
                    "script-src 'nonce-abc123' 'strict-dynamic' 'wasm-unsafe-eval'",
                    "style-src 'self' 'unsafe-inline'",
                    "img-src 'self' data: blob:",
                    "font-src 'self'",
                    "connect-src 'self'",
                    "object-src 'none'",
                    "base-uri 'self'",
                    "form-action 'self'",
                    "frame-ancestors 'none'",
                ]
            );
        }
    }
}
