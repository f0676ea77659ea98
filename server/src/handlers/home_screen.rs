//! The pavilion on a phone's home screen: the manifest in each language and its icons.

use app::backend::home_screen;
use app::model::Lang;
use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use http::header::{CACHE_CONTROL, CONTENT_TYPE};

/// `/manifest.{lang}.webmanifest`.
pub fn manifest(lang: Lang) -> Response {
    (
        [
            (CONTENT_TYPE, "application/manifest+json"),
            (CACHE_CONTROL, "public, max-age=86400"),
        ],
        home_screen::manifest(lang),
    )
        .into_response()
}

/// `/icons/{file}`: an icon the manifest names, drawn from the emblem.
pub async fn icon(Path(file): Path<String>) -> Response {
    let name = file.clone();
    let drawn = tokio::task::spawn_blocking(move || home_screen::icon(&name)).await;
    match drawn {
        Ok(Some(Ok(png))) => (
            [
                (CONTENT_TYPE, "image/png"),
                (CACHE_CONTROL, "public, max-age=604800"),
            ],
            png,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Ok(Some(Err(error))) => {
            tracing::error!(%error, file, "cannot draw the app icon");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Err(error) => {
            tracing::error!(%error, file, "the app icon task failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
