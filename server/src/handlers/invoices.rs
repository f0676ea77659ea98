//! Electronic invoices: a shop member attaches the PDF to a parcel whose buyer asked for
//! one; the buyer (or whoever holds the order's signed link) downloads it. Nobody else
//! learns that it exists.

use std::collections::HashMap;

use app::backend::seller::{Need, shop_for};
use app::backend::session::Session;
use app::error::{AppError, error_text_in};
use app::i18n::Locale;
use app::model::Lang;
use axum::Extension;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use http::{HeaderMap, StatusCode};

use super::uploads::{fields, lang_of, longer_than, text};
use crate::middleware::status_of;
use crate::startup::ServerState;

/// The largest form accepted: the PDF and a few small fields.
pub const MAX_BODY: usize = app::backend::invoices::MAX_BYTES + 64 * 1024;

/// An error as its status and a sentence in `lang`, never cached.
fn refused(lang: Lang, error: &AppError) -> Response {
    (
        status_of(error),
        [
            (CONTENT_TYPE, "text/plain; charset=utf-8"),
            (CACHE_CONTROL, "no-store"),
        ],
        error_text_in(Locale::from(lang), error),
    )
        .into_response()
}

/// `POST /uploads/invoices` (multipart: `shipment`, `invoice` the PDF, `lang`): issues the
/// invoice of one of the caller's shop's parcels, then back to the shop's parcels.
pub async fn upload(
    State(state): State<ServerState>,
    Extension(session): Extension<Session>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    if longer_than(&headers, MAX_BODY) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    // Read before a stranger is refused (see `uploads::catalogue_form`).
    let fields = match fields(&mut multipart).await {
        Ok(fields) => fields,
        Err(status) => return status.into_response(),
    };
    let lang = lang_of(&fields);
    let Some(user) = session.user() else {
        return refused(lang, &AppError::SignInRequired);
    };
    let shared = &state.app;
    let shop = match shop_for(&shared.pool, &user, Need::Member).await {
        Ok(shop) => shop,
        Err(error) => return refused(lang, &error),
    };
    let shipment: i64 = text(&fields, "shipment").parse().unwrap_or(-1);
    let pdf = fields
        .get("invoice")
        .map(|b| b.as_ref())
        .unwrap_or_default();
    let back = format!("/{}/seller/orders?all=1", lang.code());
    match app::backend::invoices::issue(shared, shop.id, user.id, shipment, pdf).await {
        Ok(()) => {
            Redirect::to(&format!("{back}&invoiced={shipment}#parcel-{shipment}")).into_response()
        }
        Err(AppError::Invalid(problem)) => Redirect::to(&format!(
            "{back}&invoice_error={}&parcel={shipment}#parcel-{shipment}",
            problem.code()
        ))
        .into_response(),
        Err(error) => refused(lang, &error),
    }
}

/// `GET /invoices/{number}/{shipment}?key=…&lang=…`: the issued invoice of a parcel of an
/// order the caller may see; "not found" otherwise.
pub async fn download(
    State(state): State<ServerState>,
    Extension(session): Extension<Session>,
    Path((number, shipment)): Path<(String, i64)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let lang = query
        .get("lang")
        .and_then(|code| Lang::parse(code))
        .unwrap_or(Lang::Zh);
    let key = query.get("key").map(String::as_str);
    let shared = &state.app;
    let found = match app::backend::orders::find_visible(shared, &session, &number, key).await {
        Ok(order) => app::backend::invoices::pdf(shared, &order, shipment).await,
        Err(error) => Err(error),
    };
    match found {
        Ok(pdf) => (
            [
                (CONTENT_TYPE, "application/pdf".to_owned()),
                (
                    CONTENT_DISPOSITION,
                    format!("attachment; filename=\"fapiao-{number}-{shipment}.pdf\""),
                ),
                (CACHE_CONTROL, "private, no-store".to_owned()),
                (X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
            ],
            pdf,
        )
            .into_response(),
        Err(error) => refused(lang, &error),
    }
}
