//! Uploads: pictures for articles (editors), product pictures (the product's shop) and
//! documents of shop applications (the applicant). A file is accepted by its content
//! (decoded, whatever its name or declared type says), within size and pixel limits;
//! pictures are re-encoded as JPEG, which also drops their metadata (camera, location).

use std::collections::HashMap;

use app::backend::seller::{Need, shop_for};
use app::backend::session::Session;
use app::error::AppError;
use app::model::Lang;
use app::model::account::Role;
use app::model::seller::SellerShop;
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
pub(crate) enum UploadError {
    #[error("not a picture we can read")]
    NotAnImage,
    #[error("too many pixels")]
    TooLarge,
}

/// Decodes with limits, refusing pixel floods before any pixel is decoded.
fn decode(bytes: &[u8]) -> Result<image::DynamicImage, UploadError> {
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
    reader.decode().map_err(|_| UploadError::NotAnImage)
}

fn jpeg(picture: &image::RgbImage) -> Result<Vec<u8>, UploadError> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(picture)
        .map_err(|_| UploadError::NotAnImage)?;
    Ok(out)
}

/// Decodes with limits and re-encodes as a JPEG of at most 2000 px on its longer side.
fn reencode(bytes: &[u8]) -> Result<Vec<u8>, UploadError> {
    jpeg(&decode(bytes)?.thumbnail(2000, 2000).to_rgb8())
}

/// The picture cut around its centre to the shape of `width` × `height`, at that size.
fn cut(picture: &image::DynamicImage, width: u32, height: u32) -> image::RgbImage {
    let (w, h) = (picture.width(), picture.height());
    let (cw, ch) = if u64::from(w) * u64::from(height) > u64::from(h) * u64::from(width) {
        (
            (u64::from(h) * u64::from(width) / u64::from(height)) as u32,
            h,
        )
    } else {
        (
            w,
            (u64::from(w) * u64::from(height) / u64::from(width)) as u32,
        )
    };
    picture
        .crop_imm((w - cw) / 2, (h - ch) / 2, cw.max(1), ch.max(1))
        .resize_exact(width, height, image::imageops::FilterType::Lanczos3)
        .to_rgb8()
}

/// A product picture at every gallery width, cut to 4:3 around its centre.
pub(crate) fn gallery(bytes: &[u8]) -> Result<Vec<(u32, Vec<u8>)>, UploadError> {
    let picture = decode(bytes)?;
    app::backend::media::WIDTHS
        .iter()
        .map(|&width| Ok((width, jpeg(&cut(&picture, width, width * 3 / 4))?)))
        .collect()
}

/// What an application document is, by its first bytes: a PDF kept as sent, or a picture
/// re-encoded. Anything else is refused.
fn document(bytes: &[u8]) -> Result<(&'static str, Vec<u8>), UploadError> {
    if bytes.starts_with(b"%PDF-") {
        return Ok(("application/pdf", bytes.to_vec()));
    }
    Ok(("image/jpeg", reencode(bytes)?))
}

pub(crate) type Fields = HashMap<String, axum::body::Bytes>;

/// The fields of a multipart form, by name; a file larger than allowed ends the reading.
pub(crate) async fn fields(multipart: &mut Multipart) -> Result<Fields, StatusCode> {
    let mut out = HashMap::new();
    while let Some(field) = multipart.next_field().await.map_err(|e| e.status())? {
        let name = field.name().unwrap_or_default().to_owned();
        let data = field.bytes().await.map_err(|e| e.status())?;
        out.insert(name, data);
    }
    Ok(out)
}

fn too_large(headers: &HeaderMap) -> bool {
    longer_than(headers, MAX_BYTES + 64 * 1024)
}

pub(crate) fn longer_than(headers: &HeaderMap, limit: usize) -> bool {
    headers
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
        .is_some_and(|length| length > limit)
}

pub(crate) fn text(fields: &Fields, name: &str) -> String {
    fields
        .get(name)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// The page language a form names (English when none).
pub(crate) fn lang_of(fields: &Fields) -> Lang {
    Lang::parse(&text(fields, "lang")).unwrap_or(Lang::En)
}

pub(crate) fn refusal(error: &UploadError) -> &'static str {
    match error {
        UploadError::NotAnImage => "not_image",
        UploadError::TooLarge => "too_large",
    }
}

/// Runs picture work on the blocking pool.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, UploadError> + Send + 'static,
) -> Result<Result<T, UploadError>, StatusCode> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)
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
    if too_large(&headers) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let fields = match fields(&mut multipart).await {
        Ok(fields) => fields,
        Err(status) => return status.into_response(),
    };
    let Some(bytes) = fields.get("image").filter(|b| !b.is_empty()).cloned() else {
        return Redirect::to(&format!("{back}?upload_error=empty")).into_response();
    };
    let encoded = match blocking(move || reencode(&bytes)).await {
        Ok(Ok(encoded)) => encoded,
        Ok(Err(error)) => {
            tracing::warn!(%error, "upload refused");
            return Redirect::to(&format!("{back}?upload_error={}", refusal(&error)))
                .into_response();
        }
        Err(status) => return status.into_response(),
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

/// A seller's upload form and the shop whose catalogue they manage, or the status that
/// refuses them (not signed in, too large, unreadable, no such shop or role).
pub(crate) async fn catalogue_form(
    state: &ServerState,
    session: &Session,
    headers: &HeaderMap,
    limit: usize,
    multipart: &mut Multipart,
) -> Result<(Fields, Lang, SellerShop, i64), StatusCode> {
    if longer_than(headers, limit) {
        return Err(StatusCode::PAYLOAD_TOO_LARGE);
    }
    // The form is read before a stranger is refused: answered while its body is still being
    // sent, a client sees the connection close (a broken pipe) instead of the refusal.
    let fields = fields(multipart).await?;
    let user = session.user().ok_or(StatusCode::UNAUTHORIZED)?;
    let lang = lang_of(&fields);
    match shop_for(&state.app.pool, &user, Need::Catalogue).await {
        Ok(shop) => Ok((fields, lang, shop, user.id)),
        Err(AppError::Forbidden) => Err(StatusCode::FORBIDDEN),
        Err(error) => {
            tracing::error!(%error, "cannot read the seller's shop");
            Err(StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

/// `POST /uploads/products` (multipart: `product`, `index` 0–2, `image`): a picture of one
/// of the caller's shop's products, written where the gallery serves it from.
pub async fn product_picture(
    State(state): State<ServerState>,
    Extension(session): Extension<Session>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    let (fields, lang, shop, user_id) = match catalogue_form(
        &state,
        &session,
        &headers,
        MAX_BYTES + 64 * 1024,
        &mut multipart,
    )
    .await
    {
        Ok(form) => form,
        Err(status) => return status.into_response(),
    };
    let pool = &state.app.pool;
    let product: i64 = text(&fields, "product").parse().unwrap_or(-1);
    let (slug, on_sale) =
        match app::backend::seller::products::slug_of(pool, shop.id, product).await {
            Ok(Some(found)) => found,
            Ok(None) => return StatusCode::NOT_FOUND.into_response(),
            Err(error) => {
                tracing::error!(%error, "cannot read the product");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        };
    let back = format!("/{}/seller/products/{product}", lang.code());
    let index = text(&fields, "index")
        .parse::<u8>()
        .ok()
        .filter(|i| *i < app::backend::media::GALLERY_SIZE);
    let (Some(index), Some(bytes)) = (
        index,
        fields.get("image").filter(|b| !b.is_empty()).cloned(),
    ) else {
        return Redirect::to(&format!("{back}?upload_error=empty")).into_response();
    };
    let sizes = match blocking(move || gallery(&bytes)).await {
        Ok(Ok(sizes)) => sizes,
        Ok(Err(error)) => {
            tracing::warn!(%error, product.id = product, "product picture refused");
            return Redirect::to(&format!("{back}?upload_error={}", refusal(&error)))
                .into_response();
        }
        Err(status) => return status.into_response(),
    };
    // A picture of a product on sale waits for review; the approved one stays on sale.
    let dir = app::backend::media::uploaded_dir(&state.app.data_dir, &slug, on_sale);
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        sizes.iter().try_for_each(|(width, bytes)| {
            app::backend::media::write_atomically(&dir.join(format!("{index}-{width}.jpg")), bytes)
        })
    });
    if let Err(error) = written {
        tracing::error!(%error, "cannot store a product picture");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    if on_sale
        && let Err(error) =
            app::backend::seller::review::propose_picture(pool, state.app.engine, product, index)
                .await
    {
        tracing::error!(
            error = error.code_text(),
            "cannot put a picture up for review"
        );
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    tracing::info!(
        user.id = user_id,
        product.id = product,
        media.index = index,
        on_sale,
        "product picture stored"
    );
    Redirect::to(&format!("{back}?uploaded={index}")).into_response()
}

/// `POST /uploads/shop` (multipart: `kind` logo or banner, `image`, `lang`): the caller's
/// shop's logo (256 × 256) or banner (1200 × 400).
pub async fn shop_picture(
    State(state): State<ServerState>,
    Extension(session): Extension<Session>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    let (fields, lang, shop, _) = match catalogue_form(
        &state,
        &session,
        &headers,
        MAX_BYTES + 64 * 1024,
        &mut multipart,
    )
    .await
    {
        Ok(form) => form,
        Err(status) => return status.into_response(),
    };
    let pool = &state.app.pool;
    let back = format!("/{}/seller/profile", lang.code());
    let (kind, size) = match text(&fields, "kind").as_str() {
        "logo" => ("logo", (256, 256)),
        "banner" => ("banner", (1200, 400)),
        _ => return StatusCode::UNPROCESSABLE_ENTITY.into_response(),
    };
    let Some(bytes) = fields.get("image").filter(|b| !b.is_empty()).cloned() else {
        return Redirect::to(&format!("{back}?upload_error=empty")).into_response();
    };
    let encoded = match blocking(move || jpeg(&cut(&decode(&bytes)?, size.0, size.1))).await {
        Ok(Ok(encoded)) => encoded,
        Ok(Err(error)) => {
            return Redirect::to(&format!("{back}?upload_error={}", refusal(&error)))
                .into_response();
        }
        Err(status) => return status.into_response(),
    };
    let dir = state.app.data_dir.join("media/shops").join(&shop.slug);
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        app::backend::media::write_atomically(&dir.join(format!("{kind}.jpg")), &encoded)
    });
    if let Err(error) = written {
        tracing::error!(%error, "cannot store a shop picture");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    if let Err(error) = app::backend::seller::profile::set_picture(
        pool,
        state.app.engine,
        shop.id,
        kind == "banner",
    )
    .await
    {
        tracing::error!(error = error.code_text(), "cannot record a shop picture");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    Redirect::to(&format!("{back}?uploaded={kind}")).into_response()
}

/// `POST /uploads/documents` (multipart: `document`, `lang`): a document of the caller's
/// pending application, kept outside the served folders.
pub async fn application_document(
    State(state): State<ServerState>,
    Extension(session): Extension<Session>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    if too_large(&headers) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    // Read before a stranger is refused (see `catalogue_form`).
    let fields = match fields(&mut multipart).await {
        Ok(fields) => fields,
        Err(status) => return status.into_response(),
    };
    let Some(user) = session.user() else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let back = format!("/{}/sell/status", lang_of(&fields).code());
    let pool = &state.app.pool;
    let application =
        match app::backend::seller::applications::open_for_documents(pool, user.id).await {
            Ok(Some(id)) => id,
            Ok(None) => return Redirect::to(&format!("{back}?upload_error=full")).into_response(),
            Err(error) => {
                tracing::error!(%error, "cannot read the application");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        };
    let Some(bytes) = fields.get("document").filter(|b| !b.is_empty()).cloned() else {
        return Redirect::to(&format!("{back}?upload_error=empty")).into_response();
    };
    let (content_type, stored) = match blocking(move || document(&bytes)).await {
        Ok(Ok(found)) => found,
        Ok(Err(error)) => {
            tracing::warn!(%error, application.id = application, "document refused");
            return Redirect::to(&format!("{back}?upload_error={}", refusal(&error)))
                .into_response();
        }
        Err(status) => return status.into_response(),
    };
    let extension = if content_type == "application/pdf" {
        "pdf"
    } else {
        "jpg"
    };
    let name = format!("{}.{extension}", app::backend::crypto::random_token(16));
    let dir = state.app.data_dir.join("documents");
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| app::backend::media::write_atomically(&dir.join(&name), &stored));
    let recorded = match written {
        Ok(()) => app::backend::seller::applications::add_document(
            pool,
            application,
            &name,
            content_type,
            stored.len() as i64,
        )
        .await
        .map_err(|e| e.to_string()),
        Err(error) => Err(error.to_string()),
    };
    if let Err(error) = recorded {
        tracing::error!(%error, "cannot store a document");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    Redirect::to(&format!("{back}?uploaded=1")).into_response()
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
