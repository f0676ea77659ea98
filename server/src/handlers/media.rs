use app::backend::AppState;
use app::backend::media::{product_art, product_svg};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};

/// `/media/products/{slug}.svg`: the product's picture, drawn on request.
pub async fn product_picture(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(slug) = file.strip_suffix(".svg").filter(|s| is_slug(s)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match product_art(&state.pool, slug).await {
        Ok(Some((category, title))) => (
            [
                (CONTENT_TYPE, "image/svg+xml"),
                (CACHE_CONTROL, "public, max-age=86400"),
                (
                    CONTENT_SECURITY_POLICY,
                    "default-src 'none'; style-src 'unsafe-inline'",
                ),
            ],
            product_svg(&category, &title),
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, product.slug = slug, "cannot draw product picture");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 120
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
