//! Image uploads for editors. A picture is accepted by its content (decoded, whatever its
//! name says), within size and pixel limits, then re-encoded as JPEG, which also drops its
//! metadata (camera, location). The editor page gets the Markdown to paste.

use app::backend::session::Session;
use app::model::account::Role;
use axum::Extension;
use axum::extract::{Multipart, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::{HeaderMap, StatusCode};

use crate::startup::ServerState;

/// The largest upload accepted, in bytes.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;
/// The most pixels a picture may have (a 50-megapixel photo passes, a pixel flood does not).
const MAX_PIXELS: u64 = 50_000_000;

#[derive(Debug, thiserror::Error)]
enum UploadError {
    #[error("not a picture we can read")]
    NotAnImage,
    #[error("too many pixels")]
    TooLarge,
}

/// Decodes with limits and re-encodes as a JPEG of at most 2000 px on its longer side.
fn reencode(bytes: &[u8]) -> Result<Vec<u8>, UploadError> {
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| UploadError::NotAnImage)?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(20_000);
    limits.max_image_height = Some(20_000);
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let (width, height) = reader
        .into_dimensions()
        .map_err(|_| UploadError::NotAnImage)?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(UploadError::TooLarge);
    }
    let mut reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| UploadError::NotAnImage)?;
    reader.limits(image::Limits::default());
    let picture = reader.decode().map_err(|_| UploadError::NotAnImage)?;
    let picture = picture.thumbnail(2000, 2000).to_rgb8();
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&picture)
        .map_err(|_| UploadError::NotAnImage)?;
    Ok(out)
}

/// `POST /uploads/images` (multipart, field `image`), editors only. Redirects back to the
/// editor with `uploaded=` the new picture's path, or `upload_error=`.
pub async fn image(
    State(state): State<ServerState>,
    Extension(session): Extension<Session>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    let allowed = session
        .user()
        .is_some_and(|u| matches!(u.role, Role::Editor | Role::Admin));
    if !allowed {
        return StatusCode::FORBIDDEN.into_response();
    }
    let back = headers
        .get(http::header::REFERER)
        .and_then(|r| r.to_str().ok())
        .and_then(|r| r.split_once("://").map(|(_, rest)| rest))
        .and_then(|rest| rest.find('/').map(|i| rest[i..].to_owned()))
        .filter(|path| path.contains("/editor"))
        .map(|path| path.split('?').next().unwrap_or_default().to_owned())
        .unwrap_or_else(|| "/en/editor".to_owned());
    let declared = headers
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > MAX_BYTES + 64 * 1024) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let mut bytes = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("image") => match field.bytes().await {
                Ok(data) => bytes = Some(data),
                Err(error) => return error.status().into_response(),
            },
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(error) => return error.status().into_response(),
        }
    }
    let Some(bytes) = bytes.filter(|b| !b.is_empty()) else {
        return Redirect::to(&format!("{back}?upload_error=empty")).into_response();
    };
    let encoded = match tokio::task::spawn_blocking(move || reencode(&bytes)).await {
        Ok(Ok(encoded)) => encoded,
        Ok(Err(error)) => {
            tracing::warn!(%error, "upload refused");
            let code = match error {
                UploadError::NotAnImage => "not_image",
                UploadError::TooLarge => "too_large",
            };
            return Redirect::to(&format!("{back}?upload_error={code}")).into_response();
        }
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let name = format!("{}.jpg", app::backend::crypto::random_token(12));
    let dir = state.app.data_dir.join("media").join("uploads");
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| app::backend::media::write_atomically(&dir.join(&name), &encoded));
    if let Err(error) = written {
        tracing::error!(%error, "cannot store an upload");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    Redirect::to(&format!("{back}?uploaded=/media/uploads/{name}")).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::ImageEncoder;

    #[test]
    fn a_renamed_program_is_not_a_picture() {
        assert!(matches!(
            reencode(b"\x7fELF\x02\x01\x01 not a picture"),
            Err(UploadError::NotAnImage)
        ));
    }

    #[test]
    fn a_pixel_flood_is_refused_before_decoding() {
        // A tiny PNG header claiming 100,000 × 100,000 pixels.
        let mut png = Vec::new();
        image::codecs::png::PngEncoder::new(&mut png)
            .write_image(&[0u8], 1, 1, image::ExtendedColorType::L8)
            .expect("a 1×1 PNG");
        let mut flood = png.clone();
        flood[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        flood[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        assert!(reencode(&flood).is_err());
    }

    #[test]
    fn a_photo_is_reencoded_as_jpeg() {
        let picture = image::RgbImage::from_pixel(40, 30, image::Rgb([200, 120, 40]));
        let mut png = std::io::Cursor::new(Vec::new());
        picture
            .write_to(&mut png, image::ImageFormat::Png)
            .expect("png");
        let jpeg = reencode(png.get_ref()).expect("accepted");
        assert_eq!(&jpeg[..2], &[0xFF, 0xD8]);
    }
}
