//! The HTML document around the app, its script policy, and the build's file names.

use http::HeaderValue;
use http::header::CONTENT_SECURITY_POLICY;
use leptos::prelude::*;
use leptos_meta::MetaTags;
use std::path::Path;
use std::sync::Arc;

use crate::App;

/// The HTML document around the app. `<html lang>` is set by the page (leptos_meta).
/// `assets` are shared by every render: the server reads them once, when it starts.
pub fn shell(options: LeptosOptions, assets: Arc<SiteAssets>) -> impl IntoView {
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
    /// The split build's loader of lazy chunks, and its manifest (which chunks each lazy
    /// page needs); the manifest is read by [`SiteAssets::with_chunks`].
    pub split_loader: String,
    pub split_manifest: String,
    /// Whether the hash file names a split, so that the manifest must be there.
    pub split: bool,
    pub chunks: Option<SplitChunks>,
}

impl SiteAssets {
    /// The names cargo-leptos gives `output`'s files, from its hash file (`js: <hash>` lines;
    /// empty when the build does not hash).
    pub fn named(pkg_dir: &str, output: &str, hash_file: &str) -> SiteAssets {
        let hash_of = |file: &str| {
            hash_file
                .lines()
                .find_map(|line| {
                    let (name, hash) = line.split_once(':')?;
                    (name.trim() == file).then(|| hash.trim())
                })
                .filter(|hash| !hash.is_empty())
        };
        let name = |extension: &str| match hash_of(extension) {
            Some(hash) => format!("{output}.{hash}.{extension}"),
            None => format!("{output}.{extension}"),
        };
        let js = name("js");
        SiteAssets {
            hashed: js != format!("{output}.js"),
            pkg_dir: pkg_dir.trim_matches('/').to_owned(),
            js,
            wasm: name("wasm"),
            css: name("css"),
            split_loader: match hash_of("split") {
                Some(hash) => format!("__wasm_split.{hash}.js"),
                None => "__wasm_split.______________________.js".to_owned(),
            },
            split_manifest: match hash_of("manifest") {
                Some(hash) => format!("__wasm_split_manifest.{hash}.json"),
                None => "__wasm_split_manifest.json".to_owned(),
            },
            split: hash_of("split").is_some(),
            chunks: None,
        }
    }

    /// With the lazy pages' chunks, as the split build's manifest under `site_root` names
    /// them; unchanged when the build is not split. A build whose hash file names a split
    /// must have its manifest and every chunk the manifest names: without them the lazy
    /// pages would never come to life, so the error names the first file missing, as a path
    /// under `site_root`.
    pub fn with_chunks(mut self, site_root: &Path) -> Result<SiteAssets, String> {
        let manifest = format!("{}/{}", self.pkg_dir, self.split_manifest);
        let text = match std::fs::read_to_string(site_root.join(&manifest)) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound && !self.split => {
                return Ok(self);
            }
            Err(error) => return Err(format!("{manifest} ({error})")),
        };
        let needs: std::collections::HashMap<String, Vec<String>> =
            serde_json::from_str(&text).map_err(|error| format!("{manifest} ({error})"))?;
        let mut files: Vec<String> = needs.values().flatten().cloned().collect();
        files.sort_unstable();
        files.dedup();
        files.push(self.split_loader.clone());
        for file in files {
            let file = match file.ends_with(".js") {
                true => file,
                false => format!("{file}.wasm"),
            };
            let path = format!("{}/{file}", self.pkg_dir);
            if !site_root.join(&path).is_file() {
                return Err(path);
            }
        }
        self.chunks = Some(SplitChunks(leptos::WasmSplitManifest(ArcStoredValue::new(
            (
                format!("/{}", self.pkg_dir),
                needs,
                self.split_loader.clone(),
            ),
        ))));
        Ok(self)
    }

    /// The three files every page loads, as paths under the site root.
    pub fn files(&self) -> [String; 3] {
        [&self.js, &self.wasm, &self.css].map(|name| format!("{}/{name}", self.pkg_dir))
    }

    fn css_url(&self) -> String {
        format!("/{}/{}", self.pkg_dir, self.css)
    }
}

/// Which wasm chunks each lazy page needs, read once when the server starts. Given to each
/// render, leptos_axum names the chunks of the page it rendered in the page's `<head>`
/// (`<link rel="preload">`), so the browser fetches them beside the main bundle.
#[derive(Clone, Debug)]
pub struct SplitChunks(leptos::WasmSplitManifest);

impl PartialEq for SplitChunks {
    fn eq(&self, other: &SplitChunks) -> bool {
        self.0
            .0
            .with_value(|mine| other.0.0.with_value(|theirs| mine == theirs))
    }
}

impl Eq for SplitChunks {}

/// Fetches the wasm early and starts it: the only script a page runs of its own.
#[component]
fn Hydration(assets: Arc<SiteAssets>) -> impl IntoView {
    if let Some(chunks) = &assets.chunks {
        provide_context(chunks.0.clone());
    }
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
    fn a_split_build_names_its_loader_and_reads_its_manifest() {
        let hashes = "js: j1\nwasm: w1\ncss: c1\nmanifest: m0\nsplit: s9\n";
        let assets = SiteAssets::named("pkg", "pavilion", hashes);
        assert_eq!(assets.split_loader, "__wasm_split.s9.js");
        assert_eq!(assets.split_manifest, "__wasm_split_manifest.m0.json");
        assert!(assets.split);

        let root = std::env::temp_dir().join(format!("pavilion-split-{}", std::process::id()));
        std::fs::create_dir_all(root.join("pkg")).expect("temp dir");
        let write = |file: &str, text: &str| std::fs::write(root.join(file), text).expect("write");
        let refused = |assets: &SiteAssets| assets.clone().with_chunks(&root).expect_err("refused");

        assert!(refused(&assets).starts_with("pkg/__wasm_split_manifest.m0.json"));
        write(
            "pkg/__wasm_split_manifest.m0.json",
            r#"{"product_view": ["split_3", "chunk_1"], "cart_view": ["chunk_1"]}"#,
        );
        assert_eq!(refused(&assets), "pkg/chunk_1.wasm");
        write("pkg/chunk_1.wasm", "x");
        write("pkg/split_3.wasm", "x");
        assert_eq!(refused(&assets), "pkg/__wasm_split.s9.js");
        write("pkg/__wasm_split.s9.js", "x");

        let split = assets.clone().with_chunks(&root).expect("a complete split");
        let chunks = split.chunks.expect("chunks");
        chunks.0.0.with_value(|(pkg, needs, loader)| {
            assert_eq!(pkg, "/pkg");
            assert_eq!(needs["product_view"], ["split_3", "chunk_1"]);
            assert_eq!(loader, "__wasm_split.s9.js");
        });

        write("pkg/__wasm_split_manifest.m0.json", "{");
        assert!(refused(&assets).starts_with("pkg/__wasm_split_manifest.m0.json ("));
        std::fs::remove_dir_all(&root).ok();
    }

    #[test]
    fn a_build_without_a_split_needs_no_manifest() {
        let assets = SiteAssets::named("pkg", "pavilion", "js: j1\nwasm: w1\ncss: c1\n");
        assert!(!assets.split);
        let root = std::env::temp_dir().join(format!("pavilion-unsplit-{}", std::process::id()));
        let unsplit = assets.with_chunks(&root).expect("no split, no manifest");
        assert_eq!(unsplit.chunks, None);
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
