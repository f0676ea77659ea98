//! Where payment providers reach the pavilion: the asynchronous notification (a signed
//! POST) and the buyer's return (a signed redirect). Both apply the same verdict once.

use std::collections::BTreeMap;

use app::backend::payments::{self, PaymentError};
use app::model::Lang;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;

use crate::startup::ServerState;

/// `POST /payments/{provider}/notify`: answers `success` once the verdict is recorded
/// (or was before), `fail` with 400 when it cannot be trusted.
pub async fn notify(
    State(state): State<ServerState>,
    Path(provider): Path<String>,
    Form(fields): Form<BTreeMap<String, String>>,
) -> Response {
    match payments::receive(&state.app, &provider, &fields).await {
        Ok(_) => (StatusCode::OK, "success").into_response(),
        Err(PaymentError::Database) => (StatusCode::SERVICE_UNAVAILABLE, "retry").into_response(),
        Err(error) => {
            tracing::warn!(%error, provider, "payment notification refused");
            (StatusCode::BAD_REQUEST, "fail").into_response()
        }
    }
}

/// `GET /payments/{provider}/return`: applies the verdict, then shows the order.
pub async fn back(
    State(state): State<ServerState>,
    Path(provider): Path<String>,
    Query(fields): Query<BTreeMap<String, String>>,
) -> Response {
    let lang = fields
        .get("lang")
        .and_then(|code| Lang::parse(code))
        .unwrap_or_default();
    match payments::receive(&state.app, &provider, &fields).await {
        Ok(applied) => {
            let link =
                app::backend::orders::link_for_number(&state.app, lang, applied.order_number())
                    .await
                    .unwrap_or_else(|_| format!("/{}/orders", lang.code()));
            Redirect::to(&link).into_response()
        }
        Err(error) => {
            tracing::warn!(%error, provider, "payment return refused");
            Redirect::to(&format!("/{}/orders?payment=invalid", lang.code())).into_response()
        }
    }
}
