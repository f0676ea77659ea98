//! The build's `/pkg` files. Their names are built into the binary (see `build.rs`), so a
//! server copied anywhere asks for the files of its own build; it refuses to start when the
//! site root does not hold them, rather than serve pages that never come to life.
use app::SiteAssets;
use std::path::Path;

/// cargo-leptos's hash file as it was when this binary was built; empty without hashing.
const BUILT_HASHES: &str = include_str!(concat!(env!("OUT_DIR"), "/pkg_hashes.txt"));

/// The names this build gives the files its pages load.
pub fn built(pkg_dir: &str, output_name: &str) -> SiteAssets {
    SiteAssets::named(pkg_dir, output_name, BUILT_HASHES)
}

/// A file the pages load that the site root lacks, or cannot be read.
#[derive(Debug, thiserror::Error)]
#[error(
    "LEPTOS_SITE_ROOT: {root} has no readable {file}, which pages load: copy this build's \
     site root (target/site) there"
)]
pub struct MissingAsset {
    pub root: String,
    pub file: String,
}

/// This build's files, provided the site root holds every one of them, with the lazy
/// pages' chunks when the build is split.
pub fn find(site_root: &str, pkg_dir: &str, output_name: &str) -> Result<SiteAssets, MissingAsset> {
    let missing = |file: String| MissingAsset {
        root: site_root.to_owned(),
        file,
    };
    let assets = built(pkg_dir, output_name);
    if let Some(file) = assets
        .files()
        .into_iter()
        .find(|file| !Path::new(site_root).join(file).is_file())
    {
        return Err(missing(file));
    }
    assets.with_chunks(Path::new(site_root)).map_err(missing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_root_without_the_builds_files_is_refused_by_name() {
        let root = std::env::temp_dir().join(format!("pavilion-assets-{}", std::process::id()));
        let pkg = root.join("pkg");
        std::fs::create_dir_all(&pkg).expect("temp dir");
        let root_text = root.to_str().expect("utf-8");
        let assets = built("pkg", "pavilion");
        let [js, wasm, css] = assets.files();
        for file in [&js, &css] {
            std::fs::write(root.join(file), "x").expect("write");
        }
        let missing = find(root_text, "pkg", "pavilion").expect_err("no wasm");
        assert_eq!(missing.file, wasm);
        assert!(missing.to_string().contains(&wasm), "{missing}");
        std::fs::write(root.join(&wasm), "x").expect("write");
        if assets.split {
            // A split build needs its manifest and loader as well (`SiteAssets::with_chunks`).
            let manifest = format!("pkg/{}", assets.split_manifest);
            let missing = find(root_text, "pkg", "pavilion").expect_err("no manifest");
            assert!(missing.file.starts_with(&manifest), "{missing}");
            std::fs::write(root.join(&manifest), "{}").expect("write");
            std::fs::write(root.join("pkg").join(&assets.split_loader), "x").expect("write");
        }
        let found = find(root_text, "pkg", "pavilion").expect("complete");
        assert_eq!(
            found.chunks.is_some(),
            assets.split,
            "chunks read from a split build"
        );
        assert_eq!(
            app::SiteAssets {
                chunks: None,
                ..found
            },
            assets
        );
        std::fs::remove_dir_all(&root).ok();
    }
}
