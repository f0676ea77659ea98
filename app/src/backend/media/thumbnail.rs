//! Raster thumbnails: an SVG rendered with resvg, encoded as JPEG, written atomically.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use image::codecs::jpeg::JpegEncoder;
use image::{ExtendedColorType, ImageEncoder};
use resvg::{tiny_skia, usvg};

use super::MediaError;

/// JPEG quality of every thumbnail.
const QUALITY: u8 = 82;

/// Renders `svg` scaled to `width` × `height` pixels on white and encodes it as a JPEG.
pub fn render_jpeg(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, MediaError> {
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default())?;
    let mut pixmap =
        tiny_skia::Pixmap::new(width, height).ok_or(MediaError::Size { width, height })?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let size = tree.size();
    let transform = tiny_skia::Transform::from_scale(
        width as f32 / size.width(),
        height as f32 / size.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    // The white fill makes every pixel opaque, so premultiplied RGBA is plain RGBA.
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|pixel| [pixel[0], pixel[1], pixel[2]])
        .collect();
    let mut jpeg = Vec::with_capacity(rgb.len() / 10);
    JpegEncoder::new_with_quality(&mut jpeg, QUALITY).encode(
        &rgb,
        width,
        height,
        ExtendedColorType::Rgb8,
    )?;
    Ok(jpeg)
}

/// Renders `svg` into a `size` × `size` PNG, transparent where the drawing is (an app icon).
pub fn render_png(svg: &str, size: u32) -> Result<Vec<u8>, MediaError> {
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default())?;
    let mut pixmap = tiny_skia::Pixmap::new(size, size).ok_or(MediaError::Size {
        width: size,
        height: size,
    })?;
    let scale = size as f32 / tree.size().width().max(tree.size().height());
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // tiny-skia keeps colours multiplied by alpha; PNG wants them straight.
    let rgba: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|pixel| {
            let color = pixel.demultiply();
            [color.red(), color.green(), color.blue(), color.alpha()]
        })
        .collect();
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png).write_image(
        &rgba,
        size,
        size,
        ExtendedColorType::Rgba8,
    )?;
    Ok(png)
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`, so a
/// reader sees either no file or the whole file, even with several writers at once.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let parent = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = parent.join(format!(
        ".{name}.{}-{}.tmp",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let written = std::fs::File::create(&temporary)
        .and_then(|mut file| file.write_all(bytes))
        .and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rendered_picture_decodes_back_at_its_size() {
        let svg = super::super::product_svg("rice", "Super Kernel Basmati", 2);
        let jpeg = render_jpeg(&svg, 240, 180).expect("renders");
        assert_eq!(
            image::guess_format(&jpeg).expect("known format"),
            image::ImageFormat::Jpeg
        );
        let decoded = image::load_from_memory(&jpeg).expect("decodes");
        assert_eq!((decoded.width(), decoded.height()), (240, 180));
    }

    #[test]
    fn an_atomic_write_leaves_only_the_final_file() {
        let dir = std::env::temp_dir().join(format!("pavilion-atomic-{}", std::process::id()));
        let path = dir.join("a/b/0-240.jpg");
        write_atomically(&path, b"one").expect("first write");
        write_atomically(&path, b"two").expect("second write");
        assert_eq!(std::fs::read(&path).expect("read"), b"two");
        let entries = std::fs::read_dir(dir.join("a/b")).expect("dir").count();
        assert_eq!(entries, 1);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
