//! The HTML document around the app, its script policy, and the build's file names.

use http::HeaderValue;
use http::header::CONTENT_SECURITY_POLICY;
use leptos::prelude::*;
use leptos_meta::MetaTags;

use crate::App;

/// The HTML document around the app. `<html lang>` is set by the page (leptos_meta).
pub fn shell(options: LeptosOptions, assets: SiteAssets) -> impl IntoView {
    set_page_policy();
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#01411c" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="stylesheet" id="leptos" href=assets.css_url() />
                <AutoReload options />
                <Hydration assets />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The names of one build's files under `/pkg`: `pavilion.<hash>.js` and so on when the
/// build hashes them, else `pavilion.js`. The server learns them once, when it starts (leptos'
/// own `HydrationScripts` reads the hash file beside the binary on every page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteAssets {
    pub pkg_dir: String,
    pub js: String,
    pub wasm: String,
    pub css: String,
    /// Whether the names carry content hashes, so that a name never changes its content.
    pub hashed: bool,
}

impl SiteAssets {
    /// The names cargo-leptos gives `output`'s files, from its hash file (`js: <hash>` lines;
    /// empty when the build does not hash).
    pub fn named(pkg_dir: &str, output: &str, hash_file: &str) -> SiteAssets {
        let name = |extension: &str| {
            let hash = hash_file.lines().find_map(|line| {
                let (file, hash) = line.split_once(':')?;
                (file.trim() == extension).then(|| hash.trim())
            });
            match hash.filter(|hash| !hash.is_empty()) {
                Some(hash) => format!("{output}.{hash}.{extension}"),
                None => format!("{output}.{extension}"),
            }
        };
        let js = name("js");
        SiteAssets {
            hashed: js != format!("{output}.js"),
            pkg_dir: pkg_dir.trim_matches('/').to_owned(),
            js,
            wasm: name("wasm"),
            css: name("css"),
        }
    }

    /// The three files every page loads, as paths under the site root.
    pub fn files(&self) -> [String; 3] {
        [&self.js, &self.wasm, &self.css].map(|name| format!("{}/{name}", self.pkg_dir))
    }

    fn css_url(&self) -> String {
        format!("/{}/{}", self.pkg_dir, self.css)
    }
}

/// Fetches the wasm early and starts it: the only script a page runs of its own.
#[component]
fn Hydration(assets: SiteAssets) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    let js = format!("/{}/{}", assets.pkg_dir, assets.js);
    let wasm = format!("/{}/{}", assets.pkg_dir, assets.wasm);
    // The names are the build's own (letters, digits, `-`, `_`, `.`): nothing to escape.
    let start = format!(
        "import('{js}').then(app => app.default({{ module_or_path: '{wasm}' }}).then(() => app.hydrate()))"
    );
    view! {
        <link rel="modulepreload" href=js crossorigin="anonymous" />
        <link rel="preload" href=wasm r#as="fetch" r#type="application/wasm" crossorigin="anonymous" />
        <script type="module" nonce=nonce>{start}</script>
    }
}

/// The Content-Security-Policy of a page: only scripts carrying this response's nonce
/// run (the hydration script; what it loads is trusted through `'strict-dynamic'`), the
/// wasm may be compiled, and everything else comes from this origin. Styles may be
/// inline because components set `style` attributes; JSON-LD is data, never run.
pub fn page_policy(nonce: &str) -> String {
    policy_running(&format!("'nonce-{nonce}'"))
}

/// The same policy for a page kept and answered to many visitors, which can carry no
/// one's nonce: only scripts with these SHA-256 digests (base64) run.
pub fn page_policy_by_hash<'a>(digests: impl IntoIterator<Item = &'a str>) -> String {
    let sources: Vec<String> = digests
        .into_iter()
        .map(|digest| format!("'sha256-{digest}'"))
        .collect();
    policy_running(&sources.join(" "))
}

fn policy_running(scripts: &str) -> String {
    format!(
        "default-src 'self'; \
         script-src {scripts} 'strict-dynamic' 'wasm-unsafe-eval'; \
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
    use super::*;

    #[test]
    fn hashed_names_come_from_the_hash_file() {
        let assets = SiteAssets::named(
            "/pkg/",
            "pavilion",
            "js: aB3_x-9\nwasm: Qw7\ncss: zz1\nmanifest: m0\n",
        );
        assert_eq!(assets.js, "pavilion.aB3_x-9.js");
        assert_eq!(assets.wasm, "pavilion.Qw7.wasm");
        assert_eq!(assets.css, "pavilion.zz1.css");
        assert!(assets.hashed);
        assert_eq!(
            assets.files(),
            [
                "pkg/pavilion.aB3_x-9.js",
                "pkg/pavilion.Qw7.wasm",
                "pkg/pavilion.zz1.css"
            ]
        );
    }

    #[test]
    fn without_a_hash_file_the_names_are_plain() {
        let assets = SiteAssets::named("pkg", "pavilion", "");
        assert_eq!(
            (
                assets.js.as_str(),
                assets.wasm.as_str(),
                assets.css.as_str()
            ),
            ("pavilion.js", "pavilion.wasm", "pavilion.css")
        );
        assert!(!assets.hashed);
    }

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
        assert_eq!(
            page_policy_by_hash(["a1=", "b2="]),
            policy.replace("'nonce-abc123'", "'sha256-a1=' 'sha256-b2='")
        );
    }
}
