//! Product pictures: uploaded ones, the demo's drawings, the placeholder, and their cached
//! JPEG thumbnails.

use app::backend::AppState;
use app::backend::media::{self, GALLERY_SIZE, WIDTHS, is_slug, placeholder_svg, product_svg};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};

/// What a published product shows where it has no picture of its own, read from the
/// in-memory catalogue (no database query per picture); `None` for no published product.
enum StandIn {
    /// A demo product: art drawn from its top-level category and English title.
    Drawn { category: String, title: String },
    /// A seller's product: the neutral placeholder, never art drawn for other goods.
    Placeholder,
}

fn stand_in(state: &AppState, slug: &str) -> Option<StandIn> {
    let catalogue = state.catalogue.get();
    let product = &catalogue.products[*catalogue.product_by_slug.get(slug)?];
    Some(if product.drawn_art {
        StandIn::Drawn {
            category: catalogue.top_category(product).slug.clone(),
            title: product.title.en.clone(),
        }
    } else {
        StandIn::Placeholder
    })
}

/// `/media/products/{slug}.svg`: the product's main picture, drawn on request.
pub async fn product_picture(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(slug) = file.strip_suffix(".svg").filter(|s| is_slug(s)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let svg = match stand_in(&state, slug) {
        Some(StandIn::Drawn { category, title }) => product_svg(&category, &title, 0),
        Some(StandIn::Placeholder) => placeholder_svg(),
        None => return StatusCode::NOT_FOUND.into_response(),
    };
    (
        [
            (CONTENT_TYPE, "image/svg+xml"),
            (CACHE_CONTROL, "public, max-age=86400"),
            (
                CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'",
            ),
        ],
        svg,
    )
        .into_response()
}

/// `/media/products/{slug}/{index}-{width}.jpg`: a gallery picture at a `srcset` width,
/// drawn once and then served from the data dir.
pub async fn product_thumbnail(
    State(state): State<AppState>,
    Path((slug, file)): Path<(String, String)>,
) -> Response {
    let Some((index, width)) = thumbnail_name(&file).filter(|_| is_slug(&slug)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // A picture the seller uploaded is served as it is (also before the product is
    // published, for the editor's preview); otherwise a published product's stand-in.
    let uploaded = state
        .data_dir
        .join("media/products")
        .join(&slug)
        .join(&file);
    let path = if tokio::fs::try_exists(&uploaded).await.unwrap_or(false) {
        Ok(uploaded)
    } else {
        match stand_in(&state, &slug) {
            Some(StandIn::Drawn { category, title }) => {
                media::product_thumbnail(&state.data_dir, &slug, &category, &title, index, width)
                    .await
            }
            Some(StandIn::Placeholder) => {
                media::placeholder_thumbnail(&state.data_dir, width).await
            }
            None => return StatusCode::NOT_FOUND.into_response(),
        }
    };
    let bytes = match path {
        Ok(path) => tokio::fs::read(&path)
            .await
            .map_err(media::MediaError::from),
        Err(error) => Err(error),
    };
    match bytes {
        Ok(bytes) => (
            [
                (CONTENT_TYPE, "image/jpeg"),
                (CACHE_CONTROL, "public, max-age=604800"),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(
                %error,
                product.slug = slug,
                media.index = index,
                media.width = width,
                "cannot serve product thumbnail"
            );
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `{index}-{width}.jpg` in its one canonical spelling (no `+`, no leading zeros).
fn thumbnail_name(file: &str) -> Option<(u8, u32)> {
    let (index, width) = file.strip_suffix(".jpg")?.split_once('-')?;
    let (index, width) = (index.parse::<u8>().ok()?, width.parse::<u32>().ok()?);
    let canonical = format!("{index}-{width}.jpg") == file;
    (canonical && index < GALLERY_SIZE && WIDTHS.contains(&width)).then_some((index, width))
}

#[cfg(test)]
mod tests {
    use super::thumbnail_name;

    #[test]
    fn only_gallery_indexes_at_srcset_widths_name_a_thumbnail() {
        assert_eq!(thumbnail_name("0-240.jpg"), Some((0, 240)));
        assert_eq!(thumbnail_name("2-960.jpg"), Some((2, 960)));
        for bad in [
            "0-500.jpg",
            "3-480.jpg",
            "9-480.jpg",
            "00-480.jpg",
            "+0-480.jpg",
            "0-0480.jpg",
            "0-480.png",
            "0-480",
            "0480.jpg",
            "-1-480.jpg",
            "0-480.jpg/..",
            "",
        ] {
            assert_eq!(thumbnail_name(bad), None, "{bad:?}");
        }
    }
}
