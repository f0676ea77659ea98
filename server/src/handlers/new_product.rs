//! `POST /uploads/products/new`: a seller's first save of a product, with up to three
//! pictures chosen on the same form. One multipart form, so that it works the same with or
//! without JavaScript, and nothing waits for a product id before a picture can be added.
//! A refusal goes back to the form as a refused `save_product` would (the reason in
//! `__err`, what was typed kept for that browser); pictures are chosen again.

use app::api::seller::SaveProduct;
use app::backend::media::{GALLERY_SIZE, uploaded_dir, write_atomically};
use app::backend::session::Session;
use app::error::AppError;
use app::model::form_draft::FormDraft;
use axum::Extension;
use axum::extract::{Multipart, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::{HeaderMap, StatusCode};
use leptos::server_fn::ServerFn;
use leptos::server_fn::error::ServerFnUrlError;

use super::server_fns::remember;
use super::uploads::{blocking, catalogue_form, gallery, refusal};
use crate::startup::ServerState;

/// Three pictures at most, each within the upload limit, and the form's text.
pub const MAX_BODY: usize = GALLERY_SIZE as usize * super::uploads::MAX_BYTES + 256 * 1024;

/// The name of the file field for gallery position `index` (0–2).
fn picture_field(index: u8) -> String {
    format!("picture_{index}")
}

pub async fn create(
    State(state): State<ServerState>,
    Extension(session): Extension<Session>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    let (fields, _, shop, user_id) =
        match catalogue_form(&state, &session, &headers, MAX_BODY, &mut multipart).await {
            Ok(form) => form,
            Err(status) => return status.into_response(),
        };
    let pictures: Vec<(u8, axum::body::Bytes)> = (0..GALLERY_SIZE)
        .filter_map(|i| {
            fields
                .get(&picture_field(i))
                .filter(|b| !b.is_empty())
                .map(|b| (i, b.clone()))
        })
        .collect();
    let sent = FormDraft::keep(
        fields
            .iter()
            .filter(|(name, _)| !name.starts_with("picture_"))
            .filter_map(|(name, value)| {
                Some((name.clone(), std::str::from_utf8(value).ok()?.to_owned()))
            }),
    );
    let Some(SaveProduct { lang, draft }) = sent.decode::<SaveProduct>() else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let form_page = format!("/{}/seller/products/new", lang.code());
    // What `refuse_control_characters` does for the forms server functions take.
    let stray = sent.0.iter().any(|(name, value)| {
        crate::middleware::holds_control_character(name)
            || crate::middleware::holds_control_character(value)
    });
    if stray {
        // Kept, such text would come back; nobody typed it.
        let problem = app::error::Problem::ControlCharacter;
        return refused(&state, &form_page, &FormDraft::default(), problem.into()).await;
    }
    let checked = match draft.check() {
        Ok(checked) => checked,
        Err(problem) => return refused(&state, &form_page, &sent, problem.into()).await,
    };
    let pool = &state.app.pool;
    let saved =
        app::backend::seller::products::save(pool, state.app.engine, shop.id, None, &checked).await;
    let id = match saved {
        Ok(id) => id,
        Err(error @ AppError::Invalid(_)) => {
            return refused(&state, &form_page, &sent, error).await;
        }
        Err(error) => {
            tracing::error!(error = error.code_text(), "cannot save a new product");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    tracing::info!(
        user.id = user_id,
        shop.id = shop.id,
        product.id = id,
        "product saved"
    );
    let editor = format!("/{}/seller/products/{id}?saved=1", lang.code());
    if pictures.is_empty() {
        return Redirect::to(&editor).into_response();
    }
    // A new product is a draft: its pictures go straight to its own folder.
    let dir = uploaded_dir(&state.app.data_dir, &checked.slug, false);
    for (index, bytes) in pictures {
        let sizes = match blocking(move || gallery(&bytes)).await {
            Ok(Ok(sizes)) => sizes,
            Ok(Err(error)) => {
                // The product is saved; its editor says which picture to choose again.
                tracing::warn!(%error, product.id = id, "product picture refused");
                return Redirect::to(&format!("{editor}&upload_error={}", refusal(&error)))
                    .into_response();
            }
            Err(status) => return status.into_response(),
        };
        let written = sizes.iter().try_for_each(|(width, bytes)| {
            write_atomically(&dir.join(format!("{index}-{width}.jpg")), bytes)
        });
        if let Err(error) = written {
            tracing::error!(%error, "cannot store a product picture");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    }
    Redirect::to(&format!("{editor}&uploaded=1")).into_response()
}

/// Back to the form with the reason, as leptos sends back a refused server function, and
/// what was typed kept for this browser.
async fn refused(state: &ServerState, page: &str, sent: &FormDraft, error: AppError) -> Response {
    let location = ServerFnUrlError::new(SaveProduct::PATH, error)
        .to_url(&format!("http://pavilion.invalid{page}"))
        .map(|url| format!("{}?{}", url.path(), url.query().unwrap_or_default()))
        .unwrap_or_else(|_| page.to_owned());
    let mut response = Redirect::to(&location).into_response();
    if !sent.is_empty() {
        remember(state, page, sent, &mut response).await;
    }
    response
}
