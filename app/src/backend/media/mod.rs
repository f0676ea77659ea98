//! Product pictures, all drawn on the server — none is ever fetched: an SVG per gallery
//! picture, and JPEG thumbnails of it at the `srcset` widths, cached under the data dir.

mod art;
mod motifs;
mod thumbnail;

use std::path::{Path, PathBuf};
use std::time::Instant;

pub use art::{placeholder_svg, product_svg};
pub use thumbnail::{render_jpeg, render_png, write_atomically};

/// Pictures per product: 0 the main one, 1 and 2 other compositions.
pub const GALLERY_SIZE: u8 = crate::model::product::GALLERY_SIZE;

/// The widths of the thumbnails offered in `srcset`; each is 4:3 (`height = width * 3 / 4`).
pub const WIDTHS: [u32; 3] = crate::model::product::PICTURE_WIDTHS;

#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    #[error("no thumbnail is made {width} pixels wide")]
    Width { width: u32 },
    #[error("a product has no picture {index}")]
    Index { index: u8 },
    #[error("not a product slug")]
    Slug,
    #[error("cannot make a {width}x{height} pixmap")]
    Size { width: u32, height: u32 },
    #[error("cannot parse the drawn SVG: {0}")]
    Svg(#[from] resvg::usvg::Error),
    #[error("cannot encode the JPEG: {0}")]
    Encode(#[from] image::ImageError),
    #[error("cannot store the thumbnail: {0}")]
    Io(#[from] std::io::Error),
    #[error("the thumbnail task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// Lowercase ASCII letters, digits and hyphens, 1 to 120 of them: safe in a path.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 120
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Where a seller's pictures of a product are stored; pictures of a product on sale wait
/// for review in its `pending/` folder, which is never served.
pub fn uploaded_dir(data_dir: &Path, slug: &str, on_sale: bool) -> PathBuf {
    let dir = data_dir.join("media/products").join(slug);
    if on_sale { dir.join("pending") } else { dir }
}

/// The gallery pictures a product shows as its own: all of a demo product's drawings while
/// it is on sale (`drawn`), else those its seller uploaded (and the review let through).
pub fn own_pictures(data_dir: &Path, slug: &str, drawn: bool) -> Vec<u8> {
    let live = uploaded_dir(data_dir, slug, false);
    (0..GALLERY_SIZE)
        .filter(|index| drawn || live.join(format!("{index}-{}.jpg", WIDTHS[0])).is_file())
        .collect()
}

/// Puts approved pictures in place of the ones on sale: every size of each index moves out
/// of `pending/`. Missing files are skipped (a size the seller never had).
pub fn publish_pending(data_dir: &Path, slug: &str, indexes: &[u8]) -> std::io::Result<()> {
    let live = uploaded_dir(data_dir, slug, false);
    let pending = uploaded_dir(data_dir, slug, true);
    for index in indexes {
        for width in WIDTHS {
            let name = format!("{index}-{width}.jpg");
            match std::fs::rename(pending.join(&name), live.join(&name)) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => return Err(error),
                _ => {}
            }
        }
    }
    Ok(())
}

/// The path of the cached JPEG of picture `index` of a product at `width`, made first
/// if missing (rendered and encoded on the blocking pool, written atomically).
pub async fn product_thumbnail(
    data_dir: &Path,
    slug: &str,
    category: &str,
    title: &str,
    index: u8,
    width: u32,
) -> Result<PathBuf, MediaError> {
    if !WIDTHS.contains(&width) {
        return Err(MediaError::Width { width });
    }
    if index >= GALLERY_SIZE {
        return Err(MediaError::Index { index });
    }
    if !is_slug(slug) {
        return Err(MediaError::Slug);
    }
    let path = data_dir
        .join("media/products")
        .join(slug)
        .join(format!("{index}-{width}.jpg"));
    let svg = move || product_svg(category, title, index);
    cached_jpeg(path, svg, width).await
}

/// The neutral placeholder at `width`, for a seller's product without a picture of its own;
/// drawn once, and kept apart from every product's pictures.
pub async fn placeholder_thumbnail(data_dir: &Path, width: u32) -> Result<PathBuf, MediaError> {
    if !WIDTHS.contains(&width) {
        return Err(MediaError::Width { width });
    }
    let path = data_dir
        .join("media/placeholder")
        .join(format!("{width}.jpg"));
    cached_jpeg(path, placeholder_svg, width).await
}

/// The JPEG at `path`, first drawn from `svg` at `width` (4:3) if it is not there yet.
async fn cached_jpeg(
    path: PathBuf,
    svg: impl FnOnce() -> String,
    width: u32,
) -> Result<PathBuf, MediaError> {
    if tokio::fs::try_exists(&path).await? {
        return Ok(path);
    }
    let svg = svg();
    tokio::task::spawn_blocking(move || {
        let started = Instant::now();
        let jpeg = thumbnail::render_jpeg(&svg, width, width * 3 / 4)?;
        thumbnail::write_atomically(&path, &jpeg)?;
        tracing::debug!(
            media.path = %path.display(),
            media.width = width,
            elapsed_ms = started.elapsed().as_millis(),
            "thumbnail drawn"
        );
        Ok(path)
    })
    .await?
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch_dir() -> PathBuf {
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        std::env::temp_dir().join(format!("pavilion-media-{}-{n}", std::process::id()))
    }

    #[tokio::test]
    async fn a_thumbnail_is_a_jpeg_of_the_wanted_size_stored_under_the_data_dir() {
        let dir = scratch_dir();
        let started = Instant::now();
        let path = product_thumbnail(&dir, "sindhri-mango", "fruit", "Sindhri Mango", 1, 960)
            .await
            .expect("drawn");
        let elapsed = started.elapsed();
        assert_eq!(path, dir.join("media/products/sindhri-mango/1-960.jpg"));
        let bytes = std::fs::read(&path).expect("stored");
        let decoded = image::load_from_memory_with_format(&bytes, image::ImageFormat::Jpeg)
            .expect("a valid JPEG");
        assert_eq!((decoded.width(), decoded.height()), (960, 720));
        eprintln!("one 960px thumbnail rendered and encoded in {elapsed:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[tokio::test]
    async fn every_width_gives_four_by_three_pixels() {
        let dir = scratch_dir();
        for width in WIDTHS {
            let path = product_thumbnail(&dir, "basmati", "rice", "Basmati", 0, width)
                .await
                .expect("drawn");
            let decoded = image::open(&path).expect("decodes");
            assert_eq!((decoded.width(), decoded.height()), (width, width * 3 / 4));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[tokio::test]
    async fn a_cached_thumbnail_is_not_drawn_again() {
        let dir = scratch_dir();
        let path = product_thumbnail(&dir, "kheer", "rice", "Kheer", 2, 240)
            .await
            .expect("drawn");
        std::fs::write(&path, b"cached").expect("overwritten");
        let again = product_thumbnail(&dir, "kheer", "rice", "Kheer", 2, 240)
            .await
            .expect("found");
        assert_eq!(std::fs::read(again).expect("read"), b"cached");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[tokio::test]
    async fn a_width_index_or_slug_outside_the_gallery_is_refused() {
        let dir = scratch_dir();
        let make = |slug: &'static str, index, width| {
            let dir = dir.clone();
            async move { product_thumbnail(&dir, slug, "fruit", "Mango", index, width).await }
        };
        assert!(matches!(
            make("mango", 0, 500).await,
            Err(MediaError::Width { width: 500 })
        ));
        assert!(matches!(
            make("mango", 0, 0).await,
            Err(MediaError::Width { .. })
        ));
        assert!(matches!(
            make("mango", 3, 480).await,
            Err(MediaError::Index { index: 3 })
        ));
        assert!(matches!(
            make("../etc", 0, 480).await,
            Err(MediaError::Slug)
        ));
        assert!(matches!(make("", 0, 480).await, Err(MediaError::Slug)));
        assert!(!dir.exists());
    }

    #[test]
    fn slugs_are_lowercase_letters_digits_and_hyphens() {
        assert!(is_slug("sindhri-mango-10kg"));
        for bad in [
            "",
            "Mango",
            "a/b",
            "..",
            "a.b",
            "mango_1",
            "芒果",
            &"a".repeat(121),
        ] {
            assert!(!is_slug(bad), "{bad:?}");
        }
    }
}
